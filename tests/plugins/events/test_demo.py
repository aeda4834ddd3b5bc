"""The demo's events: three in English, translated into ru, uk and ro."""

from __future__ import annotations

import pytest
from wagtail.models import Locale

from plugins.events.models import EventPage
from tests.html import soup_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "ru", "uk", "ro"])
def test_three_events_in_every_language_one_of_them_past(language):
    events = EventPage.objects.live().filter(locale=Locale.objects.get(language_code=language))

    assert events.count() == 3
    assert sum(event.is_past for event in events) == 1


def test_past_demo_event_plays_its_recording_and_names_records(client):
    soup = soup_of(client.get("/uk/events/vechir-poezii-shevchenko-eminesku/"))

    assert soup.h1.get_text() == "Вечір поезії: Шевченко та Емінеску"
    assert soup.select_one(".event__video video source")["src"].endswith(".webm")


def test_a_demo_event_names_catalogue_records():
    assert any(event.biblio_ids for event in EventPage.objects.filter(locale__language_code="en"))
