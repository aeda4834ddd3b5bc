"""The events page's lists: upcoming events with month and audience filters, and the archive."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.template.response import TemplateResponse
from django.utils import timezone

from plugins.events.models import Audience, EventIndexPage, EventPage

PAGE_SIZE = 20
UPCOMING_ON_HOME = 3
_MONTH = re.compile(r"^(?P<year>[0-9]{4})-(?P<month>[0-9]{2})$")


@dataclass(frozen=True)
class Filters:
    """What the reader asked for, checked: anything unknown is dropped, never an error."""

    month: date | None = None
    audience: str = ""

    @classmethod
    def from_query(cls, query: QueryDict) -> Filters:
        month = None
        found = _MONTH.match(query.get("month", ""))
        if found and 1 <= int(found["month"]) <= 12 and int(found["year"]) >= 1:
            month = date(int(found["year"]), int(found["month"]), 1)
        audience = query.get("audience", "")
        return cls(month, audience if audience in Audience.values else "")

    @property
    def month_value(self) -> str:
        return self.month.strftime("%Y-%m") if self.month else ""

    def query_string(self, page: int | None = None) -> str:
        query = QueryDict(mutable=True)
        if self.month:
            query["month"] = self.month_value
        if self.audience:
            query["audience"] = self.audience
        if page and page > 1:
            query["page"] = str(page)
        return f"?{query.urlencode()}"


def upcoming(index: EventIndexPage, now: datetime | None = None):
    """Events not over yet, soonest first."""
    return index.events().filter(end__gte=now or timezone.now()).order_by("start", "pk")


def past(index: EventIndexPage, now: datetime | None = None):
    """Events over, most recent first."""
    return index.events().filter(end__lt=now or timezone.now()).order_by("-start", "-pk")


def filtered(events, filters: Filters):
    if filters.audience:
        events = events.filter(audience__in=[filters.audience, Audience.EVERYONE])
    if filters.month:
        start = timezone.make_aware(datetime(filters.month.year, filters.month.month, 1))
        following = (
            date(filters.month.year + 1, 1, 1)
            if filters.month.month == 12
            else date(filters.month.year, filters.month.month + 1, 1)
        )
        events = events.filter(
            start__lt=timezone.make_aware(datetime(following.year, following.month, 1)),
            end__gte=start,
        )
    return events


def page_of(events, request: HttpRequest) -> PaginatorPage:
    """The page asked for; a bad or too-large number gives the first or last page."""
    return Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))


def upcoming_view(index: EventIndexPage, request: HttpRequest) -> HttpResponse:
    filters = Filters.from_query(request.GET)
    page = page_of(filtered(upcoming(index), filters), request)
    return _render(index, request, page, filters, archive=False)


def past_view(index: EventIndexPage, request: HttpRequest) -> HttpResponse:
    filters = Filters.from_query(request.GET)
    page = page_of(filtered(past(index), filters), request)
    return _render(index, request, page, filters, archive=True)


def _render(
    index: EventIndexPage,
    request: HttpRequest,
    page: PaginatorPage,
    filters: Filters,
    archive: bool,
) -> HttpResponse:
    context = index.get_context(request)
    context.update(
        events=list(page.object_list),
        paginator_page=page,
        filters=filters,
        archive=archive,
        audiences=Audience.choices,
        previous_url=filters.query_string(page.previous_page_number())
        if page.has_previous()
        else "",
        next_url=filters.query_string(page.next_page_number()) if page.has_next() else "",
    )
    return TemplateResponse(request, "events/event_index_page.html", context)


def next_events(index: EventIndexPage, limit: int = UPCOMING_ON_HOME) -> list[EventPage]:
    return list(upcoming(index)[:limit])
