"""Circulation rules, looked up as Koha does: the most specific library/category/item type wins."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

# Koha's rule names, with the sandbox's defaults where no rule says otherwise.
DEFAULTS: dict[str, str] = {
    "issuelength": "21",  # loan period, days
    "renewalsallowed": "2",
    "renewalperiod": "21",
    "maxissueqty": "10",  # loans a patron may hold
    "fine": "0.10",  # per overdue day
    "overduefinescap": "5.00",
    "reservesallowed": "10",  # holds a patron may place
    "holds_per_record": "1",
}

# System preferences the sandbox honours, with Koha's defaults.
PREFERENCES: dict[str, str] = {
    "noissuescharge": "5",  # debt that blocks checkouts
    "maxreserves": "50",
    "AllowTooManyOverride": "1",
    "RenewalPeriodBase": "date_due",  # a renewal runs from the old due date ("now": from today)
    "RESTBasicAuth": "1",
    "RESTOAuth2ClientCredentials": "1",
    "marcflavour": "MARC21",
    "currency": "EUR",
    "FailedLoginAttempts": "",  # failed password checks that lock a patron out; empty: never
    "autoMemberNum": "1",  # a patron added without a card number gets the next one
    # Purchase suggestions a patron may make: MaxTotalSuggestions in NumberOfSuggestionDays
    # days, and MaxOpenSuggestions not yet dealt with; empty: no limit.
    "MaxTotalSuggestions": "",
    "NumberOfSuggestionDays": "",
    "MaxOpenSuggestions": "",
}


@dataclass(frozen=True)
class Scope:
    library_id: str
    category_id: str
    item_type_id: str


def effective_rule(db: sqlite3.Connection, scope: Scope, rule_name: str) -> str:
    """The rule for this library, patron category and item type; then '*' rules, then defaults."""
    row = db.execute(
        """
        SELECT rule_value FROM circulation_rules
        WHERE rule_name = ?
          AND library_id IN (?, '*') AND category_id IN (?, '*') AND item_type_id IN (?, '*')
        ORDER BY (library_id != '*') * 4 + (category_id != '*') * 2 + (item_type_id != '*') DESC
        LIMIT 1
        """,
        (rule_name, scope.library_id, scope.category_id, scope.item_type_id),
    ).fetchone()
    return row["rule_value"] if row else DEFAULTS[rule_name]


def preference(db: sqlite3.Connection, name: str) -> str:
    row = db.execute("SELECT value FROM settings WHERE name = ?", (name,)).fetchone()
    return row["value"] if row else PREFERENCES[name]
