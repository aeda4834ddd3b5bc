"""A consistent copy of the journal while the gateway goes on writing to it.

SQLite's online backup API copies the database inside one read transaction: in WAL mode the
gateway's writes carry on meanwhile, and the copy is the journal as it was at one instant, every
committed entry in it and no half-written one. The copy is written beside its destination and
renamed into place, so a backup that fails half-way never looks like a good one.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path


class JournalBackupError(Exception):
    """The journal could not be copied; the message says why."""


def destination_path(destination: Path, now: datetime) -> Path:
    """``destination`` itself, or ``journal-<date>-<time>.sqlite3`` inside it if it is a folder."""
    if destination.is_dir():
        return destination / f"journal-{now:%Y%m%d-%H%M%S}.sqlite3"
    return destination


@dataclass(frozen=True)
class JournalCopy:
    path: Path
    entries: int


def backup_journal(journal: Path, destination: Path, *, now: datetime | None = None) -> JournalCopy:
    """Copy the journal at ``journal`` to ``destination``: the file written, entries in it."""
    if not journal.is_file():
        raise JournalBackupError(f"there is no journal at {journal}")
    target = destination_path(destination, now or datetime.now(UTC))
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    # timeout: wait out the moment the gateway checkpoints its WAL
    with (
        closing(sqlite3.connect(f"file:{journal}?mode=ro", uri=True, timeout=30)) as source,
        closing(sqlite3.connect(partial)) as copy,
    ):
        source.backup(copy)  # one step: one read transaction, one instant
        checked = copy.execute("PRAGMA integrity_check").fetchone()[0]
        entries = (
            copy.execute("SELECT COUNT(*) FROM entries").fetchone()[0] if checked == "ok" else 0
        )
    if checked != "ok":
        partial.unlink(missing_ok=True)
        raise JournalBackupError(f"the copy of {journal} failed its integrity check: {checked}")
    partial.replace(target)
    return JournalCopy(target, entries)
