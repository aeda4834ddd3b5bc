"""SQLite files that several processes open at once (gateway workers, the sandbox they share)."""

from __future__ import annotations

import sqlite3
import time

# SQLite answers "database is locked" at once, without its busy wait, to a connection switching
# a new file to WAL while another does the same (waiting could deadlock): take turns here.
RETRY_EVERY = 0.005  # seconds


def use_wal(db: sqlite3.Connection, timeout: float = 30.0) -> None:
    """Put the file behind ``db`` in WAL mode, waiting up to ``timeout`` seconds for other
    processes opening it at the same moment. Raises sqlite3.OperationalError if SQLite refuses."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            (mode,) = db.execute("PRAGMA journal_mode=WAL").fetchone()
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(RETRY_EVERY)
            continue
        if mode.lower() not in ("wal", "memory"):  # memory: an in-memory database
            raise sqlite3.OperationalError(f"SQLite refused WAL mode (got {mode!r})")
        return
