"""Event pages and the events page of each language that lists them.

/<lang>/events/                    upcoming events; ``?month=YYYY-MM&audience=…&page=N``
/<lang>/events/past/               past events, newest first (the archive), paginated
/<lang>/events/rss/, …/atom/       upcoming events as RSS 2.0 and Atom, in that language
/<lang>/events/ics/                upcoming events as iCalendar (events.ics), in that language
/<lang>/events/<slug>/             an event
/<lang>/events/<slug>/ics/         "add to calendar": the event alone as iCalendar (event.ics)
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from plugins.events.blocks import EventBodyBlock


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    CHILDREN = "children", _("Children")
    TEENS = "teens", _("Teens")
    ADULTS = "adults", _("Adults")
    FAMILIES = "families", _("Families")
    SENIORS = "seniors", _("Seniors")


class Attendance(models.TextChoices):
    IN_PERSON = "offline", _("In person")
    ONLINE = "online", _("Online")
    MIXED = "mixed", _("In person and online")


class EventIndexPage(RoutablePageMixin, Page):
    """The events of one language: upcoming, past, and their calendar and feeds."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["core.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("events page")
        verbose_name_plural = _("events pages")

    def events(self):
        return EventPage.objects.live().child_of(self)

    @path("")
    def upcoming(self, request: HttpRequest) -> HttpResponse:
        from plugins.events.listing import upcoming_view

        return upcoming_view(self, request)

    @path("past/", name="past")
    def past(self, request: HttpRequest) -> HttpResponse:
        from plugins.events.listing import past_view

        return past_view(self, request)

    @path("rss/", name="rss")
    def rss(self, request: HttpRequest) -> HttpResponse:
        from plugins.events.feeds import UpcomingEventsRss

        return UpcomingEventsRss(self)(request)

    @path("atom/", name="atom")
    def atom(self, request: HttpRequest) -> HttpResponse:
        from plugins.events.feeds import UpcomingEventsAtom

        return UpcomingEventsAtom(self)(request)

    @path("ics/", name="calendar")
    def calendar(self, request: HttpRequest) -> HttpResponse:
        from plugins.events.calendar import calendar_response, upcoming_calendar

        return calendar_response(upcoming_calendar(self, request), "events.ics")


class RecordBlock(blocks.IntegerBlock):
    class Meta:
        icon = "doc-full"


class EventPage(RoutablePageMixin, Page):
    """One event: when, where, for whom, how to come or watch, and what to read around it."""

    start = models.DateTimeField(_("starts"), db_index=True)
    end = models.DateTimeField(_("ends"))
    place = models.CharField(
        _("place"),
        max_length=200,
        blank=True,
        help_text=_("A room of the library (“Reading room, 2nd floor”) or a venue's name."),
    )
    address = models.TextField(
        _("address"), blank=True, help_text=_("Leave empty when the event is at the library.")
    )
    attendance = models.CharField(
        _("attendance"), max_length=10, choices=Attendance.choices, default=Attendance.IN_PERSON
    )
    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience.choices, default=Audience.EVERYONE
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("How many people can come; empty: no limit."),
    )
    video_url = models.URLField(
        _("video stream or recording"),
        blank=True,
        help_text=_("A link to the stream or the recording (a video site, or a video file)."),
    )
    summary = models.TextField(_("summary"), blank=True, help_text=_("Shown in lists and feeds."))
    body = StreamField(EventBodyBlock(), verbose_name=_("body"), blank=True)
    related_records = StreamField(
        [("record", RecordBlock(label=_("Catalogue record (Koha biblionumber)"), min_value=1))],
        verbose_name=_("related catalogue records"),
        blank=True,
    )

    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("audience")],
            heading=_("When and for whom"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance"),
                FieldPanel("place"),
                FieldPanel("address"),
                FieldPanel("video_url"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel("registration_url"), FieldPanel("capacity")], heading=_("Registration")
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("related_records"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["start"]

    def clean(self) -> None:
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("An event cannot end before it starts.")})

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    @property
    def biblio_ids(self) -> list[int]:
        return [block.value for block in self.related_records if block.value]

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        from plugins.opac.cards import cards_of

        context = super().get_context(request, *args, **kwargs)
        context["record_cards"] = cards_of(self.biblio_ids) if self.biblio_ids else []
        context["index"] = self.get_parent()
        return context

    @path("ics/", name="ics")
    def ics(self, request: HttpRequest) -> HttpResponse:
        from plugins.events.calendar import calendar_response, event_calendar

        return calendar_response(event_calendar(self, request), "event.ics")
