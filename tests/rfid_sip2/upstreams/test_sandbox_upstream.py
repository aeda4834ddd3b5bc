"""SIP2 on the sandbox ILS answers as Koha's SIP2 server does.

The clock starts on Monday 2026-11-02 at 10:00 UTC. The demo library (koha_bridge's seeding):
the reader (Olena) has items 1 (home RIV) and 2 (home KIDS, 9 days overdue) of "Great
expectations", whose record the other reader (Andrei) holds for pickup at RIV; the child has
item 3 of it on loan and holds "A Christmas carol" (items 4 at KIDS, 5 at CPL) for pickup at
KIDS; "Oliver Twist" (item 6, CPL) and "Pride and prejudice" (7 RIV, 8 KIDS, 9 CPL) are on the
shelf. Barcodes are 39520 and the item number in 9 digits.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from datetime import datetime, timedelta, timezone

import pytest

from koha_bridge.sandbox import accounts, verified_pins
from koha_bridge.sandbox.demo_library import PATRONS, DemoPatron
from koha_bridge.sandbox.passwords import hash_secret
from koha_bridge.sandbox.seeding import barcode_for
from rfid_sip2.sip2 import messages as sip
from rfid_sip2.sip2.codec import decode, encode
from rfid_sip2.sip2.fields import PatronStatus
from rfid_sip2.upstreams.base import Terminal, UpstreamUnavailable
from rfid_sip2.upstreams.sandbox import SandboxUpstream


def _demo(test) -> DemoPatron:
    return next(patron for patron in PATRONS if test(patron))


def _in_good_standing(patron: DemoPatron) -> bool:
    flags = (patron.expired, patron.restricted, patron.card_lost, patron.fines)
    return patron.category_id == "PT" and not any(flags)


READER = _demo(_in_good_standing)
OTHER_READER = _demo(lambda p: _in_good_standing(p) and p is not READER)
IN_DEBT = _demo(lambda p: p.fines)
EXPIRED = _demo(lambda p: p.expired)
RESTRICTED = _demo(lambda p: p.restricted)
CARD_LOST = _demo(lambda p: p.card_lost)
CHILD = _demo(lambda p: p.category_id == "CH")
UNKNOWN_CARD = "23529009999999"
UNKNOWN_BARCODE = "39520999999999"
TERMINAL = Terminal(account="selfcheck-1", institution_id="CPL", location="CPL")
PRIVILEGES = ("charge", "renewal", "recall", "hold")


def item(number: int) -> str:
    return barcode_for(number)


def name(patron: DemoPatron) -> str:
    return f"{patron.firstname} {patron.surname}"


@pytest.fixture
def upstream(sandbox) -> SandboxUpstream:
    return SandboxUpstream(sandbox)


@pytest.fixture
def ask(upstream):
    def answer(request: sip.Message, terminal: Terminal = TERMINAL) -> sip.Message:
        return upstream.answer(request, terminal)

    return answer


@pytest.fixture
def db(sandbox):
    """Read what the answers left in the sandbox."""
    with sandbox.store.reading() as connection:
        yield connection


def extra(response: sip.Message) -> dict[str, str]:
    return dict(response.extra_fields)


def denied(status: PatronStatus) -> tuple[bool, ...]:
    return tuple(getattr(status, f"{privilege}_privileges_denied") for privilege in PRIVILEGES)


def status_request(patron: DemoPatron | str, pin: str = "", institution="CPL"):
    card = patron if isinstance(patron, str) else patron.cardnumber
    return sip.PatronStatusRequest(
        institution_id=institution, patron_identifier=card, patron_password=pin
    )


def information_request(patron: DemoPatron | str, summary=" " * 10, **fields):
    card = patron if isinstance(patron, str) else patron.cardnumber
    return sip.PatronInformationRequest(
        institution_id="CPL", patron_identifier=card, summary=summary, **fields
    )


def checkout(patron: DemoPatron | str, barcode: str, **fields) -> sip.CheckoutRequest:
    card = patron if isinstance(patron, str) else patron.cardnumber
    return sip.CheckoutRequest(
        institution_id="CPL", patron_identifier=card, item_identifier=barcode, **fields
    )


def checkin(barcode: str, at: str = "CPL", **fields) -> sip.CheckinRequest:
    return sip.CheckinRequest(
        institution_id="CPL", current_location=at, item_identifier=barcode, **fields
    )


def loan(db: sqlite3.Connection, number: int) -> sqlite3.Row | None:
    return db.execute("SELECT * FROM checkouts WHERE item_id = ?", (number,)).fetchone()


def debt(db: sqlite3.Connection, patron: DemoPatron) -> float:
    patron_id = db.execute(
        "SELECT patron_id FROM patrons WHERE cardnumber = ?", (patron.cardnumber,)
    ).fetchone()[0]
    return accounts.outstanding_debt(db, patron_id)


# --- Patron status (23) and patron information (63) ----------------------------------------------


def test_a_patron_in_good_standing_is_greeted_with_every_privilege(ask):
    response = ask(status_request(READER, pin=READER.pin))

    assert isinstance(response, sip.PatronStatusResponse)
    assert response.patron_status == PatronStatus()
    assert response.valid_patron is True
    assert response.valid_patron_password is True
    assert response.patron_identifier == READER.cardnumber
    assert response.personal_name == name(READER)
    assert (response.currency_type, response.fee_amount) == ("EUR", "0.00")
    assert response.screen_messages == ("Greetings from Koha. ",)
    assert response.institution_id == "CPL"
    assert response.transaction_date == datetime(2026, 11, 2, 10, 0)


def test_a_wrong_pin_is_answered_cq_n_with_kohas_invalid_password_note(ask):
    response = ask(status_request(READER, pin="0000"))

    assert response.valid_patron is True
    assert response.valid_patron_password is False
    assert response.screen_messages == ("Greetings from Koha.  -- Invalid password",)


def test_no_pin_is_answered_cq_n_without_a_note(ask):
    response = ask(status_request(READER, pin=""))

    assert response.valid_patron_password is False
    assert response.screen_messages == ("Greetings from Koha. ",)


def test_a_pin_proved_right_is_not_hashed_again_within_the_session(ask, monkeypatch):
    hashed = []
    real = verified_pins.verify_secret
    monkeypatch.setattr(
        verified_pins, "verify_secret", lambda pin, stored: hashed.append(pin) or real(pin, stored)
    )
    for _ in range(3):
        assert ask(status_request(READER, pin=READER.pin)).valid_patron_password is True
    assert ask(status_request(READER, pin="0000")).valid_patron_password is False

    assert hashed == [READER.pin, "0000"]


def test_a_changed_pin_is_refused_at_once_though_it_was_just_proved(ask, sandbox):
    assert ask(status_request(READER, pin=READER.pin)).valid_patron_password is True
    with sandbox.store.transaction() as db:
        db.execute(
            "UPDATE patrons SET password_hash = ? WHERE cardnumber = ?",
            (hash_secret("8642", iterations=1000), READER.cardnumber),
        )

    assert ask(status_request(READER, pin=READER.pin)).valid_patron_password is False
    assert ask(status_request(READER, pin="8642")).valid_patron_password is True


def test_an_unknown_card_is_no_patron_with_no_privileges(ask):
    response = ask(status_request(UNKNOWN_CARD, pin="1234"))

    assert response.valid_patron is False
    assert response.valid_patron_password is None
    assert denied(response.patron_status) == (True,) * 4
    assert response.personal_name == ""
    assert response.patron_identifier == UNKNOWN_CARD
    assert response.screen_messages == ("Invalid cardnumber",)


@pytest.mark.parametrize(
    ("patron", "flag", "message"),
    [
        (
            IN_DEBT,
            "excessive_outstanding_fines",
            "Greetings from Koha.  -- Patron blocked by fines -- Patron owes 7.50",
        ),
        (EXPIRED, None, "Greetings from Koha. Your account has expired as of 10/03/2026"),
        (RESTRICTED, None, "Greetings from Koha. "),
        (
            CARD_LOST,
            "card_reported_lost",
            "Greetings from Koha.  -- Borrower's card reported lost.",
        ),
    ],
    ids=["in debt", "expired", "restricted", "card lost"],
)
def test_a_blocked_demo_patron_has_every_privilege_denied_and_kohas_note(
    ask, patron, flag, message
):
    response = ask(status_request(patron, pin=patron.pin))

    assert denied(response.patron_status) == (True,) * 4
    expected_flags = {flag} if flag else set()
    if flag == "excessive_outstanding_fines":
        expected_flags.add("excessive_outstanding_fees")
    others = {"card_reported_lost", "excessive_outstanding_fines", "excessive_outstanding_fees"}
    assert {f for f in others if getattr(response.patron_status, f)} == expected_flags
    assert response.valid_patron_password is True
    assert response.screen_messages == (message,)


def test_the_fee_amount_is_what_the_patron_owes(ask):
    assert ask(status_request(IN_DEBT)).fee_amount == "7.50"


def test_patron_information_counts_loans_overdues_holds_and_fines(ask):
    reader = ask(information_request(READER))
    in_debt = ask(information_request(IN_DEBT))
    child = ask(information_request(CHILD))

    assert isinstance(reader, sip.PatronInformationResponse)
    assert (reader.charged_items_count, reader.overdue_items_count) == (2, 1)
    assert (reader.hold_items_count, reader.fine_items_count) == (0, 0)
    assert in_debt.fine_items_count == 1
    assert (child.charged_items_count, child.unavailable_holds_count) == (1, 1)
    assert child.recall_items_count == 0
    assert reader.charged_items == ()  # no list unless the summary asks for one


def test_patron_information_says_who_the_patron_is(ask):
    response = ask(information_request(READER, patron_password=READER.pin))

    assert response.personal_name == name(READER)
    assert response.valid_patron is True
    assert response.valid_patron_password is True
    assert response.email_address == READER.email
    assert (response.currency_type, response.fee_amount, response.fee_limit) == ("EUR", "0.00", "5")
    assert extra(response)["PC"] == READER.category_id
    assert response.screen_messages == ("Greetings from Koha. ",)
    assert (response.hold_items_limit, response.charged_items_limit) == (None, None)


def test_patron_information_without_a_pin_leaves_cq_out_and_a_wrong_one_says_so(ask):
    without = ask(information_request(READER))
    wrong = ask(information_request(READER, patron_password="9"))

    assert without.valid_patron_password is None
    assert wrong.valid_patron_password is False
    assert wrong.screen_messages == ("Greetings from Koha.  -- Invalid password",)


@pytest.mark.parametrize(
    ("summary", "field", "expected"),
    [
        ("  Y       ", "charged_items", (item(1), item(2))),
        (" Y        ", "overdue_items", (item(2),)),
        ("Y         ", "hold_items", ()),
    ],
)
def test_patron_information_lists_what_the_summary_asks_for(ask, summary, field, expected):
    response = ask(information_request(READER, summary=summary))

    assert getattr(response, field) == expected


def test_patron_information_pages_its_list_counting_from_one(ask):
    second = ask(information_request(READER, summary="  Y       ", start_item="2", end_item="2"))
    from_two = ask(information_request(READER, summary="  Y       ", start_item="2"))
    first = ask(information_request(READER, summary="  Y       ", start_item="1", end_item="1"))

    assert second.charged_items == (item(2),)
    assert from_two.charged_items == (item(2),)
    assert first.charged_items == (item(1),)
    assert second.charged_items_count == 2  # the counts are never paged


def test_patron_information_lists_fines_and_unavailable_holds(ask):
    fines = ask(information_request(IN_DEBT, summary="   Y      "))
    holds = ask(information_request(CHILD, summary="     Y    "))

    assert fines.fine_items == ("Overdue fines carried over 7.50",)
    assert holds.unavailable_hold_items == (item(4),)  # an item of the held record


def test_patron_information_lists_a_hold_waiting_on_the_shelf(ask):
    ask(checkin(item(4), at="KIDS"))  # fills the child's hold, here at its pickup library

    response = ask(information_request(CHILD, summary="Y         "))

    assert response.hold_items == (item(4),)
    assert (response.hold_items_count, response.unavailable_holds_count) == (1, 0)


def test_patron_information_for_an_unknown_card(ask):
    response = ask(information_request(UNKNOWN_CARD))

    assert response.valid_patron is False
    assert denied(response.patron_status) == (True,) * 4
    assert response.charged_items_count == 0
    assert response.screen_messages == ("Invalid cardnumber",)


# --- Checkout (11) -------------------------------------------------------------------------------


def test_a_checkout_lends_for_21_days_and_desensitizes(ask, db):
    response = ask(checkout(READER, item(6)))

    assert isinstance(response, sip.CheckoutResponse)
    assert (response.ok, response.renewal_ok) == (True, False)
    assert (response.magnetic_media, response.desensitize) == (False, True)
    assert response.due_date == "20261123    235900"
    assert response.title_identifier == "Oliver Twist"
    assert response.media_type == "001"
    assert response.screen_messages == ()
    assert (response.patron_identifier, response.item_identifier) == (READER.cardnumber, item(6))
    assert loan(db, 6)["due_date"] == "2026-11-23T23:59:00+00:00"


@pytest.mark.parametrize(
    ("patron", "message"),
    [
        (IN_DEBT, "Patron has fines - You owe €7.50."),
        (EXPIRED, "Patron expired on 10/03/2026"),
        (RESTRICTED, "Patron debarred"),
        (CARD_LOST, "Patron blocked"),
    ],
    ids=["in debt", "expired", "restricted", "card lost"],
)
def test_a_blocked_demo_patron_is_refused_as_koha_refuses(ask, db, patron, message):
    response = ask(checkout(patron, item(6)))

    assert (response.ok, response.renewal_ok) == (False, False)
    assert (response.magnetic_media, response.desensitize) == (None, False)
    assert response.due_date == ""
    assert response.title_identifier == "Oliver Twist"
    assert response.screen_messages == (message,)
    assert extra(response) == {"BL": "Y"}
    assert loan(db, 6) is None


def test_without_show_outstanding_amount_the_fines_are_not_counted(sandbox):
    upstream = SandboxUpstream(sandbox, show_outstanding_amount=False)

    response = upstream.answer(checkout(IN_DEBT, item(6)), TERMINAL)

    assert response.screen_messages == ("Patron has fines",)


def test_an_item_on_hold_for_another_patron_is_refused(ask, db):
    response = ask(checkout(OTHER_READER, item(4)))  # the child holds its record

    assert response.ok is False
    assert response.screen_messages == ("Item is reserved for another patron upon return.",)
    assert loan(db, 4) is None


def test_an_item_waiting_for_another_patron_is_refused(ask, db):
    ask(checkin(item(4), at="KIDS"))  # now waiting for the child at KIDS

    response = ask(checkout(READER, item(4)))

    assert response.ok is False
    assert response.screen_messages == ("Item is on hold for another patron.",)


def test_the_patron_who_holds_the_record_borrows_it(ask, db):
    response = ask(checkout(CHILD, item(5)))

    assert response.ok is True
    assert db.execute("SELECT COUNT(*) FROM holds WHERE biblio_id = 2").fetchone()[0] == 0


def test_an_item_on_loan_to_another_patron_is_refused(ask, db):
    response = ask(checkout(OTHER_READER, item(3)))

    assert response.ok is False
    assert response.screen_messages == ("Item checked out to another patron",)
    assert loan(db, 3)["patron_id"] != loan(db, 1)["patron_id"]  # still the child's


def test_checking_out_an_item_the_patron_has_renews_it(ask, db):
    ask(checkout(READER, item(6)))

    response = ask(checkout(READER, item(6)))

    assert (response.ok, response.renewal_ok) == (True, True)
    assert response.due_date == "20261214    235900"  # 21 days from the old due date
    assert response.screen_messages == ("Item already checked out to you: renewing item.",)
    assert loan(db, 6)["renewals_count"] == 1


def test_a_renewal_koha_would_refuse_fails_the_checkout_with_its_code(ask):
    response = ask(checkout(READER, item(1)))  # the other reader holds its record

    assert response.ok is False
    assert response.screen_messages == ("Issue failed : NO_MORE_RENEWALS",)


def test_a_reference_book_is_refused_with_its_code(ask, sandbox):
    with sandbox.store.transaction() as connection:
        connection.execute("UPDATE items SET item_type_id = 'REF' WHERE item_id = 6")

    response = ask(checkout(READER, item(6)))

    assert response.screen_messages == ("Issue failed : NOT_FOR_LOAN",)


def test_a_wrong_pin_refuses_the_checkout(ask, db):
    response = ask(checkout(READER, item(6), patron_password="0000"))

    assert response.ok is False
    assert response.screen_messages == ("Invalid patron password.",)
    assert extra(response) == {"BL": "Y", "CQ": "N"}
    assert loan(db, 6) is None


def test_the_right_pin_or_none_lends(ask):
    assert ask(checkout(READER, item(6), patron_password=READER.pin)).ok is True
    assert ask(checkout(READER, item(7), patron_password="")).ok is True


@pytest.mark.parametrize(
    ("card", "barcode", "message", "valid", "title"),
    [
        (UNKNOWN_CARD, item(6), "Invalid Patron", "N", "Oliver Twist"),
        (READER.cardnumber, UNKNOWN_BARCODE, "Invalid Item", "Y", ""),
        (UNKNOWN_CARD, UNKNOWN_BARCODE, "Invalid Patron", "N", ""),
    ],
    ids=["unknown patron", "unknown item", "both"],
)
def test_unknown_patrons_and_items_are_refused_as_koha_does(
    ask, card, barcode, message, valid, title
):
    response = ask(checkout(card, barcode))

    assert response.ok is False
    assert (response.patron_identifier, response.item_identifier) == (card, barcode)
    assert response.title_identifier == title
    assert response.screen_messages == (message,)
    assert extra(response)["BL"] == valid


def test_a_no_block_checkout_lends_past_the_block_when_it_happened_until_the_devices_due_date(
    ask, db
):
    response = ask(
        checkout(
            RESTRICTED,
            item(6),
            no_block=True,
            transaction_date=datetime(2026, 11, 1, 15, 30),
            nb_due_date=datetime(2026, 11, 22, 23, 59),
        )
    )

    assert (response.ok, response.desensitize) == (True, True)
    assert response.due_date == "20261122    235900"
    assert response.screen_messages == ("Issue failed : DEBARRED",)  # said, and lent anyway
    lent = loan(db, 6)
    assert lent["checkout_date"] == "2026-11-01T15:30:00+00:00"
    assert lent["due_date"] == "2026-11-22T23:59:00+00:00"


def test_a_no_block_checkout_moves_a_loan_the_ils_still_shows_elsewhere(ask, db):
    response = ask(
        checkout(OTHER_READER, item(3), no_block=True, nb_due_date=datetime(2026, 11, 20, 23, 59))
    )

    assert response.ok is True
    assert (
        db.execute(
            "SELECT cardnumber FROM patrons WHERE patron_id = ?", (loan(db, 3)["patron_id"],)
        ).fetchone()[0]
        == OTHER_READER.cardnumber
    )


def test_no_block_without_a_due_date_is_an_ordinary_checkout_as_in_koha(ask, db):
    response = ask(checkout(RESTRICTED, item(6), no_block=True))

    assert response.ok is False
    assert response.screen_messages == ("Patron debarred",)
    assert loan(db, 6) is None


# --- Checkin (09) --------------------------------------------------------------------------------


def test_a_return_on_time_closes_the_loan_and_resensitizes(ask, db):
    ask(checkout(READER, item(6)))

    response = ask(checkin(item(6)))

    assert isinstance(response, sip.CheckinResponse)
    assert (response.ok, response.resensitize, response.alert) == (True, True, False)
    assert response.magnetic_media is False
    assert response.patron_identifier == READER.cardnumber
    assert response.permanent_location == "CPL"
    assert response.title_identifier == "Oliver Twist"
    assert response.screen_messages == ()
    assert "CV" not in extra(response)
    assert loan(db, 6) is None


def test_a_late_return_charges_the_fine_and_says_so(ask, db, clock):
    ask(checkout(READER, item(6)))
    clock.advance(days=25)  # due on the 23rd at 23:59, back on the 27th

    response = ask(checkin(item(6)))

    assert response.ok is True
    assert response.screen_messages == ("You owe €0.40 for this item.",)
    assert debt(db, READER) == 0.40


def test_a_return_dated_by_the_device_is_late_as_of_that_date(ask, db, clock):
    ask(checkout(READER, item(6)))
    clock.advance(days=25)

    response = ask(checkin(item(6), return_date=datetime(2026, 11, 23, 18, 0)))

    assert response.screen_messages == ()
    assert debt(db, READER) == 0


def test_a_return_of_an_item_held_here_alerts_with_cv_01(ask, db):
    response = ask(checkin(item(2), at="RIV"))  # the other reader's hold, pickup RIV

    assert (response.ok, response.alert, response.resensitize) == (True, True, True)
    fields = extra(response)
    assert fields["CV"] == "01"
    assert fields["CT"] == "RIV"
    assert fields["CY"] == OTHER_READER.cardnumber
    assert fields["DA"] == f"{name(OTHER_READER)} ({OTHER_READER.email})"
    assert response.patron_identifier == READER.cardnumber
    assert response.screen_messages == ("You owe €0.90 for this item.",)  # 9 days late
    hold = db.execute("SELECT status, item_id FROM holds WHERE biblio_id = 1").fetchone()
    assert tuple(hold) == ("W", 2)


def test_a_return_of_an_item_held_at_another_library_sends_it_there_cv_02(ask, db):
    response = ask(checkin(item(2), at="CPL"))

    assert (response.ok, response.alert) == (True, True)
    assert (extra(response)["CV"], extra(response)["CT"]) == ("02", "RIV")
    assert db.execute("SELECT status FROM holds WHERE biblio_id = 1").fetchone()[0] == "T"


def test_a_return_away_from_home_sends_it_home_cv_04(ask):
    ask(checkout(READER, item(6)))

    response = ask(checkin(item(6), at="RIV"))

    assert (response.ok, response.alert) == (True, True)
    assert (extra(response)["CV"], extra(response)["CT"]) == ("04", "CPL")
    assert response.permanent_location == "CPL"


def test_a_return_without_a_location_is_taken_where_the_terminal_stands(ask):
    ask(checkout(READER, item(6)))

    response = ask(checkin(item(6), at=""), Terminal("selfcheck-2", "CPL", "RIV"))

    assert (extra(response)["CV"], extra(response)["CT"]) == ("04", "CPL")


def test_a_return_of_an_item_not_on_loan_is_not_ok_and_alerts(ask):
    response = ask(checkin(item(9)))

    assert (response.ok, response.alert, response.resensitize) == (False, True, True)
    assert response.patron_identifier is None
    assert response.screen_messages == ("Item not checked out",)
    assert "CV" not in extra(response)


def test_a_return_of_an_unknown_barcode_is_alert_99(ask):
    response = ask(checkin(UNKNOWN_BARCODE))

    assert (response.ok, response.alert, response.magnetic_media) == (False, True, None)
    assert extra(response) == {"CV": "99"}
    assert response.screen_messages == ("Invalid Item",)


def test_a_withdrawn_item_cannot_be_returned(ask, sandbox, db):
    with sandbox.store.transaction() as connection:
        connection.execute("UPDATE items SET withdrawn = 1 WHERE item_id = 1")

    response = ask(checkin(item(1)))

    assert (response.ok, response.alert) == (False, True)
    assert extra(response)["CV"] == "99"
    assert response.screen_messages == ("Item withdrawn, return not allowed",)
    assert loan(db, 1) is not None


# --- Item information (17) -----------------------------------------------------------------------


def item_information(barcode: str) -> sip.ItemInformationRequest:
    return sip.ItemInformationRequest(institution_id="CPL", item_identifier=barcode)


def test_an_item_on_the_shelf_is_available(ask):
    response = ask(item_information(item(6)))

    assert isinstance(response, sip.ItemInformationResponse)
    assert (response.circulation_status, response.security_marker, response.fee_type) == (
        "03",
        "02",
        "01",
    )
    assert response.title_identifier == "Oliver Twist"
    assert (response.owner, response.permanent_location, response.current_location) == (
        "CPL",
        "CPL",
        "CPL",
    )
    assert (response.due_date, response.hold_queue_length) == (None, None)


def test_an_item_on_loan_is_charged_with_its_due_date_and_the_holds_on_its_record(ask):
    response = ask(item_information(item(1)))

    assert response.circulation_status == "04"
    assert response.due_date == "20261118    235900"  # lent five days before the clock starts
    assert response.hold_queue_length == "1"
    assert (response.owner, response.permanent_location) == ("RIV", "RIV")


def test_an_item_waiting_for_its_reader_is_on_the_hold_shelf(ask):
    ask(checkin(item(2), at="RIV"))

    assert ask(item_information(item(2))).circulation_status == "08"


def test_an_item_sent_to_a_hold_elsewhere_is_in_transit(ask):
    ask(checkin(item(2), at="CPL"))

    assert ask(item_information(item(2))).circulation_status == "10"


def test_an_item_returned_away_from_home_is_in_transit_until_back(ask):
    ask(checkout(READER, item(6)))
    ask(checkin(item(6), at="RIV"))
    on_its_way = ask(item_information(item(6)))
    ask(checkin(item(6), at="CPL"))

    assert on_its_way.circulation_status == "10"
    assert ask(item_information(item(6))).circulation_status == "03"


def test_a_lost_item_is_lost(ask, sandbox):
    with sandbox.store.transaction() as connection:
        connection.execute("UPDATE items SET lost_status = 1 WHERE item_id = 6")

    assert ask(item_information(item(6))).circulation_status == "12"


def test_a_damaged_item_is_other_and_said_to_be_damaged(ask, sandbox):
    with sandbox.store.transaction() as connection:
        connection.execute("UPDATE items SET damaged_status = 1 WHERE item_id = 6")

    response = ask(item_information(item(6)))

    assert response.circulation_status == "01"
    assert response.screen_messages == ("Item is damaged",)


def test_an_unknown_item_is_other_with_no_title(ask):
    response = ask(item_information(UNKNOWN_BARCODE))

    assert (response.circulation_status, response.security_marker, response.fee_type) == (
        "01",
        "01",
        "01",
    )
    assert (response.item_identifier, response.title_identifier) == (UNKNOWN_BARCODE, "")


# --- Renew (29) and renew all (65) ---------------------------------------------------------------


def renew(patron: DemoPatron | str, barcode: str) -> sip.RenewRequest:
    card = patron if isinstance(patron, str) else patron.cardnumber
    return sip.RenewRequest(institution_id="CPL", patron_identifier=card, item_identifier=barcode)


def test_a_renewal_extends_the_loan_from_its_due_date(ask, db):
    ask(checkout(READER, item(6)))

    response = ask(renew(READER, item(6)))

    assert isinstance(response, sip.RenewResponse)
    assert (response.ok, response.renewal_ok, response.desensitize) == (True, True, False)
    assert response.due_date == "20261214    235900"
    assert response.title_identifier == "Oliver Twist"
    assert loan(db, 6)["renewals_count"] == 1


@pytest.mark.parametrize(
    ("patron", "barcode", "message"),
    [
        (READER, item(1), "Item unavailable due to outstanding holds"),
        (READER, item(3), f"Item not checked out to {name(READER)}"),
        (RESTRICTED, item(6), "Renewals not allowed."),
        (UNKNOWN_CARD, item(1), "Invalid patron barcode."),
    ],
    ids=["held", "not the patron's", "restricted", "unknown card"],
)
def test_a_refused_renewal_says_why_as_koha_does(ask, patron, barcode, message):
    response = ask(renew(patron, barcode))

    assert (response.ok, response.renewal_ok, response.magnetic_media) == (False, False, None)
    assert response.due_date == ""
    assert response.screen_messages == (message,)


def test_renewals_stop_at_the_limit(ask):
    ask(checkout(READER, item(6)))
    ask(renew(READER, item(6)))
    ask(renew(READER, item(6)))

    response = ask(renew(READER, item(6)))

    assert response.screen_messages == ("Item has reached maximum renewals",)


def test_renew_all_renews_what_it_can_and_lists_the_rest(ask):
    ask(checkout(READER, item(6)))

    response = ask(sip.RenewAllRequest(institution_id="CPL", patron_identifier=READER.cardnumber))

    assert isinstance(response, sip.RenewAllResponse)
    assert response.ok is True
    assert (response.renewed_count, response.unrenewed_count) == (1, 2)
    assert response.renewed_items == (item(6),)
    assert set(response.unrenewed_items) == {item(1), item(2)}  # their record is held
    assert response.screen_messages == ()


@pytest.mark.parametrize(
    ("card", "message"),
    [(UNKNOWN_CARD, "Invalid patron barcode."), (EXPIRED.cardnumber, "Renewals not allowed.")],
)
def test_renew_all_refused(ask, card, message):
    response = ask(sip.RenewAllRequest(institution_id="CPL", patron_identifier=card))

    assert (response.ok, response.renewed_count, response.unrenewed_count) == (False, 0, 0)
    assert response.screen_messages == (message,)


# --- Fee paid (37) -------------------------------------------------------------------------------


def fee_paid(patron: DemoPatron | str, amount: str, **fields) -> sip.FeePaidRequest:
    card = patron if isinstance(patron, str) else patron.cardnumber
    return sip.FeePaidRequest(
        institution_id="CPL", patron_identifier=card, fee_amount=amount, **fields
    )


def test_paying_the_debt_is_accepted_and_lifts_the_block(ask, db):
    response = ask(fee_paid(IN_DEBT, "7.50", transaction_id="PAY-0001"))

    assert isinstance(response, sip.FeePaidResponse)
    assert response.payment_accepted is True
    assert response.transaction_id == "PAY-0001"
    assert response.patron_identifier == IN_DEBT.cardnumber
    assert debt(db, IN_DEBT) == 0
    status = ask(status_request(IN_DEBT))
    assert status.patron_status == PatronStatus()
    assert status.fee_amount == "0.00"
    assert ask(checkout(IN_DEBT, item(6))).ok is True


def test_a_part_payment_leaves_the_rest_owed(ask, db):
    ask(fee_paid(IN_DEBT, "2.00"))

    assert debt(db, IN_DEBT) == 5.50
    assert ask(status_request(IN_DEBT)).patron_status.excessive_outstanding_fines is True


@pytest.mark.parametrize("amount", ["0", "0.00", "-1.00", "abc", "", "7,50"])
def test_a_payment_of_nothing_or_garbage_is_refused(ask, db, amount):
    response = ask(fee_paid(IN_DEBT, amount))

    assert response.payment_accepted is False
    assert response.screen_messages == ("Amount should be a positive decimal",)
    assert debt(db, IN_DEBT) == 7.50


def test_a_payment_for_an_unknown_card_is_refused(ask):
    response = ask(fee_paid(UNKNOWN_CARD, "1.00", transaction_id="T9"))

    assert response.payment_accepted is False
    assert response.transaction_id == "T9"
    assert response.screen_messages == ("Invalid patron barcode.",)


def test_a_payment_for_an_unknown_fee_is_refused(ask, db):
    response = ask(fee_paid(IN_DEBT, "7.50", fee_identifier="999999"))

    assert response.payment_accepted is False
    assert debt(db, IN_DEBT) == 7.50


def test_an_overpayment_is_accepted_and_kept_as_credit(ask):
    response = ask(fee_paid(IN_DEBT, "10.00"))

    assert response.payment_accepted is True
    assert ask(status_request(IN_DEBT)).screen_messages == (
        "Greetings from Koha.  -- Patron has credit of 2.50",
    )


# --- Holds (15) ----------------------------------------------------------------------------------


def hold(mode: str, patron: DemoPatron | str, barcode: str = "", **fields) -> sip.HoldRequest:
    card = patron if isinstance(patron, str) else patron.cardnumber
    return sip.HoldRequest(
        hold_mode=mode,
        institution_id="CPL",
        patron_identifier=card,
        item_identifier=barcode or None,
        **fields,
    )


def test_a_hold_is_placed_on_the_record_of_the_item(ask, db):
    response = ask(hold("+", READER, item(7), pickup_location="RIV"))

    assert isinstance(response, sip.HoldResponse)
    assert (response.ok, response.available) == (True, False)
    assert response.queue_position == "1"
    assert response.pickup_location == "RIV"
    assert (response.item_identifier, response.title_identifier) == (
        item(7),
        "Pride and prejudice",
    )
    placed = db.execute("SELECT * FROM holds WHERE biblio_id = 4").fetchone()
    assert (placed["item_id"], placed["pickup_library_id"]) == (None, "RIV")


def test_a_hold_without_a_pickup_library_is_for_the_patrons_own(ask, db):
    response = ask(hold("+", OTHER_READER, title_identifier=item(7)))  # Koha: AJ as a barcode

    assert response.ok is True
    assert response.pickup_location is None
    placed = db.execute("SELECT pickup_library_id FROM holds WHERE biblio_id = 4").fetchone()
    assert placed[0] == OTHER_READER.library_id


def test_a_hold_koha_would_not_place_is_refused_without_a_word(ask):
    response = ask(hold("+", READER, item(6)))
    again = ask(hold("+", READER, item(6)))  # one hold per record

    assert response.ok is True
    assert (again.ok, again.screen_messages) == (False, ())


def test_a_hold_with_excessive_fees_is_placed_with_kohas_warning(ask):
    response = ask(hold("+", IN_DEBT, item(7)))

    assert response.ok is True
    assert response.screen_messages == ("Excessive fees blocking placement of hold.",)


def test_cancelling_a_hold(ask, db):
    response = ask(hold("-", CHILD, item(5)))

    assert response.ok is True
    assert response.screen_messages == ("Hold Cancelled.",)
    assert db.execute("SELECT COUNT(*) FROM holds WHERE biblio_id = 2").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (hold("+", UNKNOWN_CARD, item(7)), "Invalid patron barcode."),
        (hold("+", READER, UNKNOWN_BARCODE), "No such item."),
        (hold("-", READER, item(7)), "Error with transaction drop_hold: "),
        (hold("*", CHILD, item(5)), "No such outstanding hold."),
        (hold("?", READER, item(7)), "System error. Please contact library staff."),
    ],
    ids=["unknown card", "unknown item", "no hold to cancel", "change", "unknown mode"],
)
def test_a_refused_hold_request(ask, request_, message):
    response = ask(request_)

    assert response.ok is False
    assert response.patron_identifier == request_.patron_identifier
    assert response.screen_messages == (message,)


# --- End session (35), block patron (01), patron enable (25), item status update (19) ------------


def test_end_session_thanks_the_patron(ask):
    response = ask(
        sip.EndPatronSessionRequest(institution_id="CPL", patron_identifier=READER.cardnumber)
    )

    assert isinstance(response, sip.EndSessionResponse)
    assert response.end_session is True
    assert response.patron_identifier == READER.cardnumber
    assert response.screen_messages == ("Thank you!",)


def test_block_patron_answers_a_blocked_status_and_stores_nothing_as_koha(ask):
    response = ask(
        sip.BlockPatronRequest(
            institution_id="CPL",
            patron_identifier=READER.cardnumber,
            blocked_card_message="Card retained",
            card_retained=True,
        )
    )

    assert isinstance(response, sip.PatronStatusResponse)
    assert denied(response.patron_status) == (True,) * 4
    assert response.valid_patron is True
    assert response.screen_messages == ("Block feature not implemented",)
    assert ask(status_request(READER)).patron_status == PatronStatus()


def test_block_patron_for_an_unknown_card(ask):
    response = ask(sip.BlockPatronRequest(institution_id="CPL", patron_identifier=UNKNOWN_CARD))

    assert response.valid_patron is False
    assert response.screen_messages == ("Invalid cardnumber",)


def test_patron_enable_answers_restored_privileges_and_stores_nothing(ask):
    enable = sip.PatronEnableRequest(
        institution_id="CPL", patron_identifier=CARD_LOST.cardnumber, patron_password=CARD_LOST.pin
    )

    response = ask(enable)

    assert isinstance(response, sip.PatronEnableResponse)
    assert denied(response.patron_status) == (False,) * 4
    assert response.patron_status.card_reported_lost is True
    assert (response.valid_patron, response.valid_patron_password) == (True, True)
    assert response.screen_messages == ("Enable feature not implemented.",)
    assert denied(ask(status_request(CARD_LOST)).patron_status) == (True,) * 4


def test_patron_enable_with_a_wrong_pin_enables_nothing(ask):
    response = ask(
        sip.PatronEnableRequest(
            institution_id="CPL", patron_identifier=CARD_LOST.cardnumber, patron_password="0"
        )
    )

    assert denied(response.patron_status) == (True,) * 4
    assert response.valid_patron_password is False


def test_item_status_update_is_accepted_and_echoed_but_not_stored(ask):
    response = ask(
        sip.ItemStatusUpdateRequest(
            institution_id="CPL", item_identifier=item(6), item_properties="shelf 3"
        )
    )
    unknown = ask(
        sip.ItemStatusUpdateRequest(
            institution_id="CPL", item_identifier=UNKNOWN_BARCODE, item_properties="x"
        )
    )

    assert isinstance(response, sip.ItemStatusUpdateResponse)
    assert response.item_properties_ok is True
    assert (response.title_identifier, response.item_properties) == ("Oliver Twist", "shelf 3")
    assert unknown.item_properties_ok is False


# --- Across messages -----------------------------------------------------------------------------


def test_the_institution_is_the_requests_or_else_the_terminals(ask):
    assert ask(status_request(READER, institution="RIV")).institution_id == "RIV"
    assert ask(status_request(READER, institution="")).institution_id == "CPL"


def test_what_the_gateway_handles_itself_is_asked_to_be_resent(ask):
    assert isinstance(ask(sip.SCStatus()), sip.RequestSCResend)


def test_dates_are_the_librarys_wall_clock_time(sandbox):
    upstream = SandboxUpstream(sandbox, zone=timezone(timedelta(hours=2)))

    response = upstream.answer(checkout(READER, item(6)), TERMINAL)

    assert response.transaction_date == datetime(2026, 11, 2, 12, 0)
    assert response.due_date == "20261123    235900"  # the end of the library's day


def test_responses_encode_and_decode_with_kohas_extension_fields(ask):
    response = ask(checkin(item(2), at="CPL"))

    decoded = decode(encode(response)).message

    assert decoded == response


def test_handle_answers_in_a_worker_thread(upstream):
    threads = []
    answer = upstream.answer

    def recording(request, terminal):
        threads.append(threading.get_ident())
        return answer(request, terminal)

    upstream.answer = recording

    response = asyncio.run(upstream.handle(status_request(READER, READER.pin), TERMINAL))

    assert response.valid_patron_password is True
    assert threads and threads[0] != threading.get_ident()
    assert asyncio.run(upstream.healthy()) is True
    asyncio.run(upstream.close())


def test_a_database_failure_makes_the_upstream_unavailable(upstream):
    def broken(request, terminal):
        raise sqlite3.OperationalError("database is locked")

    upstream.answer = broken

    with pytest.raises(UpstreamUnavailable):
        asyncio.run(upstream.handle(status_request(READER), TERMINAL))


def test_requests_answered_together_are_each_their_own_transaction(upstream, sandbox, db):
    """A request that fails is rolled back alone; the others sent with it are kept."""
    answer = upstream.answer

    def failing_on_item_7(request, terminal):
        response = answer(request, terminal)
        if request.item_identifier == item(7):
            raise sqlite3.OperationalError("disk I/O error")
        return response

    upstream.answer = failing_on_item_7

    async def together():
        return await asyncio.gather(
            *(upstream.handle(checkout(READER, item(n)), TERMINAL) for n in (6, 7, 9)),
            return_exceptions=True,
        )

    lent_6, failed_7, lent_9 = asyncio.run(together())
    asyncio.run(upstream.close())

    assert lent_6.ok and lent_9.ok
    assert isinstance(failed_7, UpstreamUnavailable)
    assert loan(db, 6) is not None and loan(db, 9) is not None
    assert loan(db, 7) is None
