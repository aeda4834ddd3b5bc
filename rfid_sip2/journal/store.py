"""The offline journal: every transaction the gateway accepted while Koha was away, on SQLite.

An entry is committed (WAL, ``synchronous=FULL``: it survives a power cut) before ``record``
returns, so the gateway answers the device only once the transaction cannot be lost. Entries
keep the order they were accepted in (ascending ids) and move through these states::

    pending --mark_applying--> applying --mark_replayed--> replayed
       ^                          |  \\--mark_failed----> failed --mark_exported--> exported
       \\--mark_pending/unsent---/   \\--mark_held------> held
    pending --mark_exported--> exported    (only if it was never sent)
    pending --mark_replayed/failed/held--> (settled without sending: see replay)

``applying`` is committed before a request goes to Koha. An entry found ``applying`` (the
process died while waiting for Koha's answer), or ``pending`` with attempts (its answer was lost:
cut, reset, late), is *in doubt*: it may have reached Koha, and the replay settles it (by the
item's status, or its due date) before sending it again. The gateway records a transaction
already in doubt when Koha lost its answer online (``record(..., in_doubt=True)``).

``held`` is for the staff alone: a transaction Koha may or may not have applied that nothing
can settle (a payment, a hold), or one Koha may have applied while the device was told no. It is
never replayed and never exported: a person checks Koha and decides.

Passwords are never stored: AC, AD and CO are stripped from the request before it is written.
The journal is thread-safe (one connection behind a lock) and blocking: from asyncio, call it
through ``asyncio.to_thread``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from koha_bridge.sqlite_files import use_wal
from rfid_sip2.sip2.codec import encode
from rfid_sip2.sip2.fields import SECRET_FIELDS
from rfid_sip2.sip2.messages import MESSAGE_TYPES, Message
from rfid_sip2.upstreams.base import KINDS

try:  # POSIX: the replay lock is an flock, released by the OS when its holder dies.
    import fcntl
except ImportError:  # pragma: no cover - the gateway runs on Linux
    fcntl = None  # type: ignore[assignment]

SCHEMA_VERSION = 2


class State(StrEnum):
    PENDING = "pending"
    APPLYING = "applying"
    REPLAYED = "replayed"
    FAILED = "failed"
    EXPORTED = "exported"
    HELD = "held"


_ENTRIES = f"""
CREATE TABLE IF NOT EXISTS {{table}} (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- ascending = order of acceptance, never reused
    kind TEXT NOT NULL,                    -- checkout, checkin, renew, fee_paid...
    code TEXT NOT NULL,                    -- the SIP2 command code (11, 09, 29, 37...)
    request TEXT NOT NULL,                 -- JSON of the request's fields, secrets stripped
    wire BLOB NOT NULL,                    -- the same request as SIP2 bytes (UTF-8, no AY/AZ)
    patron_identifier TEXT,
    item_identifier TEXT,
    transaction_date TEXT NOT NULL,        -- ISO 8601; naive = local time (as SIP2 sends it)
    recorded_at TEXT NOT NULL,             -- ISO 8601, UTC
    account TEXT NOT NULL,                 -- the gateway account the device logged in with
    peer TEXT,                             -- the device's address
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ({", ".join(f"'{s}'" for s in State)})),
    attempts INTEGER NOT NULL DEFAULT 0,   -- times it was sent to the ILS
    outcome TEXT,                          -- last outcome: the ILS's answer or the reason
    answer TEXT,                           -- the ILS's last response as SIP2 text, if any
    updated_at TEXT NOT NULL,
    applied_at TEXT,                       -- replayed: when the ILS applied it, by its clock
    due_before TEXT                        -- a renewal: the item's due date before it was sent
)"""
SCHEMA = (
    _ENTRIES.format(table="entries"),
    "CREATE INDEX IF NOT EXISTS entries_state ON entries (state, id)",
    "CREATE INDEX IF NOT EXISTS entries_item ON entries (item_identifier, id)",
)
_V1_COLUMNS = (
    "id, kind, code, request, wire, patron_identifier, item_identifier, transaction_date, "
    "recorded_at, account, peer, state, attempts, outcome, answer, updated_at"
)
_COLUMNS = _V1_COLUMNS + ", applied_at, due_before"


class JournalError(Exception):
    """The journal cannot be opened or used as asked."""


class JournalStateError(JournalError, ValueError):
    """A state change the entry's current state does not allow."""


class ReplayInProgress(JournalError):
    """Another replay (in this process or another) holds the journal's replay lock."""


@dataclass(frozen=True)
class Entry:
    """One accepted transaction and where its replay stands."""

    id: int
    kind: str
    code: str
    request: Message  # as the device sent it, without passwords
    wire: bytes
    patron_identifier: str | None
    item_identifier: str | None
    transaction_date: datetime  # the device's date, or when it was recorded if it sent none
    recorded_at: datetime
    account: str
    peer: str | None
    state: State
    attempts: int
    outcome: str | None
    answer: str | None
    updated_at: datetime
    applied_at: datetime | None = None  # when the ILS applied it, by its clock (replayed only)
    due_before: str | None = None  # a renewal: the item's due date before it was sent

    @property
    def in_doubt(self) -> bool:
        """Sent at least once with no recorded answer: it may or may not have reached the ILS."""
        return self.state is State.APPLYING or (self.state is State.PENDING and self.attempts > 0)


# -- requests to and from storage -----------------------------------------------------------


def strip_secrets(message: Message) -> Message:
    """The message without terminal, patron or login passwords (AC, AD, CO), wherever they are."""
    changes: dict[str, Any] = {
        spec.name: None
        for spec in message.TAGGED
        if spec.code in SECRET_FIELDS and getattr(message, spec.name)
    }
    if any(code in SECRET_FIELDS for code, _ in message.extra_fields):
        changes["extra_fields"] = tuple(
            (code, value) for code, value in message.extra_fields if code not in SECRET_FIELDS
        )
    return dataclasses.replace(message, **changes) if changes else message


def _to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, tuple | list):
        return [_to_json(item) for item in value]
    return value


def _from_json(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"datetime"}:
        return datetime.fromisoformat(value["datetime"])
    if isinstance(value, list):
        return tuple(_from_json(item) for item in value)
    return value


def request_to_json(message: Message) -> str:
    """The message's fields as JSON: lossless (dates keep their zone, values are not cleaned)."""
    fields = {f.name: _to_json(getattr(message, f.name)) for f in dataclasses.fields(message)}
    return json.dumps({"code": message.CODE, "fields": fields}, ensure_ascii=False)


def request_from_json(text: str) -> Message:
    document = json.loads(text)
    cls = MESSAGE_TYPES[document["code"]]
    known = {f.name for f in dataclasses.fields(cls)}
    values = {name: _from_json(v) for name, v in document["fields"].items() if name in known}
    return cls(**values)


@contextlib.contextmanager
def write_transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction on an autocommit connection: committed when the block ends
    without error, rolled back otherwise."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _iso(moment: datetime) -> str:
    return moment.isoformat()


def _utc_now() -> datetime:
    return datetime.now(UTC)


# -- the journal ----------------------------------------------------------------------------


class Journal:
    """The durable, ordered list of accepted transactions, in one SQLite file."""

    def __init__(self, path: str | os.PathLike[str], *, clock: Callable[[], datetime] = _utc_now):
        self.path = Path(path)
        self._clock = clock
        self._lock = threading.RLock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # One connection shared by all threads, used only under the lock; autocommit mode, so
        # every write is an explicit BEGIN IMMEDIATE ... COMMIT. The timeout waits for writers
        # in other processes (the CLI while the gateway runs).
        self._db = sqlite3.connect(
            self.path, timeout=30, isolation_level=None, check_same_thread=False
        )
        try:
            try:
                use_wal(self._db)
            except sqlite3.OperationalError as error:
                raise JournalError(f"{self.path}: {error}") from error
            self._db.execute("PRAGMA synchronous=FULL")
            self._migrate()
        except BaseException:
            self._db.close()
            raise

    def _migrate(self) -> None:
        with self._write() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise JournalError(
                    f"{self.path}: journal schema {version} is newer than this program's "
                    f"({SCHEMA_VERSION})"
                )
            if version == 1:
                _upgrade_from_1(db)
            for statement in SCHEMA:
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, committed (and synced) when the block ends without error."""
        with self._lock, write_transaction(self._db) as db:
            yield db

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- writing --------------------------------------------------------------------------

    def record(
        self, request: Message, *, account: str, peer: str | None = None, in_doubt: bool = False
    ) -> Entry:
        """Write an accepted transaction; it is committed to disk when this returns.

        ``in_doubt``: it was sent to the ILS already and its answer was lost, so the ILS may
        have applied it. It is written with that attempt counted, and the replay settles it
        before anything is sent again.
        """
        if in_doubt:
            return self._insert(
                request, account, peer, State.PENDING, 1, "in doubt: sent, the answer was lost"
            )
        return self._insert(request, account, peer, State.PENDING, 0, None)

    def record_held(
        self, request: Message, reason: str, *, account: str, peer: str | None = None
    ) -> Entry:
        """Write a transaction sent to the ILS, which may have applied it, for the staff alone:
        never replayed, never exported (see ``State.HELD``)."""
        return self._insert(request, account, peer, State.HELD, 1, reason)

    def _insert(
        self,
        request: Message,
        account: str,
        peer: str | None,
        state: State,
        attempts: int,
        outcome: str | None,
    ) -> Entry:
        kind = KINDS.get(request.CODE)
        if kind is None:
            raise ValueError(
                f"{type(request).__name__} ({request.CODE}) is not a transaction to journal"
            )
        stored = strip_secrets(request)
        now = self._clock()
        when = getattr(stored, "transaction_date", None) or now
        wire = encode(stored).rstrip(b"\r")
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO entries (kind, code, request, wire, patron_identifier, "
                "item_identifier, transaction_date, recorded_at, account, peer, state, "
                "attempts, outcome, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    kind,
                    stored.CODE,
                    request_to_json(stored),
                    wire,
                    getattr(stored, "patron_identifier", None) or None,
                    getattr(stored, "item_identifier", None) or None,
                    _iso(when),
                    _iso(now),
                    account,
                    peer,
                    state.value,
                    attempts,
                    outcome,
                    _iso(now),
                ),
            )
            entry_id = cursor.lastrowid
        return self.get(entry_id)

    def _move(
        self,
        entry_id: int,
        allowed: Iterable[State],
        target: State,
        *,
        outcome: str | None,
        answer: str | None = None,
        attempts: int = 0,
        applied_at: datetime | None = None,
    ) -> None:
        allowed = tuple(allowed)
        marks = ", ".join("?" for _ in allowed)
        with self._write() as db:
            cursor = db.execute(
                f"UPDATE entries SET state = ?, attempts = attempts + ?, "
                f"outcome = COALESCE(?, outcome), answer = COALESCE(?, answer), "
                f"applied_at = COALESCE(?, applied_at), updated_at = ? "
                f"WHERE id = ? AND state IN ({marks})",
                (
                    target.value,
                    attempts,
                    outcome,
                    answer,
                    _iso(applied_at) if applied_at is not None else None,
                    _iso(self._clock()),
                    entry_id,
                    *(s.value for s in allowed),
                ),
            )
            if cursor.rowcount != 1:
                row = db.execute("SELECT state FROM entries WHERE id = ?", (entry_id,)).fetchone()
                if row is None:
                    raise JournalStateError(f"no journal entry {entry_id}")
                raise JournalStateError(
                    f"entry {entry_id} is {row[0]}: it cannot become {target.value}"
                )

    def mark_applying(self, entry_id: int) -> None:
        """About to send the entry to the ILS: committed first, and counted as an attempt."""
        self._move(
            entry_id, (State.PENDING, State.APPLYING), State.APPLYING, outcome=None, attempts=1
        )

    def mark_replayed(
        self,
        entry_id: int,
        outcome: str,
        *,
        answer: str | None = None,
        applied_at: datetime | None = None,
    ) -> None:
        """The ILS applied it (or its item status shows it had), by ``applied_at`` at the latest
        (the ILS's clock, as its answer gives it)."""
        self._move(
            entry_id,
            (State.PENDING, State.APPLYING),
            State.REPLAYED,
            outcome=outcome,
            answer=answer,
            applied_at=applied_at,
        )

    def mark_failed(self, entry_id: int, reason: str, *, answer: str | None = None) -> None:
        """The ILS refused it, or it cannot be replayed safely: left for the staff."""
        self._move(
            entry_id, (State.PENDING, State.APPLYING), State.FAILED, outcome=reason, answer=answer
        )

    def mark_held(self, entry_id: int, reason: str) -> None:
        """The ILS may have applied it and nothing can tell: kept for the staff alone."""
        self._move(entry_id, (State.PENDING, State.APPLYING), State.HELD, outcome=reason)

    def mark_pending(self, entry_id: int, reason: str) -> None:
        """Back to pending after its answer was lost (it stays in doubt: attempts > 0)."""
        self._move(entry_id, (State.APPLYING,), State.PENDING, outcome=reason)

    def mark_unsent(self, entry_id: int, reason: str) -> None:
        """Back to pending: the ILS could not be reached, so the request never left and this
        attempt does not count."""
        self._move(entry_id, (State.APPLYING,), State.PENDING, outcome=reason, attempts=-1)

    def note_due_before(self, entry_id: int, due: str | None) -> None:
        """A renewal about to be sent: the item's due date now, to settle it by if its answer
        is lost (renewed = the due date moved)."""
        with self._write() as db:
            db.execute("UPDATE entries SET due_before = ? WHERE id = ?", (due, entry_id))

    def mark_exported(self, entry_ids: Iterable[int]) -> int:
        """Written to a .koc file for Koha's offline circulation upload; all or none change.

        Failed entries, and pending entries that were never sent, may be exported; an entry in
        doubt may not (a replay has to settle it first, or Koha could get it twice).
        """
        ids = list(dict.fromkeys(entry_ids))
        now = _iso(self._clock())
        with self._write() as db:
            for entry_id in ids:
                row = db.execute(
                    "SELECT state, attempts FROM entries WHERE id = ?", (entry_id,)
                ).fetchone()
                if row is None:
                    raise JournalStateError(f"no journal entry {entry_id}")
                state, attempts = State(row[0]), row[1]
                if state is State.FAILED or (state is State.PENDING and attempts == 0):
                    db.execute(
                        "UPDATE entries SET state = ?, updated_at = ? WHERE id = ?",
                        (State.EXPORTED.value, now, entry_id),
                    )
                elif state is State.PENDING or state is State.APPLYING:
                    raise JournalStateError(
                        f"entry {entry_id} is in doubt (sent without a recorded answer): "
                        "replay it before exporting"
                    )
                else:
                    raise JournalStateError(f"entry {entry_id} is {state.value}: not exportable")
        return len(ids)

    # -- reading --------------------------------------------------------------------------

    def _select(self, where: str = "", params: tuple = (), limit: int | None = None) -> list[Entry]:
        sql = f"SELECT {_COLUMNS} FROM entries {where} ORDER BY id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with self._lock:
            rows = self._db.execute(sql, params).fetchall()
        return [_entry(row) for row in rows]

    def get(self, entry_id: int) -> Entry:
        found = self._select("WHERE id = ?", (entry_id,))
        if not found:
            raise KeyError(entry_id)
        return found[0]

    def pending(self, *, after: int = 0, limit: int | None = None) -> list[Entry]:
        """What is left to replay, in order: pending and applying (``in_doubt`` says which)."""
        return self._select(
            "WHERE state IN (?, ?) AND id > ?",
            (State.PENDING.value, State.APPLYING.value, after),
            limit,
        )

    def has_pending(self) -> bool:
        """Whether anything is left to replay (pending or applying)."""
        with self._lock:
            row = self._db.execute(
                "SELECT EXISTS (SELECT 1 FROM entries WHERE state IN (?, ?))",
                (State.PENDING.value, State.APPLYING.value),
            ).fetchone()
        return bool(row[0])

    def backlog(self) -> tuple[int, datetime | None]:
        """How many entries are left to replay, and when the oldest of them was recorded."""
        with self._lock:
            count, oldest = self._db.execute(
                "SELECT COUNT(*), MIN(recorded_at) FROM entries WHERE state IN (?, ?)",
                (State.PENDING.value, State.APPLYING.value),
            ).fetchone()
        return count, datetime.fromisoformat(oldest) if oldest else None

    def loan_made_at(self, item: str, before: int) -> datetime | None:
        """When the loan that a return of ``item`` (entry ``before``) closes was made in the
        ILS, if a replayed checkout made it; None for a loan from before the outage."""
        with self._lock:
            row = self._db.execute(
                "SELECT kind, applied_at FROM entries WHERE item_identifier = ? AND id < ? "
                "AND state = ? AND kind IN ('checkout', 'checkin') ORDER BY id DESC LIMIT 1",
                (item, before, State.REPLAYED.value),
            ).fetchone()
        if row is None or row[0] != "checkout" or row[1] is None:
            return None
        return datetime.fromisoformat(row[1])

    def entries(self, state: State | str | None = None, *, limit: int | None = None) -> list[Entry]:
        if state is None:
            return self._select(limit=limit)
        return self._select("WHERE state = ?", (State(state).value,), limit)

    def counts(self) -> dict[State, int]:
        """How many entries are in each state (every state listed, zeros included)."""
        with self._lock:
            rows = self._db.execute("SELECT state, COUNT(*) FROM entries GROUP BY state")
            found = dict(rows.fetchall())
        return {state: found.get(state.value, 0) for state in State}

    # -- one replay at a time -------------------------------------------------------------

    @contextlib.contextmanager
    def replay_lock(self) -> Iterator[None]:
        """Held for a whole replay, so two replays never send the same entry.

        An flock on ``<journal>.replay-lock``: it is per open file, so it also excludes a second
        replay in the same process, and the OS releases it when the holder dies.
        """
        lock_path = self.path.with_name(self.path.name + ".replay-lock")
        with open(lock_path, "a+b") as handle:
            if fcntl is not None:
                try:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    raise ReplayInProgress(f"{self.path}: another replay is running") from None
            try:
                yield
            finally:
                if fcntl is not None:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _entry(row: tuple) -> Entry:
    (
        entry_id,
        kind,
        code,
        request,
        wire,
        patron,
        item,
        transaction_date,
        recorded_at,
        account,
        peer,
        state,
        attempts,
        outcome,
        answer,
        updated_at,
        applied_at,
        due_before,
    ) = row
    return Entry(
        id=entry_id,
        kind=kind,
        code=code,
        request=request_from_json(request),
        wire=bytes(wire),
        patron_identifier=patron,
        item_identifier=item,
        transaction_date=datetime.fromisoformat(transaction_date),
        recorded_at=datetime.fromisoformat(recorded_at),
        account=account,
        peer=peer,
        state=State(state),
        attempts=attempts,
        outcome=outcome,
        answer=answer,
        updated_at=datetime.fromisoformat(updated_at),
        applied_at=datetime.fromisoformat(applied_at) if applied_at else None,
        due_before=due_before,
    )


def _upgrade_from_1(db: sqlite3.Connection) -> None:
    """Schema 1 to 2: the held state (SQLite cannot change a CHECK in place, so the table is
    rebuilt, ids and their sequence kept), applied_at and due_before."""
    sequence = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'entries'").fetchone()
    db.execute(_ENTRIES.format(table="entries_v2"))
    db.execute(f"INSERT INTO entries_v2 ({_V1_COLUMNS}) SELECT {_V1_COLUMNS} FROM entries")
    db.execute("DROP TABLE entries")
    db.execute("ALTER TABLE entries_v2 RENAME TO entries")
    if sequence is not None:
        db.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'entries'", sequence)
    # Replayed before this version: the moment it was marked is the best known (UTC, ours).
    db.execute("UPDATE entries SET applied_at = updated_at WHERE state = 'replayed'")
