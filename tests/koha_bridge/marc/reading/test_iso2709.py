"""ISO 2709 in MARC-8, UTF-8 and legacy single-byte code pages; bad records become failures."""

import io

import pymarc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from koha_bridge.marc import ReadFailure, normalise, records_from_iso2709
from tests.koha_bridge.marc.reading.streams import TrickleFile
from tests.koha_bridge.marc.records import (
    MARC21_LEADER,
    UNIMARC_LEADER,
    control,
    field,
    iso2709,
    unimarc_100a,
)
from tests.koha_bridge.marc.samples import great_expectations, kobzar

MARC8_LEADER = MARC21_LEADER[:9] + " " + MARC21_LEADER[10:]  # leader/09 blank: MARC-8


def one_hundred_years_in_marc8() -> bytes:
    """Cien años de soledad in MARC-8: combining marks (0xE2 acute, 0xE4 tilde) before letters."""
    return iso2709(
        [
            control("001", "ocm00012345"),
            field("100", "1 ", "a", "Garc\xe2ia M\xe2arquez, Gabriel,", "d", "1927-2014."),
            field(
                "245",
                "10",
                "a",
                "Cien a\xe4nos de soledad /",
                "c",
                "Gabriel Garc\xe2ia M\xe2arquez.",
            ),
            field("260", "  ", "a", "Buenos Aires :", "b", "Editorial Sudamericana,", "c", "1967."),
            field("999", "  ", "c", "606"),
        ],
        MARC8_LEADER,
        "latin-1",  # the MARC-8 bytes are given as the latin-1 characters of the same values
    )


def forest_song(leader: str = UNIMARC_LEADER, charset: str = "04") -> list[pymarc.Field]:
    """Лісова пісня by Леся Українка, UNIMARC, for legacy Cyrillic code pages."""
    return [
        field("090", "  ", "a", "707"),
        field("100", "  ", "a", unimarc_100a("1911", charset=charset)),
        field("101", "0 ", "a", "ukr"),
        field("200", "1 ", "a", "Лісова пісня", "e", "драма-феєрія в 3 діях"),
        field("700", " 1", "a", "Українка", "b", "Леся", "f", "1871-1913", "4", "070"),
    ]


def utf8(book: pymarc.Record) -> bytes:
    return iso2709(book.fields, str(book.leader)[:9] + "a" + str(book.leader)[10:], "utf-8")


def test_utf8_records_are_read_in_order():
    data = utf8(great_expectations()) + utf8(kobzar())
    records = list(records_from_iso2709(data))
    assert [normalise(each).title for each in records] == ["Great expectations", "Кобзар"]


def test_marc8_record_with_blank_leader_09_is_converted_to_unicode():
    [book] = records_from_iso2709(one_hundred_years_in_marc8())
    normalised = normalise(book)
    assert normalised.title == "Cien años de soledad"
    assert normalised.authors[0].name == "García Márquez, Gabriel"
    assert normalised.publisher == "Editorial Sudamericana"
    assert normalised.biblio_id == 606


def test_cp1251_unimarc_record_is_read_with_the_named_encoding():
    [book] = records_from_iso2709(iso2709(forest_song(), UNIMARC_LEADER, "cp1251"), "cp1251")
    normalised = normalise(book)
    assert normalised.title == "Лісова пісня"
    assert normalised.subtitle == "драма-феєрія в 3 діях"
    assert normalised.authors[0].name == "Українка, Леся"


def test_named_encoding_overrides_a_leader_that_claims_utf8():
    leader = UNIMARC_LEADER[:9] + "a" + UNIMARC_LEADER[10:]
    [book] = records_from_iso2709(iso2709(forest_song(), leader, "cp1251"), "windows-1251")
    assert normalise(book).title == "Лісова пісня"


def test_iso8859_5_record_is_read_with_the_named_encoding():
    war_and_peace = [
        field("245", "10", "a", "Война и мир /", "c", "Лев Толстой."),
        field("999", "  ", "c", "202"),
    ]
    data = iso2709(war_and_peace, MARC8_LEADER, "iso8859-5")
    [book] = records_from_iso2709(data, "iso8859-5")
    assert normalise(book).title == "Война и мир"


def test_latin_1_named_iso8859_1_is_latin_1_and_not_marc8():
    # pymarc takes file_encoding="iso8859-1" to mean MARC-8; the reader must not pass it on.
    les_miserables = [
        field("090", "  ", "a", "808"),
        field("200", "1 ", "a", "Les misérables"),
        field("700", " 1", "a", "Hugo", "b", "Victor", "f", "1802-1885"),
    ]
    data = iso2709(les_miserables, UNIMARC_LEADER, "latin-1")
    for name in ("iso8859-1", "latin-1", "ISO-8859-1"):
        [book] = records_from_iso2709(data, name)
        assert normalise(book).title == "Les misérables"


def test_unimarc_with_blank_leader_09_is_utf8_when_100_a_says_so():
    data = iso2709(forest_song(charset="50"), UNIMARC_LEADER, "utf-8")
    [book] = records_from_iso2709(data)
    assert normalise(book).title == "Лісова пісня"


def test_utf8_named_encoding_reads_a_marc21_record_with_blank_leader_09():
    data = iso2709(great_expectations().fields, MARC8_LEADER, "utf-8")
    book = utf8(great_expectations())
    assert data != book
    [read] = records_from_iso2709(data, "utf-8")
    assert normalise(read).title == "Great expectations"


def test_unknown_encoding_raises_at_once():
    with pytest.raises(LookupError):
        records_from_iso2709(b"", "no-such-encoding")


def test_empty_data_has_no_records():
    assert list(records_from_iso2709(b"")) == []


def test_new_lines_between_records_are_not_failures():
    data = utf8(great_expectations()) + b"\r\n" + utf8(kobzar()) + b"\n"
    assert all(isinstance(each, pymarc.Record) for each in records_from_iso2709(data))
    assert len(list(records_from_iso2709(data))) == 2


def test_truncated_last_record_is_a_failure_after_the_good_ones():
    second = utf8(kobzar())
    records = list(records_from_iso2709(utf8(great_expectations()) + second[: len(second) // 2]))
    assert isinstance(records[0], pymarc.Record)
    assert isinstance(records[1], ReadFailure)
    assert "truncated" in records[1].reason
    assert len(records) == 2


def test_wrong_record_length_is_a_failure_naming_the_biblionumber_and_reading_goes_on():
    first = utf8(great_expectations())
    wrong = f"{len(first) + 7:05d}".encode() + first[5:]
    records = list(records_from_iso2709(wrong + utf8(kobzar())))
    assert records[0] == ReadFailure(
        101,
        f"leader gives a record length of {len(first) + 7} bytes but the record has {len(first)}",
    )
    assert normalise(records[1]).title == "Кобзар"


def test_garbage_between_records_is_a_failure_and_later_records_are_read():
    data = utf8(great_expectations()) + b"\x00\xffGARBAGE 12" + utf8(kobzar())
    records = list(records_from_iso2709(data))
    assert isinstance(records[0], pymarc.Record)
    assert records[1] == ReadFailure(None, "12 unreadable bytes before a record")
    assert normalise(records[2]).title == "Кобзар"


def test_garbage_with_an_end_of_record_mark_spoils_no_good_record():
    data = utf8(great_expectations()) + b"junk\x1d" + utf8(kobzar())
    records = list(records_from_iso2709(data))
    assert [type(each) for each in records] == [pymarc.Record, ReadFailure, pymarc.Record]
    assert "not five digits" in records[1].reason


def test_bad_directory_is_a_failure_and_the_next_record_is_read():
    first = bytearray(utf8(great_expectations()))
    first[24 + 3] = ord("x")  # the length of the first directory entry
    records = list(records_from_iso2709(bytes(first) + utf8(kobzar())))
    assert isinstance(records[0], ReadFailure)
    assert "ValueError" in records[0].reason
    assert normalise(records[1]).title == "Кобзар"


def test_base_address_past_the_end_is_a_failure():
    first = utf8(great_expectations())
    bad = first[:12] + b"99999" + first[17:]
    [failure] = records_from_iso2709(bad)
    assert isinstance(failure, ReadFailure)
    assert "BaseAddressInvalid" in failure.reason


def test_invalid_utf8_is_a_failure_naming_the_biblionumber():
    good = utf8(great_expectations())
    bad = good.replace(b"Great", b"Gr\xffat")
    [failure] = records_from_iso2709(bad)
    assert isinstance(failure, ReadFailure)
    assert failure.biblio_id == 101
    assert "UnicodeDecodeError" in failure.reason


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(data):
    for each in records_from_iso2709(data):
        assert isinstance(each, pymarc.Record | ReadFailure)


# A byte flipped into a subfield code is still read; pymarc warns about it, as it should.
@pytest.mark.filterwarnings("ignore::pymarc.exceptions.BadSubfieldCodeWarning")
@settings(max_examples=150, deadline=None)
@given(st.data())
def test_corrupted_records_never_raise(data):
    original = bytearray(utf8(kobzar()) + one_hundred_years_in_marc8())
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(original) - 1))
        original[position] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(original)))
    for each in records_from_iso2709(bytes(original[:cut])):
        assert isinstance(each, pymarc.Record | ReadFailure)


def test_a_non_numeric_base_address_is_the_reason_given():
    # As record 6 of pymarc's test/bad_records.mrc: the length is right, leader/12-16 is "f0037".
    good = utf8(great_expectations())
    bad = good[:12] + b"f" + good[13:]
    [failure] = records_from_iso2709(bad)
    base_address = bad[12:17]
    assert failure == ReadFailure(
        101, f"base address of data in the leader is not five digits: {base_address!r}"
    )


# --- from a file, as it streams -----------------------------------------------------------------


def test_records_read_from_a_file_a_few_bytes_at_a_time_are_the_same():
    data = utf8(great_expectations()) + b"\n" + one_hundred_years_in_marc8() + utf8(kobzar())
    from_file = list(records_from_iso2709(TrickleFile(data, step=5)))
    assert [normalise(each).title for each in from_file] == [
        normalise(each).title for each in records_from_iso2709(data)
    ]
    assert len(from_file) == 3


def test_the_first_record_comes_before_the_file_is_read_to_its_end():
    data = utf8(great_expectations()) * 200
    file = TrickleFile(data, step=4096)
    records = records_from_iso2709(file)
    assert normalise(next(records)).title == "Great expectations"
    assert file.read_so_far < len(data) // 10


def test_a_truncated_last_record_in_a_file_is_a_failure():
    second = utf8(kobzar())
    data = utf8(great_expectations()) + second[:100]
    *_, last = records_from_iso2709(TrickleFile(data, step=64))
    assert last == ReadFailure(None, "truncated record: 100 bytes and no end-of-record mark")


def test_a_megabyte_without_an_end_of_record_mark_is_a_failure_and_reading_goes_on():
    data = b"x" * 1_500_000 + b"\x1d" + utf8(kobzar())
    records = list(records_from_iso2709(io.BytesIO(data)))
    assert isinstance(records[0], ReadFailure)
    assert "without an end-of-record mark" in records[0].reason
    assert normalise(records[-1]).title == "Кобзар"
