"""The retry list on disk."""

from __future__ import annotations

from rfid_sip2.station.retry import PendingTag, RetryList, Wanted


def test_the_retry_list_survives_a_restart_and_forgets_what_was_fixed(tmp_path):
    path = tmp_path / "var" / "retry.json"
    first = RetryList(path)
    first.add(PendingTag("E0040100000000AA", "3952001", Wanted.ON_LOAN, "2026-11-02T10:00:00"))
    first.add(PendingTag("E0040100000000BB", "3952002", Wanted.IN_LIBRARY, "2026-11-02T10:01:00"))
    again = RetryList(path)
    assert len(again) == 2
    assert again.get("E0040100000000AA").wanted is Wanted.ON_LOAN
    again.remove("E0040100000000AA")
    assert [entry.item_id for entry in RetryList(path).entries()] == ["3952002"]
    assert list(path.parent.iterdir()) == [path]  # no temporary file left behind
