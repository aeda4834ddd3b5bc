"""An event translated through wagtail-localize's workflow: submitted for translation, filled by
its machine translator (the dummy one, which reverses words), published, shown in the language."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from plugins.events.models import EventPage
from tests.html import soup_of
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
    romanian = Locale.objects.get(language_code="ro")

    submitted = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[event.id]),
        {"locales": [romanian.id]},
    )
    assert submitted.status_code == 302
    translation = Translation.objects.get(
        source__object_id=event.translation_key, target_locale=romanian
    )
    admin_client.post(reverse("wagtail_localize:machine_translate", args=[translation.id]))
    with django_capture_on_commit_callbacks(execute=True):  # it publishes once committed
        translation.save_target(publish=True)

    target = EventPage.objects.get(translation_key=event.translation_key, locale=romanian)
    soup = soup_of(client.get(target.url))
    assert target.url.startswith("/ro/events/")
    assert soup.h1.get_text() == "night Poetry"
    assert "hall Main" in soup.select_one(".event__facts").get_text()
    assert target.start == event.start  # synchronised, not translated
    ics = client.get(f"{target.url}ics/").content.decode()
    assert "SUMMARY;LANGUAGE=ro:night Poetry" in ics
