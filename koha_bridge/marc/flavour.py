"""Telling MARC21 from UNIMARC by the fields a record has."""

from __future__ import annotations

import re

from koha_bridge.marc.fields import fixed_positions
from koha_bridge.marc.record import Flavour
from koha_bridge.marc.tagged import MarcRecord

# UNIMARC 100$a, general processing data: 36 positions opening with the date entered on file.
_GENERAL_PROCESSING_DATA = re.compile(r"\d{8}.{28}")


def detect_flavour(record: MarcRecord) -> Flavour | None:
    """UNIMARC for a 200 title field, MARC21 for a 245; None when the record has neither."""
    has_200, has_245 = record.get("200") is not None, record.get("245") is not None
    if has_200 and (not has_245 or _has_general_processing_data(record)):
        return Flavour.UNIMARC
    if has_245:
        return Flavour.MARC21
    return None


def _has_general_processing_data(record: MarcRecord) -> bool:
    return _GENERAL_PROCESSING_DATA.fullmatch(fixed_positions(record.get("100"), "a")) is not None
