"""Events in templates: when an event is, its player, its schema.org data, the home page's list
and the feed links feed readers discover."""

from __future__ import annotations

from django import template
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException

from plugins.events.jsonld import event_jsonld as jsonld_of
from plugins.events.models import EventIndexPage, EventPage

register = template.Library()


@register.simple_tag
def event_when(event: EventPage) -> str:
    """ "12 March 2027, 18:00–20:00 (EET)" in the site's time zone, the zone named."""
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    zone = start.strftime("%Z") or timezone.get_current_timezone_name()
    if start.date() == end.date():
        return _("%(day)s, %(start)s–%(end)s (%(zone)s)") % {
            "day": date_format(start, "DATE_FORMAT"),
            "start": time_format(start, "TIME_FORMAT"),
            "end": time_format(end, "TIME_FORMAT"),
            "zone": zone,
        }
    return _("%(start)s – %(end)s (%(zone)s)") % {
        "start": date_format(start, "DATETIME_FORMAT"),
        "end": date_format(end, "DATETIME_FORMAT"),
        "zone": zone,
    }


@register.inclusion_tag("events/includes/video.html")
def event_video(url: str) -> dict:
    """The stream's or recording's player, or a link to it when no player can be had."""
    try:
        embed = embeds.get_embed(url)
    except EmbedException:
        embed = None
    return {"html": mark_safe(embed.html) if embed and embed.html else "", "url": url}


@register.simple_tag(takes_context=True)
def event_jsonld(context: template.Context, event: EventPage, library: str) -> SafeString:
    return mark_safe(jsonld_of(event, context["request"], library))


def events_page(language: str | None = None) -> EventIndexPage | None:
    """The events page of the active language."""
    language = language or get_language()
    return EventIndexPage.objects.live().filter(locale__language_code=language).first()


@register.inclusion_tag("events/includes/home_upcoming.html", takes_context=True)
def upcoming_events(context: template.Context, index: EventIndexPage | None = None) -> dict:
    """The next events of the active language's events page (unless given)."""
    from plugins.events.listing import next_events

    index = index or events_page()
    return {
        "request": context.get("request"),
        "index": index,
        "events": next_events(index) if index else [],
    }


@register.inclusion_tag("events/includes/feed_links.html", takes_context=True)
def event_feed_links(context: template.Context, index: EventIndexPage | None = None) -> dict:
    """<link rel="alternate"> to the upcoming events' feeds, for feed readers to find."""
    index = index or events_page()
    if index is None:
        return {"feeds": []}
    url = index.get_url(context.get("request"))
    return {
        "feeds": [
            ("application/rss+xml", _("Upcoming events (RSS)"), url + "rss/"),
            ("application/atom+xml", _("Upcoming events (Atom)"), url + "atom/"),
            ("text/calendar", _("Upcoming events (iCalendar)"), url + "ics/"),
        ]
    }
