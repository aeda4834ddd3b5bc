"""MARC files of any of the three formats, told apart by their first bytes."""

import io
import json

import pymarc
import pytest

from koha_bridge.marc import normalise
from koha_bridge.marc.reading.files import MarcFormat, records_from_file, sniff_format
from tests.koha_bridge.marc.reading.streams import TrickleFile
from tests.koha_bridge.marc.records import iso2709
from tests.koha_bridge.marc.samples import great_expectations, kobzar

BOOKS = (great_expectations(), kobzar())
TITLES = ["Great expectations", "Кобзар"]


def as_iso2709() -> bytes:
    return b"".join(
        iso2709(book.fields, str(book.leader)[:9] + "a" + str(book.leader)[10:], "utf-8")
        for book in BOOKS
    )


def as_marcxml() -> bytes:
    return (
        b"\n"
        + pymarc.marcxml.record_to_xml(BOOKS[0], namespace=True).replace(
            b"<record", b"<collection xmlns='http://www.loc.gov/MARC21/slim'><record", 1
        )
        + pymarc.marcxml.record_to_xml(BOOKS[1], namespace=True)
        + b"</collection>"
    )


def as_marc_in_json() -> bytes:
    return json.dumps([book.as_dict() for book in BOOKS], ensure_ascii=False).encode()


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"00714cam a2200205 a 4500", MarcFormat.ISO2709),
        (b'<?xml version="1.0"?><collection', MarcFormat.MARCXML),
        (b"\xef\xbb\xbf\r\n  <record xmlns=", MarcFormat.MARCXML),
        (b"\xff\xfe<\x00?\x00x\x00", MarcFormat.MARCXML),  # UTF-16 with its byte order mark
        (b'[{"leader": "00714cam', MarcFormat.MARC_IN_JSON),
        (b'\n{"leader": "00714cam', MarcFormat.MARC_IN_JSON),
        (b"", MarcFormat.ISO2709),
    ],
)
def test_the_format_is_told_by_the_first_bytes(head, expected):
    assert sniff_format(head) is expected


@pytest.mark.parametrize("content", [as_iso2709, as_marcxml, as_marc_in_json])
def test_each_format_is_read_from_a_file_without_being_named(content):
    records = records_from_file(TrickleFile(content(), step=1000))
    assert [normalise(each).title for each in records] == TITLES


def test_a_named_format_is_read_as_that_format():
    [failure] = records_from_file(io.BytesIO(as_marc_in_json()), MarcFormat.MARCXML)
    assert failure.reason.startswith("malformed MARCXML")
