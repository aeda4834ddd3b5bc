"""The sandbox's SQLite database: schema, connections and transactions."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from koha_bridge.sqlite_files import use_wal

SCHEMA = """
CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS libraries (
    library_id TEXT PRIMARY KEY, name TEXT NOT NULL, address1 TEXT, city TEXT,
    postal_code TEXT, country TEXT, phone TEXT, email TEXT, url TEXT,
    pickup_location INTEGER NOT NULL DEFAULT 1, public INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS item_types (
    item_type_id TEXT PRIMARY KEY, description TEXT NOT NULL,
    not_for_loan INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS patron_categories (
    category_id TEXT PRIMARY KEY, description TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS circulation_rules (
    library_id TEXT NOT NULL DEFAULT '*', category_id TEXT NOT NULL DEFAULT '*',
    item_type_id TEXT NOT NULL DEFAULT '*', rule_name TEXT NOT NULL, rule_value TEXT NOT NULL,
    PRIMARY KEY (library_id, category_id, item_type_id, rule_name)
);
CREATE TABLE IF NOT EXISTS biblios (
    biblio_id INTEGER PRIMARY KEY, schema TEXT NOT NULL, marc BLOB NOT NULL,
    title TEXT, subtitle TEXT, author TEXT, isbn TEXT, issn TEXT, publisher TEXT,
    publication_year INTEGER, framework_id TEXT NOT NULL DEFAULT '',
    creation_date TEXT NOT NULL, timestamp TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS biblios_by_timestamp ON biblios (timestamp, biblio_id);
CREATE TABLE IF NOT EXISTS items (
    item_id INTEGER PRIMARY KEY,
    biblio_id INTEGER NOT NULL REFERENCES biblios (biblio_id) ON DELETE CASCADE,
    external_id TEXT UNIQUE, home_library_id TEXT REFERENCES libraries (library_id),
    holding_library_id TEXT REFERENCES libraries (library_id),
    item_type_id TEXT REFERENCES item_types (item_type_id), callnumber TEXT, location TEXT,
    not_for_loan_status INTEGER NOT NULL DEFAULT 0, lost_status INTEGER NOT NULL DEFAULT 0,
    withdrawn INTEGER NOT NULL DEFAULT 0, damaged_status INTEGER NOT NULL DEFAULT 0,
    restricted_status INTEGER, checked_out_date TEXT, last_seen_date TEXT,
    last_checkout_date TEXT, checkouts_count INTEGER NOT NULL DEFAULT 0,
    renewals_count INTEGER NOT NULL DEFAULT 0, acquisition_date TEXT,
    replacement_price REAL, public_notes TEXT, timestamp TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS items_by_biblio ON items (biblio_id);
CREATE TABLE IF NOT EXISTS patrons (
    patron_id INTEGER PRIMARY KEY, cardnumber TEXT UNIQUE, userid TEXT UNIQUE,
    password_hash TEXT, surname TEXT NOT NULL, firstname TEXT, email TEXT, phone TEXT,
    address TEXT, city TEXT, postal_code TEXT, country TEXT, date_of_birth TEXT,
    library_id TEXT NOT NULL REFERENCES libraries (library_id),
    category_id TEXT NOT NULL REFERENCES patron_categories (category_id),
    date_enrolled TEXT, expiry_date TEXT, patron_card_lost INTEGER NOT NULL DEFAULT 0,
    incorrect_address INTEGER NOT NULL DEFAULT 0, restricted_until TEXT,
    restriction_comment TEXT, lang TEXT NOT NULL DEFAULT 'default',
    login_attempts INTEGER NOT NULL DEFAULT 0, is_staff INTEGER NOT NULL DEFAULT 0,
    updated_on TEXT NOT NULL, privacy INTEGER NOT NULL DEFAULT 1, staff_notes TEXT
);
CREATE TABLE IF NOT EXISTS checkouts (
    checkout_id INTEGER PRIMARY KEY, patron_id INTEGER NOT NULL REFERENCES patrons (patron_id),
    item_id INTEGER NOT NULL UNIQUE REFERENCES items (item_id), library_id TEXT,
    issuer_id INTEGER, due_date TEXT NOT NULL, checkout_date TEXT NOT NULL,
    last_renewed_date TEXT, renewals_count INTEGER NOT NULL DEFAULT 0,
    unseen_renewals INTEGER NOT NULL DEFAULT 0, auto_renew INTEGER NOT NULL DEFAULT 0,
    onsite_checkout INTEGER NOT NULL DEFAULT 0, note TEXT, timestamp TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS checkouts_by_patron ON checkouts (patron_id);
CREATE TABLE IF NOT EXISTS old_checkouts (
    checkout_id INTEGER PRIMARY KEY, patron_id INTEGER, item_id INTEGER, library_id TEXT,
    issuer_id INTEGER, due_date TEXT NOT NULL, checkout_date TEXT NOT NULL,
    last_renewed_date TEXT, renewals_count INTEGER NOT NULL DEFAULT 0,
    unseen_renewals INTEGER NOT NULL DEFAULT 0, auto_renew INTEGER NOT NULL DEFAULT 0,
    onsite_checkout INTEGER NOT NULL DEFAULT 0, note TEXT, checkin_date TEXT,
    timestamp TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS old_checkouts_by_patron ON old_checkouts (patron_id);
CREATE TABLE IF NOT EXISTS holds (
    hold_id INTEGER PRIMARY KEY, patron_id INTEGER NOT NULL REFERENCES patrons (patron_id),
    biblio_id INTEGER NOT NULL REFERENCES biblios (biblio_id), item_id INTEGER,
    pickup_library_id TEXT NOT NULL REFERENCES libraries (library_id), hold_date TEXT NOT NULL,
    expiration_date TEXT, priority INTEGER NOT NULL, status TEXT, waiting_date TEXT,
    notes TEXT, suspended INTEGER NOT NULL DEFAULT 0, suspended_until TEXT,
    non_priority INTEGER NOT NULL DEFAULT 0, item_type TEXT,
    item_level INTEGER NOT NULL DEFAULT 0, timestamp TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS holds_by_biblio ON holds (biblio_id, priority);
CREATE TABLE IF NOT EXISTS old_holds (
    hold_id INTEGER PRIMARY KEY, patron_id INTEGER, biblio_id INTEGER, item_id INTEGER,
    pickup_library_id TEXT, hold_date TEXT, expiration_date TEXT, priority INTEGER,
    status TEXT, waiting_date TEXT, notes TEXT, cancellation_date TEXT,
    cancellation_reason TEXT, timestamp TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS transfers (
    transfer_id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES items (item_id),
    from_library_id TEXT NOT NULL, to_library_id TEXT NOT NULL, date_requested TEXT NOT NULL,
    date_sent TEXT, date_arrived TEXT, date_cancelled TEXT, reason TEXT NOT NULL,
    comments TEXT, cancellation_reason TEXT
);
CREATE INDEX IF NOT EXISTS transfers_by_item ON transfers (item_id);
CREATE TABLE IF NOT EXISTS account_lines (
    account_line_id INTEGER PRIMARY KEY, patron_id INTEGER NOT NULL REFERENCES patrons (patron_id),
    checkout_id INTEGER, item_id INTEGER, date TEXT NOT NULL, amount REAL NOT NULL,
    amount_outstanding REAL NOT NULL, description TEXT, debit_type TEXT, credit_type TEXT,
    payment_type TEXT, status TEXT, library_id TEXT, interface TEXT, timestamp TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS account_lines_by_patron ON account_lines (patron_id);
CREATE TABLE IF NOT EXISTS ratings (
    biblio_id INTEGER NOT NULL REFERENCES biblios (biblio_id) ON DELETE CASCADE,
    patron_id INTEGER NOT NULL REFERENCES patrons (patron_id), rating_value INTEGER NOT NULL,
    timestamp TEXT NOT NULL, PRIMARY KEY (biblio_id, patron_id)
);
CREATE TABLE IF NOT EXISTS suggestions (
    suggestion_id INTEGER PRIMARY KEY, suggested_by INTEGER REFERENCES patrons (patron_id),
    suggestion_date TEXT NOT NULL, managed_by INTEGER, managed_date TEXT, accepted_by INTEGER,
    accepted_date TEXT, rejected_by INTEGER, rejected_date TEXT, last_status_change_by INTEGER,
    last_status_change_date TEXT, status TEXT NOT NULL DEFAULT 'ASKED', note TEXT,
    staff_note TEXT, author TEXT, title TEXT, copyright_date INTEGER, publisher_code TEXT,
    timestamp TEXT NOT NULL, volume_desc TEXT, publication_year TEXT, publication_place TEXT,
    isbn TEXT, biblio_id INTEGER, reason TEXT, patron_reason TEXT, budget_id INTEGER,
    library_id TEXT, collection_title TEXT, item_type TEXT, quantity TEXT, currency TEXT,
    item_price REAL, total_price TEXT, archived INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS suggestions_by_patron ON suggestions (suggested_by);
CREATE TABLE IF NOT EXISTS api_clients (
    client_id TEXT PRIMARY KEY, secret_hash TEXT NOT NULL,
    patron_id INTEGER NOT NULL REFERENCES patrons (patron_id)
);
CREATE TABLE IF NOT EXISTS access_tokens (
    token TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES api_clients (client_id),
    expires_at TEXT NOT NULL
);
"""

# Columns added after the first sandboxes were made: (table, column, definition). A sandbox made
# before gets them when it is opened, so a demo's existing database keeps working.
ADDED_COLUMNS = (
    ("patrons", "privacy", "INTEGER NOT NULL DEFAULT 1"),
    ("patrons", "staff_notes", "TEXT"),
)


def _add_missing_columns(db: sqlite3.Connection) -> None:
    for table, column, definition in ADDED_COLUMNS:
        present = {row["name"] for row in db.execute(f"PRAGMA table_info({table})")}
        if column not in present:
            db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")


class Store:
    """One SQLite database shared by the threads of one process; a connection per thread."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._local = threading.local()
        # An in-memory database lives as long as one connection: share a single one, serialised.
        self._shared = None
        self._lock = threading.RLock()
        if self.path == ":memory:":
            self._shared = self._connect()
        with self.reading() as db:
            db.executescript(SCHEMA)  # its own transaction; every statement is idempotent
            _add_missing_columns(db)

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(
            self.path, timeout=30, isolation_level=None, check_same_thread=False
        )
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            use_wal(connection)
            connection.execute("PRAGMA synchronous = NORMAL")
        return connection

    def connection(self) -> sqlite3.Connection:
        if self._shared is not None:
            return self._shared
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._local.connection = self._connect()
        return connection

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any error; nests as one transaction."""
        with self._lock if self._shared is not None else nullcontext():
            db = self.connection()
            if db.in_transaction:
                yield db
                return
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock if self._shared is not None else nullcontext():
            yield self.connection()

    def ping(self) -> None:
        """Raises sqlite3.Error unless the database answers."""
        with self.reading() as db:
            db.execute("SELECT 1").fetchone()

    def setting(self, name: str, default: str = "") -> str:
        with self.reading() as db:
            row = db.execute("SELECT value FROM settings WHERE name = ?", (name,)).fetchone()
        return row["value"] if row else default

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None
