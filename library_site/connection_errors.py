"""Say in one line why the database could not be opened, without echoing its password."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.db.backends.signals import connection_created

# libpq: 'connection to server at "127.0.0.1", port 5432 failed: FATAL:  role "x" does not exist'
LIBPQ_FAILURE = re.compile(r"connection to server (?:at|on socket) .*? failed: (?:FATAL:\s+)?(.+)")


def track_connections() -> set[str]:
    """The aliases of the databases this process has connected to, filled in as it goes."""
    opened: set[str] = set()

    def note(sender: object, connection: Any, **kwargs: Any) -> None:
        opened.add(connection.alias)

    connection_created.connect(note, weak=False)
    return opened


def describe(error: Exception, database: dict[str, Any]) -> str:
    """Why Django could not connect to ``database`` (one of settings.DATABASES)."""
    if database["ENGINE"].endswith("sqlite3"):
        return _sqlite(error, Path(database["NAME"]))
    return _postgresql(error, database)


def _sqlite(error: Exception, path: Path) -> str:
    if not path.parent.is_dir():
        return f"cannot open the SQLite database {path}: the directory {path.parent} does not exist"
    return f"cannot open the SQLite database {path}: {error} (check the file's permissions)"


def _postgresql(error: Exception, database: dict[str, Any]) -> str:
    first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    match = LIBPQ_FAILURE.search(first_line)
    reason = (match.group(1) if match else first_line).strip()
    password = database.get("PASSWORD")
    if password:
        reason = reason.replace(password, "***")
    where = f"{database.get('HOST') or 'localhost'}:{database.get('PORT') or 5432}"
    return f"cannot connect to PostgreSQL at {where}: {reason}"
