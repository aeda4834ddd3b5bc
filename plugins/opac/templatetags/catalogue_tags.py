"""Template tags of the catalogue, for its own pages and for the site's (the home page)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django import template
from django.http import HttpRequest
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from koha_bridge.availability import ItemStatus
from plugins.opac.availability import Copy
from plugins.opac.cards import RecordCard, card_of
from plugins.opac.catalogue_page import CataloguePage
from plugins.opac.feeds import newest_records
from plugins.opac.search import CatalogueQuery, search_catalogue

register = template.Library()

HOME_SHELF = 6  # new acquisitions the home page shows
SITE_SEARCH_RECORDS = 5  # records the site's search lists before linking to the catalogue
STATUS_LABELS = {
    ItemStatus.ON_SHELF: lambda: _("On the shelf"),
    ItemStatus.IN_TRANSIT: lambda: _("In transit between libraries"),
    ItemStatus.ON_HOLD: lambda: _("On hold for a reader"),
    ItemStatus.NOT_FOR_LOAN: lambda: _("Not for loan: read it in the library"),
    ItemStatus.LOST: lambda: _("Lost"),
    ItemStatus.WITHDRAWN: lambda: _("Withdrawn"),
    ItemStatus.DAMAGED: lambda: _("Damaged: being repaired"),
}


@register.simple_tag
def copy_status(copy: Copy) -> str:
    """ "On loan until 18 November 2026", "On the shelf"... in the reader's language."""
    if copy.status is ItemStatus.ON_LOAN:
        if copy.due_date is None:
            return _("On loan")
        return _("On loan until %(date)s") % {"date": date_format(copy.due_date, "DATE_FORMAT")}
    return STATUS_LABELS[copy.status]()


def catalogue_page(request: HttpRequest | None) -> CataloguePage | None:
    """The live catalogue page of the active language (looked up once per request)."""
    language = get_language()
    memo = getattr(request, "_catalogue_pages", None) if request is not None else None
    if memo is not None and language in memo:
        return memo[language]
    found = CataloguePage.objects.live().filter(locale__language_code=language).first()
    if request is not None:
        request._catalogue_pages = {**(memo or {}), language: found}
    return found


@register.simple_tag(takes_context=True)
def active_catalogue(context: template.Context) -> CataloguePage | None:
    return catalogue_page(context.get("request"))


@register.inclusion_tag("opac/includes/feed_links.html", takes_context=True)
def catalogue_feed_links(context: template.Context, page: CataloguePage | None = None) -> dict:
    """<link rel="alternate"> to the new-acquisitions feeds, for feed readers to discover."""
    titles = (_("New acquisitions (RSS)"), _("New acquisitions (Atom)"))
    return _feed_links(page or catalogue_page(context.get("request")), "new", titles)


@register.inclusion_tag("opac/includes/feed_links.html", takes_context=True)
def review_feed_links(context: template.Context, page: CataloguePage | None = None) -> dict:
    """<link rel="alternate"> to the feeds of readers' reviews in the page's language."""
    titles = (_("Readers’ reviews (RSS)"), _("Readers’ reviews (Atom)"))
    return _feed_links(page or catalogue_page(context.get("request")), "reviews", titles)


def _feed_links(page: CataloguePage | None, feed: str, titles: tuple[str, str]) -> dict:
    if page is None:
        return {"feeds": []}
    rss, atom = (page.url + page.reverse_subpage(f"{feed}_{kind}") for kind in ("rss", "atom"))
    return {
        "feeds": [
            ("application/rss+xml", titles[0], rss),
            ("application/atom+xml", titles[1], atom),
        ]
    }


@register.simple_tag
def newest_cards(count: int = HOME_SHELF) -> list[RecordCard]:
    """The newest records of the catalogue, as cards in the active language."""
    return [card_of(record) for record in newest_records()[:count]]


@dataclass(frozen=True)
class CatalogueMatches:
    cards: list[RecordCard]
    total: int
    url: str  # the catalogue page searching the same words, for all of them


@register.simple_tag(takes_context=True)
def catalogue_matches(
    context: template.Context, text: str, count: int = SITE_SEARCH_RECORDS
) -> CatalogueMatches | None:
    """The records the site's search words find first, with a link to all of them; None when
    the language has no catalogue page or nothing is asked."""
    page = catalogue_page(context.get("request"))
    if page is None or not text:
        return None
    results = search_catalogue(CatalogueQuery(text=text, per_page=count, facets=False))
    cards = [card_of(record) for record in results.records]
    return CatalogueMatches(cards, results.total, f"{page.url}?{urlencode({'q': text})}")
