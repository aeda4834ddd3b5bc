"""WAL checkpoints of the sandbox's database, off the request path.

SQLite checkpoints a WAL database in whichever connection's COMMIT passes 1,000 pages, and that
commit waits while the pages are copied and the file is synced: a few milliseconds that land on
one request in a hundred. The gateway's writer turns that off, and this thread copies what is
committed every half second instead (PASSIVE: it never holds a writer or a reader back).
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading

from koha_bridge.sandbox.store import Store

INTERVAL_SECONDS = 0.5


def stop_checkpointing_on_commit(db: sqlite3.Connection) -> None:
    """This connection's commits no longer checkpoint (a ``Checkpoints`` thread does)."""
    db.execute("PRAGMA wal_autocheckpoint = 0")


class Checkpoints:
    """A thread that checkpoints ``store`` every INTERVAL_SECONDS until ``close()``."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sandbox-checkpoints", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stopped.set()
        self._thread.join()

    def _run(self) -> None:
        try:
            while not self._stopped.wait(INTERVAL_SECONDS):
                # Busy while another process checkpoints: the next turn copies.
                with contextlib.suppress(sqlite3.OperationalError):
                    self._store.connection().execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        finally:
            self._store.close()  # this thread's connection
