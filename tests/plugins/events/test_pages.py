"""An event's page: when (in the site's time zone, named), where, for whom, how to register,
its player, the catalogue's records around it and its schema.org data."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from plugins.events.models import Attendance, Audience
from tests.html import soup_of
from tests.plugins.events.conftest import add_event, in_days

pytestmark = pytest.mark.django_db

XSS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']


def test_event_page_shows_time_place_audience_and_registration(client, index):
    event = add_event(
        index,
        "Book club",
        in_days(5),
        place="Reading room",
        address="5 Market Street\nLunca",
        audience=Audience.TEENS,
        registration_url="https://tickets.example/book-club",
        capacity=15,
        summary="We read and argue.",
    )

    soup = soup_of(client.get(event.url))

    facts = soup.select_one(".event__facts").get_text(" ", strip=True)
    assert soup.h1.get_text() == "Book club"
    assert "Reading room" in facts and "5 Market Street" in facts
    assert "Teens" in facts and "15" in facts
    assert (
        soup.select_one(".event__actions a.button")["href"] == "https://tickets.example/book-club"
    )
    assert soup.find("a", string="Add to calendar")["href"] == f"{event.url}ics/"


def test_time_is_shown_in_the_sites_time_zone_with_the_zone_named(client, index, settings):
    settings.TIME_ZONE = "Europe/Chisinau"
    start = datetime(2031, 3, 12, 16, 0, tzinfo=UTC)
    event = add_event(index, "Talk", start)

    when = soup_of(client.get(event.url)).select_one(".event__facts time")

    assert when.get_text() == "March 12, 2031, 6 p.m.–8 p.m. (EET)"
    assert when["datetime"] == "2031-03-12T18:00:00+02:00"


def test_past_event_says_it_is_over_and_offers_no_registration(client, index):
    event = add_event(index, "Old talk", in_days(-3), registration_url="https://t.example/")

    soup = soup_of(client.get(event.url))

    assert "this event is over" in soup.select_one(".event__facts").get_text()
    assert soup.find("a", string="Register") is None


def test_recording_in_a_video_file_plays_in_the_page_without_asking_another_site(client, index):
    event = add_event(index, "Recorded", in_days(-3), video_url="https://media.example/talk.webm")

    video = soup_of(client.get(event.url)).select_one(".event__video video source")

    assert video["src"] == "https://media.example/talk.webm"
    assert video["type"] == "video/webm"


def test_a_stream_no_finder_knows_is_a_plain_link(client, index):
    event = add_event(index, "Streamed", in_days(3), video_url="https://video.example/watch?v=1")

    link = soup_of(client.get(event.url)).select_one(".event__video a")

    assert link["href"] == "https://video.example/watch?v=1"


def test_related_records_are_shown_as_catalogue_cards_in_one_query(
    client, index, catalogue, django_assert_max_num_queries
):
    event = add_event(
        index, "Readings", in_days(3), related_records=[("record", 41), ("record", 1)]
    )
    client.get(event.url)

    with django_assert_max_num_queries(14):
        soup = soup_of(client.get(event.url))

    cards = soup.select(".event__records .record-card__title a")
    assert [a["href"].split("/")[3] for a in cards] == ["41", "1"]


@pytest.mark.parametrize(
    ("attendance", "mode"),
    [
        (Attendance.IN_PERSON, "OfflineEventAttendanceMode"),
        (Attendance.ONLINE, "OnlineEventAttendanceMode"),
        (Attendance.MIXED, "MixedEventAttendanceMode"),
    ],
)
def test_schema_org_event_names_dates_place_mode_and_the_library(client, index, attendance, mode):
    event = add_event(
        index,
        "Meeting",
        in_days(4),
        place="Hall",
        attendance=attendance,
        video_url="https://media.example/live.webm",
    )

    script = soup_of(client.get(event.url)).find("script", type="application/ld+json")
    data = json.loads(script.string)

    assert data["@type"] == "Event"
    assert data["name"] == "Meeting"
    assert data["startDate"] == event.start.isoformat()
    assert data["endDate"] == event.end.isoformat()
    assert data["eventAttendanceMode"] == f"https://schema.org/{mode}"
    assert data["organizer"] == {
        "@type": "Library",
        "name": "Prut Valley Public Library",
        "url": "http://testserver/en/",
    }
    types = [location["@type"] for location in data["location"]]
    assert ("Place" in types) == (attendance != Attendance.ONLINE)
    assert ("VirtualLocation" in types) == (attendance != Attendance.IN_PERSON)


@pytest.mark.parametrize("payload", XSS)
def test_what_editors_type_is_shown_as_text(client, index, payload):
    event = add_event(
        index, f"Talk {payload}", in_days(2), slug="talk", place=payload, summary=payload
    )

    response = client.get(event.url)
    soup = soup_of(response)

    assert payload not in response.content.decode()
    assert soup.h1.get_text() == f"Talk {payload}"
    assert not soup.select("main script, main img")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["location"][0]["name"] == payload


def test_an_event_cannot_end_before_it_starts(index):
    from django.core.exceptions import ValidationError

    event = add_event(index, "Backwards", in_days(2))
    event.end = event.start - timedelta(hours=1)

    with pytest.raises(ValidationError):
        event.full_clean()


def test_editors_add_events_under_the_events_page_in_the_admin(admin_client, index):
    response = admin_client.get(f"/admin/pages/add/events/eventpage/{index.id}/")

    assert response.status_code == 200
    assert 'name="start"' in response.content.decode()
