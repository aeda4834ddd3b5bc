"""What librarians keep for moderating comments: the words that hold a comment back, the
language each comment was written in, and the permission to moderate."""

from __future__ import annotations

import re

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class BadWords(models.Model):
    """Words that send a comment in one language to the librarians instead of the page."""

    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, unique=True
    )
    words = models.TextField(
        _("words"),
        blank=True,
        help_text=_(
            "One word or phrase a line. A comment containing any of them, in any case, "
            "waits for a librarian."
        ),
    )

    class Meta:
        verbose_name = _("bad words")
        verbose_name_plural = _("bad words")
        ordering = ["language"]

    def __str__(self) -> str:
        return str(self.get_language_display())

    def word_list(self) -> list[str]:
        return [line.strip().lower() for line in self.words.splitlines() if line.strip()]


class CommentLanguage(models.Model):
    """The language of the page a comment was posted from (django-comments-xtd keeps none)."""

    comment = models.OneToOneField(
        "django_comments_xtd.XtdComment",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="language",
    )
    language = models.CharField(_("language"), max_length=8, db_index=True)

    class Meta:
        verbose_name = _("comment language")
        verbose_name_plural = _("comment languages")

    def __str__(self) -> str:
        return f"{self.comment_id}: {self.language}"


class Moderation(models.Model):
    """No table: the holder of the permission to moderate readers' contributions."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("moderate", _("Can moderate readers’ contributions"))]

    def __str__(self) -> str:
        return str(self._meta.verbose_name)


def bad_words_in(text: str) -> list[str]:
    """The listed bad words (of every language: readers mix them) that ``text`` contains."""
    lowered = text.lower()
    found = []
    for words in BadWords.objects.all():
        for word in words.word_list():
            if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", lowered):
                found.append(word)
    return found
