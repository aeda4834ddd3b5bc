"""The error raised when a MARC record cannot be turned into a normalised record."""

from __future__ import annotations


class UnreadableRecord(ValueError):
    """A record with no detectable flavour, no title or no biblionumber; ``reason`` says which."""

    def __init__(self, reason: str, biblio_id: int | None = None) -> None:
        where = f"biblio {biblio_id}" if biblio_id is not None else "record"
        super().__init__(f"{where}: {reason}")
        self.biblio_id = biblio_id
        self.reason = reason
