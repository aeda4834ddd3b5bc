"""Load the demo's virtual tour idempotently: six rooms of the library in English, translated
with wagtail-localize, their pictures drawn here."""

from __future__ import annotations

from wagtail.models import Locale, Page

from library_site.demo.content import tours as content
from library_site.demo.content.text import Catalogue
from library_site.demo.images import ensure_images
from library_site.demo.rooms import ROOMS
from plugins.exhibitions.models import ExhibitionIndexPage, TourPage


def _hotspot(spot: content.HotspotContent, pages: dict[str, Page]) -> dict:
    return {
        "caption": spot.caption.en,
        "x": spot.x,
        "y": spot.y,
        "record": spot.record,
        "page": pages[spot.page] if spot.page else None,
        "url": spot.url,
    }


def _stops(home: Page, images: dict) -> list[tuple[str, dict]]:
    slugs = {spot.page for stop in content.STOPS for spot in stop.hotspots if spot.page}
    pages = {page.slug: page for page in home.get_children().filter(slug__in=slugs)}
    return [
        (
            "stop",
            {
                "title": stop.title.en,
                "text": f"<p>{stop.text.en}</p>",
                "image": images[stop.drawing],
                "alt": stop.alt.en,
                "panorama": stop.panorama,
                "hotspots": [_hotspot(spot, pages) for spot in stop.hotspots],
            },
        )
        for stop in content.STOPS
    ]


def ensure_tour(home: Page, catalogue: Catalogue, locales: list[Locale], translate) -> TourPage:
    """The tour of the library, in every language."""
    parent = ExhibitionIndexPage.objects.child_of(home).get()  # made by ensure_exhibitions
    tour = TourPage.objects.child_of(parent).filter(slug=content.TOUR_SLUG.en).first()
    if tour is None:
        tour = TourPage(
            title=content.TOUR_TITLE.en,
            slug=content.TOUR_SLUG.en,
            intro=content.TOUR_INTRO.en,
            stops=_stops(home, ensure_images(ROOMS)),
        )
        parent.add_child(instance=tour)
        tour.save_revision().publish()
    translate(tour, catalogue, locales, content.TOUR_SLUG)
    return tour
