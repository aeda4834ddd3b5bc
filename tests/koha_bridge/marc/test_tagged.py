"""The light records a catalogue sync reads MARC-in-JSON into normalise as pymarc's records do."""

import pymarc
import pytest
from hypothesis import given, settings

from koha_bridge.marc import (
    ReadFailure,
    UnreadableRecord,
    normalise,
    record_from_marc_in_json,
    tagged_record_from_marc_in_json,
)
from koha_bridge.sandbox.seed.books import BOOKS
from koha_bridge.sandbox.seed.marc import to_marc
from tests.koha_bridge.marc import samples
from tests.koha_bridge.marc.reading.test_marc_in_json import json_values
from tests.koha_bridge.marc.records import control, field, record

SAMPLES = [
    samples.great_expectations,
    samples.great_expectations_norton,
    samples.war_and_peace,
    samples.great_expectations_in_russian,
    samples.kobzar,
    samples.eminescu_poezii,
    samples.hamlet_in_ukrainian,
]
DEMO = [to_marc(book, number) for number, book in enumerate(BOOKS, start=1)]


def outcome(read: object) -> object:
    try:
        return normalise(read)
    except UnreadableRecord as error:
        return error.reason, error.biblio_id


@pytest.mark.parametrize("marc", [sample() for sample in SAMPLES] + DEMO)
def test_every_sample_and_demo_record_normalises_alike_from_both(marc: pymarc.Record):
    data = marc.as_dict()
    assert normalise(tagged_record_from_marc_in_json(data)) == normalise(
        record_from_marc_in_json(data)
    )


def test_the_demo_has_records_of_both_flavours():
    assert {normalise(marc).flavour.value for marc in DEMO} == {"MARC21", "UNIMARC"}


def test_fields_of_several_tags_come_in_record_order():
    data = record(
        control("001", "7"),
        field("651", " 0", "a", "Ukraine"),
        field("650", " 0", "a", "Poetry"),
        field("651", " 0", "a", "Kyiv"),
    ).as_dict()
    tagged = tagged_record_from_marc_in_json(data)
    assert [f.subfields[0][1] for f in tagged.get_fields("650", "651")] == [
        "Ukraine",
        "Poetry",
        "Kyiv",
    ]
    assert tagged.get("001").data == "7"
    assert tagged.get("245") is None


def test_a_record_without_title_fails_alike_from_both():
    data = record(field("999", "  ", "c", "12")).as_dict()
    tagged, built = tagged_record_from_marc_in_json(data), record_from_marc_in_json(data)
    assert (
        outcome(tagged)
        == outcome(built)
        == ("neither a MARC21 245 nor a UNIMARC 200 field: flavour unknown", 12)
    )


@settings(max_examples=150, deadline=None)
@given(json_values)
def test_malformed_json_is_the_same_failure_from_both(value):
    for data in (value, {"leader": "00000nam a2200000 i 4500", "fields": [value]}):
        tagged, built = tagged_record_from_marc_in_json(data), record_from_marc_in_json(data)
        if isinstance(built, ReadFailure):
            assert tagged == built
        else:
            assert outcome(tagged) == outcome(built)
