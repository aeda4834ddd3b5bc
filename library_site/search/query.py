"""Turn what a reader typed into a query the search backend and database accept."""

import unicodedata

MAX_QUERY_LENGTH = 200


def clean_query(raw: str) -> str:
    """Drop control characters (PostgreSQL rejects NUL), collapse spaces, cap the length."""
    printable = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in raw)
    return " ".join(printable.split())[:MAX_QUERY_LENGTH].strip()
