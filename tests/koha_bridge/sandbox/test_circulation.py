"""The sandbox lends, renews, takes back and reserves as Koha does, with Koha's reason codes.

The clock starts on Monday 2026-11-02 at 10:00 UTC. The demo library (see conftest) has, all books:
biblio 1 with items 1 (home RIV) and 2 (KIDS, overdue) lent to the reader and 3 (CPL) lent to the
child, the record held by the other reader for pickup at RIV; biblio 2 with items 4 (KIDS) and
5 (CPL), held by the child for pickup at KIDS; then on the shelf biblio 3 with item 6 (CPL),
biblio 4 with items 7 (RIV), 8 (KIDS), 9 (CPL), biblio 5 with item 10 (KIDS) and biblio 6 with
items 11 (CPL), 12 (RIV), 13 (KIDS).
"""

from __future__ import annotations

import sqlite3

import pytest

from koha_bridge.sandbox import accounts, circulation
from koha_bridge.sandbox.errors import (
    CheckoutRefused,
    ConfirmationRequired,
    HoldRefused,
    RenewalRefused,
)


def lend(db: sqlite3.Connection, patron_id: int, item_id: int, clock, **options) -> int:
    return circulation.checkout(db, patron_id=patron_id, item_id=item_id, when=clock(), **options)


def hold(db: sqlite3.Connection, patron_id: int, biblio_id: int, clock, pickup="CPL") -> int:
    return circulation.place_hold(
        db, patron_id=patron_id, biblio_id=biblio_id, pickup_library_id=pickup, when=clock()
    )


def loan_of(db: sqlite3.Connection, item_id: int) -> sqlite3.Row | None:
    return db.execute("SELECT * FROM checkouts WHERE item_id = ?", (item_id,)).fetchone()


def queue(db: sqlite3.Connection, biblio_id: int) -> list[tuple[int, int, str | None]]:
    """(patron, priority, status) of the holds on a record, in queue order."""
    rows = db.execute(
        "SELECT patron_id, priority, status FROM holds WHERE biblio_id = ? "
        "ORDER BY priority, hold_id",
        (biblio_id,),
    )
    return [tuple(row) for row in rows]


def hold_row(db: sqlite3.Connection, hold_id: int) -> sqlite3.Row:
    return db.execute("SELECT * FROM holds WHERE hold_id = ?", (hold_id,)).fetchone()


def debits(db: sqlite3.Connection, patron_id: int) -> list[sqlite3.Row]:
    return db.execute(
        "SELECT * FROM account_lines WHERE patron_id = ? AND debit_type IS NOT NULL "
        "ORDER BY account_line_id",
        (patron_id,),
    ).fetchall()


# --- Loan periods --------------------------------------------------------------------------------


def test_a_book_is_lent_for_21_days_and_falls_due_at_the_end_of_the_day(db, people, clock):
    checkout_id = lend(db, people.reader, 6, clock)

    loan = loan_of(db, 6)
    assert loan["checkout_id"] == checkout_id
    assert loan["checkout_date"] == "2026-11-02T10:00:00+00:00"
    assert loan["due_date"] == "2026-11-23T23:59:00+00:00"


def test_an_audiobook_is_lent_for_14_days(db, people, clock, add_item):
    audiobook = add_item(3, "AUD")

    lend(db, people.reader, audiobook, clock)

    assert loan_of(db, audiobook)["due_date"] == "2026-11-16T23:59:00+00:00"


def test_lending_marks_the_item_as_on_loan(db, people, clock):
    lend(db, people.reader, 6, clock)

    item = circulation.get_item(db, 6)
    assert item["checked_out_date"] == "2026-11-02T10:00:00+00:00"
    assert item["checkouts_count"] == 1


# --- What blocks a checkout ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "code"),
    [
        ("expired", "EXPIRED"),
        ("card_lost", "CARD_LOST"),
        ("restricted", "DEBARRED"),
        ("in_debt", "DEBT"),
    ],
)
def test_checkout_is_refused_to_a_patron_koha_would_block(db, people, clock, who, code):
    patron_id = getattr(people, who)

    found = circulation.availability(db, patron_id, 6, clock())
    with pytest.raises(CheckoutRefused) as refused:
        lend(db, patron_id, 6, clock, confirmed=True)

    assert code in found.blockers
    assert code in refused.value.blockers
    assert str(refused.value) == f"Checkout not authorized ({' '.join(sorted(found.blockers))})"
    assert loan_of(db, 6) is None


def test_a_restriction_blocks_with_its_end_date_as_koha_reports_it(db, people, clock):
    found = circulation.availability(db, people.restricted, 6, clock())

    assert found.blockers == {"DEBARRED": 1, "USERBLOCKEDWITHENDDATE": "2027-01-01"}


def test_a_restriction_without_end_date_blocks_for_good(db, people, clock):
    db.execute(
        "UPDATE patrons SET restricted_until = '9999-12-31' WHERE patron_id = ?", (people.reader,)
    )

    found = circulation.availability(db, people.reader, 6, clock())

    assert found.blockers == {"DEBARRED": 1, "USERBLOCKEDNOENDDATE": "9999-12-31"}


def test_a_restriction_is_lifted_on_its_end_date(db, people, clock):
    clock.advance(days=59)
    assert "DEBARRED" in circulation.availability(db, people.restricted, 6, clock()).blockers

    clock.advance(days=1)  # 2027-01-01, the date the restriction runs until

    assert circulation.availability(db, people.restricted, 6, clock()).blockers == {}


def test_the_debt_blocker_carries_the_amount_owed(db, people, clock):
    found = circulation.availability(db, people.in_debt, 6, clock())

    assert found.blockers == {"DEBT": "7.50"}


def test_a_reference_item_is_not_for_loan(db, people, clock, add_item):
    reference = add_item(3, "REF")

    found = circulation.availability(db, people.reader, reference, clock())
    with pytest.raises(CheckoutRefused):
        lend(db, people.reader, reference, clock, confirmed=True)

    assert found.blockers["NOT_FOR_LOAN"] == 1
    assert found.blockers["itemtype_notforloan"] == "REF"


def test_an_item_marked_not_for_loan_is_refused_whatever_its_type(db, people, clock):
    db.execute("UPDATE items SET not_for_loan_status = 2 WHERE item_id = 6")

    found = circulation.availability(db, people.reader, 6, clock())

    assert found.blockers == {"NOT_FOR_LOAN": 1, "item_notforloan": 2}


# --- What needs confirming -----------------------------------------------------------------------


def test_a_child_at_the_loan_limit_needs_too_many_confirmed(db, people, clock):
    for item_id in (6, 7, 10, 11):  # with the seeded loan of item 3: five, the limit for CH
        lend(db, people.child, item_id, clock)

    found = circulation.availability(db, people.child, 12, clock())
    with pytest.raises(ConfirmationRequired) as asked:
        lend(db, people.child, 12, clock)
    lend(db, people.child, 12, clock, confirmed=True)

    assert found.blockers == {}
    assert found.confirms == {
        "TOO_MANY": "TOO_MANY_CHECKOUTS",
        "current_loan_count": 5,
        "max_loans_allowed": 5,
    }
    assert set(asked.value.confirms) == {"TOO_MANY"}
    assert loan_of(db, 12)["patron_id"] == people.child


def test_an_adult_below_the_default_limit_needs_no_confirmation(db, people, clock):
    for item_id in (6, 7, 10, 11):
        lend(db, people.reader, item_id, clock)

    assert circulation.availability(db, people.reader, 12, clock()).confirms == {}


def test_an_item_on_loan_to_another_patron_needs_issued_to_another_confirmed(db, people, clock):
    lend(db, people.reader, 6, clock)

    found = circulation.availability(db, people.other_reader, 6, clock())
    with pytest.raises(ConfirmationRequired):
        lend(db, people.other_reader, 6, clock)

    assert found.confirms["ISSUED_TO_ANOTHER"] == 1
    assert found.confirms["issued_borrowernumber"] == people.reader
    assert loan_of(db, 6)["patron_id"] == people.reader


def test_confirming_issued_to_another_moves_the_loan(db, people, clock):
    first = lend(db, people.reader, 6, clock)
    clock.advance(days=2)

    second = lend(db, people.other_reader, 6, clock, confirmed=True)

    assert loan_of(db, 6)["patron_id"] == people.other_reader
    assert second != first
    old = db.execute("SELECT * FROM old_checkouts WHERE checkout_id = ?", (first,)).fetchone()
    assert old["patron_id"] == people.reader
    assert old["checkin_date"] == "2026-11-04T10:00:00+00:00"


def test_moving_a_loan_leaves_a_third_patrons_hold_in_the_queue(db, people, clock):
    lend(db, people.reader, 6, clock)
    queued = hold(db, people.child, 3, clock)

    found = circulation.availability(db, people.other_reader, 6, clock())
    lend(db, people.other_reader, 6, clock, confirmed=True)

    assert {"ISSUED_TO_ANOTHER", "RESERVED"} <= set(found.confirms)
    assert hold_row(db, queued)["status"] is None
    assert hold_row(db, queued)["item_id"] is None


def test_an_item_on_hold_for_another_patron_needs_reserved_confirmed(db, people, clock):
    found = circulation.availability(db, people.reader, 4, clock())
    with pytest.raises(ConfirmationRequired):
        lend(db, people.reader, 4, clock)

    assert found.confirms["RESERVED"] == 1
    assert found.confirms["resborrowernumber"] == people.child


def test_a_held_item_lent_to_another_patron_once_confirmed_keeps_the_hold(db, people, clock):
    lend(db, people.reader, 4, clock, confirmed=True)

    assert loan_of(db, 4)["patron_id"] == people.reader
    assert queue(db, 2) == [(people.child, 1, None)]


def test_checking_out_to_the_patron_who_holds_the_record_fills_the_hold(db, people, clock):
    (hold_id,) = db.execute("SELECT hold_id FROM holds WHERE biblio_id = 2").fetchone()

    found = circulation.availability(db, people.child, 4, clock())
    lend(db, people.child, 4, clock)

    assert found.confirms == {}
    assert queue(db, 2) == []
    filled = db.execute("SELECT * FROM old_holds WHERE hold_id = ?", (hold_id,)).fetchone()
    assert filled["status"] == "F"


def test_the_first_in_the_queue_borrows_without_confirming_the_holds_behind(db, people, clock):
    hold(db, people.reader, 2, clock)  # behind the child's hold

    found = circulation.availability(db, people.child, 4, clock())
    lend(db, people.child, 4, clock)

    assert found.confirms == {}
    assert queue(db, 2) == [(people.reader, 1, None)]


def test_an_item_waiting_for_another_patron_needs_reserve_waiting_confirmed(db, people, clock):
    circulation.checkin(db, 1, "RIV", clock())  # waits at RIV for the other reader

    found = circulation.availability(db, people.child, 1, clock())

    assert found.confirms["RESERVE_WAITING"] == 1
    assert found.confirms["resborrowernumber"] == people.other_reader


def test_an_item_in_transit_for_another_patron_needs_transferred_confirmed(db, people, clock):
    circulation.checkin(db, 1, "CPL", clock())  # travels to RIV for the other reader

    found = circulation.availability(db, people.child, 1, clock())
    with pytest.raises(ConfirmationRequired):
        lend(db, people.child, 1, clock)

    assert found.confirms["TRANSFERRED"] == 1
    assert found.confirms["resborrowernumber"] == people.other_reader


def test_checking_out_an_item_already_on_loan_to_the_patron_renews_it(db, people, clock):
    first = lend(db, people.reader, 6, clock)

    found = circulation.availability(db, people.reader, 6, clock())
    again = lend(db, people.reader, 6, clock, confirmed=True)

    assert found.confirms == {"RENEW_ISSUE": 1}
    assert again == first
    assert loan_of(db, 6)["renewals_count"] == 1


def test_an_item_on_loan_to_the_patron_without_renewals_left_cannot_be_lent_again(
    db, people, clock
):
    checkout_id = lend(db, people.reader, 6, clock)
    for _ in range(2):
        circulation.renew(db, checkout_id, clock())

    found = circulation.availability(db, people.reader, 6, clock())

    assert found.blockers == {"NO_MORE_RENEWALS": 1}


# --- Renewals ------------------------------------------------------------------------------------


def test_a_renewal_is_counted_and_runs_from_the_old_due_date(db, people, clock):
    checkout_id = lend(db, people.reader, 6, clock)  # due 2026-11-23
    clock.advance(days=5)

    circulation.renew(db, checkout_id, clock())

    loan = loan_of(db, 6)
    assert loan["renewals_count"] == 1
    assert loan["due_date"] == "2026-12-14T23:59:00+00:00"
    assert loan["last_renewed_date"] == "2026-11-07T10:00:00+00:00"
    assert circulation.get_item(db, 6)["renewals_count"] == 1


def test_an_overdue_renewal_still_runs_from_the_old_due_date(db, people, clock):
    checkout_id = lend(db, people.reader, 6, clock)  # due 2026-11-23
    clock.advance(days=30)

    circulation.renew(db, checkout_id, clock())

    assert loan_of(db, 6)["due_date"] == "2026-12-14T23:59:00+00:00"


@pytest.mark.parametrize(("item_type", "allowed"), [("BK", 2), ("AUD", 1)])
def test_renewal_is_refused_with_too_many_after_the_renewals_allowed(
    db, people, clock, add_item, item_type, allowed
):
    item_id = add_item(3, item_type)
    checkout_id = lend(db, people.reader, item_id, clock)
    for _ in range(allowed):
        circulation.renew(db, checkout_id, clock())

    with pytest.raises(RenewalRefused) as refused:
        circulation.renew(db, checkout_id, clock())

    assert refused.value.reason == "too_many"
    assert str(refused.value) == "Renewal not authorized (too_many)"
    assert loan_of(db, item_id)["renewals_count"] == allowed


def test_an_audiobook_renews_for_its_own_period(db, people, clock, add_item):
    audiobook = add_item(3, "AUD")
    checkout_id = lend(db, people.reader, audiobook, clock)  # due 2026-11-16

    circulation.renew(db, checkout_id, clock())

    assert loan_of(db, audiobook)["due_date"] == "2026-11-30T23:59:00+00:00"


def test_renewal_is_refused_on_reserve_when_another_patron_holds_the_record(db, people, clock):
    loan = loan_of(db, 1)  # the reader's; the other reader holds biblio 1

    allowed, reason = circulation.can_renew(db, loan, clock())
    with pytest.raises(RenewalRefused) as refused:
        circulation.renew(db, loan["checkout_id"], clock())

    assert (allowed, reason) == (False, "on_reserve")
    assert refused.value.reason == "on_reserve"
    assert loan_of(db, 1)["due_date"] == loan["due_date"]


# --- Returns -------------------------------------------------------------------------------------


def test_returning_an_item_closes_the_loan(db, people, clock):
    checkout_id = lend(db, people.reader, 6, clock)
    clock.advance(days=3)

    result = circulation.checkin(db, 6, "CPL", clock())

    assert result.was_on_loan
    assert result.patron_id == people.reader
    assert loan_of(db, 6) is None
    old = db.execute("SELECT * FROM old_checkouts WHERE checkout_id = ?", (checkout_id,)).fetchone()
    assert old["checkin_date"] == "2026-11-05T10:00:00+00:00"
    assert circulation.get_item(db, 6)["checked_out_date"] is None


def test_returning_an_item_on_time_charges_nothing(db, people, clock):
    lend(db, people.reader, 6, clock)
    clock.advance(days=21, hours=13)  # 2026-11-23 23:00, due at 23:59

    result = circulation.checkin(db, 6, "CPL", clock())

    assert result.fine == 0
    assert debits(db, people.reader) == []


@pytest.mark.parametrize(
    ("item_type", "days_late", "fine"),
    [
        ("BK", 1, 0.10),
        ("BK", 3, 0.30),
        ("BK", 50, 5.00),  # 5.00 is the overduefinescap
        ("BK", 200, 5.00),
        ("AUD", 4, 1.00),
        ("AUD", 30, 5.00),
    ],
)
def test_returning_an_item_late_charges_the_daily_fine_up_to_the_cap(
    db, people, clock, add_item, item_type, days_late, fine
):
    item_id = add_item(3, item_type)
    checkout_id = lend(db, people.reader, item_id, clock)
    due_days = 21 if item_type == "BK" else 14
    clock.advance(days=due_days + days_late)

    result = circulation.checkin(db, item_id, "CPL", clock())

    assert result.fine == pytest.approx(fine)
    (charged,) = debits(db, people.reader)
    assert charged["debit_type"] == "OVERDUE"
    assert charged["amount"] == pytest.approx(fine)
    assert charged["amount_outstanding"] == pytest.approx(fine)
    assert charged["checkout_id"] == checkout_id
    assert charged["item_id"] == item_id


def test_late_days_are_counted_by_calendar_date(db, people, clock):
    lend(db, people.reader, 6, clock)  # due 2026-11-23 23:59
    clock.advance(days=22, hours=13, minutes=59, seconds=30)  # 2026-11-24 23:59:30

    assert circulation.checkin(db, 6, "CPL", clock()).fine == pytest.approx(0.10)


def test_a_returned_item_with_a_hold_waits_at_the_pickup_library(db, people, clock):
    result = circulation.checkin(db, 1, "RIV", clock())  # the other reader's pickup library

    assert result.hold is not None
    assert result.hold.patron_id == people.other_reader
    assert result.hold.waiting_here
    assert result.transfer_to is None
    waiting = hold_row(db, result.hold.hold_id)
    assert (waiting["status"], waiting["item_id"], waiting["priority"]) == ("W", 1, 0)
    assert waiting["waiting_date"] == "2026-11-02"


def test_a_returned_item_with_a_hold_elsewhere_goes_in_transit_to_the_pickup_library(
    db, people, clock
):
    result = circulation.checkin(db, 3, "CPL", clock())

    assert result.hold is not None
    assert not result.hold.waiting_here
    assert result.transfer_to == "RIV"
    in_transit = hold_row(db, result.hold.hold_id)
    assert (in_transit["status"], in_transit["item_id"]) == ("T", 3)
    assert in_transit["waiting_date"] is None


def test_an_item_in_transit_becomes_waiting_when_it_reaches_the_pickup_library(db, people, clock):
    sent = circulation.checkin(db, 3, "CPL", clock())
    clock.advance(days=1)

    arrived = circulation.checkin(db, 3, "RIV", clock())

    assert arrived.hold is not None
    assert arrived.hold.hold_id == sent.hold.hold_id
    assert arrived.hold.waiting_here
    assert arrived.transfer_to is None
    assert hold_row(db, sent.hold.hold_id)["status"] == "W"
    assert hold_row(db, sent.hold.hold_id)["waiting_date"] == "2026-11-03"


def test_a_waiting_item_returned_again_keeps_its_hold_and_fills_no_other(db, people, clock):
    hold(db, people.in_debt, 1, clock)  # second in the queue
    first = circulation.checkin(db, 1, "RIV", clock())

    again = circulation.checkin(db, 1, "RIV", clock())

    assert again.hold is not None
    assert again.hold.hold_id == first.hold.hold_id
    assert queue(db, 1) == [(people.other_reader, 0, "W"), (people.in_debt, 1, None)]


def test_a_hold_that_is_waiting_leaves_the_queue_and_the_rest_move_up(db, people, clock):
    hold(db, people.in_debt, 1, clock)
    hold(db, people.expired, 1, clock)

    circulation.checkin(db, 1, "RIV", clock())

    assert queue(db, 1) == [
        (people.other_reader, 0, "W"),
        (people.in_debt, 1, None),
        (people.expired, 2, None),
    ]


def test_an_item_returned_away_from_home_without_holds_goes_home(db, people, clock):
    lend(db, people.reader, 6, clock)  # home CPL

    result = circulation.checkin(db, 6, "RIV", clock())

    assert result.hold is None
    assert result.transfer_to == "CPL"
    assert circulation.get_item(db, 6)["holding_library_id"] == "RIV"


def test_an_item_returned_at_home_without_holds_stays(db, people, clock):
    lend(db, people.reader, 6, clock)

    result = circulation.checkin(db, 6, "CPL", clock())

    assert (result.hold, result.transfer_to) == (None, None)


def open_transfers(db: sqlite3.Connection, item_id: int) -> list[tuple[str, str, str | None]]:
    """(from, to, date sent) of the item's transfers that have not arrived."""
    rows = db.execute(
        "SELECT from_library_id, to_library_id, date_sent FROM transfers "
        "WHERE item_id = ? AND date_arrived IS NULL AND date_cancelled IS NULL",
        (item_id,),
    )
    return [tuple(row) for row in rows]


def test_an_item_sent_home_is_in_transit_from_where_it_was_returned(db, people, clock):
    lend(db, people.reader, 6, clock)  # home CPL

    circulation.checkin(db, 6, "RIV", clock())

    assert open_transfers(db, 6) == [("RIV", "CPL", "2026-11-02T10:00:00+00:00")]


def test_an_item_sent_to_a_pickup_library_is_in_transit_for_the_hold(db, people, clock):
    circulation.checkin(db, 3, "CPL", clock())

    reason = db.execute("SELECT reason FROM transfers WHERE item_id = 3").fetchone()[0]
    assert open_transfers(db, 3) == [("CPL", "RIV", "2026-11-02T10:00:00+00:00")]
    assert reason == "Reserve"


def test_an_item_returned_at_the_end_of_its_transfer_has_arrived(db, people, clock):
    circulation.checkin(db, 3, "CPL", clock())
    clock.advance(days=1)

    circulation.checkin(db, 3, "RIV", clock())

    assert open_transfers(db, 3) == []
    arrived = db.execute("SELECT date_arrived FROM transfers WHERE item_id = 3").fetchone()[0]
    assert arrived == "2026-11-03T10:00:00+00:00"


def test_an_item_returned_where_it_is_shelved_starts_no_transfer(db, people, clock):
    lend(db, people.reader, 6, clock)

    circulation.checkin(db, 6, "CPL", clock())

    assert open_transfers(db, 6) == []


def test_lending_an_item_in_transit_ends_its_transfer(db, people, clock):
    lend(db, people.reader, 6, clock)
    circulation.checkin(db, 6, "RIV", clock())  # on its way home to CPL

    lend(db, people.other_reader, 6, clock)

    assert open_transfers(db, 6) == []


# --- Holds ---------------------------------------------------------------------------------------


def test_holds_queue_in_the_order_they_are_placed(db, people, clock):
    first = hold(db, people.reader, 3, clock)
    second = hold(db, people.other_reader, 3, clock)
    third = hold(db, people.child, 3, clock, pickup="KIDS")

    assert [hold_row(db, h)["priority"] for h in (first, second, third)] == [1, 2, 3]
    assert hold_row(db, third)["pickup_library_id"] == "KIDS"
    assert hold_row(db, first)["hold_date"] == "2026-11-02"


def test_cancelling_a_hold_moves_the_later_holds_up(db, people, clock):
    first = hold(db, people.reader, 3, clock)
    hold(db, people.other_reader, 3, clock)
    hold(db, people.child, 3, clock)

    circulation.cancel_hold(db, first, clock(), reason="test")

    assert queue(db, 3) == [(people.other_reader, 1, None), (people.child, 2, None)]
    cancelled = db.execute("SELECT * FROM old_holds WHERE hold_id = ?", (first,)).fetchone()
    assert (cancelled["status"], cancelled["cancellation_date"]) == ("C", "2026-11-02")
    assert cancelled["cancellation_reason"] == "test"


def test_cancelling_a_waiting_hold_leaves_the_queue_in_order(db, people, clock):
    hold(db, people.in_debt, 1, clock)
    waiting = circulation.checkin(db, 1, "RIV", clock()).hold

    circulation.cancel_hold(db, waiting.hold_id, clock())

    assert queue(db, 1) == [(people.in_debt, 1, None)]


def test_a_new_hold_queues_behind_the_others_after_one_is_waiting(db, people, clock):
    hold(db, people.in_debt, 1, clock)
    circulation.checkin(db, 1, "RIV", clock())

    hold(db, people.expired, 1, clock)

    assert [priority for _, priority, _ in queue(db, 1)] == [0, 1, 2]


def test_a_patron_cannot_hold_the_same_record_twice(db, people, clock):
    hold(db, people.reader, 3, clock)

    with pytest.raises(HoldRefused) as refused:
        hold(db, people.reader, 3, clock)

    assert refused.value.status == "tooManyHoldsForThisRecord"
    assert str(refused.value) == "Hold cannot be placed. Reason: tooManyHoldsForThisRecord"


def test_a_patron_cannot_hold_a_record_they_have_on_loan(db, people, clock):
    with pytest.raises(HoldRefused) as refused:
        hold(db, people.reader, 1, clock)

    assert refused.value.status == "alreadypossession"


def test_a_record_with_only_reference_items_cannot_be_held(db, people, clock):
    db.execute("UPDATE items SET item_type_id = 'REF' WHERE biblio_id = 3")

    with pytest.raises(HoldRefused) as refused:
        hold(db, people.reader, 3, clock)

    assert refused.value.status == "notReservable"


def test_a_reference_copy_cannot_be_held_but_its_record_can(db, people, clock, add_item):
    reference = add_item(3, "REF")

    with pytest.raises(HoldRefused) as refused:
        circulation.place_hold(
            db, patron_id=people.reader, item_id=reference, pickup_library_id="CPL", when=clock()
        )
    hold_id = hold(db, people.reader, 3, clock)

    assert refused.value.status == "notReservable"
    assert hold_row(db, hold_id)["item_level"] == 0


@pytest.mark.parametrize(
    "limit_sql",
    [
        "INSERT INTO circulation_rules VALUES ('*', 'PT', '*', 'reservesallowed', '2')",
        "INSERT OR REPLACE INTO settings VALUES ('maxreserves', '2')",
    ],
    ids=["reservesallowed", "maxreserves"],
)
def test_a_patron_at_the_hold_limit_is_refused_too_many_reserves(db, people, clock, limit_sql):
    db.execute(limit_sql)
    hold(db, people.reader, 3, clock)
    hold(db, people.reader, 4, clock)

    with pytest.raises(HoldRefused) as refused:
        hold(db, people.reader, 5, clock)

    assert refused.value.status == "tooManyReserves"


def test_an_item_level_hold_is_filled_only_by_that_item(db, people, clock):
    circulation.place_hold(
        db, patron_id=people.reader, item_id=8, pickup_library_id="CPL", when=clock()
    )
    lend(db, people.other_reader, 7, clock)
    lend(db, people.other_reader, 8, clock, confirmed=True)

    assert circulation.checkin(db, 7, "RIV", clock()).hold is None
    assert circulation.checkin(db, 8, "CPL", clock()).hold.patron_id == people.reader


# --- Accounts ------------------------------------------------------------------------------------


def test_a_payment_settles_the_oldest_debits_first(db, people, clock):
    accounts.add_debit(
        db,
        patron_id=people.in_debt,
        amount=2.00,
        debit_type="OVERDUE",
        description="newer",
        when=clock(),
    )

    credit_id = accounts.pay(db, patron_id=people.in_debt, amount=8.00, when=clock())

    older, newer = debits(db, people.in_debt)
    assert (older["amount_outstanding"], older["status"]) == (0, "PAID")
    assert newer["amount_outstanding"] == pytest.approx(1.50)
    credit = db.execute(
        "SELECT * FROM account_lines WHERE account_line_id = ?", (credit_id,)
    ).fetchone()
    assert (credit["credit_type"], credit["amount"], credit["amount_outstanding"]) == (
        "PAYMENT",
        -8.00,
        0,
    )
    assert accounts.outstanding_debt(db, people.in_debt) == pytest.approx(1.50)


def test_a_payment_beyond_the_debt_leaves_a_credit(db, people, clock):
    credit_id = accounts.pay(db, patron_id=people.in_debt, amount=10.00, when=clock())

    credit = db.execute(
        "SELECT amount_outstanding FROM account_lines WHERE account_line_id = ?", (credit_id,)
    ).fetchone()
    assert credit["amount_outstanding"] == pytest.approx(-2.50)
    assert accounts.outstanding_debt(db, people.in_debt) == 0


def test_paying_the_debt_down_to_noissuescharge_lifts_the_debt_block(db, people, clock):
    accounts.pay(db, patron_id=people.in_debt, amount=2.50, when=clock())  # 5.00 left

    found = circulation.availability(db, people.in_debt, 6, clock())
    lend(db, people.in_debt, 6, clock)

    assert "DEBT" not in found.blockers
    assert found.warnings == {"DEBT": "5.00"}
    assert loan_of(db, 6)["patron_id"] == people.in_debt


def test_a_late_return_that_takes_the_debt_over_the_limit_blocks_the_next_checkout(
    db, people, clock
):
    lend(db, people.reader, 6, clock)
    clock.advance(days=21 + 60)
    circulation.checkin(db, 6, "CPL", clock())  # 5.00, the cap: not over noissuescharge
    assert circulation.availability(db, people.reader, 9, clock()).blockers == {}

    lend(db, people.reader, 9, clock)
    clock.advance(days=22)
    circulation.checkin(db, 9, "CPL", clock())

    assert circulation.availability(db, people.reader, 12, clock()).blockers == {"DEBT": "5.10"}


# --- Transactions --------------------------------------------------------------------------------


def test_everything_done_in_a_failed_transaction_is_rolled_back(sandbox, people, clock):
    def counts() -> tuple[int, ...]:
        with sandbox.store.reading() as db:
            return tuple(
                db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                for table in ("checkouts", "old_checkouts", "holds", "account_lines")
            )

    before = counts()
    with pytest.raises(RuntimeError), sandbox.store.transaction() as db:
        lend(db, people.reader, 6, clock)
        circulation.checkin(db, 2, "CPL", clock())  # overdue: a fine
        hold(db, people.reader, 5, clock)
        accounts.pay(db, patron_id=people.in_debt, amount=1.00, when=clock())
        raise RuntimeError("the till jammed")

    assert counts() == before
    with sandbox.store.reading() as db:
        assert loan_of(db, 6) is None
        assert loan_of(db, 2)["patron_id"] == people.reader


def test_a_refused_checkout_changes_nothing(sandbox, people, clock):
    with pytest.raises(CheckoutRefused), sandbox.store.transaction() as db:
        lend(db, people.expired, 6, clock)

    with sandbox.store.reading() as db:
        assert loan_of(db, 6) is None
        assert circulation.get_item(db, 6)["checkouts_count"] == 0
