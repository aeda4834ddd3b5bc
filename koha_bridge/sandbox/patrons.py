"""Patrons as Koha keeps them: passwords checked as C4::Auth does, new patrons as Koha stores them.

Every function works inside the caller's transaction (``db``).
"""

from __future__ import annotations

import sqlite3
import unicodedata
from datetime import date, datetime, timedelta
from typing import Any

from koha_bridge.sandbox.clock import to_api_datetime
from koha_bridge.sandbox.passwords import verify_secret
from koha_bridge.sandbox.rules import preference

# Koha takes a new patron's expiry date from its category's enrolment period; the sandbox's
# categories all enrol for a year.
ENROLMENT_PERIOD = timedelta(days=365)
# What POST /patrons stores: the API names Koha's patron definition gives these columns.
STORED_FIELDS = (
    "cardnumber",
    "userid",
    "surname",
    "firstname",
    "email",
    "phone",
    "address",
    "city",
    "postal_code",
    "country",
    "date_of_birth",
    "library_id",
    "category_id",
    "date_enrolled",
    "expiry_date",
    "lang",
    "privacy",
    "staff_notes",
)


class DuplicateId(Exception):
    """A unique column already holds the value (Koha::Exceptions::Object::DuplicateID)."""

    def __init__(self, column: str) -> None:
        super().__init__(f"Duplicate ID ({column})")
        self.column = column


class UnknownReference(Exception):
    """A library or category that does not exist (Koha::Exceptions::Object::FKConstraint)."""

    def __init__(self, field: str) -> None:
        super().__init__(f"Given {field} does not exist")
        self.field = field


def account_locked(db: sqlite3.Connection, patron: sqlite3.Row) -> bool:
    """Koha's account_locked: too many failed logins (FailedLoginAttempts), or locked by staff."""
    attempts = patron["login_attempts"]
    limit = preference(db, "FailedLoginAttempts")
    return attempts < 0 or (limit.isdigit() and int(limit) > 0 and attempts >= int(limit))


def check_password(
    db: sqlite3.Connection, identifier: str, password: str, *, userid_only: bool = False
) -> sqlite3.Row | None:
    """C4::Auth::checkpw: the patron whose userid, then card number, is ``identifier`` and whose
    password this is; None otherwise. Each failure counts towards the patron's lockout."""
    patron = _patron_by(db, "userid", identifier)
    if patron is None and not userid_only:
        patron = _patron_by(db, "cardnumber", identifier)
    if patron is None:
        return None
    if account_locked(db, patron):
        return None
    if verify_secret(password, patron["password_hash"]):
        db.execute(
            "UPDATE patrons SET login_attempts = 0 WHERE patron_id = ?", (patron["patron_id"],)
        )
        return patron
    db.execute(
        "UPDATE patrons SET login_attempts = login_attempts + 1 WHERE patron_id = ?",
        (patron["patron_id"],),
    )
    return None


def find_by_identifier(db: sqlite3.Connection, identifier: str | None) -> sqlite3.Row | None:
    """Koha's Patrons->find_by_identifier: the patron with this card number, else this login."""
    if not identifier:
        return None
    return _patron_by(db, "cardnumber", identifier) or _patron_by(db, "userid", identifier)


def _patron_by(db: sqlite3.Connection, column: str, value: str) -> sqlite3.Row | None:
    return db.execute(f"SELECT * FROM patrons WHERE {column} = ?", (value,)).fetchone()


def generate_userid(db: sqlite3.Connection, firstname: str | None, surname: str) -> str:
    """Koha's generate_userid: "firstname.surname", lower case, unaccented, without spaces; a
    number added until no other patron has it."""
    base = _unaccented(f"{firstname or ''}.{surname}".lower()).replace(" ", "").lstrip(".")
    offset = 0
    while True:
        userid = f"{base}{offset or ''}"
        if _patron_by(db, "userid", userid) is None:
            return userid
        offset += 1


def _unaccented(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def next_cardnumber(db: sqlite3.Connection) -> str:
    """Koha's autoMemberNum: one more than the highest all-digit card number."""
    rows = db.execute("SELECT cardnumber FROM patrons WHERE cardnumber IS NOT NULL").fetchall()
    numbers = [int(row[0]) for row in rows if row[0].isdigit()]
    return str(max(numbers, default=0) + 1)


def add_patron(db: sqlite3.Connection, fields: dict[str, Any], when: datetime) -> int:
    """Store a new patron as Koha::Patron->store does; returns its patron id."""
    values = {name: fields[name] for name in STORED_FIELDS if fields.get(name) is not None}
    for column, table, field in (
        ("library_id", "libraries", "library_id"),
        ("category_id", "patron_categories", "category_id"),
    ):
        found = db.execute(f"SELECT 1 FROM {table} WHERE {column} = ?", (values[field],))
        if found.fetchone() is None:
            raise UnknownReference(field)
    if "userid" not in values:
        values["userid"] = generate_userid(db, values.get("firstname"), values["surname"])
    if "cardnumber" not in values and preference(db, "autoMemberNum") == "1":
        values["cardnumber"] = next_cardnumber(db)
    for column in ("cardnumber", "userid"):
        if column in values and _patron_by(db, column, values[column]) is not None:
            raise DuplicateId(column)
    today = when.date()
    enrolled = date.fromisoformat(values.setdefault("date_enrolled", today.isoformat()))
    values.setdefault("expiry_date", (enrolled + ENROLMENT_PERIOD).isoformat())
    values["updated_on"] = to_api_datetime(when)
    columns = ", ".join(values)
    cursor = db.execute(
        f"INSERT INTO patrons ({columns}) VALUES ({', '.join('?' * len(values))})",
        list(values.values()),
    )
    return cursor.lastrowid
