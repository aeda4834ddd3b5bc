"""Text as readers type it: letter case, diacritics and old spellings folded away.

`Ștefan` (comma below), `Ştefan` (the old cedilla) and `Stefan` fold alike; so do `ё` and
`е`, `ґ` and `г`, `ї` and `і`, and the apostrophes of `м'ята` / `м’ята` / `мʼята`. The catalogue
folds both what it indexes and what readers ask, so each finds the other.
"""

from __future__ import annotations

import re
import unicodedata

from koha_bridge.marc.isbn import clean_issn, to_isbn13

# Letters that are not a base letter plus marks, so decomposition leaves them alone.
_LETTERS = str.maketrans({"ґ": "г", "ı": "i", "ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe"})
_APOSTROPHES = re.compile(r"(?<=\w)['’ʼ`](?=\w)")
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Lower case, without diacritics, apostrophes inside words removed."""
    text = _APOSTROPHES.sub("", text)
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_LETTERS)


def words(text: str) -> list[str]:
    """The folded words of ``text``."""
    return _WORD.findall(fold(text))


def isbn13_of(term: str) -> str:
    """The ISBN-13 a reader's term stands for (ISBN-10 or -13, with or without hyphens), or ""."""
    compact = term.replace("-", "").replace(" ", "")
    if len(compact) not in (10, 13):
        return ""
    return to_isbn13(compact)


def issn_of(term: str) -> str:
    """The ISSN a reader's term stands for ("1234-567X"), or ""."""
    compact = term.replace(" ", "")
    if not re.fullmatch(r"\d{4}-?\d{3}[\dXx]", compact):
        return ""
    return clean_issn(compact)
