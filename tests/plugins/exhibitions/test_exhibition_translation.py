"""An exhibition translated through wagtail-localize's workflow reaches the public page in that
language; the demo's exhibition shows a block of every kind in each of its four languages."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from plugins.exhibitions.models import ExhibitionPage, ExhibitionRecord
from tests.html import soup_of
from tests.plugins.exhibitions.conftest import (
    BLOCK_TYPES,
    KOBZAR,
    add_exhibition,
    every_block,
    index_of,
)

pytestmark = pytest.mark.django_db

DEMO = {
    "en": ("first-printings", "First printings: Pushkin, Shevchenko, Gogol, Eminescu"),
    "ru": ("pervye-izdaniya", "Первые издания: Пушкин, Шевченко, Гоголь, Эминеску"),
    "uk": ("pershi-vydannia", "Перші видання: Пушкін, Шевченко, Гоголь, Емінеску"),
    "ro": ("primele-editii", "Primele ediții: Pușkin, Șevcenko, Gogol, Eminescu"),
}


@pytest.fixture
def dummy_translator(settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }


def test_a_machine_translated_exhibition_reaches_the_romanian_page(
    admin_client,
    client,
    dummy_translator,
    uploads,
    catalogue,
    django_capture_on_commit_callbacks,
):
    source = add_exhibition(index_of("en"), "Printed first", every_block(uploads))
    romanian = Locale.objects.get(language_code="ro")

    submitted = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[source.id]),
        {"locales": [romanian.id]},
    )
    assert submitted.status_code == 302
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale=romanian
    )
    admin_client.post(reverse("wagtail_localize:machine_translate", args=[translation.id]))
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    target = ExhibitionPage.objects.get(translation_key=source.translation_key, locale=romanian)
    soup = soup_of(client.get(target.url))
    assert target.url.startswith("/ro/exhibitions/")
    assert soup.h1.get_text() == "first Printed"
    assert [a.get_text() for a in soup.select(".exhibition__toc a")] == [
        "books Four",
        "print to manuscript From",
        "watch and Listen",
    ]
    assert soup.select_one(".exhibit-image img")["alt"] == "press hand A"
    assert "fades. and rings bell single A" in soup.select_one(".exhibit-transcript").text
    assert soup.select_one(".exhibit-video track")["srclang"] == "en"  # the captions' own
    assert soup.select_one(".record-block__title")["href"].startswith(f"/ro/catalogue/{KOBZAR}/")
    assert ExhibitionRecord.objects.filter(page=target, biblio_id=KOBZAR).exists()


@pytest.mark.parametrize("language", DEMO)
def test_the_demo_exhibition_has_a_block_of_every_kind_in_each_language(
    client,
    catalogue,
    language,
):
    slug, title = DEMO[language]
    soup = soup_of(client.get(f"/{language}/exhibitions/{slug}/"))

    assert soup.h1.get_text() == title
    shown = {div["class"][1].removeprefix("exhibit--") for div in soup.select("div.exhibit")}
    assert shown == set(BLOCK_TYPES)
    assert len(soup.select(".record-block")) == 4
    assert soup.select_one(".exhibit-video track[kind=captions]")
    assert soup.select_one(".exhibit-audio details")
    assert soup.html["lang"] == language
