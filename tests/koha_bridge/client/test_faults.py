"""How the client fares when Koha is away, slow, failing or odd: over real sockets on 127.0.0.1.

Small stub servers stand in for Koha (see ``stubs``). Retries keep their limits but back off for
hundredths of a second, so the suite stays fast; one test keeps the default session.
"""

from __future__ import annotations

import time

import pytest

from koha_bridge.client import (
    KohaBadRequest,
    KohaClient,
    KohaConflict,
    KohaError,
    KohaNotFound,
    KohaProtocolError,
    KohaUnavailable,
)
from koha_bridge.client.session import ONE_TRY
from koha_bridge.config import KohaConfig
from tests.koha_bridge.client.stubs import Answer, closed_port, quick_retry_session

BIBLIO = {"biblio_id": 1, "title": "Great expectations"}
UNAVAILABLE = Answer(503, {"error": "Service Unavailable"})


def client_of(url: str, **settings) -> KohaClient:
    """A client without credentials (the stubs ask for none) and with quick retries."""
    return KohaClient(KohaConfig(url=url, **settings), session=quick_retry_session())


# --- Koha away or slow --------------------------------------------------------------------------


def test_nobody_listening_is_unavailable_and_says_to_check_koha_url():
    url = f"http://127.0.0.1:{closed_port()}"
    with pytest.raises(KohaUnavailable) as raised:
        client_of(url).biblio(1)
    assert "cannot connect" in str(raised.value)
    assert f"is Koha running at {url}? check KOHA_URL" in str(raised.value)
    assert raised.value.url == f"{url}/api/v1/biblios/1"


def test_a_hanging_server_is_unavailable_after_the_timeout(silent):
    started = time.monotonic()
    with pytest.raises(KohaUnavailable) as raised:
        client_of(silent.url, timeout=0.3).biblio(1)
    elapsed = time.monotonic() - started
    assert "no answer within 0.3 s" in str(raised.value)
    assert "KOHA_TIMEOUT" in str(raised.value)
    assert 0.3 <= elapsed < 2.5  # a GET is tried again, but never waits long


def test_a_hanging_post_is_not_sent_again(silent):
    with pytest.raises(KohaUnavailable, match=r"no answer within 0\.3 s"):
        client_of(silent.url, timeout=0.3).rate(1, 5)
    assert len(silent.connections) == 1


def test_a_token_endpoint_that_hangs_is_unavailable_after_the_timeout(silent):
    koha_client = client_of(silent.url, timeout=0.3, client_id="library20", client_secret="secret")
    with pytest.raises(KohaUnavailable) as raised:
        koha_client.biblio(1)
    assert "no token within 0.3 s" in str(raised.value)
    assert "KOHA_TIMEOUT" in str(raised.value)
    assert len(silent.connections) == 1  # the token is asked for with POST: never twice


def test_get_is_retried_on_503_until_it_succeeds(scripted):
    koha = scripted(UNAVAILABLE, UNAVAILABLE, Answer(200, BIBLIO))
    assert client_of(koha.url).biblio(1) == BIBLIO
    assert len(koha.requests) == 3


@pytest.mark.parametrize("status", [502, 504])
def test_get_is_retried_on_other_gateway_failures(scripted, status):
    koha = scripted(Answer(status, b""), Answer(200, BIBLIO))
    assert client_of(koha.url).biblio(1) == BIBLIO
    assert len(koha.requests) == 2


def test_get_that_stays_unavailable_gives_up_with_kohas_answer(scripted):
    koha = scripted(UNAVAILABLE)
    with pytest.raises(KohaUnavailable) as raised:
        client_of(koha.url).biblio(1)
    assert len(koha.requests) == 4  # the first try and three more
    assert raised.value.status == 503
    assert "Service Unavailable" in str(raised.value)


def test_post_answered_503_is_not_retried(scripted):
    koha = scripted(UNAVAILABLE, Answer(200, {"rating": 5}))
    with pytest.raises(KohaUnavailable) as raised:
        client_of(koha.url).rate(1, 5)
    assert [seen.method for seen in koha.requests] == ["POST"]
    assert raised.value.status == 503


def test_the_default_session_retries_503_for_get(scripted):
    koha = scripted(UNAVAILABLE, Answer(200, BIBLIO))
    koha_client = KohaClient(KohaConfig(url=koha.url))  # http_session(), as in production
    assert koha_client.biblio(1) == BIBLIO
    assert len(koha.requests) == 2


def test_a_client_given_one_try_asks_a_failing_koha_once(scripted):
    koha = scripted(UNAVAILABLE, Answer(200, BIBLIO))
    koha_client = KohaClient(KohaConfig(url=koha.url), retry=ONE_TRY)
    with pytest.raises(KohaUnavailable):
        koha_client.biblio(1)
    assert len(koha.requests) == 1


def test_a_client_given_one_try_does_not_try_a_closed_port_again():
    url = f"http://127.0.0.1:{closed_port()}"
    with pytest.raises(KohaUnavailable, match="cannot connect"):
        KohaClient(KohaConfig(url=url), retry=ONE_TRY).biblio(1)


# --- Koha failing or answering oddly ------------------------------------------------------------


def test_500_is_unavailable_with_kohas_message(scripted):
    failure = {
        "error": "Something went wrong, check the logs.",
        "error_code": "internal_server_error",
    }
    koha = scripted(Answer(500, failure))
    with pytest.raises(KohaUnavailable) as raised:
        client_of(koha.url).biblio(1)
    assert len(koha.requests) == 1  # 500 is not one of the statuses retried
    assert raised.value.status == 500
    assert raised.value.code == "internal_server_error"
    assert raised.value.message == "Something went wrong, check the logs."
    assert "Something went wrong, check the logs; Koha failed" in str(raised.value)
    assert "see its logs" in str(raised.value)


def test_malformed_json_is_a_protocol_error(scripted):
    answer = Answer(200, b'{"biblio_id": 1, "title": ', {"Content-Type": "application/json"})
    koha = scripted(answer)
    with pytest.raises(KohaProtocolError) as raised:
        client_of(koha.url).biblio(1)
    assert "not JSON" in str(raised.value)
    assert raised.value.url == f"{koha.url}/api/v1/biblios/1"


def test_a_list_that_is_not_a_list_is_a_protocol_error(scripted):
    koha = scripted(Answer(200, {"libraries": []}))
    with pytest.raises(KohaProtocolError, match="not a JSON list"):
        client_of(koha.url).libraries()


@pytest.mark.parametrize(
    ("status", "body", "kind", "readable"),
    [
        pytest.param(
            400,
            {"error": "Invalid query: unknown attribute 'colour'", "error_code": "invalid_query"},
            KohaBadRequest,
            "Invalid query: unknown attribute 'colour'",
            id="error-and-code",
        ),
        pytest.param(
            400,
            {
                "errors": [{"message": "Expected integer - got string.", "path": "/query/_page"}],
                "status": 400,
            },
            KohaBadRequest,
            "/query/_page: Expected integer - got string",
            id="openapi-errors",
        ),
        pytest.param(
            400,
            [
                {"message": "Malformed query string", "path": "/query/colour"},
                {"message": "Malformed query string", "path": "/query/size"},
            ],
            KohaBadRequest,
            "/query/colour: Malformed query string; /query/size: Malformed query string",
            id="bare-array",
        ),
        pytest.param(
            406,
            ["application/json", "application/marcxml+xml"],
            KohaBadRequest,
            "acceptable types: application/json, application/marcxml+xml",
            id="acceptable-types",
        ),
        pytest.param(404, "Not Found", KohaNotFound, "Not Found", id="plain-text"),
    ],
)
def test_kohas_error_bodies_give_a_readable_message(scripted, status, body, kind, readable):
    koha = scripted(Answer(status, body))
    with pytest.raises(KohaError) as raised:
        client_of(koha.url).biblio(1)
    assert type(raised.value) is kind
    assert raised.value.message == readable
    assert str(raised.value) == f"{status} from {koha.url}/api/v1/biblios/1: {readable}"


def test_409_is_a_conflict(scripted):
    availability = {"blockers": {}, "confirms": {}, "warnings": {}, "confirmation_token": "t"}
    conflict = {"error": "Item not found", "error_code": "ITEM_NOT_FOUND"}
    koha = scripted(Answer(200, availability), Answer(409, conflict))
    with pytest.raises(KohaConflict) as raised:
        client_of(koha.url).checkout(2, 404)
    assert raised.value.code == "ITEM_NOT_FOUND"
    assert "Item not found" in str(raised.value)


# --- Paging -------------------------------------------------------------------------------------


def libraries(*names: str) -> list[dict]:
    return [{"library_id": name} for name in names]


def test_paging_follows_link_next_using_only_its_query_string(scripted):
    # Behind a proxy Koha names itself by its internal host; only the query is to be trusted.
    internal = "http://koha-internal.invalid:8080/api/v1/libraries"
    first_page = Answer(
        200,
        libraries("CPL", "RIV"),
        {
            "Link": f'<{internal}?_page=2&_per_page=2>; rel="next", '
            f'<{internal}?_page=1&_per_page=2>; rel="first", '
            f'<{internal}?_page=2&_per_page=2>; rel="last"'
        },
    )
    last_page = Answer(
        200,
        libraries("KIDS"),
        {
            "Link": f'<{internal}?_page=1&_per_page=2>; rel="prev", '
            f'<{internal}?_page=1&_per_page=2>; rel="first", '
            f'<{internal}?_page=2&_per_page=2>; rel="last"',
            "X-Total-Count": "30",  # wrong, and not needed: the Link says this is the last page
        },
    )
    koha = scripted(first_page, last_page)
    found = client_of(koha.url, page_size=2).libraries()
    assert [library["library_id"] for library in found] == ["CPL", "RIV", "KIDS"]
    assert [seen.path for seen in koha.requests] == ["/api/v1/libraries"] * 2
    assert [(seen.param("_page"), seen.param("_per_page")) for seen in koha.requests] == [
        ("1", "2"),
        ("2", "2"),
    ]


def test_paging_without_link_follows_the_total_count(scripted):
    total = {"X-Total-Count": "5"}
    pages = [
        Answer(200, libraries("A", "B"), total),
        Answer(200, libraries("C", "D"), total),
        Answer(200, libraries("E"), total),
    ]
    koha = scripted(*pages)
    found = client_of(koha.url, page_size=2).libraries()
    assert [library["library_id"] for library in found] == ["A", "B", "C", "D", "E"]
    assert [seen.param("_page") for seen in koha.requests] == ["1", "2", "3"]


def test_paging_stops_on_an_empty_page(scripted):
    total = {"X-Total-Count": "10"}  # more are promised than come
    pages = [Answer(200, libraries("A", "B"), total), Answer(200, [], total)]
    koha = scripted(*pages)
    found = client_of(koha.url, page_size=2).libraries()
    assert [library["library_id"] for library in found] == ["A", "B"]
    assert len(koha.requests) == 2


def test_paging_without_link_or_total_is_one_page(scripted):
    koha = scripted(Answer(200, libraries("A", "B")))
    assert len(client_of(koha.url, page_size=2).libraries()) == 2
    assert len(koha.requests) == 1
