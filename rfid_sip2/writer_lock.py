"""Processes writing one SQLite file take turns by an flock, not by SQLite's busy wait.

A write transaction that finds another process's under way gets SQLITE_BUSY, and SQLite's busy
handler sleeps 1, 2, 5, 10... ms before it tries again: for transactions that last a tenth of a
millisecond, gateway workers sharing a file would spend most of their time asleep. Blocked on
an flock instead, a writer wakes the moment the other lets go. Writers that do not take it
(another program) are still waited for by SQLite's busy timeout, and never wait on the flock
while holding SQLite's lock, so the two cannot deadlock.
"""

from __future__ import annotations

import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - the gateway runs on Linux
    fcntl = None  # type: ignore[assignment]


class WriterLock:
    """``with lock:`` around a write transaction on the database at ``path``."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self._path = None
        if fcntl is not None and str(path) != ":memory:":  # one process has it to itself
            self._path = Path(path).with_name(Path(path).name + ".writer-lock")
        self._fd: int | None = None

    def __enter__(self) -> WriterLock:
        if self._path is not None:
            if self._fd is None:  # opened on first use (again after ``close``)
                self._fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
            fcntl.flock(self._fd, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
