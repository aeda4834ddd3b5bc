"""Upcoming events as RSS 2.0 and Atom, one feed per language."""

from __future__ import annotations

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.template.loader import render_to_string
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from plugins.events.models import EventIndexPage, EventPage

FEED_SIZE = 50


class UpcomingEventsRss(Feed):
    """The upcoming events of the events page ``index``, in its language."""

    feed_type = Rss201rev2Feed

    def __init__(self, index: EventIndexPage) -> None:
        super().__init__()
        self.index = index
        self.language = index.locale.language_code

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def title(self) -> str:
        return self.index.title

    def link(self) -> str:
        return self.request.build_absolute_uri(self.index.get_url(self.request))

    def description(self) -> str:
        return self.index.intro or _("What is on at the library.")

    def items(self) -> list[EventPage]:
        from plugins.events.listing import upcoming

        return list(upcoming(self.index)[:FEED_SIZE])

    def item_title(self, event: EventPage) -> str:
        return event.title

    def item_description(self, event: EventPage) -> str:
        return render_to_string("events/feed_item.html", {"event": event})

    def item_link(self, event: EventPage) -> str:
        return self.request.build_absolute_uri(event.get_url(self.request))

    def item_guid(self, event: EventPage) -> str:
        return self.item_link(event)

    def item_pubdate(self, event: EventPage) -> datetime | None:
        return event.first_published_at

    def item_updateddate(self, event: EventPage) -> datetime | None:
        return event.last_published_at

    def item_categories(self, event: EventPage) -> list[str]:
        return [str(event.get_audience_display())]


class UpcomingEventsAtom(UpcomingEventsRss):
    feed_type = Atom1Feed

    def subtitle(self) -> str:
        return self.description()
