"""Straight-line readers and writers for clean messages, generated once per message class.

The codec's general path walks a class's layout field by field, noting every tolerance. Nearly
every message needs none of that, so for each class a reader and a writer are compiled from its
layout, as dataclasses and attrs write ``__init__``: fixed fields read by position, identified
fields taken by code, the message built without the frozen ``__setattr__`` checks. Anything the
general path would note, refuse or clean makes them give up (``Unusual``, or None from a writer)
and the general path decides: they give exactly what it gives, or nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import MISSING, fields
from datetime import datetime
from typing import Any

from rfid_sip2.sip2.dates import UNSUPPORTED, format_date, parse_date
from rfid_sip2.sip2.fields import Kind, PatronStatus, Tagged
from rfid_sip2.sip2.messages import MESSAGE_TYPES, Message, SCStatus

MAX_FIELD_LENGTH = 255
# The fixed part of a 99 as the spec has it; devices send others, read leniently.
SC_STATUS_FIXED = re.compile(r"[0-9][0-9 ]{3}\d\.\d[0-9A-Z]")

# A message's text (trailer removed), the account's delimiter, strict -> the message.
Reader = Callable[[str, str, bool], Message]
# A message, the account's one-character delimiter -> its text before the trailer, or None.
Writer = Callable[[Message, str], str | None]


class Unusual(Exception):
    """The message needs the general path: it would note, refuse or clean something."""


# What the general path reads without a note (it upper-cases letters before looking them up).
_FLAG = {"Y": True, "N": False, "y": True, "n": False}
_BIT = {"1": True, "0": False}
_YNU = {"Y": True, "N": False, "U": None, "y": True, "n": False, "u": None}


def _date(text: str) -> datetime | None:
    moment = parse_date(text)
    if moment is None and text != UNSUPPORTED:  # blanks, which the general path notes
        raise Unusual
    return moment


def _count(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text.strip() == "":
        return None
    raise Unusual


def _tagged_flag(value: str) -> bool | None:
    return _FLAG[value[:1]] if value else None


def _gather(
    pieces: list[str], repeats: dict[str, list[str]], known: frozenset[str]
) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Each known field's value by code, the repeating ones appended to their lists, and the
    fields nobody defined in order."""
    found: dict[str, str] = {}
    extra: list[tuple[str, str]] = []
    for piece in pieces:
        code = piece[:2]
        if code not in known:
            extra.append((code, piece[2:]))
        elif code in repeats:
            repeats[code].append(piece[2:])
        elif code in found:  # sent twice: the general path keeps the first and notes it
            raise Unusual
        else:
            found[code] = piece[2:]
    return found, extra


def _extra(found: dict[str, str], extra: list[tuple[str, str]] | None) -> tuple:
    """The fields nobody defined, in order: those gathered, else those left in ``found``.
    A piece too short for a code is not clean."""
    fields = found.items() if extra is None else extra
    if any(len(code) != 2 for code, _ in fields):
        raise Unusual
    return tuple(fields)


def _count_text(value: int | None) -> str:
    return " " * 4 if value is None else f"{min(max(int(value), 0), 9999):04d}"


_SCOPE: dict[str, Any] = {
    "Unusual": Unusual,
    "_FLAG": _FLAG,
    "_BIT": _BIT,
    "_YNU": _YNU,
    "_date": _date,
    "_count": _count,
    "_tagged_flag": _tagged_flag,
    "_gather": _gather,
    "_extra": _extra,
    "_from_wire": PatronStatus.from_wire,
    "_format_date": format_date,
    "_count_text": _count_text,
    "_sc_status_fixed": SC_STATUS_FIXED.fullmatch,
    "_new": object.__new__,
    "_set_dict": object.__setattr__,
    "MAX": MAX_FIELD_LENGTH,
}


def _compile(lines: list[str], name: str, cls: type[Message], values: dict[str, Any]) -> Callable:
    scope = {**_SCOPE, **values}
    # Source built from our own message layouts only, never from received data; the file name
    # tells the class in tracebacks and profiles.
    exec(compile("\n".join(lines), f"<sip2 {name} {cls.__name__}>", "exec"), scope)
    return scope[name]


def _defaults(cls: type[Message]) -> dict[str, Any] | None:
    """Each field's default value; None when the class needs its own ``__init__`` to run."""
    if hasattr(cls, "__post_init__"):
        return None
    fixed = {spec.name for spec in cls.FIXED}
    defaults = {}
    for spec in fields(cls):
        if spec.default is not MISSING:
            defaults[spec.name] = spec.default
        elif spec.name not in fixed:  # a factory for a field that may be absent
            return None
    return defaults


# -- reading ----------------------------------------------------------------------------

_FIXED_READ = {
    Kind.TEXT: "{}",
    Kind.FLAG: "_FLAG[{}]",
    Kind.BIT: "_BIT[{}]",
    Kind.YNU: "_YNU[{}]",
    Kind.DATE: "_date({})",
    Kind.COUNT: "_count({})",
    Kind.STATUS: "_from_wire({})",
}


def reader(cls: type[Message]) -> Reader | None:
    """The class's reader, or None when its layout is one the generator does not know."""
    defaults = _defaults(cls)
    if defaults is None or any(
        spec.repeat and (spec.kind is not Kind.TEXT or spec.length is not None)
        for spec in cls.TAGGED
    ):
        return None
    end = 2 + sum(spec.length for spec in cls.FIXED)
    lines = [
        "def read(text, delimiter, strict):",
        f"    if len(text) < {end} or delimiter in text[2:{end}]:",
        "        raise Unusual",
    ]
    if cls is SCStatus:  # odd 99 layouts are read leniently by the general path
        lines += [f"    if not _sc_status_fixed(text[2:{end}]):", "        raise Unusual"]
    lines += [
        f"    rest = text[{end}:]",
        "    pieces = rest.split(delimiter)",
        "    if pieces.pop():",  # the last field has no delimiter
        "        raise Unusual",
        "    if len(rest) > MAX and max(map(len, pieces)) > MAX + 2:",
        "        raise Unusual",
    ]
    lists = ", ".join(f"{spec.code!r}: []" for spec in cls.TAGGED if spec.repeat)
    lines += [
        "    found = {piece[:2]: piece[2:] for piece in pieces}",
        "    repeats = extra = None",
        "    if len(found) != len(pieces):  # a field more than once: a repeating one, or not",
        f"        repeats = {{{lists}}}",
        "        found, extra = _gather(pieces, repeats, _known)",
    ]
    values = {"extra_fields": "_extra(found, extra) if found or extra else ()"}
    position = 2
    for spec in cls.FIXED:
        piece = f"text[{position}:{position + spec.length}]"
        values[spec.name] = _FIXED_READ[spec.kind].format(piece)
        position += spec.length
    constants: dict[str, Any] = {
        "_cls": cls,
        "_absent": _ABSENT,
        "_known": frozenset(spec.code for spec in cls.TAGGED),
    }
    for number, spec in enumerate(cls.TAGGED):
        values[spec.name] = f"t{number}"
        constants[f"_default{number}"] = defaults[spec.name]
        lines += _tagged_read(spec, f"t{number}", f"_default{number}")
    lines += ["    message = _new(_cls)", "    _set_dict(message, '__dict__', {"]
    for number, spec in enumerate(fields(cls)):
        if spec.name not in values:  # a field in no layout keeps its default
            values[spec.name] = f"_unlaid{number}"
            constants[f"_unlaid{number}"] = defaults[spec.name]
        lines.append(f"        {spec.name!r}: {values[spec.name]},")
    lines += ["    })", "    return message"]
    return _compile(lines, "read", cls, constants)


def _tagged_read(spec: Tagged, local: str, default: str) -> list[str]:
    """Lines that set ``local`` to one identified field's value."""
    code = spec.code
    if spec.repeat:
        return [
            "    if repeats is not None:",
            f"        {local} = tuple(repeats[{code!r}])",
            "    else:",
            f"        {local} = (found.pop({code!r}),) if {code!r} in found else ()",
        ]
    converted = []
    if spec.length is not None:
        converted += [f"if strict and len({local}) != {spec.length}:", "    raise Unusual"]
    if spec.kind is Kind.FLAG:
        converted.append(f"{local} = _tagged_flag({local})")
    elif spec.kind is Kind.DATE:
        converted.append(f"{local} = _date({local})")
    if spec.required:  # missing: KeyError, and the general path notes or refuses it
        return [f"    {local} = found.pop({code!r})"] + [f"    {line}" for line in converted]
    return [
        f"    {local} = found.pop({code!r}, _absent)",
        f"    if {local} is _absent:",
        f"        {local} = {default}",
        *(["    else:"] + [f"        {line}" for line in converted] if converted else []),
    ]


_ABSENT = object()

# -- writing ----------------------------------------------------------------------------

_FIXED_WRITE = {
    Kind.FLAG: "{{'Y' if m.{name} else 'N'}}",
    Kind.BIT: "{{'1' if m.{name} else '0'}}",
    Kind.YNU: "{{'U' if m.{name} is None else 'Y' if m.{name} else 'N'}}",
    Kind.DATE: "{{_format_date(m.{name})}}",
    Kind.COUNT: "{{_count_text(m.{name})}}",
    Kind.STATUS: "{{m.{name}.to_wire()}}",
    Kind.TEXT: "{{str(m.{name}).ljust({length})[:{length}]}}",
}
_TAGGED_WRITE = {
    Kind.FLAG: "{{'Y' if {value} else 'N'}}",
    Kind.DATE: "{{_format_date({value})}}",
    Kind.TEXT: "{{{value}!s}}",
}


def writer(cls: type[Message]) -> Writer | None:
    """The class's writer, or None when its layout is one the generator does not know."""
    if any(
        (spec.repeat and (spec.required or spec.kind is not Kind.TEXT))
        or (spec.required and spec.kind is Kind.DATE)
        for spec in cls.TAGGED
    ):
        return None
    fixed = "".join(
        _FIXED_WRITE[spec.kind].format(name=spec.name, length=spec.length) for spec in cls.FIXED
    )
    # Fields always written share an f-string (a run); each optional field, repeated value
    # and extra field is one part with one delimiter. So a clean body holds as many
    # delimiters as fields, and nothing needs cleaning.
    runs: list[list[str]] = [[cls.CODE + fixed]]
    optional: list[list[str]] = [[]]  # the lines after each run
    required = 0
    for spec in cls.TAGGED:
        if spec.required:
            value = f"('' if m.{spec.name} is None else m.{spec.name})"
            if optional[-1]:
                runs.append([])
                optional.append([])
            runs[-1].append(
                f"{spec.code}{_TAGGED_WRITE[spec.kind].format(value=value)}{{delimiter}}"
            )
            required += 1
            continue
        part = f'f"{spec.code}{_TAGGED_WRITE[spec.kind].format(value="value")}{{delimiter}}"'
        if spec.repeat:
            optional[-1] += [f"    for value in m.{spec.name}:", f"        parts.append({part})"]
        else:
            optional[-1] += [
                f"    value = m.{spec.name}",
                "    if value is not None:",
                f"        parts.append({part})",
            ]
    lines = ["def write(m, delimiter):"]
    for number, (run, after) in enumerate(zip(runs, optional, strict=True)):
        text = 'f"' + "".join(run) + '"'
        lines.append(f"    parts = [{text}]" if number == 0 else f"    parts.append({text})")
        lines += after
    lines += [
        "    for code, value in m.extra_fields:",
        '        parts.append(f"{code}{value}{delimiter}")',
        "    body = ''.join(parts)",
        f"    if body.count(delimiter) != len(parts) + {required - len(runs)}:",
        "        return None",
        "    return body if body.isprintable() else None",
    ]
    return _compile(lines, "write", cls, {})


class Compiled(dict):
    """Readers by command (bytes) or writers by class, each compiled when first asked for:
    importing the codec does not pay for messages a process never sees."""

    def __init__(self, build: Callable[[type[Message]], Callable | None]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, key: bytes | type[Message]) -> Callable | None:
        if isinstance(key, bytes):
            cls = MESSAGE_TYPES.get(key.decode("latin-1"))
            if cls is None:  # not stored: a command nobody defined could be any two bytes
                return None
        else:
            cls = key
        built = self[key] = self._build(cls)
        return built
