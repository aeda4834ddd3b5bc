"""Turn what a reader typed into a query the search backend and database accept."""

from plugins.opac.reader_input import clean_text

MAX_QUERY_LENGTH = 200


def clean_query(raw: str) -> str:
    """Words only, as the catalogue cleans them, and a length cap."""
    return clean_text(raw, MAX_QUERY_LENGTH)
