"""ISBN and ISSN cleaning and checking, for the identifiers shown and the cover looked up."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Old records keep qualifiers and prices in the ISBN subfield: "0140447938 (pbk.) : £8.99".
# Everything from the first qualifier on is dropped before the digits are read, so that a
# price's digits never join the ISBN's.
_QUALIFIER = re.compile(r"[(:;\[/]")
_ISBN_CANDIDATE = re.compile(r"\d[\d\- ]*[\dXx]")
_ISSN = re.compile(r"(\d{4})-?(\d{3}[\dXx])")


def clean_isbn(raw: str) -> str:
    """The ISBN's digits (and final X) without hyphens, spaces or qualifiers; "" if none."""
    match = _ISBN_CANDIDATE.search(_QUALIFIER.split(raw, maxsplit=1)[0])
    if match is None:
        return ""
    isbn = re.sub(r"[\- ]", "", match.group()).upper()
    if len(isbn) == 10 and isbn[:9].isdigit():
        return isbn
    if len(isbn) == 13 and isbn.isdigit():
        return isbn
    return ""


def is_valid_isbn(isbn: str) -> bool:
    """Whether the ISBN-10 or ISBN-13 has the right check digit (hyphens and qualifiers allowed)."""
    isbn = clean_isbn(isbn)
    if len(isbn) == 10:
        return _isbn10_check_digit(isbn[:9]) == isbn[9]
    # An EAN-13 is only an ISBN in the "Bookland" prefixes; 977 is an ISSN, 979-0 is music.
    if len(isbn) == 13 and isbn.startswith(("978", "979")) and not isbn.startswith("9790"):
        return _isbn13_check_digit(isbn[:12]) == isbn[12]
    return False


def to_isbn13(isbn: str) -> str:
    """The ISBN as a valid ISBN-13, or "" if it is not a valid ISBN."""
    if not is_valid_isbn(isbn):
        return ""
    isbn = clean_isbn(isbn)
    if len(isbn) == 13:
        return isbn
    stem = "978" + isbn[:9]
    return stem + _isbn13_check_digit(stem)


def cover_isbn(isbns: Iterable[str]) -> str:
    """The first valid ISBN as ISBN-13: the one to ask cover services for; "" if none."""
    for isbn in isbns:
        if isbn13 := to_isbn13(isbn):
            return isbn13
    return ""


def clean_issn(raw: str) -> str:
    """The ISSN as "1234-567X" without qualifiers; "" if the text holds none."""
    match = _ISSN.search(raw)
    return f"{match.group(1)}-{match.group(2).upper()}" if match else ""


def is_valid_issn(issn: str) -> bool:
    """Whether the ISSN ("1234-567X", hyphen or not) has the right check digit."""
    issn = clean_issn(issn).replace("-", "")
    if not issn:
        return False
    total = sum(
        weight * int(digit) for weight, digit in zip(range(8, 1, -1), issn[:7], strict=True)
    )
    check = (11 - total % 11) % 11
    return issn[7] == ("X" if check == 10 else str(check))


def _isbn10_check_digit(first_nine: str) -> str:
    weights = range(10, 1, -1)
    total = sum(weight * int(digit) for weight, digit in zip(weights, first_nine, strict=True))
    check = (11 - total % 11) % 11
    return "X" if check == 10 else str(check)


def _isbn13_check_digit(first_twelve: str) -> str:
    total = sum((3 if index % 2 else 1) * int(digit) for index, digit in enumerate(first_twelve))
    return str((10 - total % 10) % 10)
