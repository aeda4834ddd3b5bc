"""Readers' bookshelves: three fixed shelves each (want to read, reading, read) and named lists,
private or public, the records on them and the readers who follow public ones."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

NAME_LENGTH = 100
DESCRIPTION_LENGTH = 300


def new_token() -> str:
    """A shelf's address: unguessable, so a public shelf's URL names neither reader nor list."""
    return secrets.token_urlsafe(12)


class Shelf(models.Model):
    """A reader's shelf: one of the three fixed ones (a record sits on at most one of them) or
    a named list (a record can be on many)."""

    class Kind(models.TextChoices):
        WANT = "want", _("Want to read")
        READING = "reading", _("Reading")
        READ = "read", _("Read")
        LIST = "list", _("List")

    FIXED = (Kind.WANT, Kind.READING, Kind.READ)

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="catalogue_shelves",
        verbose_name=_("reader"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, db_index=True)
    name = models.CharField(_("name"), max_length=NAME_LENGTH, blank=True)
    name_key = models.CharField(max_length=NAME_LENGTH, blank=True, editable=False)
    description = models.CharField(_("description"), max_length=DESCRIPTION_LENGTH, blank=True)
    public = models.BooleanField(_("public"), default=False)
    token = models.CharField(max_length=24, unique=True, default=new_token, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("shelf")
        verbose_name_plural = _("shelves")
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "kind"],
                condition=~models.Q(kind="list"),
                name="opac_shelf_fixed_once",
            ),
            models.UniqueConstraint(
                fields=["owner", "name_key"],
                condition=models.Q(kind="list"),
                name="opac_shelf_list_name_once",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_list(self) -> bool:
        return self.kind == self.Kind.LIST

    @property
    def title(self) -> str:
        """The list's name, or the fixed shelf's in the reader's language."""
        return self.name if self.is_list else str(self.Kind(self.kind).label)


class ShelfEntry(models.Model):
    """A record on a shelf, since when."""

    shelf = models.ForeignKey(Shelf, on_delete=models.CASCADE, related_name="entries")
    record = models.ForeignKey(
        "opac.CatalogueRecord",
        db_column="biblio_id",
        on_delete=models.CASCADE,
        related_name="shelf_entries",
    )
    added_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        verbose_name = _("shelf entry")
        verbose_name_plural = _("shelf entries")
        constraints = [
            models.UniqueConstraint(fields=["shelf", "record"], name="opac_shelf_entry_once")
        ]
        indexes = [
            models.Index(fields=["shelf", "-added_at"], name="opac_shelf_entry_newest"),
            models.Index(fields=["added_at", "record"], name="opac_shelf_entry_added"),
        ]

    def __str__(self) -> str:
        return f"{self.record_id} on {self.shelf_id}"


class ShelfFollow(models.Model):
    """A reader following another reader's public shelf."""

    follower = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_shelves"
    )
    shelf = models.ForeignKey(Shelf, on_delete=models.CASCADE, related_name="follows")
    followed_at = models.DateTimeField(_("followed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("followed shelf")
        verbose_name_plural = _("followed shelves")
        constraints = [
            models.UniqueConstraint(fields=["follower", "shelf"], name="opac_shelf_follow_once")
        ]

    def __str__(self) -> str:
        return f"{self.follower_id} follows {self.shelf_id}"
