"""A virtual tour of the library: stops (rooms, shelves, objects), each a picture with hotspots.

/<lang>/…/<tour>/                 the introduction and the first stop
/<lang>/…/<tour>/stops/<n>/       stop n, a complete page of its own (a wrong n is a 404)
"""

from __future__ import annotations

from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from plugins.exhibitions.tour_blocks import TourStopsBlock
from plugins.exhibitions.tour_stops import Stop, hotspots_of


class TourPage(RoutablePageMixin, Page):
    """A walk through the library in pictures, one stop at a time."""

    intro = models.TextField(_("introduction"), blank=True)
    stops = StreamField(TourStopsBlock(), verbose_name=_("stops"))

    parent_page_types = ["exhibitions.ExhibitionIndexPage"]
    subpage_types: list[str] = []
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("stops")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("stops"),
    ]
    template = "exhibitions/tour_page.html"

    class Meta:
        verbose_name = _("virtual tour")
        verbose_name_plural = _("virtual tours")

    def stop_url(self, request: HttpRequest | None, number: int) -> str:
        return self.get_url(request) + self.reverse_subpage("stop", kwargs={"number": number})

    def stop_context(self, request: HttpRequest, number: int) -> dict:
        """What the page shows at stop ``number`` (counted from 1)."""
        values = [block.value for block in self.stops]
        if not 1 <= number <= len(values):
            raise Http404(_("This tour has no such stop."))
        stops = [
            Stop(position, value["title"], self.stop_url(request, position))
            for position, value in enumerate(values, start=1)
        ]
        current = values[number - 1]
        # The first stop is the tour's own address too; that one is the canonical.
        canonical = self.get_url(request) if number == 1 else stops[number - 1].url
        return {
            "canonical_url": request.build_absolute_uri(canonical),
            "stop": current,
            "stop_number": number,
            "stop_list": stops,
            "hotspots": hotspots_of(current, request),
            "previous_stop": stops[number - 2] if number > 1 else None,
            "next_stop": stops[number] if number < len(stops) else None,
        }

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict]:
        """The tour, and each of its stops after the first (which is the tour's address)."""
        entries = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        for number in range(2, len(self.stops) + 1):
            stop = self.reverse_subpage("stop", kwargs={"number": number})
            entries.append({**entries[0], "location": base + stop})
        return entries

    @path("")
    def first_stop(self, request: HttpRequest) -> HttpResponse:
        context = self.stop_context(request, 1) if len(self.stops) else {}
        return self.render(request, context_overrides=context)

    @path("stops/<int:number>/", name="stop")
    def stop(self, request: HttpRequest, number: int) -> HttpResponse:
        return self.render(request, context_overrides=self.stop_context(request, number))
