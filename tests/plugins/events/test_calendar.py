"""iCalendar: each language's upcoming events, and "add to calendar" for one event, read back
with the icalendar package."""

from __future__ import annotations

from datetime import UTC

import pytest
from icalendar import Calendar

from tests.plugins.events.conftest import add_event, in_days, index_of

pytestmark = pytest.mark.django_db


def calendar_at(client, path: str) -> Calendar:
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_of(calendar: Calendar) -> dict[str, object]:
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_upcoming_events_calendar_in_each_language(client):
    english = events_of(calendar_at(client, "/en/events/ics/"))
    russian = events_of(calendar_at(client, "/ru/events/ics/"))

    storytime = english["Storytime: Alice and Winnie-the-Pooh"]
    translated = russian["Час сказки: Алиса и Винни-Пух"]
    assert storytime["UID"] == translated["UID"]  # one event, whatever the language
    assert str(storytime["UID"]).endswith("@testserver")  # the site's configured address
    assert translated["SUMMARY"].params["LANGUAGE"] == "ru"
    assert translated["LOCATION"] == "Детский уголок, первый этаж"
    assert str(translated["URL"]).startswith("http://testserver/ru/events/")
    assert "Poetry evening: Shevchenko and Eminescu" not in english  # over already


def test_event_calendar_has_utc_times_location_description_and_link(client):
    index = index_of("en")
    event = add_event(
        index,
        "Workshop",
        in_days(3),
        place="Hall",
        address="5 Market Street\nLunca",
        summary="Bring a phone.",
    )

    (item,) = calendar_at(client, f"{event.url}ics/").walk("VEVENT")

    assert item["DTSTART"].dt == event.start.astimezone(UTC)
    assert item["DTEND"].dt == event.end.astimezone(UTC)
    assert item["DTSTART"].dt.tzinfo is not None
    assert item["LOCATION"] == "Hall, 5 Market Street Lunca"
    assert str(item["DESCRIPTION"]).startswith("Bring a phone.")
    assert item["URL"] == f"http://testserver{event.url}"


def test_uid_stays_the_same_when_the_event_changes(client):
    event = add_event(index_of("en"), "Quiz", in_days(3))
    (before,) = calendar_at(client, f"{event.url}ics/").walk("VEVENT")

    event.title = "Quiz night"
    event.start = in_days(4)
    event.end = in_days(4, hour=20)
    event.save_revision().publish()
    (after,) = calendar_at(client, f"{event.url}ics/").walk("VEVENT")

    assert after["UID"] == before["UID"]
    assert after["SUMMARY"] == "Quiz night"
