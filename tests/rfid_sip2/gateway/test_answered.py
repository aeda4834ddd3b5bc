"""Devices' requests and the answers they got, on disk for the repeat window."""

from __future__ import annotations

from rfid_sip2.gateway.answered import AnsweredRequests, Claimed
from rfid_sip2.journal.store import request_to_json
from rfid_sip2.sip2.messages import ItemInformationResponse


def test_a_request_claimed_again_tells_its_first_answer_or_that_it_had_none(tmp_path):
    path = tmp_path / "journal.answered.sqlite3"
    answer = ItemInformationResponse(circulation_status="03", item_identifier="B1")
    keys = ("answered", "answered with nothing", "the gateway died")
    with AnsweredRequests(path) as answered:
        new = [answered.claim(key, 100.0, since=0.0) for key in keys]
        answered.answer([("answered", answer), ("answered with nothing", None)])

    with AnsweredRequests(path) as reopened:
        again = [reopened.claim(key, 200.0, since=50.0) for key in keys]
        too_old = reopened.claim("answered", 300.0, since=150.0)

    assert new == [None, None, None]
    assert again == [Claimed(True, answer), Claimed(True, None), Claimed(False, None)]
    assert too_old is None  # outside the window it is a new request


def test_commits_flush_nothing_to_disk_and_leave_checkpoints_to_another_connection(tmp_path):
    with AnsweredRequests(tmp_path / "answered.sqlite3") as answered:
        db = answered._db
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
        for number in range(50):
            answered.claim(f"k{number}", 100.0, since=0.0)
        database = tmp_path / "answered.sqlite3"
        before = database.stat().st_size  # the claims are in the WAL only

        answered.checkpoint()

        assert database.stat().st_size > before


def test_old_requests_are_forgotten(tmp_path):
    with AnsweredRequests(tmp_path / "answered.sqlite3") as answered:
        answered.claim("old", 10.0, since=0.0)
        answered.claim("recent", 100.0, since=0.0)

        answered.forget(50.0)

        assert answered.claim("old", 110.0, since=0.0) is None  # new again
        assert answered.claim("recent", 110.0, since=0.0) == Claimed(False, None)


def test_an_answer_stored_as_json_by_an_earlier_gateway_is_still_read(tmp_path):
    path = tmp_path / "answered.sqlite3"
    answer = ItemInformationResponse(circulation_status="03", item_identifier="B1")
    with AnsweredRequests(path) as answered:
        answered.claim("before the upgrade", 100.0, since=0.0)
        answered._db.execute(
            "UPDATE requests SET response = ? WHERE key = ?",
            (request_to_json(answer), "before the upgrade"),
        )

        assert answered.claim("before the upgrade", 200.0, since=50.0) == Claimed(True, answer)
