"""Text as readers type it: letter case, diacritics and old spellings folded away.

`Ștefan` (comma below), `Ştefan` (the old cedilla) and `Stefan` fold alike; so do `ё` and
`е`, `ґ` and `г`, `ї` and `і`, and the apostrophes of `м'ята` / `м’ята` / `мʼята`. The catalogue
folds both what it indexes and what readers ask, so each finds the other.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from koha_bridge.marc.isbn import is_valid_issn, to_isbn13

# Letters that are not a base letter plus marks, so decomposition leaves them alone.
_LETTERS = {"ґ": "г", "ı": "i", "ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe"}
_APOSTROPHES = re.compile(r"(?<=\w)['’ʼ`](?=\w)")
_WORD = re.compile(r"\w+")


@functools.cache
def _folding_table() -> dict[int, str | None]:
    """Combining marks dropped, the letters above replaced. The marks are those of the Basic
    Multilingual Plane, where every script a catalogue here is written in lies."""
    table: dict[int, str | None] = {
        code: None for code in range(0x10000) if unicodedata.combining(chr(code))
    }
    table.update(str.maketrans(_LETTERS))
    return table


def fold(text: str) -> str:
    """Lower case, without diacritics, apostrophes inside words removed."""
    text = _APOSTROPHES.sub("", text)
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKD", text.casefold()).translate(_folding_table())


def words(text: str) -> list[str]:
    """The folded words of ``text``."""
    return _WORD.findall(fold(text))


def identifier_of(term: str) -> str:
    """The ISBN-13 (from an ISBN-10 or -13) or the ISSN a term stands for, digits only and
    lower case ("9780747532699", "0028836x"), hyphens and spaces or not; "" for other words."""
    compact = term.replace("-", "").replace(" ", "")
    if len(compact) in (10, 13) and (isbn := to_isbn13(compact)):
        return isbn
    if re.fullmatch(r"\d{7}[\dXx]", compact) and is_valid_issn(compact):
        return compact.lower()
    return ""
