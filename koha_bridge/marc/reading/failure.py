"""What reading a record that cannot be read gives: a ReadFailure, never an exception."""

from __future__ import annotations

from dataclasses import dataclass

from koha_bridge.marc.biblio_id import biblio_id_of
from koha_bridge.marc.flavour import detect_flavour
from koha_bridge.marc.tagged import MarcRecord


@dataclass(frozen=True)
class ReadFailure:
    """A record that could not be read, with its biblionumber when it could be found."""

    biblio_id: int | None
    reason: str


def biblio_id_hint(record: MarcRecord) -> int | None:
    """The biblionumber of a record read in part, for a ReadFailure to name."""
    try:
        return biblio_id_of(record, detect_flavour(record))
    except Exception:
        return None


def describe(error: Exception) -> str:
    detail = str(error)
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__
