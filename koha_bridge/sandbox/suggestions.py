"""Purchase suggestions as Koha keeps them: the patron's limits, the statuses, the new row.

Every function works inside the caller's transaction (``db``).
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from typing import Any

from koha_bridge.sandbox.clock import to_api_datetime
from koha_bridge.sandbox.rules import preference

# Koha::Suggestion->store accepts these, and the SUGGEST_STATUS authorised values (none here).
STATUSES = ("ASKED", "CHECKED", "ACCEPTED", "REJECTED", "ORDERED", "AVAILABLE")


class LimitReached(Exception):
    """The patron may not suggest more for now; Koha answers 400 with this error code."""

    def __init__(self, code: str) -> None:
        super().__init__("Reached the maximum suggestions limit")
        self.code = code  # "max_total_reached" or "max_pending_reached"


class StatusForbidden(Exception):
    """Koha::Exceptions::Suggestion::StatusForbidden, which Koha's controller does not catch."""


class UnknownPatron(Exception):
    """``suggested_by`` names no patron (the borrowers foreign key)."""


def check_limits(db: sqlite3.Connection, patron_id: int, now: datetime, skip: set[str]) -> None:
    """Koha's Suggestions#add checks: MaxTotalSuggestions in NumberOfSuggestionDays, then
    MaxOpenSuggestions; ``skip`` holds the x-koha-override values given ("any" skips both)."""
    if "any" in skip:
        return
    total, days = preference(db, "MaxTotalSuggestions"), preference(db, "NumberOfSuggestionDays")
    if "max_total" not in skip and total.isdigit() and days.isdigit():
        since = (now.date() - timedelta(days=int(days))).isoformat()
        made = db.execute(
            "SELECT COUNT(*) FROM suggestions WHERE suggested_by = ? AND suggestion_date >= ?",
            (patron_id, since),
        ).fetchone()[0]
        if made >= int(total):
            raise LimitReached("max_total_reached")
    pending = preference(db, "MaxOpenSuggestions")
    if "max_pending" not in skip and pending.isdigit():
        open_ones = db.execute(
            "SELECT COUNT(*) FROM suggestions WHERE suggested_by = ? AND status = 'ASKED'",
            (patron_id,),
        ).fetchone()[0]
        if open_ones >= int(pending):
            raise LimitReached("max_pending_reached")


def add_suggestion(db: sqlite3.Connection, fields: dict[str, Any], now: datetime) -> int:
    """Store a suggestion as Koha::Suggestion->store does: ASKED and today unless given."""
    values = {name: value for name, value in fields.items() if value is not None}
    values.setdefault("status", "ASKED")
    if values["status"] not in STATUSES:
        raise StatusForbidden(values["status"])
    patron_id = values.get("suggested_by")
    known = "SELECT 1 FROM patrons WHERE patron_id = ?"
    if patron_id is not None and db.execute(known, (patron_id,)).fetchone() is None:
        raise UnknownPatron(patron_id)
    if values.get("library_id") == "":
        values["library_id"] = None
    if "archived" in values:
        values["archived"] = int(values["archived"])
    values.setdefault("suggestion_date", now.date().isoformat())
    values["timestamp"] = to_api_datetime(now)
    values = {name: value for name, value in values.items() if value is not None}
    columns = ", ".join(values)
    cursor = db.execute(
        f"INSERT INTO suggestions ({columns}) VALUES ({', '.join('?' * len(values))})",
        list(values.values()),
    )
    return cursor.lastrowid
