"""The sandbox's /suggestions keeps Koha's contract: Koha's suggestion shape, status ASKED and
today's date by default, the patron's limits, and 400 for a body that breaks the definition."""

from __future__ import annotations

import base64

import pytest

from koha_bridge.sandbox.demo_library import STAFF_PASSWORD, STAFF_USERID
from koha_bridge.sandbox.sandbox import Sandbox
from tests.koha_bridge.sandbox import koha_schemas as koha
from tests.koha_bridge.sandbox.conftest import READER
from tests.koha_bridge.sandbox.test_api_contract import (
    Api,
    assert_error,
    assert_list_of,
    assert_shape,
    patron_id,
)
from tests.koha_fixtures import START

STAFF_LOGIN = base64.b64encode(f"{STAFF_USERID}:{STAFF_PASSWORD}".encode()).decode()


@pytest.fixture
def api(sandbox) -> Api:
    """The API as the sandbox's staff login (HTTP Basic)."""
    return Api(sandbox.app, f"Basic {STAFF_LOGIN}")


@pytest.fixture
def anonymous(sandbox) -> Api:
    return Api(sandbox.app)


def set_preferences(sandbox: Sandbox, **values: str) -> None:
    with sandbox.store.transaction() as db:
        db.executemany(
            "INSERT OR REPLACE INTO settings (name, value) VALUES (?, ?)", values.items()
        )


def test_a_suggestion_is_created_with_201_asked_today_and_its_location(api: Api, sandbox):
    reader = patron_id(sandbox, READER)

    response = api.post(
        "/suggestions",
        json={"title": "Solaris", "author": "Stanisław Lem", "suggested_by": reader},
    )

    assert response.status_code == 201, response.text
    made = response.json()
    assert_shape(made, koha.SUGGESTION)
    assert (made["title"], made["suggested_by"], made["status"]) == ("Solaris", reader, "ASKED")
    assert made["suggestion_date"] == START.date().isoformat()
    assert made["archived"] is False
    assert response.headers["Location"] == f"/api/v1/suggestions/{made['suggestion_id']}"


def test_suggestions_listed_have_kohas_shape_and_filter_with_q(api: Api, sandbox):
    reader = patron_id(sandbox, READER)
    api.post("/suggestions", json={"title": "Solaris", "suggested_by": reader})
    api.post("/suggestions", json={"title": "Dune"})

    everything = assert_list_of(api.get("/suggestions"), koha.SUGGESTION)
    mine = api.get("/suggestions", params={"q": f'{{"suggested_by": {reader}}}'}).json()

    assert [s["title"] for s in everything] == ["Solaris", "Dune"]
    assert [s["title"] for s in mine] == ["Solaris"]


def test_suggestions_take_no_attribute_filters_as_koha_declares_none(api: Api):
    response = api.get("/suggestions", params={"title": "Dune"})

    assert response.status_code == 400
    assert response.json() == [{"message": "Malformed query string", "path": "/query/title"}]


def test_suggestions_are_staff_only(anonymous):
    assert anonymous.get("/suggestions").status_code == 401
    assert anonymous.post("/suggestions", json={"title": "Dune"}).status_code == 401


@pytest.mark.parametrize(
    ("body", "path", "message"),
    [
        ({"title": 42}, "/body/title", "Expected another type."),
        ({"title": "Dune", "suggested_by": "7"}, "/body/suggested_by", "Expected another type."),
        ({"title": "Dune", "archived": "no"}, "/body/archived", "Expected another type."),
        ({"title": "Dune", "suggestion_id": 9}, "/body/suggestion_id", "Read-only."),
        (
            {"title": "Dune", "suggestion_date": "2026-13-01"},
            "/body/suggestion_date",
            "Does not match date format.",
        ),
        ({"title": "Dune", "wish": "soon"}, "/body", "Properties not allowed: wish."),
    ],
)
def test_a_body_that_breaks_kohas_definition_is_400(api: Api, body, path, message):
    response = api.post("/suggestions", json=body)

    assert response.status_code == 400
    assert response.json() == {"errors": [{"message": message, "path": path}], "status": 400}


def test_a_status_koha_does_not_know_is_500_as_its_controller_leaves_it(api: Api):
    response = api.post("/suggestions", json={"title": "Dune", "status": "WISHED"})

    assert_error(response, 500, "Something went wrong, check the logs.", "internal_server_error")


def test_a_patron_over_max_total_suggestions_is_400_max_total_reached(api: Api, sandbox):
    set_preferences(sandbox, MaxTotalSuggestions="1", NumberOfSuggestionDays="30")
    reader = patron_id(sandbox, READER)
    api.post("/suggestions", json={"title": "Dune", "suggested_by": reader})

    response = api.post("/suggestions", json={"title": "Solaris", "suggested_by": reader})

    assert_error(response, 400, "Reached the maximum suggestions limit", "max_total_reached")


def test_suggestions_older_than_the_days_counted_do_not_count(api: Api, sandbox):
    set_preferences(sandbox, MaxTotalSuggestions="1", NumberOfSuggestionDays="30")
    reader = patron_id(sandbox, READER)
    old = {"title": "Dune", "suggested_by": reader, "suggestion_date": "2020-01-01"}
    api.post("/suggestions", json=old)

    response = api.post("/suggestions", json={"title": "Solaris", "suggested_by": reader})

    assert response.status_code == 201


def test_a_patron_over_max_open_suggestions_is_400_unless_overridden(api: Api, sandbox):
    set_preferences(sandbox, MaxOpenSuggestions="1")
    reader = patron_id(sandbox, READER)
    api.post("/suggestions", json={"title": "Dune", "suggested_by": reader})
    body = {"title": "Solaris", "suggested_by": reader}

    refused = api.post("/suggestions", json=body)
    overridden = api.post("/suggestions", json=body, headers={"x-koha-override": "max_pending"})

    assert_error(refused, 400, "Reached the maximum suggestions limit", "max_pending_reached")
    assert overridden.status_code == 201
