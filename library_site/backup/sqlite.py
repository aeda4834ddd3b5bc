"""SQLite, copied with its online backup API: consistent while the site goes on writing."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path


def copy(source: str | Path, destination: str | Path) -> None:
    """Copy the database at ``source`` over whatever ``destination`` holds."""
    with closing(sqlite3.connect(source)) as reading, closing(sqlite3.connect(destination)) as to:
        reading.backup(to)


def dump(settings: dict, path: Path) -> None:
    copy(settings["NAME"], path)


def restore(settings: dict, path: Path) -> None:
    copy(path, settings["NAME"])
