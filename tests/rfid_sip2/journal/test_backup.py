"""Backing up the journal while the gateway writes to it: every copy whole, none half-written."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from rfid_sip2.cli import main
from rfid_sip2.journal.backup import JournalBackupError, backup_journal
from rfid_sip2.journal.store import Journal
from tests.rfid_sip2.journal.fakes import checkin

WHEN = datetime(2026, 11, 1, 12, 0)


def ids_and_items(path: Path) -> list[tuple[int, str]]:
    with closing(sqlite3.connect(path)) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return copy.execute("SELECT id, item_identifier FROM entries ORDER BY id").fetchall()


def test_copies_made_while_the_gateway_writes_hold_every_entry_committed_before_them(
    journal_path, tmp_path
):
    Journal(journal_path).close()  # the gateway has started
    stop = threading.Event()
    written = []

    def gateway() -> None:  # its own connection, as the gateway's process has
        with Journal(journal_path) as journal:
            while not stop.is_set():
                entry = journal.record(checkin(f"3952{len(written):010d}", WHEN), account="k")
                written.append(entry.id)

    writer = threading.Thread(target=gateway)
    writer.start()
    copies = []
    try:
        while len(copies) < 5:
            if len(written) > 20 * (len(copies) + 1):
                committed_before = len(written)
                copy = backup_journal(journal_path, tmp_path / f"copy-{len(copies)}.sqlite3")
                copies.append((committed_before, copy))
    finally:
        stop.set()
        writer.join()

    sizes = []
    for committed_before, copy in copies:
        rows = ids_and_items(copy.path)
        assert len(rows) == copy.entries >= committed_before
        # Contiguous from the first: nothing skipped, nothing half-written.
        assert [entry_id for entry_id, _ in rows] == list(range(1, len(rows) + 1))
        assert all(item == f"3952{entry_id - 1:010d}" for entry_id, item in rows)
        sizes.append(len(rows))
    assert sizes == sorted(sizes)
    assert len(written) >= sizes[-1]


def test_a_folder_gets_a_dated_copy(journal: Journal, tmp_path):
    journal.record(checkin("39520000000001", WHEN), account="k")
    folder = tmp_path / "backups"
    folder.mkdir()

    copy = backup_journal(journal.path, folder, now=datetime(2026, 12, 3, 4, 5, 6, tzinfo=UTC))

    assert copy.path == folder / "journal-20261203-040506.sqlite3"
    assert copy.entries == 1
    assert [path.name for path in folder.iterdir()] == [copy.path.name]  # no .partial left


def test_a_missing_journal_is_refused_with_its_path(tmp_path):
    with pytest.raises(JournalBackupError, match=r"there is no journal at .*journal\.sqlite3"):
        backup_journal(tmp_path / "journal.sqlite3", tmp_path / "copy.sqlite3")
    assert not (tmp_path / "copy.sqlite3").exists()


def gateway_config(folder: Path, monkeypatch) -> Path:
    """The gateway's configuration is read whole, passwords from the environment included."""
    monkeypatch.setenv("KIOSK_PASSWORD", "kiosk-secret")
    config = folder / "gateway.toml"
    config.write_text(
        '[[accounts]]\nlogin = "kiosk-1"\npassword_env = "KIOSK_PASSWORD"\n'
        '[journal]\npath = "journal.sqlite3"\n'
    )
    return config


def test_backup_journal_from_the_command_line(tmp_path, capsys, monkeypatch):
    config = gateway_config(tmp_path, monkeypatch)
    with Journal(tmp_path / "journal.sqlite3") as journal:
        journal.record(checkin("39520000000001", WHEN), account="kiosk-1")
        destination = tmp_path / "journal-copy.sqlite3"

        assert main(["backup-journal", "--config", str(config), str(destination)]) == 0

    assert capsys.readouterr().out == f"journal backed up to {destination}: 1 entries\n"
    assert ids_and_items(destination) == [(1, "39520000000001")]


def test_backup_journal_without_a_journal_says_so_and_fails(tmp_path, capsys, monkeypatch):
    config = gateway_config(tmp_path, monkeypatch)

    assert main(["backup-journal", "--config", str(config), str(tmp_path / "copy")]) == 1

    assert capsys.readouterr().err.startswith("rfid-sip2: journal not backed up: there is no")
