"""ISO 2709 (MARC transmission format) in MARC-8, UTF-8 or a legacy single-byte code page."""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

import pymarc

from koha_bridge.marc.reading.failure import ReadFailure, biblio_id_hint, describe

_END_OF_RECORD = b"\x1d"
_FIVE_DIGITS = re.compile(rb"\d{5}")
# Whatever separates records in files that are not strictly ISO 2709: new lines, mostly.
_BETWEEN_RECORDS = b" \t\r\n"
# pymarc decodes data as MARC-8 exactly when its file_encoding is spelled "iso8859-1", so
# genuine Latin-1 must be asked for under another of its names.
_MARC8_SENTINEL = "iso8859-1"
_LATIN_1 = "latin-1"
_BLOCK = 1 << 16
# A record's length has five digits: far more than 99,999 bytes without an end-of-record mark
# is not a record, and is not kept in memory waiting for one.
_LONGEST_RECORD = 1 << 20


@dataclass(frozen=True)
class _Decoding:
    """How pymarc is to decode the data of the records."""

    file_encoding: str = _MARC8_SENTINEL
    force_utf8: bool = False
    explicit: bool = False  # the caller named the encoding: it overrides what records declare


def records_from_iso2709(
    data: bytes | BinaryIO, encoding: str | None = None
) -> Iterator[pymarc.Record | ReadFailure]:
    """The records of ISO 2709 (MARC transmission format) data or file, one by one as the file
    is read.

    With no encoding, records decode as they declare: MARC21 leader/09 "a" is UTF-8 and blank
    is MARC-8; UNIMARC with a blank leader/09 is UTF-8 when 100$a/26-27 is "50". A named
    encoding ("utf-8", "cp1251", "iso8859-5", "latin-1") is used for every record instead.
    Raises LookupError at once for an encoding Python does not know.
    """
    file = io.BytesIO(data) if isinstance(data, bytes) else data
    return _iso2709_records(file, _decoding(encoding))


def _decoding(encoding: str | None) -> _Decoding:
    if encoding is None:
        return _Decoding()
    name = codecs.lookup(encoding).name
    if name == "utf-8":
        return _Decoding(force_utf8=True, explicit=True)
    if name == _MARC8_SENTINEL:
        return _Decoding(file_encoding=_LATIN_1, explicit=True)
    return _Decoding(file_encoding=name, explicit=True)


def _iso2709_records(file: BinaryIO, decoding: _Decoding) -> Iterator[pymarc.Record | ReadFailure]:
    # Records are cut at their end-of-record marks rather than by the leader's length, as
    # pymarc's MARCReader does: a wrong length or stray bytes then spoil one record, not every
    # record after it.
    tail = b""
    while block := file.read(_BLOCK):
        *chunks, tail = (tail + block).split(_END_OF_RECORD)
        for chunk in chunks:
            chunk = chunk.lstrip(_BETWEEN_RECORDS)
            if chunk:
                yield from _read_chunk(chunk + _END_OF_RECORD, decoding)
        if len(tail) > _LONGEST_RECORD:
            yield ReadFailure(None, f"{len(tail)} bytes without an end-of-record mark")
            tail = b""
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
        return ReadFailure(_salvaged_biblio_id(chunk, decoding), describe(error))


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
    return biblio_id_hint(record)
