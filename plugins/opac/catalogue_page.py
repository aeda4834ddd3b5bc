"""The catalogue page: one per language tree, at /<lang>/catalogue/, with its routes.

    /<lang>/catalogue/                        search, facets, sorting, pages
    /<lang>/catalogue/<id>/<slug>/            a record (a wrong or missing slug redirects)
    /<lang>/catalogue/<id>/export/<format>/   the record as MARC, MARCXML or RIS
    /<lang>/catalogue/availability/<id>/      where the record's copies are now (live, fetched
                                              into the record page anonymous readers share)
    /<lang>/catalogue/rating/<id>/            a reader’s stars for the record (POST)
    /<lang>/catalogue/tagging/<id>/           a reader tags the record or removes a tag (POST)
    /<lang>/catalogue/tags/, …/tags/<tag>/    the language's tag cloud, the records with a tag
    /<lang>/catalogue/not-interested/<id>/    never offer the reader this title (POST)
    /<lang>/catalogue/new/                    new acquisitions, newest first
    /<lang>/catalogue/new/rss/, …/new/atom/   their feeds
    /<lang>/catalogue/shelves/…, …/shelving/<id>/  readers' bookshelves (``shelf_routes``)
    /<lang>/catalogue/suggest/                a reader suggests a title to buy (acquisitions.routes)
    /<lang>/catalogue/reviews/rss/, …/atom/   readers' latest reviews in that language
                                              (``review_feeds.ReviewFeedRoutes``)

Record addresses are made by ``record_urls.record_url`` everywhere on the site, so the page's
place is fixed: its slug must be "catalogue" (editors are told so if they change it; translations
keep the source's slug) and it sits right under a language's home page.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page, Site
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from plugins.opac import exports, ratings, shelves, tags
from plugins.opac.acquisitions.routes import SuggestionRoutes
from plugins.opac.availability import availability_of
from plugins.opac.cards import cards_of, rated_cards
from plugins.opac.details import details_of
from plugins.opac.feeds import NewAcquisitionsAtom, NewAcquisitionsRss, newest_records
from plugins.opac.models import CatalogueRecord, Rating, TagTerm
from plugins.opac.recommendation_routes import RecommendationRoutes
from plugins.opac.recommendations.shown import also_liked
from plugins.opac.record_extensions import record_sections
from plugins.opac.record_urls import BIBLIO_ID, CATALOGUE_PATH, record_slug, record_url
from plugins.opac.record_view import record_view
from plugins.opac.review_feeds import ReviewFeedRoutes
from plugins.opac.search_params import query_from
from plugins.opac.search_view import search_view
from plugins.opac.shelf_routes import ShelfRoutes
from plugins.readers import ratelimits

NEW_PER_PAGE = 20
RATING_ACTION = "rating"  # its rate limit in settings.READERS_RATE_LIMITS
TAG_ACTION = "tag"


def _is_home(page: Page) -> bool:
    """Whether ``page`` is a site's root page or one of its translations (a language's home)."""
    return Site.objects.filter(root_page__translation_key=page.translation_key).exists()


class CataloguePage(
    RecommendationRoutes, ShelfRoutes, SuggestionRoutes, ReviewFeedRoutes, RoutablePageMixin, Page
):
    """The library's catalogue: search it, open a record, follow what is new."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences above the search box.")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]
    max_count_per_parent = 1
    subpage_types: list[str] = []
    template = "opac/catalogue_page.html"

    class Meta:
        verbose_name = _("catalogue page")
        verbose_name_plural = _("catalogue pages")

    def clean(self) -> None:
        super().clean()
        if self.slug != CATALOGUE_PATH:
            raise ValidationError(
                {
                    "slug": _(
                        "The catalogue's address is fixed: its slug must be “%(slug)s”, or links "
                        "to records (/en/%(slug)s/41/…) would break."
                    )
                    % {"slug": CATALOGUE_PATH}
                }
            )

    @classmethod
    def can_create_at(cls, parent: Page) -> bool:
        return super().can_create_at(parent) and _is_home(parent)

    def can_move_to(self, parent: Page) -> bool:
        return super().can_move_to(parent) and _is_home(parent)

    # -- routes ---------------------------------------------------------------------------

    @path("", name="search")
    def search(self, request: HttpRequest) -> HttpResponse:
        view = search_view(self.url, query_from(request.GET))
        response = self.render(request, context_overrides={"search": view})
        if not view.results.total:
            # A search that finds nothing is counted for the librarians each time it is made.
            patch_cache_control(response, no_cache=True)
        return response

    @path("new/", name="new_acquisitions")
    def new_acquisitions(self, request: HttpRequest) -> HttpResponse:
        newest = Paginator(newest_records(), NEW_PER_PAGE).get_page(request.GET.get("page"))
        return self.render(
            request,
            template="opac/new_acquisitions.html",
            context_overrides={"newest": newest, "cards": rated_cards(list(newest))},
        )

    @path("new/rss/", name="new_rss")
    def new_rss(self, request: HttpRequest) -> HttpResponse:
        return NewAcquisitionsRss(self)(request)

    @path("new/atom/", name="new_atom")
    def new_atom(self, request: HttpRequest) -> HttpResponse:
        return NewAcquisitionsAtom(self)(request)

    @re_path(rf"^{BIBLIO_ID}/$", name="record_without_slug")
    @re_path(rf"^{BIBLIO_ID}/(?P<slug>[\w-]+)/$", name="record")
    def record(self, request: HttpRequest, biblio_id: str, slug: str = "") -> HttpResponse:
        found = self._record(biblio_id)
        if slug != record_slug(found.title):
            return HttpResponsePermanentRedirect(self._record_url(found))
        view = record_view(found, self.url, request.build_absolute_uri)
        summary, mine = ratings.rating_of(found.biblio_id, request.user)
        rating = {"summary": summary, "mine": mine, "stars": list(Rating.STARS)}
        tagging = {
            "tags": tags.record_tags(found, get_language()),  # the page's, without a query
            "mine": tags.readers_tags(request.user, found),
            "max_length": tags.MAX_LENGTH,
        }
        also = cards_of(also_liked(found, request.user))
        return self.render(
            request,
            template="opac/record_page.html",
            context_overrides={
                "view": view,
                "rating": rating,
                "tagging": tagging,
                "shelving": shelves.shelving_of(request.user, found),
                "also_liked": also,
                "record_sections": record_sections(request, found, get_language()),
            },
        )

    @re_path(rf"^availability/{BIBLIO_ID}/$", name="availability")
    def availability(self, request: HttpRequest, biblio_id: str) -> HttpResponse:
        """Where the record's copies are now: the part of its page kept pages fetch, live."""
        found = self._record(biblio_id)
        response = TemplateResponse(
            request,
            "opac/includes/availability.html",
            {"availability": availability_of(found.biblio_id)},
        )
        add_never_cache_headers(response)
        return response

    @re_path(rf"^tagging/{BIBLIO_ID}/$", name="tagging")
    def tagging(self, request: HttpRequest, biblio_id: str) -> HttpResponse:
        """A reader tags the record or removes one of their tags; back to the record."""
        found, back, refused = self._readers_post(request, biblio_id, TAG_ACTION)
        if refused is not None:
            return refused
        if "remove" in request.POST:
            removed = request.POST["remove"]
            if removed.isdigit() and tags.remove_tag(request.user, found, int(removed)):
                messages.success(request, _("Your tag is removed."))
            return HttpResponseRedirect(back + "#tags")
        try:
            added = tags.add_tag(request.user, found, request.POST.get("tag", ""), get_language())
        except tags.TagRefused as refused:
            messages.error(request, str(refused))
        else:
            if added.tag.status == TagTerm.Status.APPROVED:
                messages.success(request, _("Your tag “%(tag)s” is added.") % {"tag": added.tag})
            else:
                messages.success(
                    request,
                    _(
                        "Your tag “%(tag)s” is added. Others will see it once a librarian "
                        "has looked at it."
                    )
                    % {"tag": added.tag},
                )
        return HttpResponseRedirect(back + "#tags")

    @path("tags/", name="tag_cloud")
    def tag_cloud(self, request: HttpRequest) -> HttpResponse:
        return self.render(
            request,
            template="opac/tag_cloud.html",
            context_overrides={"cloud": tags.cloud(get_language())},
        )

    @re_path(r"^tags/(?P<key>[^/]{1,50})/$", name="tagged")
    def tagged(self, request: HttpRequest, key: str) -> HttpResponse:
        tag = tags.approved(key)
        if tag is None:
            raise Http404("no such approved tag")
        found = tags.tagged_records(tag, get_language())
        listed = Paginator(found, NEW_PER_PAGE).get_page(request.GET.get("page"))
        return self.render(
            request,
            template="opac/tagged.html",
            context_overrides={"tag": tag, "listed": listed, "cards": rated_cards(list(listed))},
        )

    @re_path(rf"^rating/{BIBLIO_ID}/$", name="rating")
    def rating(self, request: HttpRequest, biblio_id: str) -> HttpResponse:
        """A reader rates the record, changes their rating or removes it; back to the record."""
        found, back, refused = self._readers_post(request, biblio_id, RATING_ACTION)
        if refused is not None:
            return refused
        if "remove" in request.POST:
            if ratings.unrate(request.user, found):
                messages.success(request, _("Your rating is removed."))
        elif (stars := ratings.parse_stars(request.POST.get("stars"))) is None:
            messages.error(request, _("Choose from 1 to 5 stars to rate this title."))
        else:
            ratings.rate(request.user, found, stars)
            messages.success(
                request,
                ngettext(
                    "You rated “%(title)s” %(stars)s star.",
                    "You rated “%(title)s” %(stars)s stars.",
                    stars,
                )
                % {"title": found.title, "stars": stars},
            )
        return HttpResponseRedirect(back + "#rating")

    @re_path(rf"^{BIBLIO_ID}/export/(?P<kind>marc|marcxml|ris)/$", name="export")
    def export(self, request: HttpRequest, biblio_id: str, kind: str) -> HttpResponse:
        found = self._record(biblio_id)
        if kind == "marc":
            return exports.marc_file(found)
        if kind == "marcxml":
            return exports.marcxml_file(found)
        url = request.build_absolute_uri(self._record_url(found))
        return exports.ris_file(found, details_of(found), url)

    def _readers_post(
        self, request: HttpRequest, biblio_id: str, action: str
    ) -> tuple[CatalogueRecord, str, HttpResponse | None]:
        """The record a reader's form posts to, its page's address, and the answer when the
        post cannot go on: not a POST, a visitor (sent to sign in and back), too many."""
        found = self._record(biblio_id)
        back = self._record_url(found)
        if request.method != "POST":
            return found, back, HttpResponseNotAllowed(["POST"])
        if not request.user.is_authenticated:
            return found, back, redirect_to_login(back, reverse("account_login"))
        if not ratelimits.take(request, action):
            return found, back, ratelimits.too_many_requests(request)
        return found, back, None

    def _record(self, biblio_id: str) -> CatalogueRecord:
        found = CatalogueRecord.objects.filter(pk=int(biblio_id)).first()
        if found is None:
            raise Http404("no such record in the catalogue")
        return found

    def _record_url(self, record: CatalogueRecord) -> str:
        return record_url(record.biblio_id, record.title, self.locale.language_code)
