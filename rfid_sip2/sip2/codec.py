"""Encode messages to bytes and decode bytes to messages, tolerant of real devices by default.

Tolerated unless ``strict``: a missing final delimiter, 18 blanks in date fields, a stray
delimiter after the fixed part, undecodable bytes (replaced), missing required fields, field
values over 255 characters, odd 99 layouts, a line feed the account's terminator does not have.
Each tolerance is noted in ``Decoded.warnings``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from rfid_sip2.sip2.checksum import checksum, verify
from rfid_sip2.sip2.dates import format_date, parse_date
from rfid_sip2.sip2.errors import (
    ChecksumMismatch,
    DecodeError,
    FieldTooLong,
    MalformedMessage,
    NotText,
    UnknownCommand,
)
from rfid_sip2.sip2.fields import Fixed, Kind, PatronStatus, Tagged
from rfid_sip2.sip2.messages import MESSAGE_TYPES, Message, SCStatus

MAX_FIELD_LENGTH = 255
# AY/AZ are found from the end: data can hold those letters too. Fewer than 4 hex digits are
# read as a checksum that fails, not as data: some clients drop the leading zeros.
_TRAILER = re.compile(rb"AY([0-9])AZ([0-9A-Fa-f]{1,4})$")
_CHECKSUM_ONLY = re.compile(rb"AZ([0-9A-Fa-f]{1,4})$")
_NO_SEQUENCE = frozenset({"96", "97"})
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SC_STATUS = re.compile(r"^99([0-9 ])(.*?)(\d\.\d[0-9A-Z])\|?$")
_SC_STATUS_FIXED = re.compile(r"[0-9][0-9 ]{3}\d\.\d[0-9A-Z]")


@dataclass(frozen=True)
class CodecOptions:
    """Per-account wire settings."""

    encoding: str = "utf-8"  # utf-8, cp850, latin-1...
    delimiter: str = "|"
    terminator: bytes = b"\r"  # some devices want b"\r\n"
    strict: bool = False


DEFAULT = CodecOptions()


@dataclass(frozen=True)
class Decoded:
    message: Message
    sequence_number: int | None = None
    checksum: str | None = None
    warnings: tuple[str, ...] = ()


# -- encoding -----------------------------------------------------------------------------


def _clean(value: str, delimiter: str) -> str:
    """What may go inside a field: no delimiter, no control characters (CR would end it)."""
    return _CONTROL.sub(" ", value.replace(delimiter, " "))


def _fixed_text(spec: Fixed, value: Any) -> str:
    kind = spec.kind
    if kind is Kind.FLAG:
        return "Y" if value else "N"
    if kind is Kind.BIT:
        return "1" if value else "0"
    if kind is Kind.YNU:
        return "U" if value is None else ("Y" if value else "N")
    if kind is Kind.DATE:
        return format_date(value)
    if kind is Kind.COUNT:
        return " " * 4 if value is None else f"{min(max(int(value), 0), 9999):04d}"
    if kind is Kind.STATUS:
        return value.to_wire()
    return str(value).ljust(spec.length)[: spec.length]


def _tagged_text(spec: Tagged, value: Any) -> str:
    if spec.kind is Kind.FLAG:
        return "Y" if value else "N"
    if spec.kind is Kind.DATE:
        return format_date(value)
    return str(value)


def encode(
    message: Message,
    *,
    sequence_number: int | None = None,
    error_detection: bool = False,
    options: CodecOptions = DEFAULT,
) -> bytes:
    """The message's bytes with its terminator; with AY/AZ when error detection is on."""
    delimiter = options.delimiter
    parts = [message.CODE]
    parts += [_clean(_fixed_text(f, getattr(message, f.name)), delimiter) for f in message.FIXED]
    for spec in message.TAGGED:
        value = getattr(message, spec.name)
        values = value if spec.repeat else ([] if value is None else [value])
        if spec.required and not values:
            values = [""]
        for item in values:
            parts.append(f"{spec.code}{_clean(_tagged_text(spec, item), delimiter)}{delimiter}")
    for code, value in message.extra_fields:
        parts.append(f"{code}{_clean(value, delimiter)}{delimiter}")
    if error_detection:
        parts.append("AZ" if message.CODE in _NO_SEQUENCE else f"AY{(sequence_number or 0) % 10}AZ")
    body = "".join(parts).encode(options.encoding, errors="replace")
    if error_detection:
        body += checksum(body).encode("ascii")
    return body + options.terminator


# -- decoding -----------------------------------------------------------------------------


def _split_trailer(frame: bytes) -> tuple[bytes, int | None, str | None, bytes | None]:
    """Body, sequence number, checksum and the bytes the checksum covers."""
    found = _TRAILER.search(frame)
    if found:
        return (
            frame[: found.start()],
            int(found.group(1)),
            found.group(2).decode(),
            frame[: found.start(2)],
        )
    found = _CHECKSUM_ONLY.search(frame)
    if found and frame[:2] in (b"96", b"97"):
        return frame[: found.start()], None, found.group(1).decode(), frame[: found.start(1)]
    return frame, None, None, None


def _fixed_value(spec: Fixed, text: str, notes: list[str], strict: bool) -> Any:
    kind = spec.kind
    if kind is Kind.TEXT:
        return text
    if kind is Kind.STATUS:
        return PatronStatus.from_wire(text)
    if kind is Kind.DATE:
        return _date(spec.name, text, notes, strict)
    if kind is Kind.COUNT:
        if text.strip() == "":
            return None
        if text.isdigit():
            return int(text)
        if strict:
            raise ValueError(f"{spec.name}: not a count: {text!r}")
        notes.append(f"{spec.name}: unreadable count {text!r} taken as none")
        return None
    return _letter(spec.name, kind, text, notes, strict)


def _date(name: str, text: str, notes: list[str], strict: bool) -> datetime | None:
    """A date field; blanks, which the spec does not allow but devices send, are noted as such."""
    try:
        moment = parse_date(text)
    except ValueError:
        if strict:
            raise
        notes.append(f"{name}: unreadable date {text!r} taken as none")
        return None
    if moment is None and text.strip() == "":
        if strict:
            raise ValueError(f"{name}: blank date")
        notes.append(f"{name}: blank date taken as none")
    return moment


def _letter(name: str, kind: Kind, text: str, notes: list[str], strict: bool) -> bool | None:
    letter = text.upper()
    table = {
        Kind.FLAG: {"Y": True, "N": False},
        Kind.BIT: {"1": True, "0": False},
        Kind.YNU: {"Y": True, "N": False, "U": None},
    }[kind]
    if letter in table:
        return table[letter]
    if strict:
        raise ValueError(f"{name}: unexpected {text!r}")
    notes.append(f"{name}: unexpected {text!r} read as no")
    return None if kind is Kind.YNU else letter in ("Y", "1")


def _decode_sc_status(text: str, strict: bool) -> tuple[dict, list[str]] | None:
    """99 as devices really send it: odd print widths, version 2.0E, a trailing delimiter."""
    if strict:
        return None
    found = _SC_STATUS.match(text)
    if not found:
        return None
    status, width, version = found.groups()
    return {
        "status_code": status,
        "max_print_width": width,
        "protocol_version": version,
    }, [f"SC status read leniently: {text!r}"]


def decode(frame: bytes, options: CodecOptions = DEFAULT) -> Decoded | DecodeError:
    """One frame (without its terminator) as a message, or the reason it is not one."""
    # A line feed before the frame or after its CR: a CRLF device on a CR account.
    line_feed = b"\n" in frame[:1] + frame.rstrip(b"\r")[-1:] and b"\n" not in options.terminator
    frame = frame.strip(b"\r\n")
    command = frame[:2].decode("ascii", errors="replace")
    if b"\x00" in frame:
        return MalformedMessage("NUL byte in frame", command)
    body, sequence, given, covered = _split_trailer(frame)
    if given is not None and not verify(covered, given):
        return ChecksumMismatch(
            f"checksum {given} does not match (expected {checksum(covered)})", command, sequence
        )
    notes: list[str] = []
    if line_feed:
        if options.strict:
            return MalformedMessage("line feed around the frame", command, sequence)
        notes.append("line feed around the frame taken as part of the terminator")
    try:
        text = body.decode(options.encoding)
    except UnicodeDecodeError:
        if options.strict:
            return NotText(f"not {options.encoding} text", command, sequence)
        text = body.decode(options.encoding, errors="replace")
        notes.append(f"bytes that are not {options.encoding} replaced")
    message_type = MESSAGE_TYPES.get(command)
    if message_type is None:
        return UnknownCommand(f"unknown command {command!r}", command, sequence)
    try:
        values = _fields(message_type, text, options, notes)
    except ValueError as error:
        return MalformedMessage(str(error), command, sequence)
    except _TooLong as error:
        return FieldTooLong(str(error), command, sequence)
    return Decoded(message_type(**values), sequence, given, tuple(notes))


class _TooLong(Exception):
    pass


def _fields(cls: type[Message], text: str, options: CodecOptions, notes: list[str]) -> dict:
    strict = options.strict
    fixed_length = sum(spec.length for spec in cls.FIXED)
    rest = text[2 + fixed_length :]
    fixed_text = text[2 : 2 + fixed_length]
    values: dict[str, Any] = {}
    lenient_99 = None
    if cls is SCStatus and not _SC_STATUS_FIXED.fullmatch(fixed_text):
        lenient_99 = _decode_sc_status(text, strict)
    if lenient_99 is not None:
        values, extra_notes = lenient_99
        notes.extend(extra_notes)
        return values
    if len(fixed_text) < fixed_length:
        raise ValueError(f"fixed part is {len(fixed_text)} characters, not {fixed_length}")
    if strict and options.delimiter in fixed_text:
        raise ValueError("delimiter inside the fixed part: it is shorter than its layout")
    position = 0
    for spec in cls.FIXED:
        piece = fixed_text[position : position + spec.length]
        position += spec.length
        values[spec.name] = _fixed_value(spec, piece, notes, strict)
    _tagged(cls, rest, options, values, notes)
    return values


def _tagged(
    cls: type[Message], rest: str, options: CodecOptions, values: dict, notes: list[str]
) -> None:
    delimiter, strict = options.delimiter, options.strict
    by_code = {spec.code: spec for spec in cls.TAGGED}
    seen: set[str] = set()
    extra: list[tuple[str, str]] = []
    if rest.startswith(delimiter):
        if strict:
            raise ValueError("delimiter where a field identifier should be")
        notes.append("stray delimiter after the fixed part")
        rest = rest[1:]
    while rest:
        code, end = rest[:2], rest.find(delimiter, 2)
        if len(code) < 2:
            raise ValueError(f"truncated field {rest!r}")
        if end == -1:
            if strict:
                raise ValueError(f"field {code} has no delimiter")
            notes.append(f"field {code} has no delimiter")
            value, rest = rest[2:], ""
        else:
            value, rest = rest[2:end], rest[end + len(delimiter) :]
        if len(value) > MAX_FIELD_LENGTH:
            if strict:
                raise _TooLong(f"field {code} is {len(value)} characters long")
            notes.append(f"field {code} is longer than {MAX_FIELD_LENGTH} characters")
        spec = by_code.get(code)
        if spec is None:
            extra.append((code, value))
            continue
        _store(spec, value, values, seen, notes, strict)
    missing = [s.code for s in cls.TAGGED if s.required and s.code not in seen]
    if missing:
        if strict:
            raise ValueError(f"required fields missing: {', '.join(missing)}")
        notes.append(f"required fields missing: {', '.join(missing)}")
    if extra:
        values["extra_fields"] = tuple(extra)


def _store(
    spec: Tagged, value: str, values: dict, seen: set[str], notes: list[str], strict: bool
) -> None:
    if spec.length is not None and len(value) != spec.length and strict:
        raise ValueError(f"field {spec.code} must be {spec.length} characters")
    if spec.kind is Kind.FLAG:
        converted: Any = _letter(spec.name, Kind.FLAG, value[:1], notes, strict) if value else None
    elif spec.kind is Kind.DATE:
        converted = _date(spec.code, value, notes, strict)
    else:
        converted = value
    if spec.repeat:
        values[spec.name] = (*values.get(spec.name, ()), converted)
    elif spec.code in seen:
        notes.append(f"field {spec.code} repeated; the first is kept")
    else:
        values[spec.name] = converted
    seen.add(spec.code)
