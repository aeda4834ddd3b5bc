"""Events as iCalendar (RFC 5545): the upcoming events of a language, and one event alone."""

from __future__ import annotations

from datetime import UTC
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event

from plugins.events.models import EventIndexPage, EventPage

FEED_SIZE = 200


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//library20//events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone.get_default_timezone_name())
    return calendar


def uid_of(event: EventPage) -> str:
    """The same for an event in every language, whatever address the calendar is read from."""
    return f"event-{event.translation_key}@{urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname}"


def location_of(event: EventPage) -> str:
    return ", ".join(part for part in (event.place, " ".join(event.address.split())) if part)


def _event(event: EventPage, request: HttpRequest) -> Event:
    url = request.build_absolute_uri(event.get_url(request))
    language = {"LANGUAGE": event.locale.language_code}
    item = Event()
    item.add("uid", uid_of(event))
    item.add("dtstamp", event.last_published_at or timezone.now())
    item.add("dtstart", event.start.astimezone(UTC))
    item.add("dtend", event.end.astimezone(UTC))
    item.add("summary", event.title, parameters=language)
    description = event.summary or strip_tags(event.search_description)
    item.add("description", f"{description}\n\n{url}".strip(), parameters=language)
    if location_of(event):
        item.add("location", location_of(event), parameters=language)
    item.add("url", url)
    if event.last_published_at:
        item.add("last-modified", event.last_published_at)
    return item


def upcoming_calendar(index: EventIndexPage, request: HttpRequest) -> Calendar:
    from plugins.events.listing import upcoming

    calendar = _calendar(index.title)
    for event in upcoming(index)[:FEED_SIZE]:
        calendar.add_component(_event(event, request))
    return calendar


def event_calendar(event: EventPage, request: HttpRequest) -> Calendar:
    calendar = _calendar(event.title)
    calendar.add_component(_event(event, request))
    return calendar


def calendar_response(calendar: Calendar, filename: str) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
