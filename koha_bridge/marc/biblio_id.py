"""Where Koha keeps the biblionumber in a record, by flavour."""

from __future__ import annotations

import re

from koha_bridge.marc.fields import control, first
from koha_bridge.marc.record import Flavour
from koha_bridge.marc.tagged import MarcRecord

_NUMBER = re.compile(r"[0-9]+")


def biblio_id_of(record: MarcRecord, flavour: Flavour | None) -> int | None:
    """Koha's biblionumber as its default frameworks map it; None when the record has none.

    MARC21 keeps it in 999$c; UNIMARC in 090$a, or in 001 where only that is set. With no
    flavour only the Koha-specific fields are trusted: a numeric 001 of a MARC21 record is
    often another library's control number, not the biblionumber.
    """
    if flavour is Flavour.MARC21:
        candidates = [first(record.get("999"), "c")]
    elif flavour is Flavour.UNIMARC:
        candidates = [first(record.get("090"), "a"), control(record, "001").strip()]
    else:
        candidates = [first(record.get("999"), "c"), first(record.get("090"), "a")]
    for candidate in candidates:
        if _NUMBER.fullmatch(candidate) and int(candidate) > 0:
            return int(candidate)
    return None
