"""An event translated through wagtail-localize's workflow: submitted for translation, filled by
its machine translator (the dummy one, which reverses words), published, shown in the language."""

from __future__ import annotations

import pytest

from tests.html import soup_of
from tests.machine_translation import machine_translated
from tests.plugins.events.conftest import add_event, in_days, index_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def dummy_translator(settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }


def test_machine_translated_event_reaches_the_romanian_page_and_calendar(
    admin_client, client, dummy_translator, django_capture_on_commit_callbacks
):
    event = add_event(
        index_of("en"), "Poetry night", in_days(6), slug="poetry-night", place="Main hall"
    )

    target = machine_translated(admin_client, event, "ro", django_capture_on_commit_callbacks)
    soup = soup_of(client.get(target.url))
    assert target.url.startswith("/ro/events/")
    assert soup.h1.get_text() == "night Poetry"
    assert "hall Main" in soup.select_one(".event__facts").get_text()
    assert target.start == event.start  # synchronised, not translated
    ics = client.get(f"{target.url}ics/").content.decode()
    assert "SUMMARY;LANGUAGE=ro:night Poetry" in ics
