"""What ``rfid-sip2 journal list|replay|export`` prints and does."""

from __future__ import annotations

import asyncio
from datetime import datetime

from rfid_sip2.journal import commands
from rfid_sip2.journal.store import Journal, State
from tests.rfid_sip2.journal.fakes import TERMINAL, FakeKoha, checkin, checkout

T1 = datetime(2024, 3, 1, 10, 15, 0)


def test_list_shows_each_entry_oldest_first_and_the_counts(journal: Journal):
    journal.record(checkout("P1", "B1", T1), account="selfcheck-1", peer="10.0.0.7:50123")
    journal.record(checkin("B2", T1), account="selfcheck-1", peer=None)
    journal.mark_applying(2)

    lines = commands.list_lines(journal)

    assert lines == [
        "#1 pending checkout 2024-03-01 10:15:00 patron P1 item B1"
        " via selfcheck-1@10.0.0.7:50123 attempts 0",
        "#2 applying (in doubt) checkin 2024-03-01 10:15:00 patron - item B2"
        " via selfcheck-1@? attempts 1",
        "1 pending, 1 applying, 0 replayed, 0 failed, 0 exported, 0 held",
    ]
    assert commands.list_lines(journal, "failed") == [
        "no entries",
        "1 pending, 1 applying, 0 replayed, 0 failed, 0 exported, 0 held",
    ]


def test_replay_returns_the_report_and_its_lines(journal: Journal):
    koha = FakeKoha(items=("B1",), patrons=("P1",))
    journal.record(checkout("P1", "B1", T1), account="a", peer=None)
    journal.record(checkin("B7", T1), account="a", peer=None)

    lines = asyncio.run(commands.replay_lines(journal, koha, TERMINAL))

    assert lines == [
        "replayed 1, confirmed 0, failed 1, held 0, remaining 0",
        "failed #2 checkin patron - item B7: Item not checked out",
    ]


def test_replay_says_so_when_another_replay_is_running(journal: Journal):
    with journal.replay_lock():
        lines = asyncio.run(commands.replay_lines(journal, FakeKoha(), TERMINAL))
    assert lines[0].startswith("not replayed:") and "another replay" in lines[0]


def test_export_writes_failed_entries_then_marks_them_exported(journal: Journal, tmp_path):
    journal.record(checkout("P1", "B1", T1), account="a", peer=None)
    journal.record(checkin("B2", T1), account="a", peer=None)
    journal.record(checkin("B3", T1), account="a", peer=None)
    for entry_id in (1, 2):
        journal.mark_applying(entry_id)
        journal.mark_failed(entry_id, "refused")
    target = tmp_path / "offline.koc"

    lines = commands.export_lines(journal, target, version="0.1.0")

    assert lines == [f"exported 2 entries to {target}"]
    assert target.read_text(encoding="utf-8") == (
        "Version=1.0\tGenerator=library20\tGeneratorVersion=0.1.0\n"
        "2024-03-01 10:15:00 1\tissue\tP1\tB1\n"
        "2024-03-01 10:15:00 2\treturn\tB2\n"
    )
    assert [e.state for e in journal.entries()] == [State.EXPORTED, State.EXPORTED, State.PENDING]
    assert commands.export_lines(journal, tmp_path / "again.koc") == ["nothing to export"]
    assert not (tmp_path / "again.koc").exists()


def test_export_skips_what_a_koc_line_cannot_hold_and_entries_in_doubt(journal: Journal, tmp_path):
    journal.record(checkout("", "B1", T1), account="a", peer=None)
    journal.record(checkin("B2", T1), account="a", peer=None)
    journal.record(checkin("B3", T1), account="a", peer=None)
    journal.mark_applying(1)
    journal.mark_failed(1, "Invalid Patron")
    journal.mark_applying(2)
    journal.mark_pending(2, "upstream unavailable")  # in doubt

    lines = commands.export_lines(
        journal, tmp_path / "offline.koc", states=("failed", "pending"), version="0.1.0"
    )

    assert lines == [
        f"exported 1 entries to {tmp_path / 'offline.koc'}",
        "skipped #1: journal entry 1 (checkout) has no patron (cardnumber)",
        "skipped #2: in doubt, replay it first",
    ]
    assert [e.state for e in journal.entries()] == [State.FAILED, State.PENDING, State.EXPORTED]


def test_export_never_replaces_an_earlier_file(journal: Journal, tmp_path):
    journal.record(checkin("B1", T1), account="a", peer=None)
    journal.mark_applying(1)
    journal.mark_failed(1, "refused")
    target = tmp_path / "offline.koc"
    target.write_text("an earlier export, not uploaded yet\n", encoding="utf-8")

    lines = commands.export_lines(journal, target)

    assert lines == [f"not exported: {target} exists, choose another file name"]
    assert target.read_text(encoding="utf-8") == "an earlier export, not uploaded yet\n"
    assert journal.get(1).state is State.FAILED


def test_export_waits_for_no_replay(journal: Journal, tmp_path):
    journal.record(checkin("B1", T1), account="a", peer=None)
    with journal.replay_lock():
        lines = commands.export_lines(journal, tmp_path / "x.koc", states=("pending",))
    assert lines[0].startswith("not exported:") and "another replay" in lines[0]
    assert journal.get(1).state is State.PENDING
