"""normalise: flavour detected, biblionumber found where Koha keeps it, or UnreadableRecord."""

import pytest

from koha_bridge.marc import Flavour, UnreadableRecord, normalise
from tests.koha_bridge.marc.records import UNIMARC_LEADER, control, field, record
from tests.koha_bridge.marc.samples import eminescu_poezii, great_expectations, kobzar


def test_marc21_is_detected_and_its_biblionumber_read_from_999_c():
    normalised = normalise(great_expectations())
    assert normalised.flavour is Flavour.MARC21
    assert normalised.biblio_id == 101  # not the numeric 001, "12345"
    assert normalised.title == "Great expectations"


def test_unimarc_is_detected_and_its_biblionumber_read_from_090_a():
    normalised = normalise(eminescu_poezii())
    assert normalised.flavour is Flavour.UNIMARC
    assert normalised.biblio_id == 404
    assert normalised.title == "Poezii"


def test_unimarc_biblionumber_falls_back_to_a_numeric_001():
    book = record(control("001", "777"), field("200", "1 ", "a", "Кобзар"), leader=UNIMARC_LEADER)
    assert normalise(book).biblio_id == 777


def test_given_flavour_and_biblionumber_are_used_as_given():
    normalised = normalise(kobzar(), Flavour.UNIMARC, 9)
    assert normalised.biblio_id == 9
    assert normalise(kobzar(), "UNIMARC").flavour is Flavour.UNIMARC


def test_marc21_numeric_001_is_not_taken_for_the_biblionumber():
    book = record(control("001", "36461208"), field("245", "10", "a", "Great expectations."))
    with pytest.raises(UnreadableRecord) as raised:
        normalise(book)
    assert raised.value.reason == "no biblionumber in 999$c"
    assert raised.value.biblio_id is None


def test_record_without_title_is_unreadable_with_its_biblionumber():
    book = record(field("245", "10", "c", "Charles Dickens."), field("999", "  ", "c", "55"))
    with pytest.raises(UnreadableRecord) as raised:
        normalise(book)
    assert raised.value.reason == "no title in 245$a"
    assert raised.value.biblio_id == 55
    assert "biblio 55" in str(raised.value)


def test_unimarc_record_read_as_marc21_has_no_title():
    with pytest.raises(UnreadableRecord, match="no title in 245"):
        normalise(kobzar(), Flavour.MARC21, 303)


def test_record_with_neither_flavour_is_unreadable():
    book = record(field("020", "  ", "a", "9780141439563"), field("999", "  ", "c", "8"))
    with pytest.raises(UnreadableRecord, match="flavour unknown") as raised:
        normalise(book)
    assert raised.value.biblio_id == 8


def test_unreadable_record_is_a_value_error():
    assert issubclass(UnreadableRecord, ValueError)
