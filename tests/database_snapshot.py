"""A copy of the test database taken once and put back after each transactional test.

Loading the demo takes half a minute, and every transactional test empties the database when it
ends; putting back a copy of what the load made takes well under a second. SQLite copies
with its backup API, PostgreSQL with COPY (binary) of every table and the sequences' values.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from django.core.cache import caches
from django.db import connection, transaction


@dataclass
class Snapshot:
    """What the database held when ``take`` ran; ``restore`` makes it hold that again."""

    sqlite: sqlite3.Connection | None = None
    tables: dict[str, bytes] = field(default_factory=dict)
    sequences: dict[str, int | None] = field(default_factory=dict)

    def restore(self) -> None:
        if self.sqlite is not None:
            self.sqlite.backup(_raw())
        else:
            _restore_postgresql(self)
        for cache in caches.all():
            cache.clear()  # caches remember pages and sites of the database just emptied


def take() -> Snapshot:
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        _raw().backup(copy)
        return Snapshot(sqlite=copy)
    if connection.vendor == "postgresql":
        return _take_postgresql()
    raise NotImplementedError(f"no snapshot for {connection.vendor}")


def _raw():
    connection.ensure_connection()
    return connection.connection


def _tables(cursor) -> list[str]:
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    return [row[0] for row in cursor.fetchall()]


def _take_postgresql() -> Snapshot:
    snapshot = Snapshot()
    with _raw().cursor() as cursor:
        for table in _tables(cursor):
            with cursor.copy(f'COPY "{table}" TO STDOUT (FORMAT binary)') as copy:
                snapshot.tables[table] = b"".join(bytes(chunk) for chunk in copy)
        cursor.execute(
            "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = current_schema()"
        )
        snapshot.sequences = dict(cursor.fetchall())
    return snapshot


def _restore_postgresql(snapshot: Snapshot) -> None:
    with transaction.atomic(), _raw().cursor() as cursor:
        # Django's foreign keys are deferred: rows may come back in any table order.
        names = ", ".join(f'"{table}"' for table in snapshot.tables)
        cursor.execute(f"TRUNCATE {names}")
        for table, data in snapshot.tables.items():
            with cursor.copy(f'COPY "{table}" FROM STDIN (FORMAT binary)') as copy:
                copy.write(data)
        for sequence, last_value in snapshot.sequences.items():
            if last_value is None:
                cursor.execute(f'ALTER SEQUENCE "{sequence}" RESTART')
            else:
                cursor.execute("SELECT setval(%s, %s, true)", [f'"{sequence}"', last_value])
