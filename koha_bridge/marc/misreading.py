"""Text decoded with the wrong character set ("mojibake"), told by the marks it leaves.

Three misreadings are common in legacy MARC files:
- UTF-8 read as a single-byte code page: each Cyrillic letter becomes two characters, "Р" or
  "С" and another under cp1251 ("РљРѕР±Р·Р°СЂ"), "Ð" or "Ñ" and another under latin-1 or
  cp1252 ("ÐšÐ¾Ð±Ð·Ð°Ñ€"). Encoded back, such text is valid UTF-8, which text as catalogued
  in a single-byte code page all but never is.
- A single-byte code page read as UTF-8: its letters are not UTF-8 and become U+FFFD.
- A single-byte code page read as MARC-8: its letters fall on MARC-8's combining diacritics
  and come out as marks with no letter under them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

import pymarc

from koha_bridge.marc.text import clean

_SINGLE_BYTE_CODE_PAGES = ("cp1251", "cp1252", "latin-1")
_REPLACEMENT = "\ufffd"
_COMBINING = "\u0300-\u036f\ufe20-\ufe2f"
# A mark with no letter under it: after the start, white space or punctuation, or another mark
# (text is composed first, so a letter's own diacritics have merged with it).
_STRAY_MARK = re.compile(f"(?:^|(?<=[\\s\\W\\d])|(?<=[{_COMBINING}]))[{_COMBINING}]")
_ANY_MARK = re.compile(f"[{_COMBINING}]")
_STRAY_MARKS_IN_A_RECORD = 3
_REPLACEMENTS_IN_A_RECORD = 3
_EXAMPLE_LENGTH = 40


def _utf8_signature(code_page: str) -> re.Pattern[str]:
    """A UTF-8 lead byte then a continuation byte, as ``code_page`` shows them."""
    leads = bytes(range(0xC2, 0xF5)).decode(code_page, errors="ignore")
    continuations = bytes(range(0x80, 0xC0)).decode(code_page, errors="ignore")
    return re.compile(f"[{re.escape(leads)}][{re.escape(continuations)}]")


_UTF8_SIGNATURES = {page: _utf8_signature(page) for page in _SINGLE_BYTE_CODE_PAGES}


@dataclass(frozen=True)
class Misreading:
    """How a record's text was misread, the encoding to read it with, and a value as misread."""

    what: str  # "UTF-8 read as cp1251"
    encoding: str  # the encoding to read the file with: "utf-8", "cp1251"
    example: str


def misreading(record: pymarc.Record) -> Misreading | None:
    """How the record's text looks misread, or None when it looks as catalogued."""
    texts = [value for value in _values(record) if not value.isascii()]
    for text in texts:
        if code_page := _utf8_read_as(text):
            return Misreading(f"UTF-8 read as {code_page}", "utf-8", _example(text))
    replaced = [text for text in texts if _REPLACEMENT in text]
    replacements = sum(text.count(_REPLACEMENT) for text in replaced)
    foreign = sum(len(text) - len(text.encode("ascii", "ignore")) for text in texts)
    if replacements >= _REPLACEMENTS_IN_A_RECORD and replacements * 5 >= foreign:
        return Misreading("a legacy code page read as UTF-8", "cp1251", _example(replaced[0]))
    marked = [text for text in texts if _ANY_MARK.search(text)]
    stray = [len(_STRAY_MARK.findall(unicodedata.normalize("NFC", text))) for text in marked]
    if sum(stray) >= _STRAY_MARKS_IN_A_RECORD:
        example = marked[max(range(len(stray)), key=stray.__getitem__)]
        return Misreading("a legacy code page read as MARC-8", "cp1251", _example(example))
    return None


class MisreadingTally:
    """Misreadings over the records of a file: how many records, how many of each kind."""

    def __init__(self) -> None:
        self.records = 0
        self._counts: Counter[tuple[str, str]] = Counter()
        self._first: dict[tuple[str, str], Misreading] = {}

    def note(self, record: pymarc.Record) -> None:
        self.records += 1
        if found := misreading(record):
            kind = (found.what, found.encoding)
            self._counts[kind] += 1
            self._first.setdefault(kind, found)

    def commonest(self) -> tuple[Misreading, int] | None:
        """The misreading seen most, the first record's example of it, and how many records."""
        if not self._counts:
            return None
        kind, count = self._counts.most_common(1)[0]
        return self._first[kind], count


def _values(record: pymarc.Record) -> list[str]:
    values = []
    for field in record.fields:
        if field.control_field:
            values.append(field.data)
        else:
            values.extend(subfield.value for subfield in field.subfields)
    return [value for value in values if isinstance(value, str)]


def _utf8_read_as(text: str) -> str | None:
    for code_page, signature in _UTF8_SIGNATURES.items():
        if not signature.search(text):
            continue
        try:
            text.encode(code_page).decode("utf-8")
        except UnicodeError:
            continue
        return code_page
    return None


def _example(text: str) -> str:
    text = clean(text)
    return text if len(text) <= _EXAMPLE_LENGTH else text[: _EXAMPLE_LENGTH - 1] + "…"
