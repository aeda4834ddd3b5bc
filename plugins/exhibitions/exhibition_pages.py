"""Exhibition pages and the exhibitions page of each language that lists them.

/<lang>/exhibitions/               current, upcoming and past exhibitions (past ones stay online)
/<lang>/exhibitions/rss/, …/atom/  the exhibitions as RSS 2.0 and Atom, in that language
/<lang>/exhibitions/<slug>/        an exhibition: its sections, each at its own anchor
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from plugins.exhibitions.exhibition_blocks import (
    CuratorBlock,
    SectionBlock,
    anchors_of,
    biblio_ids_in,
)


@dataclass(frozen=True)
class Section:
    anchor: str  # its id on the page: the slug of its title
    title: str
    block: Any  # the section's block in the page's body


class ExhibitionIndexPage(RoutablePageMixin, Page):
    """The exhibitions of one language, and their feeds."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["core.HomePage"]
    subpage_types = ["exhibitions.ExhibitionPage", "exhibitions.TourPage"]
    max_count_per_parent = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    template = "exhibitions/exhibition_index_page.html"

    class Meta:
        verbose_name = _("exhibitions page")
        verbose_name_plural = _("exhibitions pages")

    def exhibitions(self):
        from plugins.exhibitions.exhibition_visibility import unrestricted

        return unrestricted(ExhibitionPage.objects.live().child_of(self)).select_related("cover")

    def tours(self):
        from plugins.exhibitions.exhibition_visibility import unrestricted
        from plugins.exhibitions.tour_pages import TourPage

        return unrestricted(TourPage.objects.live().child_of(self)).order_by("path")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        from plugins.exhibitions.exhibition_listing import grouped

        context = super().get_context(request, *args, **kwargs)
        context["groups"] = grouped(self.exhibitions())
        context["tours"] = list(self.tours())
        return context

    @path("rss/", name="rss")
    def rss(self, request: HttpRequest) -> HttpResponse:
        from plugins.exhibitions.exhibition_feeds import ExhibitionsRss

        return ExhibitionsRss(self)(request)

    @path("atom/", name="atom")
    def atom(self, request: HttpRequest) -> HttpResponse:
        from plugins.exhibitions.exhibition_feeds import ExhibitionsAtom

        return ExhibitionsAtom(self)(request)


class ExhibitionPage(Page):
    """A virtual exhibition: who made it, when and where it is on, and its sections of blocks."""

    summary = models.TextField(_("summary"), help_text=_("Shown in lists, feeds and on top."))
    cover = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_alt = models.CharField(
        _("cover's alt text"),
        max_length=300,
        blank=True,
        help_text=_("What the cover shows; empty if it only decorates."),
    )
    opens = models.DateField(_("opens"), db_index=True)
    closes = models.DateField(
        _("closes"), null=True, blank=True, help_text=_("Empty: open with no end date.")
    )
    online_only = models.BooleanField(
        _("online only"), default=False, help_text=_("No room: the exhibition is this page.")
    )
    place = models.CharField(
        _("room"),
        max_length=200,
        blank=True,
        help_text=_("Where in the library, e.g. “Reading room, 2nd floor”."),
    )
    curators = StreamField(
        [("person", CuratorBlock())], verbose_name=_("curators and team"), blank=True
    )
    body = StreamField([("section", SectionBlock())], verbose_name=_("sections"), blank=True)
    credits = models.TextField(_("credits"), blank=True)
    rights = models.TextField(
        _("rights"), blank=True, help_text=_("Copyright and licences of the texts and images.")
    )

    parent_page_types = ["exhibitions.ExhibitionIndexPage"]
    subpage_types: list[str] = []
    template = "exhibitions/exhibition_page.html"
    serve_related = ("cover",)  # loaded with the page when served (library_site.core.page_routes)
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("cover"), FieldPanel("cover_alt")], heading=_("Cover")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
                FieldPanel("online_only"),
                FieldPanel("place"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("curators"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("credits"), FieldPanel("rights")], heading=_("Credits")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("opens"),
    ]

    class Meta:
        verbose_name = _("exhibition")
        verbose_name_plural = _("exhibitions")

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.opens and self.closes and self.closes < self.opens:
            errors["closes"] = _("An exhibition cannot close before it opens.")
        if not self.online_only and not self.place:
            errors["place"] = _("Name the room, or mark it online only.")
        if errors:
            raise ValidationError(errors)

    def status(self, today: datetime.date | None = None) -> str:
        """ "upcoming", "current" or "past" (a past exhibition stays online)."""
        today = today or timezone.localdate()
        if self.opens > today:
            return "upcoming"
        if self.closes is not None and self.closes < today:
            return "past"
        return "current"

    def sections(self) -> list[Section]:
        """The sections with their anchors, for the table of contents and the page."""
        anchors = anchors_of([block.value["title"] for block in self.body])
        return [
            Section(anchor, block.value["title"], block)
            for anchor, block in zip(anchors, self.body, strict=True)
        ]

    def biblio_ids(self) -> list[int]:
        """The catalogue items shown, in order, each once."""
        return list(dict.fromkeys(biblio_ids_in(self.body)))

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        from plugins.opac.blocks import cards_by_id

        context = super().get_context(request, *args, **kwargs)
        context["record_cards"] = cards_by_id(self.biblio_ids())
        context["index"] = self.get_parent()
        context["sections"] = self.sections()
        return context


class ExhibitionRecord(models.Model):
    """A catalogue record an exhibition's published page shows: the record page's back-links.

    Rebuilt whenever the page is published or unpublished (see exhibition_index_table)."""

    page = models.ForeignKey(
        ExhibitionPage, on_delete=models.CASCADE, related_name="featured_records"
    )
    biblio_id = models.PositiveBigIntegerField(db_index=True)

    class Meta:
        verbose_name = _("record in an exhibition")
        verbose_name_plural = _("records in exhibitions")
        constraints = [
            models.UniqueConstraint(fields=["page", "biblio_id"], name="exhibition_record_once")
        ]

    def __str__(self) -> str:
        return f"{self.page_id}: {self.biblio_id}"
