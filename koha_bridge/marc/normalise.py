"""One normalised record from a MARC21 or UNIMARC record."""

from __future__ import annotations

from koha_bridge.marc.biblio_id import biblio_id_of
from koha_bridge.marc.errors import UnreadableRecord
from koha_bridge.marc.flavour import detect_flavour
from koha_bridge.marc.marc21 import normalise_marc21
from koha_bridge.marc.record import Flavour, NormalisedRecord
from koha_bridge.marc.tagged import MarcRecord
from koha_bridge.marc.unimarc import normalise_unimarc

# Raise when normalise() gives a different result for the same MARC: stored records are digested
# with it (koha_bridge.sync), so the next sync writes every record again instead of skipping it.
NORMALISATION_VERSION = 1

_TITLE_FIELD = {Flavour.MARC21: "245$a", Flavour.UNIMARC: "200$a"}
_BIBLIO_ID_FIELDS = {Flavour.MARC21: "999$c", Flavour.UNIMARC: "090$a or 001"}


def normalise(
    record: MarcRecord, flavour: Flavour | None = None, biblio_id: int | None = None
) -> NormalisedRecord:
    """The site's view of the record; flavour and biblionumber are read from it when not given.

    Raises UnreadableRecord when the flavour cannot be told, the biblionumber cannot be found
    or the record has no title.
    """
    if flavour is not None:
        flavour = Flavour(flavour)  # Koha's own spelling, "MARC21", is as good as the member
    else:
        flavour = detect_flavour(record)
        if flavour is None:
            raise UnreadableRecord(
                "neither a MARC21 245 nor a UNIMARC 200 field: flavour unknown",
                biblio_id if biblio_id is not None else biblio_id_of(record, None),
            )
    if biblio_id is None:
        biblio_id = biblio_id_of(record, flavour)
        if biblio_id is None:
            raise UnreadableRecord(f"no biblionumber in {_BIBLIO_ID_FIELDS[flavour]}")
    if flavour is Flavour.MARC21:
        normalised = normalise_marc21(record, biblio_id)
    else:
        normalised = normalise_unimarc(record, biblio_id)
    if not normalised.title:
        raise UnreadableRecord(f"no title in {_TITLE_FIELD[flavour]}", biblio_id)
    return normalised
