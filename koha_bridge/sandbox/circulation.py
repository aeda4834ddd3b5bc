"""Checkouts, renewals, returns and holds, following Koha's rules and reason codes.

Every function works inside the caller's transaction (``db``) and takes the time it acts at, so a
replayed offline transaction is dated when it happened.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from koha_bridge.sandbox import accounts
from koha_bridge.sandbox.clock import parse_api_datetime, to_api_datetime
from koha_bridge.sandbox.errors import (
    BadRequest,
    CheckoutRefused,
    ConfirmationRequired,
    HoldRefused,
    NotFound,
    RenewalRefused,
)
from koha_bridge.sandbox.rules import Scope, effective_rule, preference

# Loans fall due at the end of the day, as Koha's daily loans do.
END_OF_DAY = time(23, 59, 0)
# Koha's borrowers.privacy: 0 keep the reading history for ever, 1 the library's default, 2 never.
PRIVACY_NEVER = 2


@dataclass(frozen=True)
class Availability:
    """Koha's CanBookBeIssued answer: what blocks, what needs confirming, what to mention."""

    blockers: dict[str, object] = field(default_factory=dict)
    confirms: dict[str, object] = field(default_factory=dict)
    warnings: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class HoldFound:
    """A hold that a returned item now fills."""

    hold_id: int
    patron_id: int
    pickup_library_id: str
    waiting_here: bool  # False: the item must travel to the pickup library first


@dataclass(frozen=True)
class CheckinResult:
    item_id: int
    was_on_loan: bool
    patron_id: int | None = None
    fine: float = 0.0
    hold: HoldFound | None = None
    transfer_to: str | None = None
    was_lost: bool = False


def _row(db: sqlite3.Connection, sql: str, *args, what: str) -> sqlite3.Row:
    row = db.execute(sql, args).fetchone()
    if row is None:
        raise NotFound(what)
    return row


def get_patron(db: sqlite3.Connection, patron_id: int) -> sqlite3.Row:
    return _row(db, "SELECT * FROM patrons WHERE patron_id = ?", patron_id, what="Patron")


def get_item(db: sqlite3.Connection, item_id: int) -> sqlite3.Row:
    return _row(db, "SELECT * FROM items WHERE item_id = ?", item_id, what="Item")


def _scope(patron: sqlite3.Row, item: sqlite3.Row) -> Scope:
    return Scope(item["home_library_id"] or "*", patron["category_id"], item["item_type_id"] or "*")


def _item_type_not_for_loan(db: sqlite3.Connection, item: sqlite3.Row) -> bool:
    row = db.execute(
        "SELECT not_for_loan FROM item_types WHERE item_type_id = ?", (item["item_type_id"],)
    ).fetchone()
    return bool(row and row["not_for_loan"])


def _item_not_for_loan(db: sqlite3.Connection, item: sqlite3.Row) -> bool:
    return bool(item["not_for_loan_status"]) or _item_type_not_for_loan(db, item)


def restricted_until(patron: sqlite3.Row, when: datetime) -> str | None:
    """Koha's is_debarred: the restriction's end date while it lasts (it ends on that date)."""
    until = patron["restricted_until"]
    if until and (until.startswith("9999") or date.fromisoformat(until) > when.date()):
        return until
    return None


def patron_blocks(
    db: sqlite3.Connection, patron: sqlite3.Row, when: datetime, debt: float
) -> dict[str, object]:
    """What stops this patron, who owes ``debt``, borrowing at all, with Koha's codes."""
    blocks: dict[str, object] = {}
    today = when.date()
    if patron["expiry_date"] and date.fromisoformat(patron["expiry_date"]) < today:
        blocks["EXPIRED"] = 1
    if patron["incorrect_address"]:
        blocks["GNA"] = 1
    if patron["patron_card_lost"]:
        blocks["CARD_LOST"] = 1
    until = restricted_until(patron, when)
    if until:
        blocks["DEBARRED"] = 1
        ends = "USERBLOCKEDNOENDDATE" if until.startswith("9999") else "USERBLOCKEDWITHENDDATE"
        blocks[ends] = until
    if debt > float(preference(db, "noissuescharge")):
        blocks["DEBT"] = f"{debt:.2f}"
    return blocks


def _open_holds(db: sqlite3.Connection, biblio_id: int) -> list[sqlite3.Row]:
    return db.execute(
        "SELECT * FROM holds WHERE biblio_id = ? AND suspended = 0 ORDER BY priority, hold_id",
        (biblio_id,),
    ).fetchall()


def availability(
    db: sqlite3.Connection, patron_id: int, item_id: int, when: datetime
) -> Availability:
    """Can ``patron_id`` borrow ``item_id`` now? Koha's CanBookBeIssued, in its essentials."""
    patron = get_patron(db, patron_id)
    item = get_item(db, item_id)
    debt = accounts.outstanding_debt(db, patron_id)
    blockers = patron_blocks(db, patron, when, debt)
    confirms: dict[str, object] = {}
    warnings: dict[str, object] = {}
    if item["not_for_loan_status"]:
        blockers.update(NOT_FOR_LOAN=1, item_notforloan=item["not_for_loan_status"])
    elif _item_type_not_for_loan(db, item):
        blockers.update(NOT_FOR_LOAN=1, itemtype_notforloan=item["item_type_id"])
    if item["withdrawn"]:
        blockers["WTHDRAWN"] = 1
    if item["restricted_status"]:
        blockers["RESTRICTED"] = 1
    if item["lost_status"]:
        confirms["ITEM_LOST"] = item["lost_status"]
    checkout = loan_of(db, item_id)
    if checkout is not None and checkout["patron_id"] == patron_id:
        can, _reason = can_renew(db, checkout, when)
        if can:
            confirms["RENEW_ISSUE"] = 1
        else:
            blockers["NO_MORE_RENEWALS"] = 1
    else:
        if checkout is not None:
            holder = get_patron(db, checkout["patron_id"])
            confirms["ISSUED_TO_ANOTHER"] = 1
            confirms.update(_who("issued_", holder))
        too_many = _too_many(db, patron, item)
        if too_many and preference(db, "AllowTooManyOverride") == "1":
            confirms.update(too_many)
        elif too_many:
            blockers.update(too_many)
    hold = _hold_this_item_fills(db, item)
    if hold is not None and hold["patron_id"] != patron_id:
        code = {"W": "RESERVE_WAITING", "T": "TRANSFERRED"}.get(hold["status"], "RESERVED")
        confirms[code] = 1
        confirms.update(_who("res", get_patron(db, hold["patron_id"])))
        confirms.update(resbranchcode=hold["pickup_library_id"], reserve_id=hold["hold_id"])
    if debt > 0 and "DEBT" not in blockers:
        warnings["DEBT"] = f"{debt:.2f}"
    return Availability(blockers, confirms, warnings)


def _who(prefix: str, patron: sqlite3.Row) -> dict[str, object]:
    """The patron as CanBookBeIssued names them beside a code (issued_*, res*)."""
    return {
        f"{prefix}firstname": patron["firstname"],
        f"{prefix}surname": patron["surname"],
        f"{prefix}cardnumber": patron["cardnumber"],
        f"{prefix}borrowernumber": patron["patron_id"],
    }


def _too_many(db: sqlite3.Connection, patron: sqlite3.Row, item: sqlite3.Row) -> dict[str, object]:
    """Koha's TooMany, as CanBookBeIssued reports it; empty while under maxissueqty."""
    on_loan = db.execute(
        "SELECT COUNT(*) FROM checkouts WHERE patron_id = ?", (patron["patron_id"],)
    ).fetchone()[0]
    allowed = int(effective_rule(db, _scope(patron, item), "maxissueqty"))
    if on_loan < allowed:
        return {}
    return {
        "TOO_MANY": "TOO_MANY_CHECKOUTS",
        "current_loan_count": on_loan,
        "max_loans_allowed": allowed,
    }


def _hold_this_item_fills(db: sqlite3.Connection, item: sqlite3.Row) -> sqlite3.Row | None:
    """Koha's CheckReserves: the hold found for this item, else the first in the queue it fits."""
    for hold in _open_holds(db, item["biblio_id"]):
        if hold["item_id"] in (None, item["item_id"]):
            return hold
    return None


def due_date_for(db: sqlite3.Connection, scope: Scope, start: datetime, rule: str) -> datetime:
    days = int(effective_rule(db, scope, rule))
    return datetime.combine((start + timedelta(days=days)).date(), END_OF_DAY, tzinfo=start.tzinfo)


def checkout(
    db: sqlite3.Connection,
    *,
    patron_id: int,
    item_id: int,
    when: datetime,
    library_id: str | None = None,
    issuer_id: int | None = None,
    confirmed: bool = False,
    ignore_blocks: frozenset[str] = frozenset(),
    due: datetime | None = None,
    found: Availability | None = None,
) -> int:
    """Lend the item (Koha's AddIssue); returns the checkout id.

    ``confirmed`` is staff's answer to every confirmation (a valid token in the REST API);
    ``ignore_blocks`` lets an offline replay ("no block") pass named blockers; ``due`` is a due
    date given instead of the circulation rules' (AddIssue's ``$datedue``); ``found`` is
    ``availability`` as the caller just had it, in this transaction, for this patron, item and
    time (not asked twice).
    """
    if found is None:
        found = availability(db, patron_id, item_id, when)
    if {k for k in found.blockers if k.isupper()} - ignore_blocks:
        raise CheckoutRefused({k: v for k, v in found.blockers.items() if k not in ignore_blocks})
    codes = {k for k in found.confirms if k.isupper()}
    if codes and not confirmed:
        raise ConfirmationRequired({k: found.confirms[k] for k in codes})
    existing = loan_of(db, item_id)
    if existing is not None and existing["patron_id"] == patron_id:
        renew(db, existing["checkout_id"], when, ignore_limits=bool(ignore_blocks), due=due)
        return existing["checkout_id"]
    if existing is not None:  # Koha returns it from the other patron first, holds left as they are
        _close_loan(db, existing, library_id or existing["library_id"], when)
    item = get_item(db, item_id)
    patron = get_patron(db, patron_id)
    due = due or due_date_for(db, _scope(patron, item), when, "issuelength")
    stamp = to_api_datetime(when)
    checkout_id = _next_id(db, "checkout_id", "checkouts", "old_checkouts")
    db.execute(
        """INSERT INTO checkouts (checkout_id, patron_id, item_id, library_id, issuer_id,
           due_date, checkout_date, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            checkout_id,
            patron_id,
            item_id,
            library_id or item["holding_library_id"],
            issuer_id,
            to_api_datetime(due),
            stamp,
            stamp,
        ),
    )
    db.execute(
        """UPDATE items SET checked_out_date = ?, last_checkout_date = ?, last_seen_date = ?,
           checkouts_count = checkouts_count + 1, lost_status = 0, timestamp = ?
           WHERE item_id = ?""",
        (stamp, stamp, stamp, stamp, item_id),
    )
    # Lent where it stands: whatever transfer it was on is over.
    db.execute(
        "UPDATE transfers SET date_arrived = ? WHERE item_id = ? "
        "AND date_arrived IS NULL AND date_cancelled IS NULL",
        (stamp, item_id),
    )
    _fill_own_hold(db, patron_id, item, when)
    return checkout_id


def _next_id(db: sqlite3.Connection, column: str, *tables: str) -> int:
    """A new id, never one a closed loan or hold in the old_* table already has (as in Koha)."""
    used = [db.execute(f"SELECT MAX({column}) FROM {table}").fetchone()[0] or 0 for table in tables]
    return max(used) + 1


def _fill_own_hold(db: sqlite3.Connection, patron_id: int, item: sqlite3.Row, when: datetime):
    hold = db.execute(
        "SELECT * FROM holds WHERE patron_id = ? AND biblio_id = ? AND item_id IS NULL "
        "OR patron_id = ? AND item_id = ? ORDER BY priority LIMIT 1",
        (patron_id, item["biblio_id"], patron_id, item["item_id"]),
    ).fetchone()
    if hold is not None:
        _close_hold(db, hold, when, status="F")


def can_renew(db: sqlite3.Connection, checkout_row: sqlite3.Row, when: datetime):
    """Koha's CanBookBeRenewed: (True, None) or (False, reason code)."""
    patron = get_patron(db, checkout_row["patron_id"])
    item = get_item(db, checkout_row["item_id"])
    if restricted_until(patron, when):
        return False, "restriction"
    allowed = int(effective_rule(db, _scope(patron, item), "renewalsallowed"))
    if checkout_row["renewals_count"] >= allowed:
        return False, "too_many"
    for hold in _open_holds(db, item["biblio_id"]):
        if hold["patron_id"] != patron["patron_id"] and hold["item_id"] in (None, item["item_id"]):
            return False, "on_reserve"
    return True, None


def renew(
    db: sqlite3.Connection,
    checkout_id: int,
    when: datetime,
    *,
    ignore_limits: bool = False,
    due: datetime | None = None,
) -> None:
    """Extend the loan by the renewal period, counted from the current due date, or to ``due``
    (Koha's AddRenewal and its ``$datedue``)."""
    row = _row(db, "SELECT * FROM checkouts WHERE checkout_id = ?", checkout_id, what="Checkout")
    allowed, reason = can_renew(db, row, when)
    if not allowed and not ignore_limits:
        raise RenewalRefused(reason)
    patron = get_patron(db, row["patron_id"])
    item = get_item(db, row["item_id"])
    from_due_date = preference(db, "RenewalPeriodBase") == "date_due"
    base = parse_api_datetime(row["due_date"]) if from_due_date else when
    due = due or due_date_for(db, _scope(patron, item), base, "renewalperiod")
    stamp = to_api_datetime(when)
    db.execute(
        """UPDATE checkouts SET due_date = ?, last_renewed_date = ?,
           renewals_count = renewals_count + 1, timestamp = ? WHERE checkout_id = ?""",
        (to_api_datetime(due), stamp, stamp, checkout_id),
    )
    db.execute(
        "UPDATE items SET renewals_count = renewals_count + 1, last_seen_date = ?, timestamp = ? "
        "WHERE item_id = ?",
        (stamp, stamp, row["item_id"]),
    )


def overdue_fine(db: sqlite3.Connection, checkout_row: sqlite3.Row, returned: datetime) -> float:
    due = parse_api_datetime(checkout_row["due_date"])
    if returned <= due:
        return 0.0
    patron = get_patron(db, checkout_row["patron_id"])
    item = get_item(db, checkout_row["item_id"])
    scope = _scope(patron, item)
    days = (returned.date() - due.date()).days  # Koha counts calendar days, not 24-hour spans
    fine = days * float(effective_rule(db, scope, "fine"))
    cap = float(effective_rule(db, scope, "overduefinescap") or 0)
    return round(min(fine, cap) if cap else fine, 2)


def checkin(db: sqlite3.Connection, item_id: int, library_id: str, when: datetime) -> CheckinResult:
    """Return the item at ``library_id``: close the loan, charge lateness, route it on."""
    item = get_item(db, item_id)
    stamp = to_api_datetime(when)
    loan = loan_of(db, item_id)
    fine = _close_loan(db, loan, library_id, when) if loan is not None else 0.0
    db.execute(
        """UPDATE items SET checked_out_date = NULL, holding_library_id = ?, last_seen_date = ?,
           lost_status = 0, timestamp = ? WHERE item_id = ?""",
        (library_id, stamp, stamp, item_id),
    )
    _arrive(db, item_id, library_id, when)
    hold = _hold_for_returned_item(db, item, library_id, when)
    transfer_to = None
    if hold is not None and not hold.waiting_here:
        transfer_to = hold.pickup_library_id
        _send(db, item_id, library_id, transfer_to, "Reserve", when)
    elif hold is None and item["home_library_id"] and item["home_library_id"] != library_id:
        transfer_to = item["home_library_id"]
        _send(db, item_id, library_id, transfer_to, "ReturnToHome", when)
    return CheckinResult(
        item_id=item_id,
        was_on_loan=loan is not None,
        patron_id=loan["patron_id"] if loan is not None else None,
        fine=fine,
        hold=hold,
        transfer_to=transfer_to,
        was_lost=bool(item["lost_status"]),
    )


def _send(
    db: sqlite3.Connection, item_id: int, from_id: str, to_id: str, reason: str, when: datetime
) -> None:
    """Koha's ModItemTransfer: the item leaves for ``to_id`` now (requested and sent at once)."""
    stamp = to_api_datetime(when)
    if db.execute(
        "SELECT 1 FROM transfers WHERE item_id = ? AND to_library_id = ? "
        "AND date_arrived IS NULL AND date_cancelled IS NULL",
        (item_id, to_id),
    ).fetchone():
        return  # already on its way there
    db.execute(
        """INSERT INTO transfers (item_id, from_library_id, to_library_id, date_requested,
           date_sent, reason) VALUES (?, ?, ?, ?, ?, ?)""",
        (item_id, from_id, to_id, stamp, stamp, reason),
    )


def _arrive(db: sqlite3.Connection, item_id: int, library_id: str, when: datetime) -> None:
    """The item's transfers to ``library_id`` have arrived (Koha's Transfer->receive)."""
    db.execute(
        "UPDATE transfers SET date_arrived = ? WHERE item_id = ? AND to_library_id = ? "
        "AND date_arrived IS NULL AND date_cancelled IS NULL",
        (to_api_datetime(when), item_id, library_id),
    )


def _close_loan(
    db: sqlite3.Connection, loan: sqlite3.Row, library_id: str, when: datetime
) -> float:
    """Move the loan to old_checkouts and charge its lateness; returns the fine."""
    stamp = to_api_datetime(when)
    fine = overdue_fine(db, loan, when)
    if fine:
        item = get_item(db, loan["item_id"])
        accounts.add_debit(
            db,
            patron_id=loan["patron_id"],
            amount=fine,
            debit_type="OVERDUE",
            description=f"Overdue: item {item['external_id']}",
            when=when,
            checkout_id=loan["checkout_id"],
            item_id=loan["item_id"],
            library_id=library_id,
        )
    db.execute(
        """INSERT INTO old_checkouts (checkout_id, patron_id, item_id, library_id, issuer_id,
           due_date, checkout_date, last_renewed_date, renewals_count, unseen_renewals,
           auto_renew, onsite_checkout, note, checkin_date, timestamp)
           SELECT checkout_id, patron_id, item_id, library_id, issuer_id, due_date,
           checkout_date, last_renewed_date, renewals_count, unseen_renewals, auto_renew,
           onsite_checkout, note, ?, ? FROM checkouts WHERE checkout_id = ?""",
        (stamp, stamp, loan["checkout_id"]),
    )
    db.execute("DELETE FROM checkouts WHERE checkout_id = ?", (loan["checkout_id"],))
    if get_patron(db, loan["patron_id"])["privacy"] == PRIVACY_NEVER:
        # Koha hands the finished loan to its anonymous patron: no reading history is kept.
        db.execute(
            "UPDATE old_checkouts SET patron_id = NULL WHERE checkout_id = ?",
            (loan["checkout_id"],),
        )
    return fine


def _hold_for_returned_item(
    db: sqlite3.Connection, item: sqlite3.Row, library_id: str, when: datetime
) -> HoldFound | None:
    """The hold the item now serves: waiting here ("W"), or in transit to its pickup ("T")."""
    if _item_not_for_loan(db, item):
        return None
    hold = _hold_this_item_fills(db, item)
    if hold is None:
        return None
    waiting_here = hold["pickup_library_id"] == library_id
    status = "W" if waiting_here else "T"
    if hold["status"] != status:  # found now, or arrived; a hold already so is left as it is
        db.execute(
            "UPDATE holds SET item_id = ?, status = ?, waiting_date = ?, priority = 0, "
            "timestamp = ? WHERE hold_id = ?",
            (
                item["item_id"],
                status,
                when.date().isoformat() if waiting_here else None,
                to_api_datetime(when),
                hold["hold_id"],
            ),
        )
        _renumber_queue(db, item["biblio_id"])
    return HoldFound(hold["hold_id"], hold["patron_id"], hold["pickup_library_id"], waiting_here)


def _renumber_queue(db: sqlite3.Connection, biblio_id: int) -> None:
    """Koha's _FixPriority: the holds still waiting for an item are numbered 1, 2, 3... in order."""
    queued = db.execute(
        "SELECT hold_id FROM holds WHERE biblio_id = ? AND status IS NULL "
        "ORDER BY priority, hold_id",
        (biblio_id,),
    ).fetchall()
    db.executemany(
        "UPDATE holds SET priority = ? WHERE hold_id = ?",
        [(number, row["hold_id"]) for number, row in enumerate(queued, start=1)],
    )


def place_hold(
    db: sqlite3.Connection,
    *,
    patron_id: int,
    pickup_library_id: str,
    when: datetime,
    biblio_id: int | None = None,
    item_id: int | None = None,
    expiration_date: str | None = None,
    notes: str | None = None,
    non_priority: bool = False,
) -> int:
    """Place a hold on a record (or one item of it); returns the hold id."""
    if biblio_id is None and item_id is None:
        raise BadRequest("At least one of biblio_id, item_id should be given")
    if item_id is not None:
        item = get_item(db, item_id)
        if biblio_id is not None and item["biblio_id"] != biblio_id:
            raise BadRequest(f"Item {item_id} doesn't belong to biblio {biblio_id}")
        biblio_id = item["biblio_id"]
    _row(db, "SELECT biblio_id FROM biblios WHERE biblio_id = ?", biblio_id, what="Biblio")
    patron = get_patron(db, patron_id)
    library = db.execute(
        "SELECT pickup_location FROM libraries WHERE library_id = ?", (pickup_library_id,)
    ).fetchone()
    if library is None or not library["pickup_location"]:
        raise BadRequest("The supplied pickup location is not valid")
    _check_hold_allowed(db, patron, biblio_id, item_id)
    priority = (
        db.execute(
            "SELECT COUNT(*) FROM holds WHERE biblio_id = ? AND status IS NULL", (biblio_id,)
        ).fetchone()[0]
        + 1
    )
    stamp = to_api_datetime(when)
    hold_id = _next_id(db, "hold_id", "holds", "old_holds")
    db.execute(
        """INSERT INTO holds (hold_id, patron_id, biblio_id, item_id, pickup_library_id,
           hold_date, expiration_date, priority, notes, non_priority, item_level, timestamp)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            hold_id,
            patron_id,
            biblio_id,
            item_id,
            pickup_library_id,
            when.date().isoformat(),
            expiration_date,
            priority,
            notes,
            int(non_priority),
            int(item_id is not None),
            stamp,
        ),
    )
    return hold_id


def _check_hold_allowed(
    db: sqlite3.Connection, patron: sqlite3.Row, biblio_id: int, item_id: int | None
) -> None:
    patron_id = patron["patron_id"]
    held = db.execute("SELECT COUNT(*) FROM holds WHERE patron_id = ?", (patron_id,)).fetchone()[0]
    if held + 1 > int(preference(db, "maxreserves")):
        raise HoldRefused("tooManyReserves")
    if db.execute(
        "SELECT 1 FROM checkouts JOIN items USING (item_id) WHERE checkouts.patron_id = ? "
        "AND items.biblio_id = ?",
        (patron_id, biblio_id),
    ).fetchone():
        raise HoldRefused("alreadypossession")
    items = db.execute(
        "SELECT * FROM items WHERE biblio_id = ? AND (? IS NULL OR item_id = ?)",
        (biblio_id, item_id, item_id),
    ).fetchall()
    holdable = [i for i in items if not _item_not_for_loan(db, i) and not i["withdrawn"]]
    if not holdable:
        raise HoldRefused("notReservable")
    scope = _scope(patron, holdable[0])
    on_this_record = db.execute(
        "SELECT COUNT(*) FROM holds WHERE patron_id = ? AND biblio_id = ? AND status IS NULL",
        (patron_id, biblio_id),
    ).fetchone()[0]
    if on_this_record >= int(effective_rule(db, scope, "holds_per_record")):
        raise HoldRefused("tooManyHoldsForThisRecord")
    if held + 1 > int(effective_rule(db, scope, "reservesallowed")):
        raise HoldRefused("tooManyReserves")


def _close_hold(
    db: sqlite3.Connection,
    hold: sqlite3.Row,
    when: datetime,
    *,
    status: str,
    reason: str | None = None,
) -> None:
    stamp = to_api_datetime(when)
    db.execute(
        """INSERT INTO old_holds (hold_id, patron_id, biblio_id, item_id, pickup_library_id,
           hold_date, expiration_date, priority, status, waiting_date, notes, cancellation_date,
           cancellation_reason, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            hold["hold_id"],
            hold["patron_id"],
            hold["biblio_id"],
            hold["item_id"],
            hold["pickup_library_id"],
            hold["hold_date"],
            hold["expiration_date"],
            hold["priority"],
            status,
            hold["waiting_date"],
            hold["notes"],
            when.date().isoformat() if status == "C" else None,
            reason,
            stamp,
        ),
    )
    db.execute("DELETE FROM holds WHERE hold_id = ?", (hold["hold_id"],))
    _renumber_queue(db, hold["biblio_id"])


def cancel_hold(
    db: sqlite3.Connection, hold_id: int, when: datetime, reason: str | None = None
) -> None:
    hold = _row(db, "SELECT * FROM holds WHERE hold_id = ?", hold_id, what="Hold")
    _close_hold(db, hold, when, status="C", reason=reason)


# -- look-ups, as Koha's objects answer them ----------------------------------------------


def item_by_barcode(db: sqlite3.Connection, barcode: str | None) -> sqlite3.Row | None:
    if not barcode:
        return None
    return db.execute("SELECT * FROM items WHERE external_id = ?", (barcode,)).fetchone()


def title_of(db: sqlite3.Connection, item: sqlite3.Row) -> str:
    """The title of the item's record ('' for none)."""
    row = db.execute(
        "SELECT title FROM biblios WHERE biblio_id = ?", (item["biblio_id"],)
    ).fetchone()
    return (row["title"] if row else None) or ""


def is_library(db: sqlite3.Connection, library_id: str | None) -> bool:
    return bool(
        library_id
        and db.execute("SELECT 1 FROM libraries WHERE library_id = ?", (library_id,)).fetchone()
    )


def loan_of(db: sqlite3.Connection, item_id: int) -> sqlite3.Row | None:
    """The item's current checkout, if it is on loan."""
    return db.execute("SELECT * FROM checkouts WHERE item_id = ?", (item_id,)).fetchone()


def pending_checkouts(db: sqlite3.Connection, patron_id: int) -> list[sqlite3.Row]:
    """Koha's Patron->pending_checkouts, most recent first."""
    return db.execute(
        "SELECT * FROM checkouts WHERE patron_id = ? "
        "ORDER BY timestamp DESC, checkout_date DESC, checkout_id DESC",
        (patron_id,),
    ).fetchall()


def loan_barcodes(db: sqlite3.Connection, patron_id: int) -> dict[int, str]:
    """The barcodes of the items the patron has on loan, by item id."""
    return {
        row["item_id"]: row["external_id"] or ""
        for row in db.execute(
            "SELECT items.item_id, items.external_id FROM checkouts JOIN items "
            "ON items.item_id = checkouts.item_id WHERE checkouts.patron_id = ?",
            (patron_id,),
        )
    }


def attached_hold(db: sqlite3.Connection, item_id: int) -> sqlite3.Row | None:
    """The hold the item is set aside for: waiting (W), in transit (T) or in processing (P)."""
    return db.execute(
        "SELECT * FROM holds WHERE item_id = ? AND status IN ('W', 'T', 'P')", (item_id,)
    ).fetchone()


def hold_count(db: sqlite3.Connection, biblio_id: int) -> int:
    """Every hold on the record, found or not."""
    return db.execute("SELECT COUNT(*) FROM holds WHERE biblio_id = ?", (biblio_id,)).fetchone()[0]


def hold_priority(db: sqlite3.Connection, hold_id: int) -> int:
    return db.execute("SELECT priority FROM holds WHERE hold_id = ?", (hold_id,)).fetchone()[0]


def patron_hold_on(db: sqlite3.Connection, patron_id: int, item: sqlite3.Row) -> sqlite3.Row | None:
    """The patron's hold on this item, else on its record."""
    return db.execute(
        "SELECT * FROM holds WHERE patron_id = ? AND (item_id = ? OR "
        "item_id IS NULL AND biblio_id = ?) ORDER BY item_id IS NULL, hold_id LIMIT 1",
        (patron_id, item["item_id"], item["biblio_id"]),
    ).fetchone()


def available_for(db: sqlite3.Connection, item: sqlite3.Row, patron_id: int) -> bool:
    """Koha's Item->available for a patron: their loan with no holds queued, or a hold kept
    for them."""
    loan = loan_of(db, item["item_id"])
    if loan is not None:
        if loan["patron_id"] != patron_id:
            return False
        queued = db.execute(
            "SELECT COUNT(*) FROM holds WHERE biblio_id = ? AND (status IS NULL OR "
            "status NOT IN ('W', 'T', 'P'))",
            (item["biblio_id"],),
        ).fetchone()[0]
        return queued == 0
    attached = db.execute(
        "SELECT patron_id FROM holds WHERE biblio_id = ? AND status IN ('W', 'T', 'P') "
        "ORDER BY hold_id LIMIT 1",
        (item["biblio_id"],),
    ).fetchone()
    return attached is not None and attached["patron_id"] == patron_id


def waiting_hold_barcodes(db: sqlite3.Connection, patron_id: int) -> list[str]:
    """The barcodes of the items waiting on the hold shelf for the patron, oldest first."""
    return [
        row["external_id"] or ""
        for row in db.execute(
            "SELECT items.external_id FROM holds JOIN items ON items.item_id = holds.item_id "
            "WHERE holds.patron_id = ? AND holds.status = 'W' "
            "ORDER BY holds.waiting_date, holds.hold_id",
            (patron_id,),
        )
    ]


def unavailable_hold_barcodes(db: sqlite3.Connection, patron_id: int) -> list[str]:
    """The patron's holds not yet waiting, each as its item's barcode, or for a hold on the
    record the first item's (as Koha names them)."""
    barcodes = []
    for hold in db.execute(
        "SELECT * FROM holds WHERE patron_id = ? AND (status IS NULL OR status != 'W') "
        "ORDER BY hold_id",
        (patron_id,),
    ).fetchall():
        row = db.execute(
            "SELECT external_id FROM items WHERE item_id = ? OR ? IS NULL AND biblio_id = ? "
            "ORDER BY item_id LIMIT 1",
            (hold["item_id"], hold["item_id"], hold["biblio_id"]),
        ).fetchone()
        barcodes.append((row["external_id"] if row else None) or "")
    return barcodes
