"""SQLite, copied with its online backup API over Django's own connection: consistent while the
site goes on writing, and the same for a file or an in-memory database."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from django.db.backends.base.base import BaseDatabaseWrapper


def dump(connection: BaseDatabaseWrapper, path: Path) -> None:
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as copy:
        connection.connection.backup(copy)


def restore(connection: BaseDatabaseWrapper, path: Path) -> None:
    """Every page of the database replaced by the backup's."""
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as backup:
        backup.backup(connection.connection)
