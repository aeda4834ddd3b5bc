"""Reading MARC records as Koha sends them: MARC-in-JSON, MARCXML and ISO 2709.

A bad record never raises: it comes back as a ReadFailure, and reading goes on with the next.
"""

from __future__ import annotations

import codecs
import io
import re
import xml.sax
from collections.abc import Iterator
from dataclasses import dataclass
from xml.sax.handler import feature_external_ges, feature_external_pes, feature_namespaces
from xml.sax.xmlreader import InputSource

import pymarc
from pymarc.marcxml import XmlHandler

from koha_bridge.marc.biblio_id import biblio_id_of
from koha_bridge.marc.flavour import detect_flavour

_LEADER_LENGTH = 24
_END_OF_RECORD = b"\x1d"
_FIVE_DIGITS = re.compile(rb"\d{5}")
# Whatever separates records in files that are not strictly ISO 2709: new lines, mostly.
_BETWEEN_RECORDS = b" \t\r\n"
# pymarc decodes data as MARC-8 exactly when its file_encoding is spelled "iso8859-1", so
# genuine Latin-1 must be asked for under another of its names.
_MARC8_SENTINEL = "iso8859-1"
_LATIN_1 = "latin-1"


@dataclass(frozen=True)
class ReadFailure:
    """A record that could not be read, with its biblionumber when it could be found."""

    biblio_id: int | None
    reason: str


# MARC-in-JSON ---------------------------------------------------------------------------------


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
        return ReadFailure(_json_biblio_id_hint(good_fields), "; ".join(problems))
    try:
        return _json_record(leader, good_fields)
    except Exception as error:  # whatever pymarc makes of data we did not foresee
        return ReadFailure(None, f"MARC-in-JSON not readable: {_describe(error)}")


def records_from_marc_in_json_list(data: list) -> list[pymarc.Record | ReadFailure]:
    """The records of a MARC-in-JSON array, as Koha returns for a list of biblios."""
    if not isinstance(data, list):
        return [ReadFailure(None, f"MARC-in-JSON list is a {type(data).__name__}, not an array")]
    return [record_from_marc_in_json(item) for item in data]


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


def _json_biblio_id_hint(fields: list[dict]) -> int | None:
    try:
        return _biblio_id_hint(_json_record(" " * _LEADER_LENGTH, fields))
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


# MARCXML --------------------------------------------------------------------------------------


def records_from_marcxml(data: bytes | str) -> list[pymarc.Record | ReadFailure]:
    """The records of a MARCXML document: a single <record> or a <collection>.

    Malformed XML gives the records read before the fault and one ReadFailure.
    """
    source = InputSource()
    if isinstance(data, str):
        # Already decoded: an encoding declaration in the text must not decode it again.
        source.setCharacterStream(io.StringIO(data))
    else:
        source.setByteStream(io.BytesIO(data))
    handler = _TolerantXmlHandler()
    parser = xml.sax.make_parser()
    parser.setContentHandler(handler)
    parser.setFeature(feature_namespaces, True)
    # Records come from the network: no external entities, ever.
    parser.setFeature(feature_external_ges, False)
    parser.setFeature(feature_external_pes, False)
    try:
        parser.parse(source)
    except Exception as error:  # SAXParseException mostly; nothing may escape
        handler.results.append(ReadFailure(None, f"malformed MARCXML: {_describe(error)}"))
    return handler.results


class _TolerantXmlHandler(XmlHandler):
    """pymarc's MARCXML handler, made to note a bad record's fault and go on to the next."""

    def __init__(self) -> None:
        # Not strict: MARCXML without the MARC21 slim namespace is common enough.
        super().__init__(strict=False)
        self.results: list[pymarc.Record | ReadFailure] = []
        self._fault = ""

    def startElementNS(self, name: tuple[str | None, str], qname: str | None, attrs) -> None:
        if name[1] == "record":
            self._fault = ""
        try:
            super().startElementNS(name, qname, attrs)
        except Exception as error:
            self._spoil(name[1], error)

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
        try:
            super().endElementNS(name, qname)
        except Exception as error:
            self._spoil(name[1], error)

    def _spoil(self, element: str, error: Exception) -> None:
        self._fault = self._fault or f"bad <{element}>: {_describe(error)}"
        # Drop the element and read on, so that the biblionumber can still be found.
        self._field = None
        self._subfield_code = None

    def process_record(self, record: pymarc.Record) -> None:
        if self._fault:
            self.results.append(ReadFailure(_biblio_id_hint(record), self._fault))
        else:
            self.results.append(record)


# ISO 2709 -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Decoding:
    """How pymarc is to decode the data of the records."""

    file_encoding: str = _MARC8_SENTINEL
    force_utf8: bool = False
    explicit: bool = False  # the caller named the encoding: it overrides what records declare


def records_from_iso2709(
    data: bytes, encoding: str | None = None
) -> Iterator[pymarc.Record | ReadFailure]:
    """The records of ISO 2709 (MARC transmission format) data, one by one.

    With no encoding, records decode as they declare: MARC21 leader/09 "a" is UTF-8 and blank
    is MARC-8; UNIMARC with a blank leader/09 is UTF-8 when 100$a/26-27 is "50". A named
    encoding ("utf-8", "cp1251", "iso8859-5", "latin-1") is used for every record instead.
    Raises LookupError at once for an encoding Python does not know.
    """
    return _iso2709_records(data, _decoding(encoding))


def _decoding(encoding: str | None) -> _Decoding:
    if encoding is None:
        return _Decoding()
    name = codecs.lookup(encoding).name
    if name == "utf-8":
        return _Decoding(force_utf8=True, explicit=True)
    if name == _MARC8_SENTINEL:
        return _Decoding(file_encoding=_LATIN_1, explicit=True)
    return _Decoding(file_encoding=name, explicit=True)


def _iso2709_records(data: bytes, decoding: _Decoding) -> Iterator[pymarc.Record | ReadFailure]:
    # Records are cut at their end-of-record marks rather than by the leader's length, as
    # pymarc's MARCReader does: a wrong length or stray bytes then spoil one record, not every
    # record after it.
    *chunks, tail = data.split(_END_OF_RECORD)
    for chunk in chunks:
        chunk = chunk.lstrip(_BETWEEN_RECORDS)
        if chunk:
            yield from _read_chunk(chunk + _END_OF_RECORD, decoding)
    if tail.strip(_BETWEEN_RECORDS):
        yield ReadFailure(None, f"truncated record: {len(tail)} bytes and no end-of-record mark")


def _read_chunk(chunk: bytes, decoding: _Decoding) -> Iterator[pymarc.Record | ReadFailure]:
    start = _record_start(chunk)
    if start is None:
        yield ReadFailure(_salvaged_biblio_id(chunk, decoding), _leader_fault(chunk))
        return
    if start > 0:
        yield ReadFailure(None, f"{start} unreadable bytes before a record")
    yield _parse(chunk[start:], decoding)


def _record_start(chunk: bytes) -> int | None:
    """Where in the chunk the record starts whose leader gives the length up to the chunk's end."""
    for match in re.finditer(rb"(?=(\d{5}))", chunk):
        start = match.start()
        if int(match.group(1)) == len(chunk) - start and _FIVE_DIGITS.fullmatch(
            chunk[start + 12 : start + 17]  # a base address where a leader would have one
        ):
            return start
    return None


def _leader_fault(chunk: bytes) -> str:
    """What in the leader stops the record from being found: its length or its base address."""
    declared, base_address = chunk[:5], chunk[12:17]
    if not _FIVE_DIGITS.fullmatch(declared):
        return f"record length in the leader is not five digits: {declared!r}"
    if int(declared) != len(chunk):
        return (
            f"leader gives a record length of {int(declared)} bytes but the record has {len(chunk)}"
        )
    return f"base address of data in the leader is not five digits: {base_address!r}"


def _parse(chunk: bytes, decoding: _Decoding) -> pymarc.Record | ReadFailure:
    if decoding.explicit and not decoding.force_utf8 and chunk[9:10] == b"a":
        # pymarc decodes a record marked "a" as UTF-8 whatever it is told; the caller knows better.
        chunk = chunk[:9] + b" " + chunk[10:]
    force_utf8 = decoding.force_utf8 or (not decoding.explicit and _unimarc_in_utf8(chunk))
    try:
        return _record(chunk, decoding, force_utf8, "strict")
    except Exception as error:  # pymarc raises many kinds; none may escape
        return ReadFailure(_salvaged_biblio_id(chunk, decoding), _describe(error))


def _record(
    chunk: bytes, decoding: _Decoding, force_utf8: bool, utf8_handling: str
) -> pymarc.Record:
    return pymarc.Record(
        chunk,
        to_unicode=True,
        force_utf8=force_utf8,
        # Unmappable MARC-8 characters become spaces; pymarc would also print each to stderr.
        hide_utf8_warnings=True,
        utf8_handling=utf8_handling,
        file_encoding=decoding.file_encoding,
    )


def _unimarc_in_utf8(chunk: bytes) -> bool:
    """Whether a record with a blank leader/09 is UNIMARC declaring UTF-8 in 100$a/26-27."""
    if chunk[9:10] == b"a":
        return False
    try:
        raw = pymarc.Record(chunk, to_unicode=False)
    except Exception:
        return False  # the real parse will say what is wrong
    if raw.get("200") is None or raw.get("245") is not None:
        return False
    general = raw.get("100")
    value = general.get("a") if general is not None else None
    return isinstance(value, bytes) and value[26:28] == b"50"


def _salvaged_biblio_id(chunk: bytes, decoding: _Decoding) -> int | None:
    """The biblionumber of a record that failed, read as leniently as pymarc allows."""
    if len(chunk) > 99999:
        return None
    # Put the real length and base address in the leader and let bad UTF-8 through: only the
    # number is wanted. The data starts after the directory's field terminator.
    base_address = chunk.find(b"\x1e") + 1
    if not 0 < base_address <= 99999:
        return None
    patched = (
        f"{len(chunk):05d}".encode("ascii")
        + chunk[5:12]
        + f"{base_address:05d}".encode("ascii")
        + chunk[17:]
    )
    try:
        record = _record(patched, decoding, decoding.force_utf8, "replace")
    except Exception:
        return None
    return _biblio_id_hint(record)


# Shared ---------------------------------------------------------------------------------------


def _biblio_id_hint(record: pymarc.Record) -> int | None:
    """The biblionumber of a record read in part, for a ReadFailure to name."""
    try:
        return biblio_id_of(record, detect_flavour(record))
    except Exception:
        return None


def _describe(error: Exception) -> str:
    detail = str(error)
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__
