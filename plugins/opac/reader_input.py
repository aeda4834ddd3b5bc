"""What readers send in a search: made into text the catalogue and the database accept.

The site's own search (``library_site.search``) uses ``clean_text`` too; it lives here because
plugins may not import the site.
"""

from __future__ import annotations

import unicodedata


def clean_value(raw: str, limit: int) -> str:
    """Printable characters only, single spaces, at most ``limit`` characters.

    For values chosen from a list (a subject, an author): their double quotes are kept, as in
    `Издательство "Наука"`, so the value still matches the record's.
    """
    printable = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in raw)
    return " ".join(printable.split())[:limit].strip()


def clean_text(raw: str, limit: int) -> str:
    """Words as typed into a search box: no control characters (PostgreSQL rejects NUL), no
    double quotes (a stray one breaks SQLite's full-text match), single spaces, at most
    ``limit`` characters."""
    return clean_value(raw.replace('"', " "), limit)
