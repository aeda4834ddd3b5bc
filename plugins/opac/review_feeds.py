"""Readers' latest reviews of the catalogue's records, one feed per language, RSS 2.0 and Atom.

    /<lang>/catalogue/reviews/rss/    the newest published reviews written in that language
    /<lang>/catalogue/reviews/atom/   the same as Atom

Each item links to the review in place on its record's page in that language; feed readers
find the feeds from the catalogue and record pages (``review_feed_links``).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import path
from wagtail.models import Page, Site

from plugins.comments.feeds import LatestCommentsAtom, LatestCommentsRss
from plugins.opac.models import CatalogueRecord


class LatestReviewsRss(LatestCommentsRss):
    def __init__(self, page: Page) -> None:
        super().__init__(CatalogueRecord, page.locale.language_code)
        self.page = page

    def target_title(self, target: CatalogueRecord) -> str:
        return target.title

    def title(self) -> str:
        site = Site.find_for_request(self.request)
        where = site.site_name if site and site.site_name else self.page.title
        return _("Readers’ reviews — %(library)s") % {"library": where}

    def link(self) -> str:
        return self.request.build_absolute_uri(self.page.url)

    def description(self) -> str:
        return _("The newest reviews readers wrote of books and other items in the catalogue.")


class LatestReviewsAtom(LatestCommentsAtom, LatestReviewsRss):
    pass


class ReviewFeedRoutes:
    """The catalogue page's reviews feeds (a mixin of ``CataloguePage``)."""

    @path("reviews/rss/", name="reviews_rss")
    def reviews_rss(self, request: HttpRequest) -> HttpResponse:
        return LatestReviewsRss(self)(request)

    @path("reviews/atom/", name="reviews_atom")
    def reviews_atom(self, request: HttpRequest) -> HttpResponse:
        return LatestReviewsAtom(self)(request)
