"""New acquisitions as feeds, RSS 2.0 and Atom, one per language: each record with its authors,
year, summary and cover, linking to its page in that language."""

from __future__ import annotations

from datetime import UTC, datetime, time

from django.contrib.syndication.views import Feed
from django.db.models import F, QuerySet
from django.template.loader import render_to_string
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from plugins.opac.cards import card_of
from plugins.opac.models import CatalogueRecord
from plugins.opac.people import natural_name

FEED_SIZE = 30


def newest_records() -> QuerySet[CatalogueRecord]:
    """Records newest first by the day Koha catalogued them."""
    return CatalogueRecord.objects.order_by(F("added_on").desc(nulls_last=True), "-biblio_id")


class NewAcquisitionsRss(Feed):
    """The newest records of the catalogue, for the catalogue page ``page`` (its language)."""

    feed_type = Rss201rev2Feed

    def __init__(self, page: Page) -> None:
        super().__init__()
        self.page = page
        self.language = page.locale.language_code

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def title(self) -> str:
        site = Site.find_for_request(self.request)
        where = site.site_name if site and site.site_name else self.page.title
        return _("New acquisitions — %(library)s") % {"library": where}

    # Full URLs from the request: the syndication framework would otherwise take the host from
    # django.contrib.sites' one site (the mail's), not the address the reader used.
    def link(self) -> str:
        return self.request.build_absolute_uri(
            self.page.url + self.page.reverse_subpage("new_acquisitions")
        )

    def description(self) -> str:
        return _("Books and other items newly added to the library's catalogue.")

    def items(self) -> QuerySet[CatalogueRecord]:
        return newest_records()[:FEED_SIZE]

    def item_title(self, record: CatalogueRecord) -> str:
        return f"{record.title}: {record.subtitle}" if record.subtitle else record.title

    def item_description(self, record: CatalogueRecord) -> str:
        card = card_of(record, self.language)
        return render_to_string(
            "opac/feed_item.html",
            {"card": card, "cover_url": self.request.build_absolute_uri(card.cover.url)},
        )

    def item_link(self, record: CatalogueRecord) -> str:
        return self.request.build_absolute_uri(card_of(record, self.language).url)

    def item_pubdate(self, record: CatalogueRecord) -> datetime | None:
        if record.added_on is None:
            return None
        return datetime.combine(record.added_on, time(), tzinfo=UTC)

    def item_author_name(self, record: CatalogueRecord) -> str:
        return "; ".join(
            natural_name(a["name"]) for a in record.authors if a.get("role", "author") == "author"
        )

    def item_categories(self, record: CatalogueRecord) -> list[str]:
        return list(record.subjects)


class NewAcquisitionsAtom(NewAcquisitionsRss):
    feed_type = Atom1Feed
    subtitle = NewAcquisitionsRss.description
