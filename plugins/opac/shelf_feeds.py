"""A public shelf as feeds, RSS 2.0 and Atom: the records added to it, the latest first, linking
to their pages in the feed's language."""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from wagtail.models import Page

from plugins.opac.feeds import FEED_SIZE, NewAcquisitionsRss
from plugins.opac.models import CatalogueRecord
from plugins.opac.shelf_models import Shelf
from plugins.opac.shelves import display_name, shelf_records, shelf_url


class ShelfRss(NewAcquisitionsRss):
    """A public shelf's records, for the catalogue page ``page`` (its language)."""

    def __init__(self, page: Page, shelf: Shelf) -> None:
        super().__init__(page)
        self.shelf = shelf

    def title(self) -> str:
        return _("%(shelf)s — a list by %(reader)s") % {
            "shelf": self.shelf.title,
            "reader": display_name(self.shelf.owner),
        }

    def link(self) -> str:
        return self.request.build_absolute_uri(shelf_url(self.shelf, self.language))

    def description(self) -> str:
        return self.shelf.description or _("Titles a reader added to their list, latest first.")

    def items(self) -> QuerySet[CatalogueRecord]:
        return shelf_records(self.shelf)[:FEED_SIZE]

    def item_pubdate(self, record: CatalogueRecord) -> datetime:
        return record.shelved_at


class ShelfAtom(ShelfRss):
    feed_type = Atom1Feed
    subtitle = ShelfRss.description
