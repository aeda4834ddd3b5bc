"""Journal entries as Koha's offline circulation file, exactly as process_koc.pl reads it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from rfid_sip2.journal.koc import export_koc, koc_line, write_koc
from rfid_sip2.journal.store import Journal
from rfid_sip2.sip2.messages import HoldRequest
from tests.rfid_sip2.journal.fakes import checkin, checkout, fee_paid, renew

T1 = datetime(2024, 3, 1, 10, 15, 0)
T2 = datetime(2024, 3, 1, 10, 16, 30)
T3 = datetime(2024, 3, 1, 10, 20, 5)
T4 = datetime(2024, 3, 2, 8, 0, 59)


def record_all(journal: Journal, *requests):
    return [journal.record(request, account="a", peer=None) for request in requests]


def test_export_writes_the_header_and_one_line_per_transaction(journal: Journal):
    entries = record_all(
        journal,
        checkout("23529000445172", "39999000001310", T1),
        checkin("39999000001310", T2),
        fee_paid("23529000445172", "2.50", T3),
        renew("23529000445172", "39999000001311", T4),
    )

    text = export_koc(entries, generator="library20", version="0.1.0")

    assert text == (
        "Version=1.0\tGenerator=library20\tGeneratorVersion=0.1.0\n"
        "2024-03-01 10:15:00 1\tissue\t23529000445172\t39999000001310\n"
        "2024-03-01 10:16:30 2\treturn\t39999000001310\n"
        "2024-03-01 10:20:05 3\tpayment\t23529000445172\t2.50\n"
        "2024-03-02 08:00:59 4\tissue\t23529000445172\t39999000001311\n"
    )


def test_lines_split_as_koha_splits_them(journal: Journal):
    (entry,) = record_all(journal, checkout("P1", "B1", T1))

    text = export_koc([entry], version="1.2.3")

    assert "\r" not in text
    header, line = text.splitlines()
    assert dict(pair.split("=") for pair in header.split("\t")) == {
        "Version": "1.0",
        "Generator": "library20",
        "GeneratorVersion": "1.2.3",
    }
    timestamp, command, *arguments = line.split("\t")
    assert timestamp.split() == ["2024-03-01", "10:15:00", "1"]
    assert (command, arguments) == ("issue", ["P1", "B1"])


def test_a_date_with_a_zone_is_written_in_local_time(journal: Journal):
    moment = datetime(2024, 3, 1, 9, 15, tzinfo=UTC)
    (entry,) = record_all(journal, checkin("B1", moment))

    local = moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert koc_line(entry) == f"{local} 1\treturn\tB1"


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (checkout("", "B1", T1), "has no patron"),
        (checkin("", T1), "has no item"),
        (renew("P1", None, T1), "has no item"),
        (fee_paid("", "2.50", T1), "has no patron"),
        (fee_paid("P1", "", T1), "has no amount"),
        (fee_paid("P1", "2,50 EUR", T1), "not a plain decimal number"),
        (checkout("P1", "B\t1", T1), "tab or line break"),
        (HoldRequest(patron_identifier="P1", item_identifier="B1"), "only holds checkouts"),
    ],
    ids=[
        "issue-without-patron",
        "return-without-item",
        "renew-without-item",
        "payment-without-patron",
        "payment-without-amount",
        "payment-odd-amount",
        "tab-in-barcode",
        "hold",
    ],
)
def test_an_entry_missing_what_its_line_needs_is_refused(journal: Journal, request_, message):
    (entry,) = record_all(journal, request_)

    with pytest.raises(ValueError, match=message):
        export_koc([entry])


def test_the_header_refuses_what_koha_could_not_parse():
    with pytest.raises(ValueError, match="without = or tabs"):
        export_koc([], generator="lib=20", version="1")


def test_write_koc_writes_the_file_and_nothing_when_an_entry_is_refused(journal: Journal, tmp_path):
    good, bad = record_all(journal, checkin("B1", T1), checkout("", "B2", T1))
    target = tmp_path / "out" / "offline.koc"

    written = write_koc(target, [good], version="0.1.0")

    assert written == target
    assert target.read_bytes() == (
        b"Version=1.0\tGenerator=library20\tGeneratorVersion=0.1.0\n"
        b"2024-03-01 10:15:00 1\treturn\tB1\n"
    )
    other = tmp_path / "other.koc"
    with pytest.raises(ValueError):
        write_koc(other, [good, bad])
    assert not other.exists()
    assert list(tmp_path.glob(".other.koc.*")) == []  # no temporary file left behind
