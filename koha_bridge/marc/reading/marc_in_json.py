"""MARC-in-JSON as Koha sends it (application/marc-in-json): one record, a list of them, or a
file of them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

import pymarc

from koha_bridge.marc.reading.failure import ReadFailure, biblio_id_hint, describe
from koha_bridge.marc.reading.json_values import MalformedJson, json_values

_LEADER_LENGTH = 24


def record_from_marc_in_json(data: dict) -> pymarc.Record | ReadFailure:
    """A record from Koha's application/marc-in-json: {"leader": ..., "fields": [...]}."""
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
        return ReadFailure(_jsonbiblio_id_hint(good_fields), "; ".join(problems))
    try:
        return _json_record(leader, good_fields)
    except Exception as error:  # whatever pymarc makes of data we did not foresee
        return ReadFailure(None, f"MARC-in-JSON not readable: {describe(error)}")


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


def _json_fields(fields: list) -> tuple[list[dict], list[str]]:
    """The well-formed fields, completed for pymarc, and what is wrong with the others."""
    good: list[dict] = []
    problems: list[str] = []
    for position, item in enumerate(fields, start=1):
        if not isinstance(item, dict) or len(item) != 1:
            problems.append(f"field {position} is not a single {{tag: content}} object")
            continue
        [(tag, content)] = item.items()
        if problem := _json_field_problem(tag, content):
            problems.append(f"field {position} ({tag}): {problem}")
            continue
        if isinstance(content, str):
            good.append({tag: content})
        else:
            good.append(
                {
                    tag: {
                        # Koha always sends indicators; other producers leave blank ones out.
                        "ind1": content.get("ind1") or " ",
                        "ind2": content.get("ind2") or " ",
                        "subfields": content["subfields"],
                    }
                }
            )
    return good, problems


def _json_field_problem(tag: object, content: object) -> str:
    if not isinstance(tag, str) or len(tag) != 3:
        return "tag is not three characters"
    if tag < "010" and tag.isdigit():
        return "" if isinstance(content, str) else "control field content is not text"
    if not isinstance(content, dict):
        return "data field content is not an object"
    for indicator in ("ind1", "ind2"):
        value = content.get(indicator) or " "
        if not isinstance(value, str) or len(value) != 1:
            return f"{indicator} is not one character"
    subfields = content.get("subfields")
    if not isinstance(subfields, list):
        return 'no "subfields" list'
    for subfield in subfields:
        if not isinstance(subfield, dict) or len(subfield) != 1:
            return "a subfield is not a single {code: value} object"
        [(code, value)] = subfield.items()
        if not isinstance(code, str) or len(code) != 1 or not isinstance(value, str):
            return f"subfield {code!r} is not a one-character code with a text value"
    return ""


def _jsonbiblio_id_hint(fields: list[dict]) -> int | None:
    try:
        return biblio_id_hint(_json_record(" " * _LEADER_LENGTH, fields))
    except Exception:
        return None


def _json_record(leader: str, fields: list[dict]) -> pymarc.Record:
    """Build the record from fields already checked, without a round trip through JSON text."""
    record = pymarc.Record(leader=leader)
    for item in fields:
        [(tag, content)] = item.items()
        if isinstance(content, str):
            record.add_field(pymarc.Field(tag=tag, data=content))
            continue
        subfields = [
            pymarc.Subfield(code, value)
            for subfield in content["subfields"]
            for code, value in subfield.items()
        ]
        indicators = pymarc.Indicators(content["ind1"], content["ind2"])
        record.add_field(pymarc.Field(tag=tag, indicators=indicators, subfields=subfields))
    return record
