"""MARCXML from Koha: a record or a collection; bad records and malformed XML become failures."""

import io

import pymarc
from hypothesis import given, settings
from hypothesis import strategies as st

from koha_bridge.marc import ReadFailure, normalise, records_from_marcxml
from tests.koha_bridge.marc.reading.streams import TrickleFile
from tests.koha_bridge.marc.samples import great_expectations, kobzar

SLIM = "http://www.loc.gov/MARC21/slim"


def xml_record(book: pymarc.Record) -> str:
    return pymarc.record_to_xml(book, namespace=True).decode("utf-8")


def collection(*records: str) -> str:
    declaration = '<?xml version="1.0" encoding="UTF-8"?>'
    return f'{declaration}<collection xmlns="{SLIM}">{"".join(records)}</collection>'


def test_a_collection_gives_its_records_in_order():
    data = collection(xml_record(great_expectations()), xml_record(kobzar())).encode("utf-8")
    records = records_from_marcxml(data)
    assert [normalise(each).title for each in records] == ["Great expectations", "Кобзар"]


def test_a_collection_read_from_a_file_a_few_bytes_at_a_time_gives_the_same_records():
    data = collection(xml_record(great_expectations()), xml_record(kobzar())).encode("utf-8")
    records = records_from_marcxml(TrickleFile(data, step=3))
    assert [normalise(each).title for each in records] == ["Great expectations", "Кобзар"]


def test_the_first_record_comes_before_the_file_is_read_to_its_end():
    data = collection(*[xml_record(great_expectations())] * 200).encode("utf-8")
    file = TrickleFile(data, step=4096)
    records = records_from_marcxml(file)
    assert normalise(next(records)).title == "Great expectations"
    assert file.read_so_far < len(data) // 10


def test_a_named_encoding_overrides_the_declaration():
    data = collection(xml_record(kobzar())).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
    [book] = records_from_marcxml(io.BytesIO(data.encode("cp1251")), encoding="cp1251")
    assert normalise(book).title == "Кобзар"


def test_a_single_record_document_gives_one_record():
    [book] = records_from_marcxml(xml_record(kobzar()))
    assert normalise(book).authors[0].name == "Шевченко, Т. Г."


def test_text_is_not_decoded_again_by_its_encoding_declaration():
    data = collection(xml_record(kobzar())).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
    [book] = records_from_marcxml(data)
    assert normalise(book).title == "Кобзар"


def test_bytes_are_decoded_by_their_encoding_declaration():
    data = collection(xml_record(kobzar())).replace('encoding="UTF-8"', 'encoding="UTF-16"')
    [book] = records_from_marcxml(data.encode("utf-16"))
    assert normalise(book).title == "Кобзар"


def test_marcxml_without_the_slim_namespace_is_read():
    data = xml_record(great_expectations()).replace(f' xmlns="{SLIM}"', "")
    [book] = records_from_marcxml(data)
    assert normalise(book).title == "Great expectations"


def test_malformed_xml_gives_the_records_before_it_and_one_failure():
    data = collection(xml_record(great_expectations()), xml_record(kobzar()))
    second = data.index("<record", data.index("</record>"))
    cut = data[: second + 200]
    records = list(records_from_marcxml(cut))
    assert isinstance(records[0], pymarc.Record)
    assert isinstance(records[1], ReadFailure)
    assert records[1].reason.startswith("malformed MARCXML")
    assert len(records) == 2


def test_text_that_is_not_xml_is_one_failure():
    [failure] = records_from_marcxml(b"\x00\xff not XML at all")
    assert isinstance(failure, ReadFailure)
    assert failure.biblio_id is None


def test_empty_input_is_one_failure():
    [failure] = records_from_marcxml("")
    assert isinstance(failure, ReadFailure)


def test_xml_with_no_records_gives_none():
    assert list(records_from_marcxml(f'<collection xmlns="{SLIM}"/>')) == []


def test_record_with_a_bad_leader_is_a_failure_with_its_biblionumber_and_the_next_is_read():
    bad = xml_record(great_expectations()).replace(str(great_expectations().leader), "too short")
    records = list(records_from_marcxml(collection(bad, xml_record(kobzar()))))
    assert isinstance(records[0], ReadFailure)
    assert records[0].biblio_id == 101
    assert "leader" in records[0].reason
    assert normalise(records[1]).title == "Кобзар"


def test_datafield_without_a_tag_is_a_failure():
    bad = (
        f'<record xmlns="{SLIM}"><leader>00000nam a2200000 i 4500</leader>'
        '<datafield ind1="1" ind2="0"><subfield code="a">Untagged</subfield></datafield>'
        '<datafield tag="999" ind1=" " ind2=" "><subfield code="c">12</subfield></datafield>'
        "</record>"
    )
    [failure] = records_from_marcxml(bad)
    assert failure == ReadFailure(12, "bad <datafield>: KeyError: (None, 'tag')")


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    data = (
        f'<?xml version="1.0"?><!DOCTYPE record [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        f'<record xmlns="{SLIM}"><datafield tag="245" ind1="1" ind2="0">'
        '<subfield code="a">&x;</subfield></datafield></record>'
    )
    for each in records_from_marcxml(data):
        text = each.reason if isinstance(each, ReadFailure) else str(each)
        assert "TOP SECRET" not in text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text):
    data = collection(xml_record(kobzar()))
    for each in records_from_marcxml(data[: len(data) // 2] + text):
        assert isinstance(each, pymarc.Record | ReadFailure)
