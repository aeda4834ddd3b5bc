"""Failed logins counted per source address across connections; too many lock it out.

A device that is refused can reconnect at once, so closing its connection after a few guesses
does not slow a password guesser down: counting by address does. Every device behind one NAT
address shares its count. The counts live in a small SQLite file (beside the journal), so that
the gateway's worker processes count together: a guesser's next connection may land on any.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable

from koha_bridge.sqlite_files import use_wal
from rfid_sip2.journal.store import write_transaction

SCHEMA = """
CREATE TABLE IF NOT EXISTS failed_logins (address TEXT NOT NULL, at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS failed_logins_by_address ON failed_logins (address, at);
CREATE TABLE IF NOT EXISTS lockouts (address TEXT PRIMARY KEY, until REAL NOT NULL);
"""


class Lockout:
    """``failures`` failed logins from one address within ``window`` seconds lock it out for
    ``duration`` seconds (0 failures: never); counted in the SQLite file ``path``."""

    def __init__(
        self,
        failures: int,
        window: float,
        duration: float,
        path: str | os.PathLike[str] = ":memory:",
        clock: Callable[[], float] = time.time,  # the same in every process
    ) -> None:
        self.failures, self.window, self.duration = failures, window, duration
        self.clock = clock
        # Logins are rare and these commits small (WAL, no flush): made on the event loop.
        # Opened where the gateway is built, used on its event loop thread from then on.
        self._db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        try:
            use_wal(self._db)
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(SCHEMA)
        except BaseException:
            self._db.close()
            raise

    def locked(self, address: str) -> bool:
        row = self._db.execute(
            "SELECT until FROM lockouts WHERE address = ?", (address,)
        ).fetchone()
        return row is not None and self.clock() < row[0]

    def failed(self, address: str) -> bool:
        """Count a failed login; True when this one locked the address out (log it then)."""
        if not self.failures:
            return False
        now = self.clock()
        with write_transaction(self._db) as db:
            # What no longer counts goes first, for every address: the file stays small.
            db.execute("DELETE FROM failed_logins WHERE at <= ?", (now - self.window,))
            db.execute("DELETE FROM lockouts WHERE until <= ?", (now,))
            if db.execute("SELECT 1 FROM lockouts WHERE address = ?", (address,)).fetchone():
                return False  # locked already (by another process, maybe): nothing new to log
            db.execute("INSERT INTO failed_logins (address, at) VALUES (?, ?)", (address, now))
            (count,) = db.execute(
                "SELECT count(*) FROM failed_logins WHERE address = ?", (address,)
            ).fetchone()
            if count < self.failures:
                return False
            db.execute("DELETE FROM failed_logins WHERE address = ?", (address,))
            db.execute(
                "INSERT INTO lockouts (address, until) VALUES (?, ?)",
                (address, now + self.duration),
            )
        return True

    def close(self) -> None:
        self._db.close()
