"""Telling MARC21 from UNIMARC by the fields a record carries."""

from koha_bridge.marc import Flavour, detect_flavour
from tests.koha_bridge.marc.records import UNIMARC_LEADER, field, record, unimarc_100a
from tests.koha_bridge.marc.samples import great_expectations, kobzar, war_and_peace


def test_a_record_with_245_is_marc21():
    assert detect_flavour(great_expectations()) is Flavour.MARC21
    assert detect_flavour(war_and_peace()) is Flavour.MARC21


def test_a_record_with_200_and_no_245_is_unimarc():
    assert detect_flavour(kobzar()) is Flavour.UNIMARC


def test_a_record_with_200_and_245_is_unimarc_when_100_a_is_general_processing_data():
    both = record(
        field("100", "  ", "a", unimarc_100a("1985")),
        field("200", "1 ", "a", "Кобзар"),
        field("245", "10", "a", "Local title"),
        leader=UNIMARC_LEADER,
    )
    assert detect_flavour(both) is Flavour.UNIMARC


def test_a_record_with_200_and_245_and_a_marc21_100_is_marc21():
    both = record(
        field("100", "1 ", "a", "Dickens, Charles,"),
        field("200", "  ", "a", "Stray local field"),
        field("245", "10", "a", "Great expectations."),
    )
    assert detect_flavour(both) is Flavour.MARC21


def test_a_record_with_neither_title_field_has_no_flavour():
    assert detect_flavour(record(field("020", "  ", "a", "9780141439563"))) is None
    assert detect_flavour(record()) is None
