"""The answers devices got to their requests, kept for a while so that a repeat gets the first.

One small SQLite file of its own beside the journal (WAL, ``synchronous=NORMAL``): a commit
survives the process dying, not a power cut — a device that waited through a power cut is
answered afresh. A commit writes to the WAL and flushes nothing, and being apart from the
journal it never waits behind a journal entry's flush: tens of microseconds, so the event loop
makes them itself, with no thread hand-off on the path of every loan. The one step that flushes
to disk, copying the WAL back into the database (a checkpoint), is never done by a commit here:
``checkpoint`` does it on a connection of its own, from a worker thread.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from koha_bridge.sqlite_files import use_wal
from rfid_sip2.journal.store import request_from_json, write_transaction
from rfid_sip2.sip2.codec import CodecOptions, Decoded, decode, encode
from rfid_sip2.sip2.messages import Message
from rfid_sip2.writer_lock import WriterLock

SCHEMA = """
CREATE TABLE IF NOT EXISTS requests (
    key TEXT PRIMARY KEY,      -- one device request (gateway.repeats says how it is made)
    claimed_at REAL NOT NULL,  -- when it arrived, seconds since the epoch
    response TEXT,             -- its answer as on the wire ("null": a 96); NULL until answered
    owner TEXT                 -- "pid token" of the gateway process answering it
)"""
_STORED = CodecOptions(terminator=b"")


@dataclass(frozen=True)
class Claimed:
    """What became of a device request that arrived before."""

    answered: bool  # False: claimed and never answered, so it may have reached the ILS
    response: Message | None = None
    # Being answered by another gateway process (a worker) now: its answer is to come.
    elsewhere: bool = False


class AnsweredRequests:
    """Claims on devices' requests and the answers they got, by key.

    ``claim``, ``answer`` and ``forget`` are for one thread (the event loop's); ``checkpoint``
    for any other. Worker processes share the file: a claim names the process that made it,
    and another process's unanswered claim younger than ``patience`` seconds is one being
    answered (``Claimed.elsewhere``) unless that process is gone.
    """

    def __init__(self, path: str | os.PathLike[str], patience: float = 5.0) -> None:
        self.path = Path(path)
        self.patience = patience
        self.owner = f"{os.getpid()} {secrets.token_hex(8)}"  # a new one for each opening
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Opened where the gateway is built, used on the event loop's thread from then on.
        self._db = _connect(self.path)
        try:
            use_wal(self._db)
            self._db.execute("PRAGMA wal_autocheckpoint=0")  # checkpoint() does it, elsewhere
            self._db.execute(SCHEMA)
            columns = {row[1] for row in self._db.execute("PRAGMA table_info(requests)")}
            if "owner" not in columns:  # a file from a gateway before workers
                self._db.execute("ALTER TABLE requests ADD COLUMN owner TEXT")
        except BaseException:
            self._db.close()
            raise
        self._checkpointer = _connect(self.path)
        self._writers = WriterLock(self.path)  # shared with the other workers
        self._checkpointing = threading.Lock()

    def claim(self, key: str, at: float, since: float) -> Claimed | None:
        """Claim a request about to be answered, unless it arrived already ``since`` then:
        None for a new one, else what became of the first copy (a claim stays unanswered if
        the process dies while its request is answered)."""
        return self.claim_all([(key, at, since)])[0]

    def claim_all(self, claims: Iterable[tuple[str, float, float]]) -> list[Claimed | None]:
        """``claim`` for each (key, at, since), in one transaction."""
        found: list[Claimed | None] = []
        with self._writers, write_transaction(self._db) as db:
            for key, at, since in claims:
                row = db.execute(
                    "SELECT claimed_at, response, owner FROM requests WHERE key = ?", (key,)
                ).fetchone()
                if row is None or row[0] < since:
                    db.execute(
                        "INSERT OR REPLACE INTO requests (key, claimed_at, owner) VALUES (?, ?, ?)",
                        (key, at, self.owner),
                    )
                    found.append(None)
                elif row[1] is not None:
                    found.append(Claimed(True, _response(row[1])))
                elif row[2] != self.owner and row[0] > at - self.patience and _alive(row[2]):
                    found.append(Claimed(False, elsewhere=True))
                else:
                    # Its process died, or gave up on it: lost, and this process's from now.
                    db.execute("UPDATE requests SET owner = ? WHERE key = ?", (self.owner, key))
                    found.append(Claimed(False))
        return found

    def answer(self, answers: Iterable[tuple[str, Message | None]]) -> None:
        """The answers claimed requests got, by key (None: the gateway had none, sent 96)."""
        rows = [
            ("null" if response is None else _stored(response), key) for key, response in answers
        ]
        with self._writers, write_transaction(self._db) as db:
            db.executemany("UPDATE requests SET response = ? WHERE key = ?", rows)

    def forget(self, before: float) -> None:
        """Drop the requests claimed before ``before``."""
        with self._writers, write_transaction(self._db) as db:
            db.execute("DELETE FROM requests WHERE claimed_at < ?", (before,))

    def checkpoint(self) -> None:
        """Copy what the WAL holds into the database (flushing it to disk), so the WAL starts
        over; commits meanwhile go on, unhindered. Blocks: call it from a worker thread."""
        with self._checkpointing:
            self._checkpointer.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def close(self) -> None:
        with self._checkpointing:
            self._checkpointer.close()
        self._db.close()
        self._writers.close()

    def __enter__(self) -> AnsweredRequests:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _alive(owner: str | None) -> bool:
    """Whether the process an owner names runs (None: a claim from before owners)."""
    if not owner:
        return False
    try:
        os.kill(int(owner.split()[0]), 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it runs
        return True
    return True


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA synchronous=NORMAL")
    return db


def _stored(response: Message) -> str:
    """The answer as the device heard it: every type of answer, cheaper than JSON."""
    return encode(response, options=_STORED).decode("utf-8")


def _response(text: str | None) -> Message | None:
    if text in (None, "null"):
        return None
    if text.startswith("{"):  # stored as JSON by a gateway before this one
        return request_from_json(text)
    decoded = decode(text.encode("utf-8"), options=_STORED)
    if not isinstance(decoded, Decoded):
        raise ValueError(f"stored answer unreadable: {decoded}")
    return decoded.message
