"""Encode messages to bytes and decode bytes to messages, tolerant of real devices by default.

Tolerated unless ``strict``: a missing final delimiter, 18 blanks in date fields, a stray
delimiter after the fixed part, undecodable bytes (replaced), missing required fields, field
values over 255 characters, odd 99 layouts, a line feed the account's terminator does not have.
Each tolerance is noted in ``Decoded.warnings``.

A message that needs none of that goes through the reader or writer compiled for its class
(``fastpath``); anything else, or anything they are unsure of, takes the general path here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
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
from rfid_sip2.sip2.fastpath import (
    MAX_FIELD_LENGTH,
    SC_STATUS_FIXED,
    Compiled,
    Reader,
    Unusual,
    reader,
    writer,
)
from rfid_sip2.sip2.fields import Fixed, Kind, PatronStatus, Tagged
from rfid_sip2.sip2.messages import MESSAGE_TYPES, Message, SCStatus

# AY/AZ are found from the end: data can hold those letters too. Fewer than 4 hex digits are
# read as a checksum that fails, not as data: some clients drop the leading zeros.
_TRAILER = re.compile(rb"AY([0-9])AZ([0-9A-Fa-f]{1,4})$")
_CHECKSUM_ONLY = re.compile(rb"AZ([0-9A-Fa-f]{1,4})$")
_TRAILER_TAIL = 10
_NO_SEQUENCE = frozenset({"96", "97"})
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SC_STATUS = re.compile(r"^99([0-9 ])(.*?)(\d\.\d[0-9A-Z])\|?$")
_HEX4 = re.compile(rb"[0-9A-Fa-f]{4}").fullmatch
_new = object.__new__
_set_dict = object.__setattr__


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
    # Nearly every value is already clean: isprintable() is False for every control character.
    if delimiter not in value and value.isprintable():
        return value
    return _CONTROL.sub(" ", value.replace(delimiter, " "))


def _fixed_text(spec: Fixed) -> Callable[[Any], str]:
    """The function that writes one fixed field's characters."""
    kind, length = spec.kind, spec.length
    if kind is Kind.FLAG:
        return lambda value: "Y" if value else "N"
    if kind is Kind.BIT:
        return lambda value: "1" if value else "0"
    if kind is Kind.YNU:
        return lambda value: "U" if value is None else ("Y" if value else "N")
    if kind is Kind.DATE:
        return format_date
    if kind is Kind.COUNT:
        return lambda value: " " * 4 if value is None else f"{min(max(int(value), 0), 9999):04d}"
    if kind is Kind.STATUS:
        return lambda value: value.to_wire()
    return lambda value: str(value).ljust(length)[:length]


def _tagged_text(spec: Tagged) -> Callable[[Any], str]:
    """The function that writes one identified field's value."""
    if spec.kind is Kind.FLAG:
        return lambda value: "Y" if value else "N"
    if spec.kind is Kind.DATE:
        return format_date
    return str


@dataclass(frozen=True)
class _Writer:
    """A message class's layout as encoding walks it, built once per class."""

    fixed: tuple[tuple[str, Callable[[Any], str]], ...]
    tagged: tuple[tuple[str, str, Callable[[Any], str], bool, bool], ...]


@cache
def _writer(cls: type[Message]) -> _Writer:
    return _Writer(
        tuple((spec.name, _fixed_text(spec)) for spec in cls.FIXED),
        tuple(
            (spec.name, spec.code, _tagged_text(spec), spec.repeat, spec.required)
            for spec in cls.TAGGED
        ),
    )


def encode(
    message: Message,
    *,
    sequence_number: int | None = None,
    error_detection: bool = False,
    options: CodecOptions = DEFAULT,
) -> bytes:
    """The message's bytes with its terminator; with AY/AZ when error detection is on."""
    delimiter = options.delimiter
    write = _WRITERS[type(message)]
    text = write(message, delimiter) if write is not None and len(delimiter) == 1 else None
    if text is None:
        text = _text(message, delimiter)
    if not error_detection:
        return text.encode(options.encoding, errors="replace") + options.terminator
    text += "AZ" if message.CODE in _NO_SEQUENCE else f"AY{(sequence_number or 0) % 10}AZ"
    body = text.encode(options.encoding, errors="replace")
    return body + checksum(body).encode("ascii") + options.terminator


def _text(message: Message, delimiter: str) -> str:
    """The general path: each value written and cleaned one at a time."""
    writer = _writer(type(message))
    parts = [message.CODE]
    parts += [_clean(text(getattr(message, name)), delimiter) for name, text in writer.fixed]
    for name, code, text, repeat, required in writer.tagged:
        value = getattr(message, name)
        values = value if repeat else (() if value is None else (value,))
        if required and not values:
            values = ("",)
        for item in values:
            parts.append(f"{code}{_clean(text(item), delimiter)}{delimiter}")
    for code, value in message.extra_fields:
        parts.append(f"{code}{_clean(value, delimiter)}{delimiter}")
    return "".join(parts)


# Compiled once per message class, when first used: the path of clean messages.
_WRITERS = Compiled(writer)
_READERS = Compiled(reader)

# -- decoding -----------------------------------------------------------------------------


def _split_trailer(frame: bytes) -> tuple[bytes, int | None, str | None, bytes | None]:
    """Body, sequence number, checksum and the bytes the checksum covers."""
    # The trailer is at most 9 bytes (10 with a final line feed, which $ allows): searching only
    # the tail finds the same match without scanning the whole frame.
    offset = max(len(frame) - _TRAILER_TAIL, 0)
    tail = frame[offset:]
    found = _TRAILER.search(tail)
    if found:
        return (
            frame[: offset + found.start()],
            int(found.group(1)),
            found.group(2).decode(),
            frame[: offset + found.start(2)],
        )
    found = _CHECKSUM_ONLY.search(tail)
    if found and frame[:2] in (b"96", b"97"):
        start, checksum_start = offset + found.start(), offset + found.start(1)
        return frame[:start], None, found.group(1).decode(), frame[:checksum_start]
    return frame, None, None, None


# How a field's text becomes its value: (name for notes, text, notes, strict) -> value.
_Read = Callable[[str, str, list[str], bool], Any]
# An identified field: its name, the label its notes use, its reader (None: text as sent),
# whether it repeats, its fixed length if any.
_TaggedField = tuple[str, str, _Read | None, bool, int | None]


def _count(name: str, text: str, notes: list[str], strict: bool) -> int | None:
    if text.isdigit():
        return int(text)
    if text.strip() == "":
        return None
    if strict:
        raise ValueError(f"{name}: not a count: {text!r}")
    notes.append(f"{name}: unreadable count {text!r} taken as none")
    return None


def _status(name: str, text: str, notes: list[str], strict: bool) -> PatronStatus:
    return PatronStatus.from_wire(text)


def _fixed_reader(spec: Fixed) -> _Read | None:
    """The function that reads one fixed field; None for text, kept as sent."""
    kind = spec.kind
    if kind is Kind.TEXT:
        return None
    if kind is Kind.STATUS:
        return _status
    if kind is Kind.DATE:
        return _date
    if kind is Kind.COUNT:
        return _count
    return _LETTER_READERS[kind]


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


_LETTERS: dict[Kind, dict[str, bool | None]] = {
    Kind.FLAG: {"Y": True, "N": False},
    Kind.BIT: {"1": True, "0": False},
    Kind.YNU: {"Y": True, "N": False, "U": None},
}


def _letter(name: str, kind: Kind, text: str, notes: list[str], strict: bool) -> bool | None:
    letter = text.upper()
    table = _LETTERS[kind]
    if letter in table:
        return table[letter]
    if strict:
        raise ValueError(f"{name}: unexpected {text!r}")
    notes.append(f"{name}: unexpected {text!r} read as no")
    return None if kind is Kind.YNU else letter in ("Y", "1")


def _flag(name: str, text: str, notes: list[str], strict: bool) -> bool | None:
    return _letter(name, Kind.FLAG, text, notes, strict)


def _bit(name: str, text: str, notes: list[str], strict: bool) -> bool | None:
    return _letter(name, Kind.BIT, text, notes, strict)


def _ynu(name: str, text: str, notes: list[str], strict: bool) -> bool | None:
    return _letter(name, Kind.YNU, text, notes, strict)


_LETTER_READERS = {Kind.FLAG: _flag, Kind.BIT: _bit, Kind.YNU: _ynu}


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
    read = _READERS[frame[:2]] if type(frame) is bytes else None  # a bytearray: unhashable
    # With or without its CR, as the general path takes it; any other CR or LF goes there.
    clean = frame[:-1] if frame[-1:] == b"\r" else frame
    if read is not None and clean[-1:] not in b"\r\n" and b"\x00" not in clean:
        decoded = _decode_clean(read, clean, options)
        if decoded is not None:
            return decoded
    return _decode_any(frame, options)


def _decode_clean(read: Reader, frame: bytes, options: CodecOptions) -> Decoded | None:
    """A frame that needs no tolerance, through its class's reader; None for any other."""
    if frame[-9:-7] == b"AY" and frame[-6:-4] == b"AZ":
        # Where the general path's trailer pattern would match, with its four hex digits.
        given, sequence = frame[-4:], frame[-7] - 48
        if not 0 <= sequence <= 9 or not _HEX4(given):
            return None
        checksum_text = given.decode()
        if not verify(frame[:-4], checksum_text):
            return None
        body = frame[:-9]
    elif b"AZ" in frame[-_TRAILER_TAIL:] and _split_trailer(frame)[0] != frame:
        return None  # a trailer the general path reads (a short checksum, a 96's): its call
    else:
        body, sequence, checksum_text = frame, None, None
    try:
        message = read(body.decode(options.encoding), options.delimiter, options.strict)
    except (Unusual, KeyError, ValueError):  # UnicodeDecodeError is a ValueError
        return None
    decoded = _new(Decoded)
    _set_dict(
        decoded,
        "__dict__",
        {
            "message": message,
            "sequence_number": sequence,
            "checksum": checksum_text,
            "warnings": (),
        },
    )
    return decoded


def _decode_any(frame: bytes, options: CodecOptions) -> Decoded | DecodeError:
    """The general path: every tolerance, noted, and every refusal, with its reason."""
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


def _tagged_flag(name: str, value: str, notes: list[str], strict: bool) -> bool | None:
    return _letter(name, Kind.FLAG, value[:1], notes, strict) if value else None


def _tagged_reader(spec: Tagged) -> _TaggedField:
    """How one identified field is read; a flag's notes name the field, a date's its code."""
    if spec.kind is Kind.FLAG:
        return spec.name, spec.name, _tagged_flag, spec.repeat, spec.length
    if spec.kind is Kind.DATE:
        return spec.name, spec.code, _date, spec.repeat, spec.length
    return spec.name, spec.code, None, spec.repeat, spec.length


@dataclass(frozen=True)
class _Reader:
    """A message class's layout as decoding walks it, built once per class."""

    fixed_length: int
    fixed: tuple[tuple[str, int, int, _Read | None], ...]
    by_code: dict[str, _TaggedField]
    required: tuple[str, ...]


@cache
def _reader(cls: type[Message]) -> _Reader:
    fixed, position = [], 2
    for spec in cls.FIXED:
        fixed.append((spec.name, position, position + spec.length, _fixed_reader(spec)))
        position += spec.length
    return _Reader(
        position - 2,
        tuple(fixed),
        {spec.code: _tagged_reader(spec) for spec in cls.TAGGED},
        tuple(spec.code for spec in cls.TAGGED if spec.required),
    )


def _fields(cls: type[Message], text: str, options: CodecOptions, notes: list[str]) -> dict:
    strict = options.strict
    reader = _reader(cls)
    fixed_length = reader.fixed_length
    rest = text[2 + fixed_length :]
    fixed_text = text[2 : 2 + fixed_length]
    if cls is SCStatus and not SC_STATUS_FIXED.fullmatch(fixed_text):
        lenient_99 = _decode_sc_status(text, strict)
        if lenient_99 is not None:
            values, extra_notes = lenient_99
            notes.extend(extra_notes)
            return values
    if len(fixed_text) < fixed_length:
        raise ValueError(f"fixed part is {len(fixed_text)} characters, not {fixed_length}")
    if strict and options.delimiter in fixed_text:
        raise ValueError("delimiter inside the fixed part: it is shorter than its layout")
    values: dict[str, Any] = {}
    for name, start, end, read in reader.fixed:
        piece = text[start:end]
        values[name] = piece if read is None else read(name, piece, notes, strict)
    _tagged(reader, rest, options, values, notes)
    return values


def _split_fields(rest: str, delimiter: str) -> list[tuple[str, str, bool | None]]:
    """Each field's code and value, and whether it ended with a delimiter (None: truncated)."""
    if not delimiter:  # str.split refuses an empty separator
        return _split_fields_slowly(rest, delimiter)
    pieces = rest.split(delimiter)
    # The common frame: every field ends with a delimiter and has a whole code before its value.
    if not pieces.pop() and min(map(len, pieces), default=2) >= 2:
        return [(piece[:2], piece[2:], True) for piece in pieces]
    return _split_fields_slowly(rest, delimiter)


def _split_fields_slowly(rest: str, delimiter: str) -> list[tuple[str, str, bool | None]]:
    """As ``_split_fields``, for frames with a short or unterminated field."""
    found: list[tuple[str, str, bool | None]] = []
    while rest:
        code, end = rest[:2], rest.find(delimiter, 2)
        if len(code) < 2:
            found.append((code, rest, None))
            break
        if end == -1:
            found.append((code, rest[2:], False))
            break
        found.append((code, rest[2:end], True))
        rest = rest[end + len(delimiter) :]
    return found


def _tagged(
    reader: _Reader, rest: str, options: CodecOptions, values: dict, notes: list[str]
) -> None:
    delimiter, strict = options.delimiter, options.strict
    by_code = reader.by_code
    seen: set[str] = set()
    repeated: dict[str, list[Any]] = {}
    extra: list[tuple[str, str]] = []
    if rest.startswith(delimiter):
        if strict:
            raise ValueError("delimiter where a field identifier should be")
        notes.append("stray delimiter after the fixed part")
        rest = rest[1:]
    for code, value, ended in _split_fields(rest, delimiter):
        if not ended:
            if ended is None:
                raise ValueError(f"truncated field {value!r}")
            if strict:
                raise ValueError(f"field {code} has no delimiter")
            notes.append(f"field {code} has no delimiter")
        if len(value) > MAX_FIELD_LENGTH:
            if strict:
                raise _TooLong(f"field {code} is {len(value)} characters long")
            notes.append(f"field {code} is longer than {MAX_FIELD_LENGTH} characters")
        field = by_code.get(code)
        if field is None:
            extra.append((code, value))
            continue
        name, label, read, repeat, length = field
        if length is not None and len(value) != length and strict:
            raise ValueError(f"field {code} must be {length} characters")
        converted = value if read is None else read(label, value, notes, strict)
        if repeat:
            repeated.setdefault(name, []).append(converted)
        elif code in seen:
            notes.append(f"field {code} repeated; the first is kept")
        else:
            values[name] = converted
        seen.add(code)
    # Repeated fields are gathered in lists and made tuples once, not copied at every value.
    for name, items in repeated.items():
        values[name] = tuple(items)
    missing = [code for code in reader.required if code not in seen]
    if missing:
        if strict:
            raise ValueError(f"required fields missing: {', '.join(missing)}")
        notes.append(f"required fields missing: {', '.join(missing)}")
    if extra:
        values["extra_fields"] = tuple(extra)
