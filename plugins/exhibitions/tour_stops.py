"""A tour's stops as the public page shows them: where each hotspot leads, in the reader's
language, read with a fixed number of queries however many stops and hotspots there are."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from plugins.opac.models import CatalogueRecord
from plugins.opac.record_urls import record_url

# A caption opens towards the middle of the picture, so it stays on it near the edges.
NEAR_LEFT, NEAR_RIGHT = 30.0, 70.0


@dataclass(frozen=True)
class Hotspot:
    caption: str
    x: float
    y: float
    href: str
    kind: str  # "record", "page" or "url": the list below the picture says which

    @property
    def side(self) -> str:
        if self.x < NEAR_LEFT:
            return "start"
        return "end" if self.x > NEAR_RIGHT else "middle"


@dataclass(frozen=True)
class Stop:
    number: int
    title: str
    url: str


def record_titles(biblio_ids: set[int]) -> dict[int, str]:
    """The titles of these catalogue records, in one query."""
    if not biblio_ids:
        return {}
    found = CatalogueRecord.objects.filter(biblio_id__in=biblio_ids)
    return dict(found.values_list("biblio_id", "title"))


def localized_pages(pages: list[Page]) -> dict[int, Page]:
    """Each page in the active language where it is translated and live (else itself), by the
    chosen page's id: one query for them all."""
    if not pages:
        return {}
    locale = Locale.get_active()
    translated = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            locale=locale, translation_key__in={page.translation_key for page in pages}
        )
    }
    return {page.pk: translated.get(page.translation_key, page) for page in pages}


def hotspots_of(stop_value, request: HttpRequest) -> list[Hotspot]:
    """The hotspots of one stop with the address each leads to."""
    spots = list(stop_value["hotspots"])
    titles = record_titles({spot["record"] for spot in spots if spot["record"]})
    pages = localized_pages([spot["page"] for spot in spots if spot["page"]])
    language = get_language()
    hotspots = []
    for spot in spots:
        if spot["record"]:
            biblio_id = spot["record"]
            href = record_url(biblio_id, titles.get(biblio_id, ""), language)
            kind = "record"
        elif spot["page"]:
            href, kind = pages[spot["page"].pk].get_url(request), "page"
        elif spot["url"]:
            href, kind = spot["url"], "url"
        else:  # a page chosen once and deleted since: nothing to link to
            continue
        hotspots.append(Hotspot(spot["caption"], spot["x"], spot["y"], href, kind))
    return hotspots
