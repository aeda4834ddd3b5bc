"""Automatic moderation: comments that look like spam or abuse wait for a librarian."""

from __future__ import annotations

import re

from django_comments_xtd.models import BlackListedDomain
from django_comments_xtd.moderation import XtdCommentModerator

from plugins.comments.models import bad_words_in

LINK = re.compile(r"(https?://|www\.|<a\s|\[url)", re.IGNORECASE)


class LibraryModerator(XtdCommentModerator):
    """Hold back, rather than discard, comments with links, from blacklisted e-mail domains
    or with a word from the librarians' bad-words lists; flags to remove reach the managers."""

    removal_suggestion_notification = True

    def moderate(self, comment, content_object, request) -> bool:
        return (
            super().moderate(comment, content_object, request)
            or has_link(comment.comment)
            or from_blacklisted_domain(comment.user_email)
            or has_bad_words(comment.comment)
        )


def has_link(text: str) -> bool:
    return LINK.search(text) is not None


def from_blacklisted_domain(email: str) -> bool:
    domain = email.rpartition("@")[2].lower()
    return bool(domain) and BlackListedDomain.objects.filter(domain=domain).exists()


def has_bad_words(text: str) -> bool:
    return bool(bad_words_in(text))
