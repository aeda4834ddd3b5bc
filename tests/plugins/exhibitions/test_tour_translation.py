"""A tour translated through wagtail-localize's workflow: submitted, filled by its machine
translator (the dummy one, which reverses words), published, and read in each language with
its stops, captions and alt text translated and its hotspots where the source put them."""

from __future__ import annotations

import pytest

from tests.html import soup_of
from tests.machine_translation import machine_translated
from tests.plugins.exhibitions.conftest import add_tour, hotspot, stop

pytestmark = pytest.mark.django_db


@pytest.fixture
def dummy_translator(settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }


@pytest.mark.parametrize("language", ["ru", "uk", "ro"])
def test_machine_translated_tour_reaches_the_public_page_in_the_language(
    admin_client, client, image, dummy_translator, django_capture_on_commit_callbacks, language
):
    tour = add_tour(
        "Library walk",
        [
            stop("Front door", image, [hotspot("Opening hours", 30, 60, url="https://h.example/")]),
            stop("Reading room", image, [hotspot("Quiet desks", 70, 25, url="https://d.example/")]),
        ],
        intro="Two rooms",
    )
    target = machine_translated(admin_client, tour, language, django_capture_on_commit_callbacks)

    assert target.url.startswith(f"/{language}/")
    first = soup_of(client.get(target.url))
    second = soup_of(client.get(f"{target.url}stops/2/"))
    assert first.h1.get_text() == "walk Library"
    assert first.select_one("#tour-stop-heading").get_text() == "door Front"
    assert second.select_one("#tour-stop-heading").get_text() == "room Reading"
    assert second.select_one(".tour-stop__image")["alt"] == "room Reading of drawing A"
    spot = second.select_one("a.tour-hotspot")
    assert spot.get_text(" ", strip=True) == "1 desks Quiet"
    assert spot["style"] == "left: 70.00%; top: 25.00%"  # synchronised, not translated
    assert [a.get_text() for a in second.select(".tour__stops ol a")] == [
        "door Front",
        "room Reading",
    ]
