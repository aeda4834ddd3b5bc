"""Building test records: pymarc Records from compact field lists, and ISO 2709 bytes by hand."""

from __future__ import annotations

from collections.abc import Iterable

import pymarc

MARC21_LEADER = "00000nam a2200000 i 4500"
# UNIMARC leaves leader/09 undefined: the character set is in 100$a/26-29.
UNIMARC_LEADER = "00000nam  2200000   450 "


def control(tag: str, data: str) -> pymarc.Field:
    """A control field: control("001", "42")."""
    return pymarc.Field(tag=tag, data=data)


def field(tag: str, indicators: str, *codes_and_values: str) -> pymarc.Field:
    """A data field from alternating codes and values: field("245", "10", "a", "Title")."""
    pairs = zip(codes_and_values[::2], codes_and_values[1::2], strict=True)
    return pymarc.Field(
        tag=tag,
        indicators=pymarc.Indicators(indicators[0], indicators[1]),
        subfields=[pymarc.Subfield(code, value) for code, value in pairs],
    )


def record(*fields: pymarc.Field, leader: str = MARC21_LEADER) -> pymarc.Record:
    """A record with these fields, in this order."""
    built = pymarc.Record(leader=leader)
    built.add_field(*fields)
    return built


def unimarc_100a(year: str, language: str = "ukr", charset: str = "50") -> str:
    """UNIMARC 100$a, general processing data, 36 positions; charset "50" is UTF-8."""
    value = f"20240115d{year}    m  y0{language}y{charset:<4}    ca"
    assert len(value) == 36
    return value


def iso2709(fields: Iterable[pymarc.Field], leader: str, encoding: str) -> bytes:
    """One record in ISO 2709, assembled here so tests do not trust pymarc's writer.

    Values are encoded with ``encoding``; for MARC-8 give the MARC-8 bytes as latin-1
    characters ("\\xe2e" is acute + e) and encoding="latin-1".
    """
    directory = b""
    data = b""
    for each in fields:
        if each.control_field:
            body = each.data.encode(encoding)
        else:
            body = "".join(each.indicators).encode("ascii") + b"".join(
                b"\x1f" + code.encode("ascii") + value.encode(encoding)
                for code, value in each.subfields
            )
        body += b"\x1e"
        directory += f"{each.tag}{len(body):04d}{len(data):05d}".encode("ascii")
        data += body
    directory += b"\x1e"
    base_address = 24 + len(directory)
    length = base_address + len(data) + 1
    head = f"{length:05d}{leader[5:12]}{base_address:05d}{leader[17:]}".encode("ascii")
    return head + directory + data + b"\x1d"
