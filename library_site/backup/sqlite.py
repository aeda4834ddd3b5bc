"""SQLite, copied with its online backup API over Django's own connection: consistent while the
site goes on writing, and the same for a file or an in-memory database."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from django.core.management.base import CommandError
from django.db.backends.base.base import BaseDatabaseWrapper


def dump(connection: BaseDatabaseWrapper, path: Path) -> None:
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as copy:
        connection.connection.backup(copy)


def restore(connection: BaseDatabaseWrapper, path: Path) -> None:
    """Every page of the database replaced by the backup's, once the backup is found whole."""
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as backup:
        try:
            [verdict] = backup.execute("PRAGMA quick_check(1)").fetchone()
        except sqlite3.DatabaseError as error:
            verdict = str(error)
        if verdict != "ok":
            raise CommandError(f"the backup's database is damaged ({verdict}); nothing was changed")
        backup.backup(connection.connection)
