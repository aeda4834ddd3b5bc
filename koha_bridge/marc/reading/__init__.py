"""Reading MARC records as Koha sends them and as files hold them: MARC-in-JSON, MARCXML and
ISO 2709.

A bad record never raises: it comes back as a ReadFailure, and reading goes on with the next.
"""

from koha_bridge.marc.reading.failure import ReadFailure
from koha_bridge.marc.reading.iso2709 import records_from_iso2709
from koha_bridge.marc.reading.marc_in_json import (
    record_from_marc_in_json,
    records_from_marc_in_json_file,
    records_from_marc_in_json_list,
    tagged_record_from_marc_in_json,
)
from koha_bridge.marc.reading.marcxml import records_from_marcxml

__all__ = [
    "ReadFailure",
    "record_from_marc_in_json",
    "records_from_iso2709",
    "records_from_marc_in_json_file",
    "records_from_marc_in_json_list",
    "records_from_marcxml",
    "tagged_record_from_marc_in_json",
]
