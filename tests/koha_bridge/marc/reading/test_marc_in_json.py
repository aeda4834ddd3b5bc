"""MARC-in-JSON as Koha's REST API sends it; a malformed record becomes a ReadFailure."""

import copy
import io
import json

import pymarc
from hypothesis import given, settings
from hypothesis import strategies as st

from koha_bridge.marc import (
    ReadFailure,
    normalise,
    record_from_marc_in_json,
    records_from_marc_in_json_file,
    records_from_marc_in_json_list,
)
from tests.koha_bridge.marc.reading.streams import TrickleFile
from tests.koha_bridge.marc.samples import eminescu_poezii, great_expectations


def koha_json(book: pymarc.Record) -> dict:
    """The record as Koha's application/marc-in-json sends it."""
    return book.as_dict()


def test_koha_marc_in_json_gives_a_record():
    book = record_from_marc_in_json(koha_json(great_expectations()))
    assert isinstance(book, pymarc.Record)
    normalised = normalise(book)
    assert normalised.title == "Great expectations"
    assert normalised.biblio_id == 101
    assert str(book.leader) == str(great_expectations().leader)


def test_romanian_diacritics_survive_marc_in_json():
    normalised = normalise(record_from_marc_in_json(koha_json(eminescu_poezii())))
    assert normalised.notes == ("Edi\u021bie îngrijită, note \u0219i variante de Perpessicius",)


def test_reading_does_not_change_the_callers_data():
    data = koha_json(great_expectations())
    before = copy.deepcopy(data)
    record_from_marc_in_json(data)
    assert data == before


def test_missing_indicators_are_blanks():
    data = {
        "leader": "00000nam a2200000 i 4500",
        "fields": [{"245": {"subfields": [{"a": "Great expectations /"}]}}],
    }
    book = record_from_marc_in_json(data)
    assert book["245"].indicators == pymarc.Indicators(" ", " ")


def test_missing_leader_is_a_failure_naming_the_biblionumber():
    data = koha_json(great_expectations())
    del data["leader"]
    assert record_from_marc_in_json(data) == ReadFailure(101, 'no "leader"')


def test_short_leader_is_a_failure():
    data = koha_json(great_expectations())
    data["leader"] = "00000nam"
    assert record_from_marc_in_json(data) == ReadFailure(101, "leader is 8 characters long, not 24")


def test_missing_fields_is_a_failure():
    assert record_from_marc_in_json({"leader": "00000nam a2200000 i 4500"}) == ReadFailure(
        None, 'MARC-in-JSON record has no "fields" list'
    )


def test_malformed_field_is_a_failure_naming_it():
    data = koha_json(great_expectations())
    data["fields"][3] = {"100": {"ind1": "1", "ind2": " ", "subfields": "Dickens"}}
    assert record_from_marc_in_json(data) == ReadFailure(101, 'field 4 (100): no "subfields" list')


def test_control_field_with_subfields_is_a_failure():
    data = {"leader": "00000nam a2200000 i 4500", "fields": [{"001": {"subfields": []}}]}
    failure = record_from_marc_in_json(data)
    assert failure == ReadFailure(None, "field 1 (001): control field content is not text")


def test_subfield_value_that_is_not_text_is_a_failure():
    data = {"leader": "00000nam a2200000 i 4500", "fields": [{"999": {"subfields": [{"c": 5}]}}]}
    assert "not a one-character code with a text value" in record_from_marc_in_json(data).reason


def test_something_other_than_an_object_is_a_failure():
    assert isinstance(record_from_marc_in_json(["leader"]), ReadFailure)
    assert isinstance(record_from_marc_in_json(None), ReadFailure)


def test_a_list_gives_records_and_failures_in_order():
    good = koha_json(great_expectations())
    bad = {"fields": []}
    results = records_from_marc_in_json_list([good, bad, koha_json(eminescu_poezii())])
    assert [type(each) for each in results] == [pymarc.Record, ReadFailure, pymarc.Record]


def test_a_file_of_records_gives_them_as_it_is_read():
    data = json.dumps([koha_json(great_expectations()), koha_json(eminescu_poezii())]).encode()
    titles = [normalise(each).title for each in records_from_marc_in_json_file(TrickleFile(data))]
    assert titles == ["Great expectations", "Poezii"]


def test_a_file_of_records_one_per_line_gives_them_all():
    lines = [json.dumps(koha_json(book)) for book in (great_expectations(), eminescu_poezii())]
    records = records_from_marc_in_json_file(io.BytesIO("\n".join(lines).encode()))
    assert [normalise(each).title for each in records] == ["Great expectations", "Poezii"]


def test_a_bad_record_in_a_file_is_a_failure_and_the_next_is_read():
    data = json.dumps([{"fields": []}, koha_json(eminescu_poezii())]).encode()
    records = list(records_from_marc_in_json_file(io.BytesIO(data)))
    assert [type(each) for each in records] == [ReadFailure, pymarc.Record]


def test_a_file_that_stops_being_json_gives_the_records_before_and_one_failure():
    data = json.dumps([koha_json(great_expectations()), koha_json(eminescu_poezii())]).encode()
    *records, failure = records_from_marc_in_json_file(io.BytesIO(data[: len(data) - 40]))
    assert [normalise(each).title for each in records] == ["Great expectations"]
    assert failure.reason.startswith("malformed MARC-in-JSON: ")


def test_something_other_than_a_list_is_one_failure():
    assert records_from_marc_in_json_list({"leader": ""}) == [
        ReadFailure(None, "MARC-in-JSON list is a dict, not an array")
    ]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=4), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(json_values)
def test_arbitrary_json_never_raises(value):
    assert isinstance(record_from_marc_in_json(value), pymarc.Record | ReadFailure)
    assert isinstance(
        record_from_marc_in_json({"leader": "00000nam a2200000 i 4500", "fields": [value]}),
        pymarc.Record | ReadFailure,
    )
    for each in records_from_marc_in_json_list(value):
        assert isinstance(each, pymarc.Record | ReadFailure)
