"""Live availability on record pages: asked of Koha once, briefly cached, and when Koha is slow,
down or answers nonsense the page still comes, saying availability is unknown."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache

from koha_bridge.config import KohaConfig
from koha_bridge.sandbox import demo_library
from plugins.opac.availability import availability_of
from plugins.opac.record_urls import record_url
from tests.html import soup_of
from tests.koha_bridge.client.stubs import (
    Answer,
    Recorder,
    ScriptedServer,
    SilentServer,
    closed_port,
)

pytestmark = pytest.mark.django_db

GREAT_EXPECTATIONS, OLIVER_TWIST = 1, 3
UNKNOWN = "We cannot tell right now which copies are on the shelf"


@pytest.fixture
def koha_at(settings) -> Iterator:
    """``koha_at(url)``: the site's Koha is at ``url``, answering within half a second."""

    def point(url: str) -> None:
        settings.KOHA = KohaConfig(url=url)
        settings.CATALOGUE_AVAILABILITY_TIMEOUT = 0.5

    yield point


def record_page(client):
    """What the record page shows of its copies: fetched into it, as its script does (anonymous
    readers share the page from the cache; availability is live)."""
    page = client.get(record_url(GREAT_EXPECTATIONS, "Great expectations", "en"))
    assert page.status_code == 200
    return client.get(
        soup_of(page).select_one(".availability [data-availability]")["data-availability"]
    )


def says_unknown(response) -> bool:
    return response.status_code == 200 and UNKNOWN in soup_of(response).get_text(" ", strip=True)


def test_with_koha_up_the_page_lists_every_copy(client, catalogue, site_koha):
    response = record_page(client)

    statuses = [s.get_text() for s in soup_of(response).select(".copies .status")]
    assert len(statuses) == 3 and all(s.startswith("On loan until") for s in statuses)


def test_with_koha_hanging_the_page_comes_after_the_timeout_saying_unknown(
    client, catalogue, koha_at
):
    with SilentServer() as koha:
        koha_at(koha.url)
        assert says_unknown(record_page(client))


def test_with_koha_down_the_page_says_availability_is_unknown(client, catalogue, koha_at):
    koha_at(f"http://127.0.0.1:{closed_port()}")
    assert says_unknown(record_page(client))


@pytest.mark.parametrize(
    "answer",
    [
        Answer(500, {"error": "Something went wrong, check the logs.", "error_code": "internal"}),
        Answer(503, {"error": "Under maintenance"}),
        Answer(200, "<!DOCTYPE html><title>Koha › Log in</title>", {"Content-Type": "text/html"}),
        Answer(502, "<html><title>502 Bad Gateway</title></html>", {"Content-Type": "text/html"}),
        Answer(200, {"not": "a list"}),
        Answer(200, [{"no": "item_id"}]),
        Answer(401, {"error": "Authentication failure."}),
    ],
    ids=["500", "503", "login page", "proxy error", "not a list", "not items", "401"],
)
def test_with_koha_answering_nonsense_the_page_says_availability_is_unknown(
    client, catalogue, koha_at, answer
):
    with ScriptedServer(answer) as koha:
        koha_at(koha.url)
        assert says_unknown(record_page(client))


def test_a_record_koha_no_longer_has_has_no_copies(client, catalogue, koha_at):
    with ScriptedServer(Answer(404, {"error": "Bibliographic record not found"})) as koha:
        koha_at(koha.url)
        soup = soup_of(record_page(client))
    assert "The library has no copies of this item" in soup.get_text()


def test_an_unknown_answer_is_remembered_briefly_so_a_failing_koha_is_not_asked_by_everyone(
    client, catalogue, koha_at
):
    with ScriptedServer(Answer(503, {"error": "Under maintenance"})) as koha:
        koha_at(koha.url)
        first, second = availability_of(GREAT_EXPECTATIONS), availability_of(GREAT_EXPECTATIONS)
    assert not first.known and not second.known
    assert len(koha.requests) == 1


def test_availability_is_cached_and_library_names_are_asked_once(
    catalogue, sandbox, serve, settings
):
    recorder = Recorder(sandbox.app)
    settings.KOHA = KohaConfig(
        url=serve(recorder),
        client_id=demo_library.CLIENT_ID,
        client_secret=demo_library.CLIENT_SECRET,
    )

    availability_of(GREAT_EXPECTATIONS)
    availability_of(GREAT_EXPECTATIONS)
    availability_of(OLIVER_TWIST)

    assert len(recorder.to("/api/v1/biblios/1/items")) == 1
    assert len(recorder.to("/api/v1/biblios/3/items")) == 1
    assert len(recorder.to("/api/v1/libraries")) == 1
    cache.delete("opac:availability:1")
    availability_of(GREAT_EXPECTATIONS)
    assert len(recorder.to("/api/v1/biblios/1/items")) == 2


def test_copies_name_their_library_by_its_code_when_koha_will_not_list_libraries(
    catalogue, koha_at
):
    items = [
        {"item_id": 1, "holding_library_id": "RIV", "callnumber": "ENG Dic", "location": "GEN"}
    ]
    with ScriptedServer(Answer(200, items), Answer(500, {"error": "No"})) as koha:
        koha_at(koha.url)
        found = availability_of(GREAT_EXPECTATIONS)
    assert [(copy.library, copy.callnumber) for copy in found.copies] == [("RIV", "ENG Dic")]


def test_koha_is_asked_for_the_items_with_what_the_page_needs_embedded(catalogue, koha_at):
    with ScriptedServer(Answer(200, [])) as koha:
        koha_at(koha.url)
        availability_of(OLIVER_TWIST)
    asked = koha.requests[0]
    assert asked.path == "/api/v1/biblios/3/items"
    assert asked.headers["x-koha-embed"] == "+strings,checkout,transfer,first_hold"
