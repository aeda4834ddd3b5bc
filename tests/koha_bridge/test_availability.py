"""Each copy of a record as a reader needs it: where it is, its shelf mark, whether it can be had.

The demo library (the sandbox) has record 1 ("Great expectations") all on loan, record 3 ("Oliver
Twist") on the shelf at the main library, and near the end of the catalogue a lost copy, a
reference copy and a copy on its way home.
"""

from __future__ import annotations

from datetime import date

import pytest

from koha_bridge.availability import ItemStatus, item_availability, record_availability
from koha_bridge.client import KohaProtocolError
from koha_bridge.sandbox import circulation, seeding


def copies(koha_client, biblio_id: int) -> dict[int, object]:
    return {item.item_id: item for item in record_availability(koha_client, biblio_id)}


def biblio_of(sandbox, item_id: int) -> int:
    with sandbox.store.reading() as db:
        return circulation.get_item(db, item_id)["biblio_id"]


def test_a_copy_on_the_shelf_says_where_to_find_it(koha_client):
    (copy,) = record_availability(koha_client, 3)

    assert copy.status is ItemStatus.ON_SHELF and copy.available
    assert (copy.library_id, copy.location, copy.callnumber) == ("CPL", "General stacks", "ENG Dic")


def test_copies_on_loan_say_when_they_are_due(koha_client):
    found = copies(koha_client, 1)

    assert {item.status for item in found.values()} == {ItemStatus.ON_LOAN}
    assert found[1].due_date == date(2026, 11, 18)
    assert found[2].due_date == date(2026, 10, 24)  # overdue: still on loan
    assert not found[1].available


def test_a_copy_waiting_for_the_patron_who_held_it_is_on_hold(koha_client, sandbox, clock):
    with sandbox.store.transaction() as db:
        circulation.checkin(db, 1, "RIV", clock())  # the other reader collects it at RIV

    assert copies(koha_client, 1)[1].status is ItemStatus.ON_HOLD


def test_a_copy_travelling_to_a_patrons_pickup_library_is_in_transit(koha_client, sandbox, clock):
    with sandbox.store.transaction() as db:
        circulation.checkin(db, 3, "CPL", clock())  # the hold is for pickup at RIV

    found = copies(koha_client, 1)[3]
    assert (found.status, found.library_id) == (ItemStatus.IN_TRANSIT, "CPL")


@pytest.mark.parametrize(
    ("item_id", "status"),
    [
        (seeding.LOST_ITEM, ItemStatus.LOST),
        (seeding.REFERENCE_ITEM, ItemStatus.NOT_FOR_LOAN),
        (seeding.IN_TRANSIT_ITEM, ItemStatus.IN_TRANSIT),
    ],
)
def test_the_demo_library_has_copies_in_each_state(koha_client, sandbox, item_id, status):
    assert copies(koha_client, biblio_of(sandbox, item_id))[item_id].status is status


def test_a_reference_copy_is_shelved_in_the_reference_room(koha_client, sandbox):
    found = copies(koha_client, biblio_of(sandbox, seeding.REFERENCE_ITEM))
    assert found[seeding.REFERENCE_ITEM].location == "Reference"


@pytest.mark.parametrize(
    ("column", "status"),
    [("withdrawn", ItemStatus.WITHDRAWN), ("damaged_status", ItemStatus.DAMAGED)],
)
def test_withdrawn_and_damaged_copies_are_not_on_the_shelf(koha_client, sandbox, column, status):
    with sandbox.store.transaction() as db:
        db.execute(f"UPDATE items SET {column} = 1 WHERE item_id = 6")

    assert copies(koha_client, 3)[6].status is status


def test_a_lost_copy_is_lost_even_if_koha_still_has_it_on_loan():
    item = {"item_id": 7, "lost_status": 2, "checkout": {"due_date": "2026-11-01T23:59:00Z"}}
    assert item_availability(item).status is ItemStatus.LOST


def test_a_transfer_requested_but_not_sent_leaves_the_copy_on_the_shelf():
    item = {"item_id": 7, "transfer": {"date_requested": "2026-11-01T10:00:00Z", "date_sent": None}}
    assert item_availability(item).status is ItemStatus.ON_SHELF


def test_a_copy_on_loan_without_the_checkout_embedded_is_on_loan_with_no_date():
    found = item_availability({"item_id": 7, "checked_out_date": "2026-11-01"})
    assert (found.status, found.due_date) == (ItemStatus.ON_LOAN, None)


def test_an_undescribed_location_shows_its_code():
    assert item_availability({"item_id": 7, "location": "STACKS-2"}).location == "STACKS-2"


@pytest.mark.parametrize("item", [{}, {"item_id": "7"}, ["item_id", 7], None])
def test_an_item_not_shaped_as_koha_writes_it_is_a_protocol_error(item):
    with pytest.raises(KohaProtocolError):
        item_availability(item)
