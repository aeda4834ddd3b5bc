"""The latest published comments on one model's objects in one language, as RSS 2.0 and Atom:
each item links to the comment in place on its object's page; a blocked reader's, held or
hidden comments are never in it. Plugins subclass it for their pages (title, link)."""

from __future__ import annotations

from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.contrib.syndication.views import Feed
from django.db import models
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import linebreaks
from django.utils.translation import gettext as _

from plugins.comments.registry import url_of
from plugins.comments.visibility import shown_comments

FEED_SIZE = 30


class LatestCommentsRss(Feed):
    """Subclasses say ``title``, ``description`` and ``link`` (the page the feed belongs to)."""

    feed_type = Rss201rev2Feed

    def __init__(self, model: type[models.Model], language: str) -> None:
        super().__init__()
        self.model = model
        self.language = language

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def items(self) -> list:
        comments = list(
            shown_comments()
            .filter(
                content_type=ContentType.objects.get_for_model(self.model),
                language__language=self.language,
            )
            .order_by("-submit_date", "-pk")[:FEED_SIZE]
        )
        objects = self.model._default_manager.in_bulk({c.object_pk for c in comments})
        self.targets = {str(pk): obj for pk, obj in objects.items()}
        return [c for c in comments if c.object_pk in self.targets]

    def item_title(self, comment) -> str:
        return _("%(name)s on “%(title)s”") % {
            "name": comment.name,
            "title": self.target_title(self.targets[comment.object_pk]),
        }

    def target_title(self, target: models.Model) -> str:
        """How items' titles name what the comment is about."""
        return str(target)

    def item_description(self, comment) -> str:
        return linebreaks(comment.comment, autoescape=True)

    # Full URLs from the request: the syndication framework would otherwise take the host from
    # django.contrib.sites' one site (the mail's), not the address the reader used.
    def item_link(self, comment) -> str:
        page = url_of(self.targets[comment.object_pk])
        return self.request.build_absolute_uri(f"{page}#c{comment.pk}")

    def item_guid(self, comment) -> str:
        return self.item_link(comment)

    def item_pubdate(self, comment) -> datetime:
        return comment.submit_date

    def item_author_name(self, comment) -> str:
        return comment.name


class LatestCommentsAtom(LatestCommentsRss):
    feed_type = Atom1Feed

    def subtitle(self) -> str:
        return self.description()
