"""JSON values read one at a time from a file: the elements of a top-level array, or values one
after another (JSON Lines), without the whole text in memory.

The standard library's ``json`` reads a document at once; here each value is decoded with
``JSONDecoder.raw_decode`` as soon as the text read so far holds all of it.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from typing import BinaryIO

_BLOCK = 1 << 16
# A value this long is not a MARC record: the text is not what it claims to be.
_LONGEST_VALUE = 64 << 20
_NUMBER_GOES_ON = frozenset("0123456789.eE+-")
_SPACE = re.compile(r"[ \t\r\n]*")
# Not strict: line breaks and tabs inside strings are common in exported records (pymarc's
# own reader allows them too); the normaliser turns them into spaces.
_DECODER = json.JSONDecoder(strict=False)


class MalformedJson(ValueError):
    """The text stops being JSON; the message says where (characters counted from 0)."""


def json_values(file: BinaryIO, encoding: str = "utf-8") -> Iterator[object]:
    """The file's values: a top-level array's elements, else each top-level value in turn.

    Bytes that are not valid in ``encoding`` become U+FFFD. Raises MalformedJson where the
    text stops being JSON, after the values before it.
    """
    text = _Text(file, encoding)
    in_array = text.next_char() == "["
    if in_array:
        text.skip(1)
    while following := text.next_char():
        if in_array and following == "]":
            text.skip(1)
            if text.next_char():
                raise MalformedJson(f"text after the array at character {text.offset}")
            return
        yield text.value()
        following = text.next_char()
        if in_array and following == ",":
            text.skip(1)
        elif in_array and following not in ("]", ""):
            raise MalformedJson(f"expected ',' or ']' at character {text.offset}")
    if in_array:
        raise MalformedJson(f"the array is cut short at character {text.offset}")


class _Text:
    """The file's text from the reading position on, read block by block as it is needed."""

    def __init__(self, file: BinaryIO, encoding: str) -> None:
        self._file = file
        # UTF-8 files may open with a byte order mark; it is not part of the JSON.
        name = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
        self._decoder = codecs.getincrementaldecoder(name)("replace")
        self._text, self._position, self._dropped = "", 0, 0
        self._ended = False

    @property
    def offset(self) -> int:
        """Where reading stands, in characters from the start of the file."""
        return self._dropped + self._position

    def skip(self, count: int) -> None:
        self._position += count

    def next_char(self) -> str:
        """The next character that is not white space, "" at the end of the file."""
        while True:
            self._position = _SPACE.match(self._text, self._position).end()
            if self._position < len(self._text) or not self._read_more():
                return self._text[self._position : self._position + 1]

    def value(self) -> object:
        """The JSON value at the reading position, reading on until the text holds all of it."""
        while True:
            try:
                value, end = _DECODER.raw_decode(self._text, self._position)
            except json.JSONDecodeError as error:
                if _cut_short(error) and self._room_for_more() and self._read_more():
                    continue
                problem, where = error.msg.removesuffix(" at"), self._dropped + error.pos
                raise MalformedJson(f"{problem} at character {where}") from None
            if self._number_may_go_on(value, end) and self._read_more():
                continue
            self._position = end
            return value

    def _number_may_go_on(self, value: object, end: int) -> bool:
        """Whether a number read may be the start of a longer one: "12" of "123", "0" of "0.5"."""
        if not isinstance(value, int | float) or isinstance(value, bool):
            return False
        return end == len(self._text) or self._text[end] in _NUMBER_GOES_ON

    def _room_for_more(self) -> bool:
        return len(self._text) - self._position <= _LONGEST_VALUE

    def _read_more(self) -> bool:
        """Read the next block; False at the end of the file."""
        if self._ended:
            return False
        block = self._file.read(_BLOCK)
        self._ended = not block
        self._dropped += self._position
        self._text = self._text[self._position :] + self._decoder.decode(block, final=self._ended)
        self._position = 0
        return True


def _cut_short(error: json.JSONDecodeError) -> bool:
    """Whether the decoder stopped because the text read so far ends inside the value."""
    return error.pos >= len(error.doc) - 8 or error.msg.startswith("Unterminated string")


_STRICT = json.JSONDecoder()  # what an HTTP API must send: control characters escaped


def json_array_items(text: str) -> list[tuple[object, str]]:
    """The elements of a JSON array, each with its text as written: a record stored as Koha
    sent it needs no encoding again. Raises MalformedJson where the text is not such an array."""
    position = _SPACE.match(text).end()
    if not text.startswith("[", position):
        raise MalformedJson(f"expected an array at character {position}")
    items: list[tuple[object, str]] = []
    position = _SPACE.match(text, position + 1).end()
    while not text.startswith("]", position):
        if items:  # after an element: a comma, then the next one
            if not text.startswith(",", position):
                raise MalformedJson(f"expected ',' or ']' at character {position}")
            position = _SPACE.match(text, position + 1).end()
        try:
            value, end = _STRICT.raw_decode(text, position)
        except json.JSONDecodeError as error:
            problem = error.msg.removesuffix(" at")
            raise MalformedJson(f"{problem} at character {error.pos}") from None
        items.append((value, text[position:end]))
        position = _SPACE.match(text, end).end()
    if _SPACE.match(text, position + 1).end() != len(text):
        raise MalformedJson(f"text after the array at character {position + 1}")
    return items
