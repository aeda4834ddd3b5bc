"""MARC21 and UNIMARC records read with pymarc and normalised for the site."""

from koha_bridge.marc.biblio_id import biblio_id_of
from koha_bridge.marc.errors import UnreadableRecord
from koha_bridge.marc.flavour import detect_flavour
from koha_bridge.marc.normalise import normalise
from koha_bridge.marc.reading import (
    ReadFailure,
    record_from_marc_in_json,
    records_from_iso2709,
    records_from_marc_in_json_file,
    records_from_marc_in_json_list,
    records_from_marcxml,
    tagged_record_from_marc_in_json,
)
from koha_bridge.marc.record import Author, Flavour, Link, NormalisedRecord

__all__ = [
    "Author",
    "Flavour",
    "Link",
    "NormalisedRecord",
    "ReadFailure",
    "UnreadableRecord",
    "biblio_id_of",
    "detect_flavour",
    "normalise",
    "record_from_marc_in_json",
    "records_from_iso2709",
    "records_from_marc_in_json_file",
    "records_from_marc_in_json_list",
    "records_from_marcxml",
    "tagged_record_from_marc_in_json",
]
