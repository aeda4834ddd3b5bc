"""Where each copy of a record is and whether a reader can have it, read from Koha's items.

Koha's OPAC tells an item's state from the item and what hangs on it: a current loan, an active
transfer that has been sent, a hold waiting for its patron (or being processed), the lost,
withdrawn, not-for-loan and damaged codes. ``GET /biblios/{id}/items`` embeds all of it when
asked (``EMBED``); ``item_availability`` reads one item so embedded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from koha_bridge.client import KohaClient, KohaProtocolError

EMBED = ("+strings", "checkout", "transfer", "first_hold")
_ON_HOLD = ("W", "P")  # waiting for its patron; being processed for them
_IN_TRANSIT_FOR_HOLD = "T"


class ItemStatus(StrEnum):
    ON_SHELF = "on shelf"
    ON_LOAN = "on loan"
    IN_TRANSIT = "in transit"
    ON_HOLD = "on hold"
    NOT_FOR_LOAN = "not for loan"
    LOST = "lost"
    WITHDRAWN = "withdrawn"
    DAMAGED = "damaged"


@dataclass(frozen=True)
class ItemAvailability:
    """One copy: where it is, how to find it on the shelf, and whether it can be had."""

    item_id: int
    library_id: str  # the library holding it now (its home library when Koha names none)
    location: str  # the shelving location, described where Koha describes it
    callnumber: str
    status: ItemStatus
    due_date: date | None = None  # when on loan
    note: str = ""  # Koha's public note

    @property
    def available(self) -> bool:
        return self.status is ItemStatus.ON_SHELF


def record_availability(client: KohaClient, biblio_id: int) -> list[ItemAvailability]:
    """Every item of the record, as Koha has it now."""
    return [item_availability(item) for item in client.items_of_biblio(biblio_id, EMBED)]


def item_availability(item: Any) -> ItemAvailability:
    """One item of ``GET /biblios/{id}/items`` with ``EMBED`` embedded."""
    if not isinstance(item, dict) or not isinstance(item.get("item_id"), int):
        raise KohaProtocolError("an item of the record has no item_id")
    strings = item.get("_strings") or {}
    location = item.get("location") or ""
    checkout = item.get("checkout") or {}
    return ItemAvailability(
        item_id=item["item_id"],
        library_id=item.get("holding_library_id") or item.get("home_library_id") or "",
        location=_described(strings, "location") or location,
        callnumber=item.get("callnumber") or "",
        status=_status(item),
        due_date=_date(checkout.get("due_date")),
        note=item.get("public_notes") or "",
    )


def _status(item: dict) -> ItemStatus:
    """The one state a reader needs to know, the most telling first."""
    hold = item.get("first_hold") or {}
    transfer = item.get("transfer") or {}
    if item.get("lost_status"):
        return ItemStatus.LOST
    if item.get("withdrawn"):
        return ItemStatus.WITHDRAWN
    if item.get("checkout") or item.get("checked_out_date"):
        return ItemStatus.ON_LOAN
    sent = transfer.get("date_sent") and not transfer.get("date_arrived")
    if sent or hold.get("status") == _IN_TRANSIT_FOR_HOLD:
        return ItemStatus.IN_TRANSIT
    if hold.get("status") in _ON_HOLD:
        return ItemStatus.ON_HOLD
    not_for_loan = item.get("effective_not_for_loan_status", item.get("not_for_loan_status"))
    if not_for_loan:
        return ItemStatus.NOT_FOR_LOAN
    if item.get("damaged_status"):
        return ItemStatus.DAMAGED
    return ItemStatus.ON_SHELF


def _described(strings: dict, column: str) -> str:
    described = strings.get(column)
    return str(described.get("str") or "") if isinstance(described, dict) else ""


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
