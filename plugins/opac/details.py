"""What a record page shows beyond the stored fields, read again from the record's MARC."""

from __future__ import annotations

from koha_bridge.marc import (
    Flavour,
    NormalisedRecord,
    ReadFailure,
    UnreadableRecord,
    normalise,
    record_from_marc_in_json,
)
from plugins.opac.models import CatalogueRecord


def details_of(record: CatalogueRecord) -> NormalisedRecord | None:
    """The record normalised from its MARC (place of publication, its own cover...); None when
    the stored MARC cannot be read."""
    marc = record_from_marc_in_json(record.marc)
    if isinstance(marc, ReadFailure):
        return None
    try:
        return normalise(marc, Flavour(record.flavour), record.biblio_id)
    except (UnreadableRecord, ValueError):
        return None
