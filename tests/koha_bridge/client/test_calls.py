"""What each KohaClient call returns, and how each refuses, against the in-process sandbox.

The sandbox is seeded with the demo library: 74 records whose items have barcodes 39520 plus nine
digits, and demo patrons with card numbers 2352900100001x. Olena has items 1 and 2 on loan and
Sofiia item 3 (all three of record 1, on which Andrei has a hold); the others are on the shelf.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from koha_bridge.client import (
    CheckoutBlocked,
    ConfirmationNeeded,
    KohaBadRequest,
    KohaClient,
    KohaConflict,
    KohaNotFound,
    KohaProtocolError,
    KohaRefused,
)
from koha_bridge.client.client import MARCXML, BiblioStamp
from koha_bridge.config import KohaConfig
from koha_bridge.marc import Flavour, biblio_id_of, normalise, record_from_marc_in_json
from koha_bridge.sandbox import catalogue, circulation, demo_library
from koha_bridge.sandbox.clock import to_api_datetime
from koha_bridge.sandbox.seed.books import BOOKS
from koha_bridge.sandbox.seed.marc import to_marc
from koha_bridge.sandbox.seeding import CATALOGUED_BEFORE, barcode_for
from tests.koha_bridge.client.stubs import Answer
from tests.koha_fixtures import START

# The demo patrons' cards (demo_library.PATRONS).
OLENA = "23529001000011"  # items 1 and 2 on loan
ANDREI = "23529001000012"  # a hold on record 1, nothing against him
DMITRY = "23529001000013"  # owes 7.50, over the 5.00 that blocks checkouts
EMILY = "23529001000014"  # card expired
ION = "23529001000015"  # restricted (debarred)
MARIA = "23529001000017"  # card reported lost
RECORDS = len(BOOKS)
ON_SHELF_RECORD = 5  # no loans, no holds


def patron_id(koha_client, cardnumber: str) -> int:
    return koha_client.patron_by_cardnumber(cardnumber)["patron_id"]


def shelf_item(koha_client) -> dict:
    return koha_client.items_of_biblio(ON_SHELF_RECORD)[0]


def return_item(sandbox, item_id: int, library_id: str = "CPL") -> None:
    """A return at the desk, which happens in the ILS, not through the API."""
    with sandbox.store.transaction() as db:
        circulation.checkin(db, item_id, library_id, sandbox.clock())


# --- Catalogue ----------------------------------------------------------------------------------


def test_biblio_is_kohas_json_object_of_the_record(koha_client):
    first = normalise(to_marc(BOOKS[0], 1), BOOKS[0].flavour, 1)
    biblio = koha_client.biblio(1)
    assert biblio["biblio_id"] == 1
    assert biblio["title"] == first.title
    assert biblio["author"] == first.authors[0].name


def test_biblio_marc_as_marc_in_json_and_as_marcxml_is_the_same_record(koha_client):
    from_json = koha_client.biblio_marc(1)
    from_xml = koha_client.biblio_marc(1, MARCXML)
    assert normalise(from_json).title == normalise(from_xml).title == koha_client.biblio(1)["title"]
    assert from_json.as_dict() == from_xml.as_dict()


def test_unknown_biblio_is_not_found_and_the_message_names_the_url(koha_client):
    with pytest.raises(KohaNotFound) as raised:
        koha_client.biblio(999999)
    url = f"{koha_client.base_url}/biblios/999999"
    assert raised.value.status == 404
    assert raised.value.url == url
    assert "Bibliographic record not found" in str(raised.value)
    assert url in str(raised.value)


def test_unknown_biblio_as_marc_is_not_found_too(koha_client):
    with pytest.raises(KohaNotFound, match="Bibliographic record not found"):
        koha_client.biblio_marc(999999)


def test_item_by_barcode_finds_the_item_with_exactly_that_barcode(koha_client):
    item = koha_client.item_by_barcode(barcode_for(1))
    assert item["external_id"] == barcode_for(1)
    assert item["item_id"] == 1


@pytest.mark.parametrize(
    "part",
    [barcode_for(1)[:-1], barcode_for(1)[3:], "39520"],
    ids=["prefix", "inner-substring", "library-prefix"],
)
def test_item_by_barcode_does_not_match_part_of_a_barcode(koha_client, part):
    # Koha's default _match=contains would find every barcode containing it.
    url = f"{koha_client.base_url}/items"
    assert koha_client.session.get(url, params={"external_id": part}).json() != []
    assert koha_client.item_by_barcode(part) is None


def test_item_by_unknown_barcode_is_none(koha_client):
    assert koha_client.item_by_barcode("39520999999999") is None


def test_patron_by_cardnumber_finds_the_patron_with_exactly_that_card(koha_client):
    patron = koha_client.patron_by_cardnumber(ANDREI)
    assert patron["cardnumber"] == ANDREI
    assert patron["surname"] == "Popescu"


def test_patron_by_cardnumber_does_not_match_part_of_a_card_number(koha_client):
    prefix = OLENA[:-1]  # what all demo cards start with
    url = f"{koha_client.base_url}/patrons"
    assert len(koha_client.session.get(url, params={"cardnumber": prefix}).json()) > 1
    assert koha_client.patron_by_cardnumber(prefix) is None


def test_items_of_biblio_follows_every_page(client_on, recorder):
    koha_client = client_on(recorder, page_size=2)
    items = koha_client.items_of_biblio(1)
    assert [item["external_id"] for item in items] == [barcode_for(n) for n in (1, 2, 3)]
    pages = recorder.to("/api/v1/biblios/1/items")
    assert [(seen.param("_page"), seen.param("_per_page")) for seen in pages] == [
        ("1", "2"),
        ("2", "2"),
    ]


def test_items_of_biblio_asks_koha_to_embed_what_it_names(client_on, recorder):
    koha_client = client_on(recorder)
    items = koha_client.items_of_biblio(1, embed=("+strings", "checkout"))
    assert items[0]["checkout"]["item_id"] == 1
    assert items[0]["_strings"]["item_type_id"]["str"] == "Book"
    (seen,) = recorder.to("/api/v1/biblios/1/items")
    assert seen.headers["x-koha-embed"] == "+strings,checkout"


def test_libraries_follows_every_page(client_on, recorder):
    koha_client = client_on(recorder, page_size=2)
    libraries = koha_client.libraries()
    assert sorted(library["library_id"] for library in libraries) == sorted(
        library[0] for library in demo_library.LIBRARIES
    )
    assert len(recorder.to("/api/v1/libraries")) == 2


def test_rate_returns_the_rating_the_average_and_the_count(koha_client):
    assert koha_client.rate(1, 4) == {"rating": 4, "average": 4.0, "count": 1}
    assert koha_client.rate(1, 2) == {"rating": 2, "average": 2.0, "count": 1}  # replaces, not adds
    assert koha_client.rate(1, None) == {"rating": None, "average": 0, "count": 0}


def test_rating_out_of_range_is_a_bad_request_naming_the_field(koha_client):
    with pytest.raises(KohaBadRequest, match="/body/rating"):
        koha_client.rate(1, 9)


# --- Harvesting changed records -----------------------------------------------------------------


def test_changed_biblios_pages_by_ascending_id_and_resumes_after_the_last_id(koha_client):
    since = to_api_datetime(START - CATALOGUED_BEFORE)  # when the demo catalogue was saved
    pages, after = [], 0
    while True:
        page = koha_client.changed_biblios(since, after_id=after, limit=30)
        if not page.stamps:
            break
        pages.append(page)
        after = page.stamps[-1].biblio_id
    ids = [stamp.biblio_id for page in pages for stamp in page.stamps]
    assert ids == list(range(1, RECORDS + 1))
    assert [len(page.stamps) for page in pages] == [30, 30, RECORDS - 60]
    assert [page.total for page in pages] == [RECORDS, RECORDS - 30, RECORDS - 60]
    assert all(page.server_time == START for page in pages)


def test_changed_biblios_are_those_changed_at_or_after_since(koha_client, sandbox, clock):
    clock.advance(hours=1)
    with sandbox.store.transaction() as db:
        row = db.execute("SELECT * FROM biblios WHERE biblio_id = 7").fetchone()
        catalogue.save_biblio(db, catalogue.load_record(row), Flavour(row["schema"]), clock(), 7)
    clock.advance(minutes=5)

    changed = koha_client.changed_biblios(to_api_datetime(START + timedelta(minutes=30)))
    catalogued_on = (START - CATALOGUED_BEFORE).date().isoformat()
    assert changed.stamps == [
        BiblioStamp(7, to_api_datetime(START + timedelta(hours=1)), created=catalogued_on)
    ]
    assert changed.total == 1
    assert changed.server_time == clock()  # the server's clock, from its Date header
    catalogued = to_api_datetime(START - CATALOGUED_BEFORE)
    assert len(koha_client.changed_biblios(catalogued, limit=100).stamps) == RECORDS


def test_changed_biblios_without_since_lists_every_record(koha_client):
    page = koha_client.changed_biblios(None, after_id=RECORDS - 3, limit=10)
    assert [stamp.biblio_id for stamp in page.stamps] == [RECORDS - 2, RECORDS - 1, RECORDS]


def test_biblio_records_are_marc_in_json_for_exactly_those_ids(koha_client):
    records = [record for record, _text in koha_client.biblio_records_as_sent([11, 3, 7])]
    read = [record_from_marc_in_json(data) for data in records]
    assert sorted(biblio_id_of(record, None) for record in read) == [3, 7, 11]
    assert all(set(data) == {"leader", "fields"} for data in records)


def test_biblio_records_of_no_ids_asks_nothing(client_on, recorder):
    assert client_on(recorder).biblio_records_as_sent([]) == []
    assert recorder.seen == []


def test_biblio_records_as_sent_keep_each_records_json_text_as_koha_wrote_it(scripted):
    # Koha's JSON (Mojo::JSON) is compact; another producer may space it or escape letters.
    first = '{"leader": "00000nam a2200000 i 4500", "fields": [{"001": "3"}]}'
    second = '{"leader":"00000nam a2200000 i 4500","fields":[{"001":"K\\u00f6ln"}]}'
    body = f"[ {first} ,\n {second}]\n".encode()
    koha = scripted(Answer(200, body, {"Content-Type": "application/marc-in-json"}))

    sent = KohaClient(KohaConfig(url=koha.url)).biblio_records_as_sent([3, 4])

    assert [text for _record, text in sent] == [first, second]
    assert sent[1][0]["fields"] == [{"001": "Köln"}]


@pytest.mark.parametrize("body", [b'{"leader": "x"}', b"[{}, ]", b'[{"a": "\xff"}]', b"[] []"])
def test_biblio_records_that_are_not_a_json_array_are_koha_not_speaking_its_api(scripted, body):
    koha = scripted(Answer(200, body, {"Content-Type": "application/marc-in-json"}))

    with pytest.raises(KohaProtocolError, match="MARC-in-JSON list is not a JSON array"):
        KohaClient(KohaConfig(url=koha.url)).biblio_records_as_sent([3])


# --- Patrons ------------------------------------------------------------------------------------


def test_patron_checkouts_are_the_current_loans(koha_client):
    checkouts = koha_client.patron_checkouts(patron_id(koha_client, OLENA))
    assert sorted(checkout["item_id"] for checkout in checkouts) == [1, 2]
    assert all(checkout["checkin_date"] is None for checkout in checkouts)


def test_returned_loans_move_from_current_checkouts_to_the_history(koha_client, sandbox, clock):
    olena = patron_id(koha_client, OLENA)
    clock.advance(hours=2)
    return_item(sandbox, 1)
    return_item(sandbox, 2)
    assert koha_client.patron_checkouts(olena) == []
    history = koha_client.patron_checkouts(olena, checked_in=True)
    assert sorted(checkout["item_id"] for checkout in history) == [1, 2]
    assert {checkout["checkin_date"] for checkout in history} == {to_api_datetime(clock())}


def test_checkout_history_follows_every_page(client_on, sandbox, clock):
    koha_client = client_on(sandbox.app, page_size=2)
    olena = patron_id(koha_client, OLENA)
    item = shelf_item(koha_client)
    koha_client.checkout(olena, item["item_id"])
    clock.advance(days=1)
    for item_id in (1, 2, item["item_id"]):
        return_item(sandbox, item_id)
    history = koha_client.patron_checkouts(olena, checked_in=True)
    assert sorted(checkout["item_id"] for checkout in history) == [1, 2, item["item_id"]]


def test_patron_account_gives_the_balance(koha_client):
    account = koha_client.patron_account(patron_id(koha_client, DMITRY))
    assert account["balance"] == 7.5
    assert account["outstanding_debits"]["total"] == 7.5
    assert koha_client.patron_account(patron_id(koha_client, ANDREI))["balance"] == 0


def test_validate_password_names_the_patron_of_a_card_number_and_its_pin(koha_client):
    validated = koha_client.validate_password(ANDREI, "2222")

    assert validated["patron_id"] == patron_id(koha_client, ANDREI)
    assert validated["cardnumber"] == ANDREI


@pytest.mark.parametrize(("card", "pin"), [(ANDREI, "1111"), ("23529009999999", "2222")])
def test_validate_password_is_none_for_a_wrong_pin_or_an_unknown_card(koha_client, card, pin):
    assert koha_client.validate_password(card, pin) is None


def test_validate_password_speaks_to_koha_22_11_which_names_the_identifier_userid(scripted):
    refused = {"errors": [{"message": "Properties not allowed: identifier.", "path": "/body"}]}
    validated = {"cardnumber": ANDREI, "patron_id": 2, "userid": "andrei.popescu"}
    koha = scripted(Answer(400, refused), Answer(201, validated))

    answer = KohaClient(KohaConfig(url=koha.url)).validate_password(ANDREI, "2222")

    assert answer == validated
    assert [request.method for request in koha.requests] == ["POST", "POST"]


def test_find_patrons_takes_a_q_query(koha_client):
    found = koha_client.find_patrons({"surname": "Popescu", "firstname": "Andrei"})

    assert [patron["cardnumber"] for patron in found] == [ANDREI]


def test_add_patron_creates_the_patron_koha_gives_back(koha_client):
    added = koha_client.add_patron(
        {"surname": "Rusu", "firstname": "Ana", "library_id": "CPL", "category_id": "SELFREG"}
    )

    assert koha_client.patron(added["patron_id"])["surname"] == "Rusu"
    assert added["cardnumber"]


def test_add_patron_with_a_card_number_in_use_is_a_conflict(koha_client):
    with pytest.raises(KohaConflict):
        koha_client.add_patron(
            {"cardnumber": ANDREI, "surname": "Rusu", "library_id": "CPL", "category_id": "PT"}
        )


def test_patron_holds_and_one_hold_only_when_it_is_the_patrons(koha_client):
    andrei, olena = patron_id(koha_client, ANDREI), patron_id(koha_client, OLENA)
    [hold] = koha_client.patron_holds(andrei)

    assert koha_client.patron_hold(andrei, hold["hold_id"]) == hold
    assert koha_client.patron_hold(olena, hold["hold_id"]) is None


def test_pickup_locations_are_libraries(koha_client):
    libraries = koha_client.pickup_locations(ON_SHELF_RECORD, patron_id(koha_client, OLENA))

    assert [library["library_id"] for library in libraries] == ["CPL", "KIDS", "RIV"]


def test_items_and_biblios_are_fetched_in_one_request_each(client_on, recorder):
    koha_client = client_on(recorder)

    items = koha_client.items([2, 1])
    biblios = koha_client.biblios([item["biblio_id"] for item in items])

    assert [item["item_id"] for item in items] == [1, 2]
    assert [biblio["biblio_id"] for biblio in biblios] == [1]
    assert [seen.path for seen in recorder.seen if "token" not in seen.path] == [
        "/api/v1/items",
        "/api/v1/biblios",
    ]


# --- Circulation --------------------------------------------------------------------------------


def test_checkout_of_an_item_on_the_shelf_lends_it_for_21_days(koha_client):
    andrei, item = patron_id(koha_client, ANDREI), shelf_item(koha_client)
    checkout = koha_client.checkout(andrei, item["item_id"])
    assert checkout["patron_id"] == andrei
    assert checkout["item_id"] == item["item_id"]
    due = (START + timedelta(days=21)).date().isoformat()
    assert checkout["due_date"].startswith(due)
    assert [c["item_id"] for c in koha_client.patron_checkouts(andrei)] == [item["item_id"]]


@pytest.mark.parametrize(
    ("cardnumber", "code"),
    [(DMITRY, "DEBT"), (EMILY, "EXPIRED"), (ION, "DEBARRED"), (MARIA, "CARD_LOST")],
)
def test_checkout_blocked_for_the_patron_names_kohas_blocker(koha_client, cardnumber, code):
    patron = patron_id(koha_client, cardnumber)
    with pytest.raises(CheckoutBlocked) as raised:
        koha_client.checkout(patron, shelf_item(koha_client)["item_id"])
    assert code in raised.value.blockers
    assert code in str(raised.value)
    assert koha_client.patron_checkouts(patron) == []


def test_item_on_loan_to_another_needs_confirmation_and_confirm_lends_it(koha_client):
    olena, andrei = patron_id(koha_client, OLENA), patron_id(koha_client, ANDREI)
    with pytest.raises(ConfirmationNeeded) as raised:
        koha_client.checkout(andrei, 1)
    assert "ISSUED_TO_ANOTHER" in raised.value.confirms
    assert raised.value.confirms["issued_cardnumber"] == OLENA
    assert "ISSUED_TO_ANOTHER" in str(raised.value)
    assert 1 in [c["item_id"] for c in koha_client.patron_checkouts(olena)]  # nothing changed yet

    checkout = koha_client.checkout(andrei, 1, confirm=True)
    assert (checkout["patron_id"], checkout["item_id"]) == (andrei, 1)
    assert [c["item_id"] for c in koha_client.patron_checkouts(olena)] == [2]


def test_renew_extends_the_loan_from_its_due_date(koha_client):
    andrei = patron_id(koha_client, ANDREI)
    lent = koha_client.checkout(andrei, shelf_item(koha_client)["item_id"])
    renewed = koha_client.renew(lent["checkout_id"])
    assert renewed["renewals_count"] == 1
    due = (START + timedelta(days=21 + 21)).date().isoformat()
    assert renewed["due_date"].startswith(due)


def test_refused_renewal_is_refused_with_kohas_reason(koha_client):
    olena = patron_id(koha_client, OLENA)
    [loan] = [c for c in koha_client.patron_checkouts(olena) if c["item_id"] == 1]
    with pytest.raises(KohaRefused) as raised:
        koha_client.renew(loan["checkout_id"])  # Andrei holds record 1
    assert raised.value.status == 403
    assert "on_reserve" in str(raised.value)


def test_renewals_run_out(koha_client):
    lent = koha_client.checkout(patron_id(koha_client, ANDREI), shelf_item(koha_client)["item_id"])
    koha_client.renew(lent["checkout_id"])
    koha_client.renew(lent["checkout_id"])
    with pytest.raises(KohaRefused, match="too_many"):
        koha_client.renew(lent["checkout_id"])


def test_place_hold_and_cancel_it(koha_client):
    olena = patron_id(koha_client, OLENA)
    hold = koha_client.place_hold(
        olena, "RIV", biblio_id=ON_SHELF_RECORD, notes="for the book club"
    )
    assert (hold["patron_id"], hold["biblio_id"]) == (olena, ON_SHELF_RECORD)
    assert hold["pickup_library_id"] == "RIV"
    assert koha_client.cancel_hold(hold["hold_id"]) is None
    with pytest.raises(KohaNotFound):
        koha_client.cancel_hold(hold["hold_id"])


def test_refused_hold_is_refused_with_kohas_reason(koha_client):
    with pytest.raises(KohaRefused, match="tooManyHoldsForThisRecord"):
        koha_client.place_hold(patron_id(koha_client, ANDREI), "RIV", biblio_id=1)


def test_hold_at_an_unknown_library_is_a_bad_request(koha_client):
    with pytest.raises(KohaBadRequest, match="pickup location"):
        koha_client.place_hold(patron_id(koha_client, OLENA), "NOWHERE", biblio_id=ON_SHELF_RECORD)


# --- Operations ---------------------------------------------------------------------------------


def test_ping_is_one_small_request_that_returns_nothing_when_koha_answers(koha_client):
    assert koha_client.ping() is None


def test_probe_counts_what_koha_holds(koha_client):
    probe = koha_client.probe()
    assert probe.url == "sandbox:"
    assert probe.authenticated_as == demo_library.CLIENT_ID
    assert probe.counts == {
        "biblios": RECORDS,
        "items": sum(book.copies for book in BOOKS),
        "patrons": len(demo_library.PATRONS) + 1,  # and the staff user
        "libraries": len(demo_library.LIBRARIES),
    }
