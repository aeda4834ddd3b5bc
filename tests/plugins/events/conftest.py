"""Events pages as the demo makes them, and events added to them for a test."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from plugins.events.models import EventIndexPage, EventPage


def index_of(language: str = "en") -> EventIndexPage:
    return EventIndexPage.objects.get(locale=Locale.objects.get(language_code=language))


def add_event(
    index: EventIndexPage, title: str, start: datetime, hours: int = 2, **fields
) -> EventPage:
    fields.setdefault("slug", title.lower().replace(" ", "-").replace(":", ""))
    event = EventPage(title=title, start=start, end=start + timedelta(hours=hours), **fields)
    index.add_child(instance=event)
    event.save_revision().publish()
    return event


def in_days(days: int, hour: int = 18) -> datetime:
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


@pytest.fixture
def index() -> EventIndexPage:
    return index_of("en")


@pytest.fixture
def catalogue(koha_client):
    """The sandbox's records in the site's catalogue."""
    from plugins.opac.sync import sync_catalogue

    sync_catalogue(koha_client)
