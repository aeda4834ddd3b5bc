"""The journal's storage: durable, ordered, complete under concurrency, and free of secrets."""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from datetime import UTC, datetime

import pytest

from rfid_sip2.journal.store import (
    Entry,
    Journal,
    JournalStateError,
    State,
    request_from_json,
    request_to_json,
    strip_secrets,
)
from rfid_sip2.sip2.codec import decode
from rfid_sip2.sip2.messages import ItemInformationRequest, LoginRequest
from tests.rfid_sip2.journal.fakes import checkin, checkout, fee_paid, renew

WHEN = datetime(2024, 3, 1, 10, 15, 0)


def test_record_returns_a_pending_entry_with_the_request_and_its_identifiers(journal: Journal):
    request = checkout("P100", "B200", WHEN, nb_due_date=datetime(2024, 3, 15, 23, 59))

    entry = journal.record(request, account="selfcheck-1", peer="10.0.0.7:50123")

    assert entry.id == 1
    assert entry.kind == "checkout"
    assert entry.code == "11"
    assert entry.state is State.PENDING
    assert entry.attempts == 0
    assert entry.outcome is None
    assert (entry.patron_identifier, entry.item_identifier) == ("P100", "B200")
    assert entry.transaction_date == WHEN
    assert (entry.account, entry.peer) == ("selfcheck-1", "10.0.0.7:50123")
    assert entry.request == strip_secrets(request)
    assert entry.recorded_at.tzinfo is not None
    assert not entry.in_doubt


def test_a_recorded_entry_is_on_disk_before_record_returns(journal: Journal, journal_path):
    journal.record(checkin("B200", WHEN), account="selfcheck-1", peer="10.0.0.7:50123")

    other = sqlite3.connect(journal_path)
    try:
        rows = other.execute("SELECT id, kind, item_identifier, state FROM entries").fetchall()
        mode = other.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        other.close()
    assert rows == [(1, "checkin", "B200", "pending")]
    assert mode == "wal"


def test_commits_are_synced_fully(journal: Journal):
    # FULL = 2: the WAL is synced at every commit, so a committed entry survives a power cut.
    assert journal._db.execute("PRAGMA synchronous").fetchone()[0] == 2


def test_entries_survive_reopening_the_journal(journal_path):
    with Journal(journal_path) as first:
        first.record(checkout("P1", "B1", WHEN), account="a", peer=None)
    with Journal(journal_path) as second:
        (entry,) = second.entries()
    assert (entry.kind, entry.item_identifier, entry.state) == ("checkout", "B1", State.PENDING)


def test_entries_keep_the_order_they_were_accepted_in(journal: Journal):
    requests = [
        checkout("P1", "B1", WHEN),
        checkin("B9", datetime(2024, 2, 1, 9, 0)),  # an older date does not jump the queue
        renew("P1", "B1", WHEN),
        fee_paid("P1", "2.50", WHEN),
    ]
    for request in requests:
        journal.record(request, account="a", peer=None)

    kinds = [entry.kind for entry in journal.pending()]
    ids = [entry.id for entry in journal.entries()]

    assert kinds == ["checkout", "checkin", "renew", "fee_paid"]
    assert ids == sorted(ids) == [1, 2, 3, 4]


def test_passwords_and_pins_are_never_stored(journal: Journal, journal_path):
    pin, terminal_password, login_password = "PIN-90210-X", "TERMPW-4417-Y", "LOGINPW-7730-Z"
    journal.record(
        checkout(
            "P1",
            "B1",
            WHEN,
            terminal_password=terminal_password,
            patron_password=pin,
            extra_fields=(("CO", login_password), ("ZZ", "kept")),
        ),
        account="a",
        peer=None,
    )
    journal.record(
        fee_paid("P1", "2.50", WHEN, terminal_password=terminal_password, patron_password=pin),
        account="a",
        peer=None,
    )
    journal.record(renew("P1", "B1", WHEN, patron_password=pin), account="a", peer=None)

    stored = b"".join(path.read_bytes() for path in journal_path.parent.iterdir() if path.is_file())
    for secret in (pin, terminal_password, login_password):
        assert secret.encode() not in stored
    entry = journal.entries()[0]
    assert entry.request.patron_password is None
    assert entry.request.terminal_password is None
    assert entry.request.extra_fields == (("ZZ", "kept"),)
    assert b"AD" not in entry.wire


def test_the_stored_request_rebuilds_exactly(journal: Journal):
    request = checkout(
        "P1",
        "B|1",  # a delimiter the wire form would have to clean: the JSON keeps it
        datetime(2024, 3, 1, 9, 15, tzinfo=UTC),
        nb_due_date=datetime(2024, 3, 15, 23, 59),
        sc_renewal_policy=True,
        fee_acknowledged=True,
        extra_fields=(("XY", "vendor field"),),
    )
    entry = journal.record(request, account="a", peer=None)

    assert journal.get(entry.id).request == request
    assert request_from_json(request_to_json(request)) == request


def test_the_stored_wire_form_decodes_to_the_same_request(journal: Journal):
    request = checkout("P1", "B1", WHEN, nb_due_date=datetime(2024, 3, 15, 23, 59))
    entry = journal.record(request, account="a", peer=None)

    assert entry.wire.startswith(b"11NN20240301    101500")
    decoded = decode(entry.wire)
    # AC is required on the wire, so the stripped password comes back empty rather than absent.
    assert decoded.message == dataclasses.replace(entry.request, terminal_password="")


def test_a_request_without_a_date_takes_the_time_it_was_recorded(journal_path):
    moment = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)
    with Journal(journal_path, clock=lambda: moment) as journal:
        entry = journal.record(checkin("B1", None), account="a", peer=None)
    assert entry.transaction_date == moment
    assert entry.recorded_at == moment


def test_only_transactions_are_journaled(journal: Journal):
    with pytest.raises(ValueError, match="not a transaction"):
        journal.record(LoginRequest(login_user_id="u", login_password="p"), account="a")
    with pytest.raises(ValueError, match="not a transaction"):
        journal.record(ItemInformationRequest(item_identifier="B1"), account="a")
    assert journal.entries() == []


def test_counts_and_listing_by_state(journal: Journal):
    for item in ("B1", "B2", "B3", "B4"):
        journal.record(checkin(item, WHEN), account="a", peer=None)
    journal.mark_applying(1)
    journal.mark_replayed(1, "applied")
    journal.mark_applying(2)
    journal.mark_failed(2, "Item not checked out")
    journal.mark_applying(3)

    counts = journal.counts()

    assert counts == {
        State.PENDING: 1,
        State.APPLYING: 1,
        State.REPLAYED: 1,
        State.FAILED: 1,
        State.EXPORTED: 0,
        State.HELD: 0,
    }
    assert [e.id for e in journal.entries(State.FAILED)] == [2]
    assert [e.id for e in journal.entries("replayed")] == [1]
    assert [(e.id, e.in_doubt) for e in journal.pending()] == [(3, True), (4, False)]
    assert journal.has_pending()
    assert journal.get(2).outcome == "Item not checked out"


def test_an_entry_moves_only_along_its_life(journal: Journal):
    entry = journal.record(checkout("P1", "B1", WHEN), account="a", peer=None)

    journal.mark_applying(entry.id)
    journal.mark_pending(entry.id, "upstream unavailable: reset")
    in_doubt = journal.get(entry.id)
    journal.mark_applying(entry.id)
    journal.mark_replayed(entry.id, "applied, due 20240315")
    done = journal.get(entry.id)

    assert (in_doubt.state, in_doubt.attempts, in_doubt.in_doubt) == (State.PENDING, 1, True)
    assert (done.state, done.attempts, done.outcome) == (
        State.REPLAYED,
        2,
        "applied, due 20240315",
    )
    with pytest.raises(JournalStateError, match="is replayed"):
        journal.mark_applying(entry.id)
    with pytest.raises(JournalStateError, match="is replayed"):
        journal.mark_exported([entry.id])
    with pytest.raises(JournalStateError, match="no journal entry 99"):
        journal.mark_failed(99, "nothing")
    assert not journal.has_pending()


def test_export_marks_failed_and_never_sent_entries_but_not_those_in_doubt(journal: Journal):
    for item in ("B1", "B2", "B3"):
        journal.record(checkin(item, WHEN), account="a", peer=None)
    journal.mark_applying(1)
    journal.mark_failed(1, "refused")
    journal.mark_applying(3)  # in doubt

    with pytest.raises(JournalStateError, match="in doubt"):
        journal.mark_exported([1, 3])
    assert journal.get(1).state is State.FAILED  # all or nothing

    assert journal.mark_exported([1, 2]) == 2
    assert [e.state for e in journal.entries()] == [State.EXPORTED, State.EXPORTED, State.APPLYING]


def test_concurrent_records_from_threads_keep_every_entry(journal_path):
    threads_per_journal, records_per_thread = 4, 12
    journals = [Journal(journal_path), Journal(journal_path)]  # two connections, one file
    recorded: dict[str, list[Entry]] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(len(journals) * threads_per_journal)

    def work(journal: Journal, name: str) -> None:
        try:
            start.wait()
            recorded[name] = [
                journal.record(checkin(f"{name}-{n}", WHEN), account=name, peer=None)
                for n in range(records_per_thread)
            ]
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    workers = [
        threading.Thread(target=work, args=(journal, f"t{j}{t}"))
        for j, journal in enumerate(journals)
        for t in range(threads_per_journal)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    for journal in journals:
        journal.close()

    assert errors == []
    with Journal(journal_path) as reopened:
        stored = reopened.entries()
    total = len(journals) * threads_per_journal * records_per_thread
    assert len(stored) == total
    assert len({e.id for e in stored}) == total
    assert {e.item_identifier for e in stored} == {
        e.item_identifier for entries in recorded.values() for e in entries
    }
    for name, entries in recorded.items():  # each thread's entries in its own order
        ids = [e.id for e in entries]
        assert ids == sorted(ids)
        assert [e.item_identifier for e in entries] == [
            f"{name}-{n}" for n in range(records_per_thread)
        ]


# -- in doubt and held ----------------------------------------------------------------------


def test_a_transaction_whose_answer_was_lost_is_recorded_in_doubt(journal: Journal):
    entry = journal.record(checkout("P1", "B1", WHEN), account="a", peer=None, in_doubt=True)

    assert (entry.state, entry.attempts, entry.in_doubt) == (State.PENDING, 1, True)
    assert [e.id for e in journal.pending()] == [entry.id]
    with pytest.raises(JournalStateError, match="in doubt"):
        journal.mark_exported([entry.id])


def test_a_held_transaction_is_neither_replayed_nor_exported(journal: Journal):
    entry = journal.record_held(
        fee_paid("P1", "2.50", WHEN), "the device was told no", account="a", peer=None
    )

    assert (entry.state, entry.outcome) == (State.HELD, "the device was told no")
    assert journal.pending() == [] and not journal.has_pending()
    with pytest.raises(JournalStateError, match="is held"):
        journal.mark_exported([entry.id])
    with pytest.raises(JournalStateError, match="is held"):
        journal.mark_applying(entry.id)


def test_a_request_that_never_left_does_not_count_as_an_attempt(journal: Journal):
    entry = journal.record(checkin("B1", WHEN), account="a", peer=None)
    journal.mark_applying(entry.id)

    journal.mark_unsent(entry.id, "upstream unavailable: connection refused")

    again = journal.get(entry.id)
    assert (again.state, again.attempts, again.in_doubt) == (State.PENDING, 0, False)


def test_the_loan_a_return_closes_is_known_when_a_replayed_checkout_made_it(journal: Journal):
    made = datetime(2024, 3, 2, 9, 0, 3)
    journal.record(checkout("P1", "B1", WHEN), account="a", peer=None)
    journal.record(checkin("B2", WHEN), account="a", peer=None)
    journal.record(checkin("B1", WHEN), account="a", peer=None)
    journal.record(checkin("B1", WHEN), account="a", peer=None)
    for entry_id in (1, 2, 3):
        journal.mark_applying(entry_id)
        journal.mark_replayed(entry_id, "applied", applied_at=made)

    assert journal.loan_made_at("B1", before=3) == made
    assert journal.loan_made_at("B1", before=4) is None  # entry 3 returned that loan
    assert journal.loan_made_at("B2", before=2) is None  # lent before the outage


# -- schema 1, as released, opens as schema 2 -----------------------------------------------

SCHEMA_1 = """
CREATE TABLE entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, code TEXT NOT NULL,
    request TEXT NOT NULL, wire BLOB NOT NULL, patron_identifier TEXT, item_identifier TEXT,
    transaction_date TEXT NOT NULL, recorded_at TEXT NOT NULL, account TEXT NOT NULL, peer TEXT,
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'applying', 'replayed', 'failed', 'exported')),
    attempts INTEGER NOT NULL DEFAULT 0, outcome TEXT, answer TEXT, updated_at TEXT NOT NULL
);
CREATE INDEX entries_state ON entries (state, id);
PRAGMA user_version = 1;
"""


def test_a_journal_of_schema_1_keeps_its_entries_and_their_numbering(journal_path):
    request = checkout("P1", "B1", WHEN)
    with sqlite3.connect(journal_path) as db:
        db.executescript(SCHEMA_1)
        for entry_id, state in ((1, "replayed"), (2, "pending"), (3, "failed")):
            db.execute(
                "INSERT INTO entries (id, kind, code, request, wire, item_identifier, "
                "transaction_date, recorded_at, account, state, updated_at) "
                "VALUES (?, 'checkout', '11', ?, x'00', 'B1', ?, ?, 'a', ?, ?)",
                (
                    entry_id,
                    request_to_json(request),
                    WHEN.isoformat(),
                    "2024-03-01T10:15:00+00:00",
                    state,
                    "2024-03-02T09:00:00+00:00",
                ),
            )
        db.execute("DELETE FROM entries WHERE id = 3")  # ids are never reused

    with Journal(journal_path) as journal:
        kept = [(e.id, e.state, e.request) for e in journal.entries()]
        replayed = journal.get(1)
        added = journal.record(checkin("B1", WHEN), account="a", peer=None)
        journal.mark_held(2, "for the staff")
        version = journal._db.execute("PRAGMA user_version").fetchone()[0]

    assert kept == [(1, State.REPLAYED, request), (2, State.PENDING, request)]
    assert replayed.applied_at == datetime(2024, 3, 2, 9, 0, tzinfo=UTC)
    assert added.id == 4
    assert version == 2
