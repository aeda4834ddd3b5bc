"""MARC-in-JSON as Koha sends it (application/marc-in-json): one record, a list of them, or a
file of them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

import pymarc

from koha_bridge.marc.reading.failure import ReadFailure, biblio_id_hint, describe
from koha_bridge.marc.reading.json_values import MalformedJson, json_values
from koha_bridge.marc.tagged import TaggedField, TaggedRecord

_LEADER_LENGTH = 24


def record_from_marc_in_json(data: dict) -> pymarc.Record | ReadFailure:
    """A record from Koha's application/marc-in-json: {"leader": ..., "fields": [...]}."""
    tagged = tagged_record_from_marc_in_json(data)
    if isinstance(tagged, ReadFailure):
        return tagged
    try:
        return _pymarc_record(tagged)
    except Exception as error:  # whatever pymarc makes of data we did not foresee
        return ReadFailure(None, f"MARC-in-JSON not readable: {describe(error)}")


def tagged_record_from_marc_in_json(data: dict) -> TaggedRecord | ReadFailure:
    """The same record as a light TaggedRecord, what a catalogue sync normalises: checked and
    built in one walk over the JSON."""
    if not isinstance(data, dict):
        return ReadFailure(None, f"MARC-in-JSON record is a {type(data).__name__}, not an object")
    fields = data.get("fields")
    if not isinstance(fields, list):
        return ReadFailure(None, 'MARC-in-JSON record has no "fields" list')
    good_fields, problems = _json_fields(fields)
    leader = data.get("leader")
    if not isinstance(leader, str):
        problems.insert(0, 'no "leader"')
    elif len(leader) != _LEADER_LENGTH:
        problems.insert(0, f"leader is {len(leader)} characters long, not {_LEADER_LENGTH}")
    if problems:
        hint = biblio_id_hint(TaggedRecord(" " * _LEADER_LENGTH, good_fields))
        return ReadFailure(hint, "; ".join(problems))
    return TaggedRecord(leader, good_fields)


def records_from_marc_in_json_list(data: list) -> list[pymarc.Record | ReadFailure]:
    """The records of a MARC-in-JSON array, as Koha returns for a list of biblios."""
    if not isinstance(data, list):
        return [ReadFailure(None, f"MARC-in-JSON list is a {type(data).__name__}, not an array")]
    return [record_from_marc_in_json(item) for item in data]


def records_from_marc_in_json_file(
    file: BinaryIO, encoding: str = "utf-8"
) -> Iterator[pymarc.Record | ReadFailure]:
    """The records of a MARC-in-JSON file, one by one as it is read: an array of records (as
    Koha lists them and pymarc writes them), one record, or one record per line.

    Where the text stops being JSON, one ReadFailure ends the records.
    """
    try:
        for value in json_values(file, encoding):
            yield record_from_marc_in_json(value)
    except MalformedJson as error:
        yield ReadFailure(None, f"malformed MARC-in-JSON: {error}")


def _json_fields(fields: list) -> tuple[list[TaggedField], list[str]]:
    """The well-formed fields, and what is wrong with the others."""
    good: list[TaggedField] = []
    problems: list[str] = []
    for position, item in enumerate(fields, start=1):
        if not isinstance(item, dict) or len(item) != 1:
            problems.append(f"field {position} is not a single {{tag: content}} object")
            continue
        [(tag, content)] = item.items()
        field = _json_field(tag, content, len(good))
        if isinstance(field, str):
            problems.append(f"field {position} ({tag}): {field}")
        else:
            good.append(field)
    return good, problems


def _json_field(tag: object, content: object, position: int) -> TaggedField | str:
    """The field, or what is wrong with it."""
    if not isinstance(tag, str) or len(tag) != 3:
        return "tag is not three characters"
    if tag < "010" and tag.isdigit():
        if isinstance(content, str):
            return TaggedField(tag, position, content)
        return "control field content is not text"
    if not isinstance(content, dict):
        return "data field content is not an object"
    # Koha always sends indicators; other producers leave blank ones out.
    indicators = (content.get("ind1") or " ", content.get("ind2") or " ")
    for name, value in zip(("ind1", "ind2"), indicators, strict=True):
        if not isinstance(value, str) or len(value) != 1:
            return f"{name} is not one character"
    subfields = content.get("subfields")
    if not isinstance(subfields, list):
        return 'no "subfields" list'
    pairs: list[tuple[str, str]] = []
    for subfield in subfields:
        if not isinstance(subfield, dict) or len(subfield) != 1:
            return "a subfield is not a single {code: value} object"
        [pair] = subfield.items()
        code, value = pair
        if not isinstance(code, str) or len(code) != 1 or not isinstance(value, str):
            return f"subfield {code!r} is not a one-character code with a text value"
        pairs.append(pair)
    return TaggedField(tag, position, None, indicators, pairs)


def _pymarc_record(tagged: TaggedRecord) -> pymarc.Record:
    """Build the record from fields already checked, without a round trip through JSON text."""
    record = pymarc.Record(leader=tagged.leader)
    for field in tagged.fields:
        if field.data is not None:
            record.add_field(pymarc.Field(tag=field.tag, data=field.data))
            continue
        subfields = [pymarc.Subfield(code, value) for code, value in field.subfields]
        indicators = pymarc.Indicators(field.indicator1, field.indicator2)
        record.add_field(pymarc.Field(tag=field.tag, indicators=indicators, subfields=subfields))
    return record
