"""Text rules shared by the MARC21 and UNIMARC normalisers: ISBD punctuation, years, codes."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

# Cataloguers end an element with the ISBD punctuation that introduces the next one
# ("Great expectations /", "Dickens, Charles,"); shown on its own, that punctuation is noise.
# A value can also open with the punctuation that closed the element before it: UNIMARC 700
# "$aAsimov$b, Isaac" repeats the comma that joins the rest of the name to the entry element.
_SEPARATORS = " /:;=,"
# Periods that belong to the word rather than close the element: "Jr.", "Ltd.", "etc."
_ABBREVIATIONS = frozenset({"jr", "sr", "etc", "inc", "ltd", "co", "st"})
# Control characters are never text. Among them: the non-sorting marks some systems put around
# a leading article ("\x88The\x89 hobbit", NSB/NSE of ISO 5426 and their C1 equivalents), and
# the ESC a broken MARC-8 escape leaves behind. Line breaks and tabs are white space instead.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_LANGUAGE_CODE = re.compile(r"[a-z]{3}")
# "und" (undetermined) and "zxx" (no linguistic content) say nothing about the language.
_NOT_LANGUAGES = frozenset({"und", "zxx"})
# What catalogues write when the publisher is not known: "[s.n.]", RDA's phrase, "[б. и.]".
_UNKNOWN_PUBLISHERS = frozenset(
    {"s.n.", "s. n.", "sine nomine", "publisher not identified", "б.и.", "б. и.", "б.в.", "б. в."}
)


_UNKNOWN_PLACES = frozenset(
    {
        "s.l.",
        "s. l.",
        "sine loco",
        "place of publication not identified",
        "б.м.",
        "б. м.",
        "б.м.в.",
        "б. м. в.",
        "f.l.",
        "f. l.",
    }
)


def clean(value: str) -> str:
    """The value in NFC, without control characters, its white space collapsed."""
    # Most values have no control character and no white space but the space: the two tests
    # cost far less than the substitution they spare.
    if not value.isprintable():
        value = _CONTROLS.sub("", value)
    if not value.isascii():
        # MARC21 UTF-8 records are often decomposed ("Garci\u0301a"): composed text compares,
        # searches and de-duplicates as readers expect.
        value = unicodedata.normalize("NFC", value)
    return " ".join(value.split())  # str.split's white space is the same as re's \s


def strip_separators(value: str) -> str:
    """The value without ISBD separators (" /", " :", " ;", " =", ",") at its ends; periods stay."""
    return clean(value).strip(_SEPARATORS)  # clean left no white space but single spaces


def strip_isbd(value: str) -> str:
    """The value without ISBD separators at either end nor the closing period of the element."""
    value = strip_separators(value)
    if _ends_with_closing_period(value):
        value = strip_separators(value[:-1])
    return value


def _ends_with_closing_period(value: str) -> bool:
    if not value.endswith(".") or value.endswith(".."):
        return False
    if value[-2:-1].isdigit():  # "45.", "1812-1870.": a number is never abbreviated
        return True
    if len(value) <= 3:
        return False
    # "Шевченко, Т. Г." and "Smith, J." end with an initial, whose period is part of the name.
    if value[-2].isupper() and not value[-3].isalpha():
        return False
    last_word = value[:-1].split()[-1].lstrip("([").lower()
    # Words of one or two letters are abbreviations far more often than not: "1812 г.", "p.".
    return len(last_word) > 2 and last_word not in _ABBREVIATIONS


def title_with_parts(title: str, parts: Sequence[tuple[str, str]]) -> str:
    """The title followed by its parts, ISBD style: "Title. Part 1, Name of part".

    ``parts`` are ("number", value) or ("name", value) pairs in catalogue order; the title is ""
    when there is no title proper, whatever the parts.
    """
    text = strip_separators(title)
    if not text:
        return ""
    previous = "title"
    for kind, value in parts:
        value = strip_separators(value)
        if not value:
            continue
        if text.endswith("."):  # the cataloguer already closed the previous element
            text += " " + value
        elif kind == "name" and previous == "number":
            text += ", " + value
        else:
            text += ". " + value
        previous = kind
    return strip_isbd(text)


def join_name(entry: str, rest: str = "", dates: str = "") -> str:
    """A personal name as catalogued, inverted: "Tolstoy, Leo" or "Шевченко, Т. Г."."""
    name = strip_isbd(entry)
    if rest := strip_isbd(rest):
        name = f"{name}, {rest}" if name else rest
    if dates := strip_isbd(dates):
        name = f"{name}, {dates}" if name else dates
    return name


def first_year(values: Iterable[str]) -> int | None:
    """The first four-digit year in the values ("c1996", "[1985?]", "©2015"); None if none."""
    for value in values:
        match = _YEAR.search(value)
        if match and int(match.group(1)) > 0:
            return int(match.group(1))
    return None


def year_from_digits(value: str) -> int | None:
    """A year from a fixed-length date position ("1996"); None for "19uu", "    ", "0000"."""
    if len(value) == 4 and value.isascii() and value.isdigit() and int(value) > 0:
        return int(value)
    return None


def language_codes(values: Iterable[str]) -> list[str]:
    """MARC language codes from coded values, split when old records run them together."""
    codes: list[str] = []
    for value in values:
        value = value.strip().lower()
        # Before 2001 MARC21 041$a held several codes in one subfield: "engrus".
        pieces = [value[i : i + 3] for i in range(0, len(value), 3)] if len(value) > 3 else [value]
        codes.extend(
            code for code in pieces if _LANGUAGE_CODE.fullmatch(code) and code not in _NOT_LANGUAGES
        )
    return codes


def place_name(value: str) -> str:
    """The place of publication without ISBD separators; "" for "[S.l.]" and its kin."""
    place = strip_separators(value)
    return "" if place.strip("[] ").lower() in _UNKNOWN_PLACES else place


_COVER_WORDS = ("cover", "обложк", "обкладинк", "copert")


def names_a_cover(text: str) -> bool:
    """Whether a link's text says it is the cover ("Cover image", "Обкладинка", "Copertă")."""
    folded = text.casefold()
    return any(word in folded for word in _COVER_WORDS)


def publisher_name(value: str) -> str:
    """The publisher's name without ISBD separators; "" for "[s.n.]" and its kin."""
    name = strip_separators(value)
    return "" if name.strip("[] ").lower() in _UNKNOWN_PUBLISHERS else name


def unique(values: Iterable[str]) -> tuple[str, ...]:
    """The non-empty values, each once, in their first order."""
    found = dict.fromkeys(values)
    found.pop("", None)
    return tuple(found)
