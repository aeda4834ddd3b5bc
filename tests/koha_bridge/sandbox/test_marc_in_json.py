"""The sandbox serves MARC-in-JSON read straight off its stored ISO 2709: the same as pymarc's."""

from __future__ import annotations

import pymarc
import pytest

from koha_bridge.sandbox import catalogue
from koha_bridge.sandbox.seed.books import BOOKS
from koha_bridge.sandbox.seed.marc import to_marc


def stored_marc(record: pymarc.Record) -> bytes:
    record.leader = record.leader[:9] + "a" + record.leader[10:]  # as save_biblio stores it
    return record.as_marc()


@pytest.mark.parametrize("number", range(1, len(BOOKS) + 1))
def test_every_demo_record_reads_as_pymarc_reads_it(number):
    marc = stored_marc(to_marc(BOOKS[number - 1], number))

    expected = pymarc.Record(data=marc, to_unicode=True, force_utf8=True).as_dict()
    assert catalogue.marc_in_json(marc) == expected


@pytest.mark.parametrize(
    "marc", [b"", b"00042nam  broken", b"00042nam  2200025   4500", b"00099nam  2200025   4500\x1e"]
)
def test_what_is_not_iso_2709_is_refused(marc):
    with pytest.raises(ValueError):
        catalogue.marc_in_json(marc)
