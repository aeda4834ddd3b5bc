"""The reader's loans and holds, in few SIP2 round trips.

A patron information answer carries every count but only the one list its summary asks for
(Koha sends the first Y's list), so the first request asks for the loans, and another is sent
only for a list whose count is not zero; then one item information (17) for each item whose
title and due date are not known yet (items borrowed at the station are known from their
checkout answers).
"""

from __future__ import annotations

from dataclasses import dataclass

from rfid_sip2.sip2.messages import (
    ItemInformationRequest,
    ItemInformationResponse,
    PatronInformationRequest,
    PatronInformationResponse,
)
from rfid_sip2.station.control import Hold, Loan
from rfid_sip2.station.ils import Ils, due_day

HOLDS_WAITING, OVERDUE, CHARGED, UNAVAILABLE_HOLDS = 0, 1, 2, 5


def summary(position: int) -> str:
    """The 10-character summary of a patron information request asking for one list."""
    return " " * position + "Y" + " " * (9 - position)


@dataclass(frozen=True)
class Who:
    """The signed-in patron as SIP2 requests need them. The PIN is not kept: it is checked once,
    at sign-in, and goes over the wire no more (Koha's SIP2 server ignores it on a checkout)."""

    patron_id: str
    institution_id: str
    terminal_password: str


def patron_information(
    ils: Ils, who: Who, position: int, pin: str | None = None
) -> PatronInformationRequest:
    return PatronInformationRequest(
        transaction_date=ils.stamp(),
        summary=summary(position),
        institution_id=who.institution_id,
        patron_identifier=who.patron_id,
        terminal_password=who.terminal_password,
        patron_password=pin,
    )


async def _list(ils: Ils, who: Who, position: int, name: str) -> tuple[str, ...]:
    response = await ils.ask(patron_information(ils, who, position))
    if not isinstance(response, PatronInformationResponse):
        return ()
    return getattr(response, name)


@dataclass(frozen=True)
class Known:
    """What the station knows of an item: its title and due date (AH, as the ACS wrote it)."""

    title: str = ""
    due: str | None = None


async def load_account(
    ils: Ils, who: Who, known: dict[str, Known]
) -> tuple[tuple[Loan, ...], tuple[Hold, ...]] | None:
    """Loans and holds (None when the ILS does not know the patron); ``known`` is filled in
    with what item information answers."""
    first = await ils.ask(patron_information(ils, who, CHARGED))
    if not isinstance(first, PatronInformationResponse) or first.valid_patron is False:
        return None
    charged = first.charged_items
    overdue: tuple[str, ...] = ()
    if first.overdue_items_count:
        overdue = await _list(ils, who, OVERDUE, "overdue_items")
    waiting: tuple[str, ...] = ()
    if first.hold_items_count:
        waiting = await _list(ils, who, HOLDS_WAITING, "hold_items")
    pending: tuple[str, ...] = ()
    if first.unavailable_holds_count:
        pending = await _list(ils, who, UNAVAILABLE_HOLDS, "unavailable_hold_items")
    for item_id in dict.fromkeys((*charged, *waiting, *pending)):
        if item_id and item_id not in known:
            response = await ils.ask(
                ItemInformationRequest(
                    transaction_date=ils.stamp(),
                    institution_id=who.institution_id,
                    item_identifier=item_id,
                    terminal_password=who.terminal_password,
                )
            )
            if isinstance(response, ItemInformationResponse):
                known[item_id] = Known(response.title_identifier, response.due_date)
    loans = []
    for item_id in charged:
        info = known.get(item_id)
        due = due_day(info.due) if info else None
        loans.append(
            Loan(
                item_id=item_id,
                title=info.title if info else "",
                due=due,
                overdue=item_id in overdue,  # the ILS's word: its today, its calendar
            )
        )
    holds = [
        Hold(item_id=item_id, title=known.get(item_id, Known()).title, ready=ready)
        for ready, items in ((True, waiting), (False, pending))
        for item_id in items
    ]
    return tuple(loans), tuple(holds)
