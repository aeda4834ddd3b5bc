"""Turn what a reader typed into a query the search backend and database accept."""

import unicodedata

MAX_QUERY_LENGTH = 200


def clean_query(raw: str) -> str:
    """Words only: no control characters (PostgreSQL rejects NUL), no double quotes (a stray one
    breaks SQLite's full-text match), single spaces, and a length cap."""
    printable = "".join(
        " " if ch == '"' or unicodedata.category(ch)[0] == "C" else ch for ch in raw
    )
    return " ".join(printable.split())[:MAX_QUERY_LENGTH].strip()
