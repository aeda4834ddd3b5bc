"""The sandbox's REST API keeps Koha's contract: paths, parameters, headers, shapes and errors.

Every answer of a shape Koha defines is validated against Koha's own definition (koha_schemas);
the status codes, error bodies and headers are Koha's, as its controllers and plugins write them.
The sandbox is called in process; one OAuth token, issued once through POST /oauth/token, serves
every test (the clock stands still, so it does not expire).
"""

from __future__ import annotations

import base64
import io
import json
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pymarc
import pytest
import requests
from jsonschema import Draft4Validator, Draft7Validator

from koha_bridge.client.session import sandbox_session
from koha_bridge.sandbox import accounts, circulation, demo_library
from koha_bridge.sandbox.sandbox import Sandbox
from koha_bridge.sandbox.transport import SANDBOX_BASE_URL
from tests.koha_bridge.sandbox import koha_schemas as koha
from tests.koha_bridge.sandbox.conftest import IN_DEBT, OTHER_READER, READER, RESTRICTED
from tests.koha_fixtures import FrozenClock

BASE = f"{SANDBOX_BASE_URL}/api/v1"
BIBLIOS = 74  # in the seeded catalogue
LIBRARIES = ["CPL", "KIDS", "RIV"]


@dataclass(frozen=True)
class Authorised:
    path: Path
    token: str


@pytest.fixture(scope="session")
def authorised_database(seeded_database, tmp_path_factory) -> Authorised:
    """The seeded sandbox with an access token issued by POST /oauth/token."""
    path = tmp_path_factory.mktemp("contract") / "authorised.sqlite3"
    shutil.copy(seeded_database, path)
    sandbox = Sandbox(path, FrozenClock())
    answer = sandbox_session(sandbox.app).post(
        f"{BASE}/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": demo_library.CLIENT_ID,
            "client_secret": demo_library.CLIENT_SECRET,
        },
    )
    sandbox.store.close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return Authorised(path, answer.json()["access_token"])


@pytest.fixture
def sandbox(tmp_path, authorised_database, clock) -> Sandbox:
    path = tmp_path / "sandbox.sqlite3"
    shutil.copy(authorised_database.path, path)
    return Sandbox(path, clock)


class Api:
    """Requests to the sandbox's /api/v1, by path."""

    def __init__(self, app, authorization: str | None = None) -> None:
        self.session = sandbox_session(app)
        if authorization:
            self.session.headers["Authorization"] = authorization

    def __call__(self, method: str, path: str, **options) -> requests.Response:
        return self.session.request(method, BASE + path, **options)

    def get(self, path: str, **options) -> requests.Response:
        return self("GET", path, **options)

    def post(self, path: str, **options) -> requests.Response:
        return self("POST", path, **options)

    def delete(self, path: str, **options) -> requests.Response:
        return self("DELETE", path, **options)


@pytest.fixture
def api(sandbox, authorised_database) -> Api:
    """The API as the sandbox's staff koha_client, with its bearer token."""
    return Api(sandbox.app, f"Bearer {authorised_database.token}")


@pytest.fixture
def anonymous(sandbox) -> Api:
    return Api(sandbox.app)


def assert_shape(instance, schema: koha.Schema) -> None:
    errors = sorted(Draft7Validator(schema).iter_errors(instance), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def assert_list_of(response: requests.Response, schema: koha.Schema) -> list:
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].startswith("application/json")
    rows = response.json()
    assert isinstance(rows, list)
    assert rows, "an empty list proves nothing about its shape"
    for row in rows:
        assert_shape(row, schema)
    return rows


def assert_error(response: requests.Response, status: int, error: str, code: str | None = None):
    assert response.status_code == status, response.text
    body = response.json()
    assert_shape(body, koha.ERROR)
    assert body["error"] == error
    assert body.get("error_code") == code


def patron_id(sandbox: Sandbox, patron: demo_library.DemoPatron) -> int:
    with sandbox.store.reading() as db:
        return db.execute(
            "SELECT patron_id FROM patrons WHERE cardnumber = ?", (patron.cardnumber,)
        ).fetchone()[0]


def barcode_of(sandbox: Sandbox, item_id: int) -> str:
    with sandbox.store.reading() as db:
        return circulation.get_item(db, item_id)["external_id"]


# --- Koha's definitions --------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(koha.ALL))
def test_the_transcribed_definitions_are_valid_draft_4_and_7_schemas(name):
    Draft4Validator.check_schema(koha.ALL[name])
    Draft7Validator.check_schema(koha.ALL[name])


# --- Shapes of what the sandbox answers ----------------------------------------------------------


def test_an_item_looked_up_by_barcode_has_kohas_item_shape(api, sandbox):
    barcode = barcode_of(sandbox, 6)

    (item,) = assert_list_of(
        api.get("/items", params={"external_id": barcode, "_match": "exact"}), koha.ITEM
    )

    assert (item["item_id"], item["external_id"]) == (6, barcode)


def test_an_item_by_id_has_kohas_item_shape(api):
    response = api.get("/items/1")  # on loan

    assert response.status_code == 200
    assert_shape(response.json(), koha.ITEM)
    assert response.json()["checked_out_date"] == "2026-10-28"


def test_the_items_of_a_record_have_kohas_item_shape(api):
    items = assert_list_of(api.get("/biblios/1/items"), koha.ITEM)

    assert [item["item_id"] for item in items] == [1, 2, 3]


EMBED = {"x-koha-embed": "+strings,checkout,transfer,first_hold"}


def test_items_of_a_record_embed_their_loan_with_kohas_checkout_shape(api):
    items = assert_list_of(api.get("/biblios/1/items", headers=EMBED), koha.ITEM)

    loan = items[0]["checkout"]
    assert_shape(loan, koha.CHECKOUT)
    assert (loan["item_id"], loan["due_date"]) == (1, "2026-11-18T23:59:00+00:00")


def test_items_of_a_record_embed_their_transfer_and_first_hold(api, sandbox, clock):
    with sandbox.store.transaction() as db:
        circulation.checkin(db, 3, "CPL", clock())  # sent to RIV for the other reader's hold

    items = assert_list_of(api.get("/biblios/1/items", headers=EMBED), koha.ITEM)

    third = items[2]
    assert_shape(third["transfer"], koha.ITEM_TRANSFER)
    assert_shape(third["first_hold"], koha.HOLD)
    assert (third["transfer"]["from_library_id"], third["transfer"]["to_library_id"]) == (
        "CPL",
        "RIV",
    )
    assert third["transfer"]["date_sent"] == "2026-11-02T10:00:00+00:00"
    assert (third["first_hold"]["status"], third["checkout"]) == ("T", None)


def test_items_without_a_transfer_or_hold_embed_nulls(api):
    items = assert_list_of(api.get("/biblios/3/items", headers=EMBED), koha.ITEM)

    assert [(i["checkout"], i["transfer"], i["first_hold"]) for i in items] == [(None,) * 3]


def test_items_strings_name_their_libraries_and_item_type(api):
    (item,) = assert_list_of(api.get("/biblios/3/items", headers=EMBED), koha.ITEM)

    strings = item["_strings"]
    assert strings["holding_library_id"] == {"str": "Prut Valley Public Library", "type": "library"}
    assert strings["home_library_id"]["str"] == "Prut Valley Public Library"
    assert strings["item_type_id"] == {"str": "Book", "type": "item_type"}


def test_items_strings_describe_a_lost_status_as_its_authorised_value(api, sandbox):
    with sandbox.store.transaction() as db:
        db.execute("UPDATE items SET lost_status = 1 WHERE item_id = 6")

    (item,) = assert_list_of(api.get("/biblios/3/items", headers=EMBED), koha.ITEM)

    assert item["_strings"]["lost_status"] == {"str": "Lost", "type": "av", "category": "LOST"}


def test_items_of_a_reference_type_are_not_for_loan_in_effect(api, sandbox):
    with sandbox.store.transaction() as db:
        db.execute("UPDATE items SET item_type_id = 'REF' WHERE item_id = 6")

    (item,) = assert_list_of(api.get("/biblios/3/items"), koha.ITEM)

    assert (item["not_for_loan_status"], item["effective_not_for_loan_status"]) == (0, 1)


def test_items_without_an_embed_header_carry_no_embedded_objects(api):
    (item,) = assert_list_of(api.get("/biblios/3/items"), koha.ITEM)

    assert not {"checkout", "transfer", "first_hold", "_strings"} & set(item)


def test_an_embed_koha_does_not_offer_is_400(api):
    response = api.get("/biblios/1/items", headers={"x-koha-embed": "checkout,patron_secrets"})

    assert response.status_code == 400
    assert response.json()["errors"][0]["path"] == "/x-koha-embed"


def test_public_items_embed_strings_only(anonymous):
    (item,) = assert_list_of(
        anonymous.get("/public/biblios/3/items", headers={"x-koha-embed": "+strings"}), koha.ITEM
    )
    assert item["_strings"]["holding_library_id"]["str"] == "Prut Valley Public Library"

    refused = anonymous.get("/public/biblios/3/items", headers={"x-koha-embed": "checkout"})
    assert refused.status_code == 400


def test_patrons_found_by_card_number_have_kohas_patron_shape(api):
    (patron,) = assert_list_of(
        api.get("/patrons", params={"cardnumber": READER.cardnumber, "_match": "exact"}),
        koha.PATRON,
    )

    assert patron["surname"] == READER.surname


@pytest.mark.parametrize("patron", [READER, RESTRICTED], ids=["reader", "restricted"])
def test_a_patron_by_id_has_kohas_patron_shape(api, sandbox, patron):
    response = api.get(f"/patrons/{patron_id(sandbox, patron)}")

    assert response.status_code == 200
    assert_shape(response.json(), koha.PATRON)
    assert response.json()["restricted"] is patron.restricted


def test_a_patron_account_has_kohas_balance_shape_with_debits_and_credits(api, sandbox, clock):
    owing = patron_id(sandbox, IN_DEBT)
    with sandbox.store.transaction() as db:
        accounts.pay(db, patron_id=owing, amount=10.00, when=clock())  # 2.50 more than owed
        accounts.add_debit(
            db,
            patron_id=owing,
            amount=1.00,
            debit_type="OVERDUE",
            description="late",
            when=clock(),
        )

    response = api.get(f"/patrons/{owing}/account")

    assert response.status_code == 200
    balance = response.json()
    assert_shape(balance, koha.PATRON_BALANCE)
    assert balance["balance"] == pytest.approx(-1.50)
    assert len(balance["outstanding_debits"]["lines"]) == 1
    assert len(balance["outstanding_credits"]["lines"]) == 1


def test_current_and_past_checkouts_have_kohas_checkout_shape(api, sandbox, clock):
    reader = patron_id(sandbox, READER)
    with sandbox.store.transaction() as db:
        circulation.checkin(db, 2, "KIDS", clock())

    current = assert_list_of(api.get("/checkouts", params={"patron_id": reader}), koha.CHECKOUT)
    past = assert_list_of(
        api.get("/checkouts", params={"patron_id": reader, "checked_in": "true"}), koha.CHECKOUT
    )

    assert [c["item_id"] for c in current] == [1]
    assert [(c["item_id"], c["checkin_date"]) for c in past] == [(2, "2026-11-02T10:00:00+00:00")]


def test_checkout_availability_has_kohas_shape(api, sandbox):
    response = api.get(
        "/checkouts/availability",
        params={"patron_id": patron_id(sandbox, IN_DEBT), "item_id": 6},
    )

    assert response.status_code == 200
    assert_shape(response.json(), koha.CHECKOUT_AVAILABILITY)
    assert response.json()["blockers"] == {"DEBT": "7.50"}


def test_a_checkout_is_created_with_201_and_its_location(api, sandbox):
    reader = patron_id(sandbox, OTHER_READER)

    response = api.post("/checkouts", json={"patron_id": reader, "item_id": 6})

    assert response.status_code == 201, response.text
    checkout = response.json()
    assert_shape(checkout, koha.CHECKOUT)
    assert (checkout["patron_id"], checkout["item_id"]) == (reader, 6)
    assert response.headers["Location"] == f"/api/v1/checkouts/{checkout['checkout_id']}"
    assert api.get(f"/checkouts/{checkout['checkout_id']}").json() == checkout


def test_a_renewal_is_created_with_201_and_its_location(api, sandbox):
    checkout = api.post(
        "/checkouts", json={"patron_id": patron_id(sandbox, OTHER_READER), "item_id": 6}
    ).json()
    path = f"/checkouts/{checkout['checkout_id']}/renewal"

    response = api.post(path)

    assert response.status_code == 201, response.text
    renewed = response.json()
    assert_shape(renewed, koha.CHECKOUT)
    assert renewed["renewals_count"] == 1
    assert renewed["due_date"] == "2026-12-14T23:59:00+00:00"
    assert response.headers["Location"] == f"/api/v1{path}"


def test_a_hold_is_created_with_201_and_its_location(api, sandbox):
    reader = patron_id(sandbox, READER)

    response = api.post(
        "/holds", json={"patron_id": reader, "biblio_id": 3, "pickup_library_id": "RIV"}
    )

    assert response.status_code == 201, response.text
    hold = response.json()
    assert_shape(hold, koha.HOLD)
    assert (hold["patron_id"], hold["biblio_id"], hold["priority"]) == (reader, 3, 1)
    assert response.headers["Location"] == f"/api/v1/holds/{hold['hold_id']}"


def test_holds_listed_have_kohas_hold_shape(api, sandbox, clock):
    with sandbox.store.transaction() as db:
        circulation.checkin(db, 1, "RIV", clock())  # the first hold now waits for item 1

    holds = assert_list_of(api.get("/holds"), koha.HOLD)

    assert [(h["biblio_id"], h["status"], h["item_id"]) for h in holds] == [
        (1, "W", "1"),
        (2, None, None),
    ]


def test_deleting_a_hold_answers_204_with_no_body(api):
    response = api.delete("/holds/1")

    assert response.status_code == 204
    assert response.content == b""
    assert_error(api.delete("/holds/1"), 404, "Hold not found", "not_found")


def test_libraries_have_kohas_library_shape(api):
    libraries = assert_list_of(api.get("/libraries"), koha.LIBRARY)

    assert [library["library_id"] for library in libraries] == LIBRARIES


def test_public_libraries_need_no_credentials(anonymous):
    libraries = assert_list_of(anonymous.get("/public/libraries"), koha.LIBRARY)

    assert [library["library_id"] for library in libraries] == LIBRARIES


# --- Errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "error"),
    [
        ("GET", "/items/99999", "Item not found"),
        ("GET", "/patrons/99999", "Patron not found"),
        ("GET", "/patrons/99999/account", "Patron not found"),
        ("GET", "/biblios/99999", "Bibliographic record not found"),
        ("GET", "/biblios/99999/items", "Bibliographic record not found"),
        ("GET", "/checkouts/99999", "Checkout not found"),
        ("POST", "/checkouts/99999/renewal", "Checkout not found"),
        ("GET", "/libraries/NOPE", "Library not found"),
        ("DELETE", "/holds/99999", "Hold not found"),
    ],
)
def test_what_does_not_exist_is_404_not_found(api, method, path, error):
    assert_error(api(method, path), 404, error, "not_found")


def test_a_staff_path_without_credentials_is_401(anonymous):
    assert_error(anonymous.get("/patrons"), 401, "Authentication failure.")


def test_a_wrong_bearer_token_is_401(sandbox):
    assert_error(
        Api(sandbox.app, "Bearer nonsense").get("/items/1"), 401, "Authentication failure."
    )


def test_basic_authentication_works_while_rest_basic_auth_is_on(sandbox):
    credentials = f"{demo_library.STAFF_USERID}:{demo_library.STAFF_PASSWORD}"
    basic = Api(sandbox.app, "Basic " + base64.b64encode(credentials.encode()).decode())

    assert basic.get("/items/1").status_code == 200


def test_basic_authentication_is_401_when_rest_basic_auth_is_off(sandbox):
    with sandbox.store.transaction() as db:
        db.execute("UPDATE settings SET value = '0' WHERE name = 'RESTBasicAuth'")
    credentials = f"{demo_library.STAFF_USERID}:{demo_library.STAFF_PASSWORD}"
    basic = Api(sandbox.app, "Basic " + base64.b64encode(credentials.encode()).decode())

    assert_error(basic.get("/items/1"), 401, "Basic authentication disabled")


def test_a_refused_checkout_is_403_naming_kohas_blocker(api, sandbox):
    response = api.post("/checkouts", json={"patron_id": patron_id(sandbox, IN_DEBT), "item_id": 6})

    assert_error(response, 403, "Checkout not authorized (DEBT)")


def test_a_checkout_needing_confirmation_is_412_without_the_token_and_201_with_it(api, sandbox):
    body = {"patron_id": patron_id(sandbox, READER), "item_id": 4}  # on hold for the child
    available = api.get("/checkouts/availability", params=body).json()

    refused = api.post("/checkouts", json=body)
    wrong = api.post("/checkouts", json=body, params={"confirmation": "not.a.token"})
    confirmed = api.post(
        "/checkouts", json=body, params={"confirmation": available["confirmation_token"]}
    )

    assert "RESERVED" in available["confirms"]
    assert_error(refused, 412, "Confirmation error")
    assert_error(wrong, 412, "Confirmation error")
    assert confirmed.status_code == 201, confirmed.text
    assert_shape(confirmed.json(), koha.CHECKOUT)


def test_a_confirmation_token_for_another_item_is_412(api, sandbox):
    reader = patron_id(sandbox, READER)
    other_item = api.get("/checkouts/availability", params={"patron_id": reader, "item_id": 6})

    response = api.post(
        "/checkouts",
        json={"patron_id": reader, "item_id": 4},
        params={"confirmation": other_item.json()["confirmation_token"]},
    )

    assert_error(response, 412, "Confirmation error")


@pytest.mark.parametrize(
    ("body", "error", "code"),
    [
        ({"patron_id": 2, "item_id": 99999}, "Item not found", "ITEM_NOT_FOUND"),
        ({"patron_id": 99999, "item_id": 6}, "Patron not found", "PATRON_NOT_FOUND"),
    ],
)
def test_checking_out_what_does_not_exist_is_409(api, body, error, code):
    assert_error(api.post("/checkouts", json=body), 409, error, code)


def test_a_refused_renewal_is_403_with_kohas_reason(api):
    # Checkout 1 is the reader's loan of item 1; the other reader holds its record.
    assert_error(
        api.post("/checkouts/1/renewal"), 403, "Renewal not authorized (on_reserve)", "on_reserve"
    )


def test_a_refused_hold_is_403_with_kohas_reason(api, sandbox):
    body = {
        "patron_id": patron_id(sandbox, OTHER_READER),
        "biblio_id": 1,
        "pickup_library_id": "RIV",
    }

    assert_error(
        api.post("/holds", json=body),
        403,
        "Hold cannot be placed. Reason: tooManyHoldsForThisRecord",
    )


# The query parameters of each listing as Koha's path definitions declare them (besides _page,
# _per_page, _match, _order_by and q): api/v1/swagger/paths/items.yaml @ cf017af8, checkouts.yaml,
# libraries.yaml @ 3fc1f275, biblios.yaml @ 35e9ac9b. A name Koha does not declare is refused.
@pytest.mark.parametrize(
    ("path", "unknown"),
    [
        ("/items", "barcode"),
        ("/items", "biblio_id"),
        ("/biblios", "title"),
        ("/biblios/1/items", "external_id"),
        ("/checkouts", "item_id"),
        ("/libraries", "library_id"),
        ("/patrons", "barcode"),
        ("/holds", "borrowernumber"),
    ],
)
def test_a_query_parameter_koha_does_not_declare_is_400_malformed(api, path, unknown):
    response = api.get(path, params={unknown: "1"})

    assert response.status_code == 400
    assert response.json() == [{"message": "Malformed query string", "path": f"/query/{unknown}"}]


def test_a_public_listing_takes_no_filters(anonymous):
    response = anonymous.get("/public/libraries", params={"name": "Riverside", "city": "Lunca"})

    assert response.status_code == 400
    assert sorted(error["path"] for error in response.json()) == ["/query/city", "/query/name"]


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/items", {"external_id": "39520"}),
        ("/checkouts", {"patron_id": "2", "checked_in": "false"}),
        ("/libraries", {"name": "Riverside", "city": "Lunca", "postal_code": "00002"}),
        ("/patrons", {"surname": "Popescu", "library_id": "RIV"}),
        ("/holds", {"biblio_id": "1", "pickup_library_id": "RIV", "status": ""}),
    ],
)
def test_the_filters_koha_declares_are_taken(api, path, params):
    assert api.get(path, params=params).status_code == 200


def test_a_q_that_is_not_json_is_400_invalid_query(api):
    response = api.get("/patrons", params={"q": "{surname: Popescu"})

    assert response.status_code == 400
    assert_shape(response.json(), koha.ERROR)
    assert response.json()["error_code"] == "invalid_query"


def test_an_oauth_grant_other_than_client_credentials_is_400(anonymous):
    response = anonymous.post("/oauth/token", data={"grant_type": "password"})

    assert_error(response, 400, "Unimplemented grant type")


def test_oauth_with_a_wrong_secret_is_403_unauthorized_client(anonymous):
    response = anonymous.post(
        "/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": demo_library.CLIENT_ID,
            "client_secret": "wrong",
        },
    )

    assert_error(response, 403, "unauthorized_client")


def test_an_issued_token_is_a_bearer_token_for_an_hour(anonymous):
    response = anonymous.post(
        "/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": demo_library.CLIENT_ID,
            "client_secret": demo_library.CLIENT_SECRET,
        },
    )

    assert response.status_code == 200
    token = response.json()
    assert set(token) == {"access_token", "token_type", "expires_in"}
    assert (token["token_type"], token["expires_in"]) == ("Bearer", 3600)


def test_a_record_in_a_format_koha_does_not_offer_is_406_with_the_formats_it_does(api):
    response = api.get("/biblios/1", headers={"Accept": "application/pdf"})

    assert response.status_code == 406
    assert response.json() == [
        "application/json",
        "application/marcxml+xml",
        "application/marc-in-json",
        "application/marc",
        "text/plain",
    ]


# --- Paging --------------------------------------------------------------------------------------


def links_of(response: requests.Response) -> dict[str, dict[str, list[str]]]:
    """rel -> the query of its URL; and the rels in the order the header gives them."""
    return {rel: parse_qs(urlsplit(link["url"]).query) for rel, link in response.links.items()}


def rels_in_order(response: requests.Response) -> list[str]:
    return [part.split('rel="')[1].rstrip('"') for part in response.headers["Link"].split(",<")]


@pytest.mark.parametrize(
    ("page", "rels", "pages"),
    [
        (1, ["next", "first", "last"], {"next": 2, "first": 1, "last": 8}),
        (3, ["prev", "next", "first", "last"], {"prev": 2, "next": 4, "first": 1, "last": 8}),
        (8, ["prev", "first", "last"], {"prev": 7, "first": 1, "last": 8}),
    ],
)
def test_link_names_prev_and_next_only_where_they_exist_and_always_first_and_last(
    api, page, rels, pages
):
    response = api.get("/biblios", params={"_page": page, "_per_page": 10})

    assert response.headers["X-Total-Count"] == str(BIBLIOS)
    assert rels_in_order(response) == rels
    links = links_of(response)
    assert {rel: int(query["_page"][0]) for rel, query in links.items()} == pages
    assert all(query["_per_page"] == ["10"] for query in links.values())


def test_link_is_written_as_kohas_pagination_plugin_writes_it(anonymous):
    response = anonymous.get("/public/libraries", params={"_per_page": 2})

    url = f"{BASE}/public/libraries"
    assert response.headers["Link"] == (
        f'<{url}?_page=2&_per_page=2>; rel="next",'
        f'<{url}?_page=1&_per_page=2>; rel="first",'
        f'<{url}?_page=2&_per_page=2>; rel="last"'
    )
    assert response.headers["X-Total-Count"] == "3"


def test_link_keeps_every_parameter_of_the_request(api, sandbox):
    query = json.dumps({"biblio_id": {">=": 10}})
    response = api.get("/checkouts", params={"checked_in": "true", "_per_page": 1})
    listed = api.get("/biblios", params={"q": query, "_per_page": 5, "_page": 2})

    assert links_of(response)["first"]["checked_in"] == ["true"]
    for link in links_of(listed).values():
        assert link["q"] == [query]


def test_per_page_minus_one_is_one_page_of_everything(api):
    response = api.get("/biblios", params={"_per_page": -1})

    assert len(response.json()) == BIBLIOS
    assert rels_in_order(response) == ["first", "last"]
    links = links_of(response)
    assert links["first"]["_page"] == links["last"]["_page"] == ["1"]
    assert links["last"]["_per_page"] == ["-1"]


def test_an_empty_listing_counts_zero_and_its_last_page_is_zero_as_in_koha(api):
    response = api.get("/patrons", params={"cardnumber": "no such card"})

    assert response.json() == []
    assert response.headers["X-Total-Count"] == "0"
    assert rels_in_order(response) == ["first", "last"]
    assert links_of(response)["last"]["_page"] == ["0"]


def test_the_default_page_is_twenty(api):
    response = api.get("/biblios")

    assert len(response.json()) == 20
    assert links_of(response)["next"]["_per_page"] == ["20"]


# --- q and _match --------------------------------------------------------------------------------


def cards(response: requests.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return sorted(patron["cardnumber"] for patron in response.json())


def test_q_takes_in(api):
    wanted = [READER.cardnumber, IN_DEBT.cardnumber]
    q = json.dumps({"cardnumber": {"-in": wanted}})

    assert cards(api.get("/patrons", params={"q": q})) == sorted(wanted)


def test_q_takes_like(api):
    q = json.dumps({"surname": {"-like": "Pope%"}})

    assert cards(api.get("/patrons", params={"q": q})) == [OTHER_READER.cardnumber]


def test_q_takes_comparisons(api):
    q = json.dumps({"biblio_id": {">=": BIBLIOS - 4}})
    response = api.get("/biblios", params={"q": q})

    assert [biblio["biblio_id"] for biblio in response.json()] == list(range(BIBLIOS - 4, 75))
    assert response.headers["X-Total-Count"] == "5"


def test_q_takes_or(api):
    q = json.dumps({"-or": [{"cardnumber": READER.cardnumber}, {"surname": OTHER_READER.surname}]})

    assert cards(api.get("/patrons", params={"q": q})) == [
        READER.cardnumber,
        OTHER_READER.cardnumber,
    ]


def test_a_partial_card_number_finds_the_patron_by_default_but_not_with_exact_match(api):
    partial = RESTRICTED.cardnumber[-7:]

    assert cards(api.get("/patrons", params={"cardnumber": partial})) == [RESTRICTED.cardnumber]
    assert cards(api.get("/patrons", params={"cardnumber": partial, "_match": "contains"})) == [
        RESTRICTED.cardnumber
    ]
    assert cards(api.get("/patrons", params={"cardnumber": partial, "_match": "exact"})) == []


def test_the_request_id_is_echoed(api):
    response = api.get("/libraries", headers={"x-koha-request-id": "req-42"})

    assert response.headers["x-koha-request-id"] == "req-42"


# --- A record in each of Koha's formats ----------------------------------------------------------


def record_as(api: Api, media_type: str) -> requests.Response:
    response = api.get("/biblios/1", headers={"Accept": media_type})
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].startswith(media_type)
    return response


def test_a_record_as_json_is_its_biblio(api):
    assert record_as(api, "application/json").json()["biblio_id"] == 1


def test_a_record_as_marc_in_json_is_an_object_with_leader_and_fields(api):
    record = record_as(api, "application/marc-in-json").json()

    assert isinstance(record, dict)
    assert isinstance(record["leader"], str) and len(record["leader"]) == 24
    assert {"001": "1"} in record["fields"]


def test_a_record_as_marcxml_reads_with_pymarc(api):
    (record,) = pymarc.parse_xml_to_array(
        io.BytesIO(record_as(api, "application/marcxml+xml").content)
    )

    assert record["001"].data == "1"


def test_a_record_as_iso_2709_reads_with_pymarc(api):
    (record,) = list(pymarc.MARCReader(record_as(api, "application/marc").content, to_unicode=True))

    assert record["001"].data == "1"


def test_a_record_as_text_is_pymarcs_line_per_field(api):
    text = record_as(api, "text/plain").text

    assert text.startswith("=LDR  ")
    assert "\n=001  1" in text


# --- Patrons' own passwords, new patrons, pickup locations ---------------------------------------
# Koha/REST/V1/Auth/Password.pm and api/v1/swagger/paths/auth.yaml @ 011a85d3 (Koha 22.11+);
# Koha/REST/V1/Patrons.pm (add); Koha/REST/V1/Biblios.pm (pickup_locations).


def validation(api: Api, **body) -> requests.Response:
    return api.post("/auth/password/validation", json=body)


def test_a_card_number_and_its_pin_are_validated_with_201_naming_the_patron(api, sandbox):
    response = validation(api, identifier=READER.cardnumber, password=READER.pin)

    assert response.status_code == 201, response.text
    assert_shape(response.json(), koha.PASSWORD_VALIDATION)
    assert response.json()["patron_id"] == patron_id(sandbox, READER)
    assert response.json()["cardnumber"] == READER.cardnumber


def test_the_identifier_may_be_the_patrons_userid(api, sandbox):
    userid = api.get(f"/patrons/{patron_id(sandbox, READER)}").json()["userid"]

    response = validation(api, identifier=userid, password=READER.pin)

    assert response.status_code == 201, response.text
    assert response.json()["userid"] == userid


@pytest.mark.parametrize(
    "body",
    [
        {"identifier": READER.cardnumber, "password": OTHER_READER.pin},
        {"identifier": "23529009999999", "password": READER.pin},
        {"identifier": READER.cardnumber[:-1], "password": READER.pin},
        {"identifier": "", "password": ""},
        {"password": READER.pin},
        {"userid": READER.cardnumber, "password": READER.pin},  # userid: never a card number
    ],
    ids=["wrong pin", "unknown card", "part of a card", "empty", "no identifier", "userid"],
)
def test_what_does_not_validate_is_400_validation_failed_whatever_the_reason(api, body):
    assert_error(validation(api, **body), 400, "Validation failed")


def test_an_identifier_and_a_userid_together_are_400(api):
    response = validation(api, identifier=READER.cardnumber, userid="x", password=READER.pin)

    assert_error(response, 400, "Bad request. Only one identifier attribute can be passed.")


def test_validation_without_a_password_or_with_other_properties_breaks_kohas_definition(api):
    missing = validation(api, identifier=READER.cardnumber)
    other = validation(api, identifier=READER.cardnumber, password=READER.pin, pin=READER.pin)

    assert missing.status_code == other.status_code == 400
    assert missing.json()["errors"] == [{"message": "Missing property.", "path": "/body/password"}]
    assert other.json()["errors"][0]["path"] == "/body"


def test_password_validation_needs_staff_credentials(anonymous):
    response = validation(anonymous, identifier=READER.cardnumber, password=READER.pin)

    assert_error(response, 401, "Authentication failure.")


def test_failed_validations_lock_the_patron_out_after_failed_login_attempts(api, sandbox):
    with sandbox.store.transaction() as db:
        db.execute("UPDATE settings SET value = '3' WHERE name = 'FailedLoginAttempts'")
    for _ in range(3):
        validation(api, identifier=READER.cardnumber, password="0000")

    response = validation(api, identifier=READER.cardnumber, password=READER.pin)

    assert_error(response, 400, "Validation failed")
    patron = api.get(f"/patrons/{patron_id(sandbox, READER)}").json()
    assert patron["login_attempts"] == 3


def test_a_right_password_clears_the_failed_attempts(api, sandbox):
    validation(api, identifier=READER.cardnumber, password="0000")

    validation(api, identifier=READER.cardnumber, password=READER.pin)

    assert api.get(f"/patrons/{patron_id(sandbox, READER)}").json()["login_attempts"] == 0


NEW_PATRON = {
    "surname": "Rusu",
    "firstname": "Ana",
    "date_of_birth": "1990-04-01",
    "email": "ana.rusu@example.org",
    "library_id": "RIV",
    "category_id": "SELFREG",
}


def test_a_patron_is_added_with_201_its_location_a_userid_and_the_next_card_number(api):
    response = api.post("/patrons", json=NEW_PATRON)

    assert response.status_code == 201, response.text
    patron = response.json()
    assert_shape(patron, koha.PATRON)
    assert response.headers["Location"] == f"/api/v1/patrons/{patron['patron_id']}"
    assert (patron["userid"], patron["cardnumber"]) == ("ana.rusu", "23529001000018")
    assert (patron["date_enrolled"], patron["expiry_date"]) == ("2026-11-02", "2027-11-02")
    assert api.get(f"/patrons/{patron['patron_id']}").json() == patron


def test_a_second_patron_of_the_same_name_gets_a_userid_of_its_own(api):
    first = api.post("/patrons", json=NEW_PATRON).json()
    second = api.post("/patrons", json={**NEW_PATRON, "email": "other@example.org"}).json()

    assert (first["userid"], second["userid"]) == ("ana.rusu", "ana.rusu1")


@pytest.mark.parametrize("missing", ["surname", "library_id", "category_id"])
def test_a_patron_without_what_kohas_definition_requires_is_400(api, missing):
    body = {name: value for name, value in NEW_PATRON.items() if name != missing}

    response = api.post("/patrons", json=body)

    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"message": "Missing property.", "path": f"/body/{missing}"}
    ]


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("library_id", "NOPE", "Given library_id does not exist"),
        ("category_id", "NOPE", "Given category_id does not exist"),
    ],
)
def test_a_patron_at_an_unknown_library_or_category_is_400_naming_it(api, field, value, error):
    assert_error(api.post("/patrons", json={**NEW_PATRON, field: value}), 400, error)


def test_a_patron_with_a_card_number_another_has_is_409_naming_the_conflict(api):
    response = api.post("/patrons", json={**NEW_PATRON, "cardnumber": READER.cardnumber})

    assert response.status_code == 409
    assert response.json() == {"error": "Duplicate ID", "conflict": "cardnumber"}


def test_a_patron_with_a_malformed_date_of_birth_is_400(api):
    response = api.post("/patrons", json={**NEW_PATRON, "date_of_birth": "01.04.1990"})

    assert response.status_code == 400
    assert response.json()["errors"][0]["path"] == "/body/date_of_birth"


def test_a_patron_is_found_again_by_exact_email_and_by_name_and_date_of_birth(api):
    api.post("/patrons", json=NEW_PATRON)
    by_email = json.dumps({"email": NEW_PATRON["email"]})
    by_name = json.dumps(
        {"surname": "Rusu", "firstname": "Ana", "date_of_birth": NEW_PATRON["date_of_birth"]}
    )

    assert len(api.get("/patrons", params={"q": by_email}).json()) == 1
    assert len(api.get("/patrons", params={"q": by_name}).json()) == 1


def test_pickup_locations_are_the_libraries_that_take_holds(api, sandbox):
    with sandbox.store.transaction() as db:
        db.execute("UPDATE libraries SET pickup_location = 0 WHERE library_id = 'KIDS'")

    response = api.get(
        "/biblios/3/pickup_locations", params={"patron_id": patron_id(sandbox, READER)}
    )

    libraries = assert_list_of(response, koha.LIBRARY)
    assert [library["library_id"] for library in libraries] == ["CPL", "RIV"]
    assert all(library["needs_override"] is False for library in libraries)


def test_pickup_locations_need_a_patron_and_a_record_that_exist(api, sandbox):
    reader = patron_id(sandbox, READER)

    missing = api.get("/biblios/3/pickup_locations")
    no_record = api.get("/biblios/99999/pickup_locations", params={"patron_id": reader})
    no_patron = api.get("/biblios/3/pickup_locations", params={"patron_id": 99999})

    assert missing.json()["errors"] == [
        {"message": "Missing property.", "path": "/query/patron_id"}
    ]
    assert_error(no_record, 404, "Bibliographic record not found", "not_found")
    assert_error(no_patron, 400, "Patron not found")


def test_a_patron_says_how_long_koha_keeps_their_reading_history(api, sandbox):
    reader = patron_id(sandbox, READER)
    with sandbox.store.transaction() as db:
        db.execute("UPDATE patrons SET privacy = 2 WHERE patron_id = ?", (reader,))

    assert api.get(f"/patrons/{reader}").json()["privacy"] == 2


def test_a_return_by_a_patron_whose_privacy_is_never_leaves_no_reading_history(api, sandbox, clock):
    reader = patron_id(sandbox, READER)
    with sandbox.store.transaction() as db:
        db.execute("UPDATE patrons SET privacy = 2 WHERE patron_id = ?", (reader,))
        circulation.checkin(db, 2, "CPL", clock())

    history = api.get("/checkouts", params={"patron_id": reader, "checked_in": "true"})

    assert history.json() == []
