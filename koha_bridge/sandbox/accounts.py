"""Patron accounts: overdue fines as debits, payments as credits applied oldest debt first."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from koha_bridge.sandbox.clock import to_api_datetime


def outstanding_debt(db: sqlite3.Connection, patron_id: int) -> float:
    row = db.execute(
        "SELECT COALESCE(SUM(amount_outstanding), 0) AS owed FROM account_lines "
        "WHERE patron_id = ? AND debit_type IS NOT NULL",
        (patron_id,),
    ).fetchone()
    return round(row["owed"], 2)


def add_debit(
    db: sqlite3.Connection,
    *,
    patron_id: int,
    amount: float,
    debit_type: str,
    description: str,
    when: datetime,
    checkout_id: int | None = None,
    item_id: int | None = None,
    library_id: str | None = None,
    interface: str = "api",
) -> int:
    stamp = to_api_datetime(when)
    cursor = db.execute(
        """INSERT INTO account_lines (patron_id, checkout_id, item_id, date, amount,
           amount_outstanding, description, debit_type, status, library_id, interface, timestamp)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            patron_id,
            checkout_id,
            item_id,
            stamp,
            round(amount, 2),
            round(amount, 2),
            description,
            debit_type,
            "RETURNED" if debit_type == "OVERDUE" else None,
            library_id,
            interface,
            stamp,
        ),
    )
    return cursor.lastrowid


def pay(
    db: sqlite3.Connection,
    *,
    patron_id: int,
    amount: float,
    when: datetime,
    payment_type: str = "CASH",
    library_id: str | None = None,
    interface: str = "api",
) -> int:
    """Record a payment and apply it to the oldest outstanding debits; returns the credit's id."""
    if amount <= 0:
        raise ValueError("a payment must be a positive amount")
    stamp = to_api_datetime(when)
    remaining = round(amount, 2)
    debits = db.execute(
        "SELECT account_line_id, amount_outstanding FROM account_lines "
        "WHERE patron_id = ? AND debit_type IS NOT NULL AND amount_outstanding > 0 "
        "ORDER BY date, account_line_id",
        (patron_id,),
    ).fetchall()
    for debit in debits:
        if remaining <= 0:
            break
        applied = min(remaining, debit["amount_outstanding"])
        db.execute(
            "UPDATE account_lines SET amount_outstanding = ROUND(amount_outstanding - ?, 2), "
            "status = CASE WHEN ROUND(amount_outstanding - ?, 2) = 0 THEN 'PAID' ELSE status END, "
            "timestamp = ? WHERE account_line_id = ?",
            (applied, applied, stamp, debit["account_line_id"]),
        )
        remaining = round(remaining - applied, 2)
    cursor = db.execute(
        """INSERT INTO account_lines (patron_id, date, amount, amount_outstanding, description,
           credit_type, payment_type, library_id, interface, timestamp)
           VALUES (?, ?, ?, ?, ?, 'PAYMENT', ?, ?, ?, ?)""",
        (
            patron_id,
            stamp,
            -round(amount, 2),
            -remaining,
            "Payment",
            payment_type,
            library_id,
            interface,
            stamp,
        ),
    )
    return cursor.lastrowid


def balance(db: sqlite3.Connection, patron_id: int) -> float:
    """Debits less credits: negative when the patron is in credit."""
    row = db.execute(
        "SELECT COALESCE(SUM(amount_outstanding), 0) FROM account_lines WHERE patron_id = ?",
        (patron_id,),
    ).fetchone()
    return round(row[0], 2)


def overdue_owed(db: sqlite3.Connection, patron_id: int, item_id: int) -> float:
    """What the patron still owes in overdue fines for this item."""
    return db.execute(
        "SELECT COALESCE(SUM(amount_outstanding), 0) FROM account_lines WHERE "
        "patron_id = ? AND item_id = ? AND debit_type = 'OVERDUE' AND amount_outstanding > 0",
        (patron_id, item_id),
    ).fetchone()[0]


def line_exists(db: sqlite3.Connection, account_line_id: str) -> bool:
    """Whether an account line has this id, given as text (as a SIP2 fee identifier is)."""
    return bool(
        db.execute(
            "SELECT 1 FROM account_lines WHERE CAST(account_line_id AS TEXT) = ?",
            (account_line_id,),
        ).fetchone()
    )


def outstanding_lines(db: sqlite3.Connection, patron_id: int) -> list[sqlite3.Row]:
    """The patron's lines with something still owed, oldest first."""
    return db.execute(
        "SELECT * FROM account_lines WHERE patron_id = ? AND amount_outstanding > 0 "
        "ORDER BY account_line_id",
        (patron_id,),
    ).fetchall()
