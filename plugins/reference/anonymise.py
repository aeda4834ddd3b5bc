"""Take out of a question (or an answer to it) what could name the reader: e-mail addresses,
telephone numbers, library card numbers and other long runs of digits, and the asker's own name.

It is a first pass before a librarian reads the draft; a name in an unusual form (a nickname,
a declension this misses) is theirs to catch, which is why the draft is never published as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.translation import gettext as _

# A library card or an account number: letters then five digits or more ("CPL0012345"), or ten
# digits or more in a row (Koha's barcodes, "23529001000011"); taken before telephone numbers.
CARD_NUMBER = re.compile(r"\b(?:[^\W\d_]+\d{5,}\w*|\d{10,})\b")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A telephone number: an optional +, then at least seven digits with spaces, dots, dashes or
# brackets between them ("+373 22 123-456", "(022) 12 34 56").
PHONE = re.compile(r"(?<![\w+])\+?\(?\d(?:[\s().-]{0,2}\d){6,}(?!\w)")
# Any other run of five digits or more (a passport, a postcode with a street...).
LONG_NUMBER = re.compile(r"\b\w*\d{5,}\w*\b")
SHORTEST_NAME = 2  # "Ion", "Li": shorter pieces would take whole words out of any text
STEM_FROM = 4  # names this long also match with other endings (Анна, Анны, Анне)


def name_parts(names: Iterable[str]) -> list[str]:
    """The words of the reader's names (the name given, the account's names), each once,
    longest first so that "Popescu-Rusu" goes before "Popescu"."""
    parts: set[str] = set()
    for name in names:
        for part in re.split(r"[^\w'-]+|[._]", name or ""):
            part = part.strip("'-")
            if len(part) >= SHORTEST_NAME and not part.isdigit():
                parts.add(part)
    return sorted(parts, key=lambda part: (-len(part), part))


def _name_pattern(part: str) -> str:
    if len(part) >= STEM_FROM:
        # Slavic and Romanian names change their endings ("Марии", "Mariei"): the stem and up to
        # three more letters.
        return rf"(?<!\w){re.escape(part[:-1])}\w{{0,3}}(?!\w)"
    return rf"(?<!\w){re.escape(part)}(?!\w)"


def anonymise(text: str, names: Iterable[str] = ()) -> str:
    """``text`` with addresses, numbers and the given names replaced by a mark saying so."""
    text = EMAIL.sub(_("[e-mail address]"), text)
    text = CARD_NUMBER.sub(_("[number]"), text)
    text = PHONE.sub(_("[telephone number]"), text)
    text = LONG_NUMBER.sub(_("[number]"), text)
    for part in name_parts(names):
        text = re.sub(_name_pattern(part), _("[name]"), text, flags=re.IGNORECASE)
    return text
