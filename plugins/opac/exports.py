"""A record to take away: MARC (ISO 2709), MARCXML and RIS, for reference managers and other
catalogues. Files are named after the record and sent as attachments."""

from __future__ import annotations

import pymarc
from django.http import Http404, HttpResponse

from koha_bridge.marc import NormalisedRecord, ReadFailure, record_from_marc_in_json
from plugins.opac.models import CatalogueRecord
from plugins.opac.names import language_name

# RIS's type for each format (RIS reference types); a book is BOOK.
RIS_TYPES = {
    "book": "BOOK",
    "serial": "JFULL",
    "article": "JOUR",
    "manuscript": "MANSCPT",
    "score": "MUSIC",
    "map": "MAP",
    "video": "VIDEO",
    "audiobook": "SOUND",
    "music": "SOUND",
    "image": "ART",
    "electronic": "ELEC",
}
# RIS's tag for each role: authors, editors and translators; the rest are left out.
RIS_ROLES = {"author": "AU", "editor": "ED", "translator": "A4"}


def _attachment(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _marc(record: CatalogueRecord) -> pymarc.Record:
    marc = record_from_marc_in_json(record.marc)
    if isinstance(marc, ReadFailure):
        raise Http404("the record's MARC cannot be read")
    marc.leader = marc.leader[:9] + "a" + marc.leader[10:]  # written as UTF-8, and says so
    return marc


def marc_file(record: CatalogueRecord) -> HttpResponse:
    return _attachment(
        _marc(record).as_marc(), "application/marc", f"record-{record.biblio_id}.mrc"
    )


def marcxml_file(record: CatalogueRecord) -> HttpResponse:
    xml = pymarc.record_to_xml(_marc(record), namespace=True)
    body = b'<?xml version="1.0" encoding="UTF-8"?>\n' + xml
    return _attachment(
        body, "application/marcxml+xml; charset=utf-8", f"record-{record.biblio_id}.xml"
    )


def ris_text(record: CatalogueRecord, details: NormalisedRecord | None, url: str) -> str:
    """The record as one RIS reference: tag, two spaces, dash, space, value; CRLF line ends."""
    lines = [("TY", RIS_TYPES.get(record.format, "GEN"))]
    lines += [
        (RIS_ROLES[a.get("role", "author")], a["name"])
        for a in record.authors
        if a.get("role", "author") in RIS_ROLES
    ]
    title = f"{record.title}: {record.subtitle}" if record.subtitle else record.title
    lines.append(("TI", title))
    lines += [("T2", series) for series in record.series[:1]]
    if record.year:
        lines.append(("PY", str(record.year)))
    if details and details.place:
        lines.append(("CY", details.place))
    if record.publisher:
        lines.append(("PB", record.publisher))
    if record.edition:
        lines.append(("ET", record.edition))
    lines += [("SN", number) for number in (*record.isbns, *record.issns)]
    lines += [("LA", language_name(code)) for code in record.languages]
    lines += [("KW", subject) for subject in record.subjects]
    if record.summary:
        lines.append(("AB", " ".join(record.summary.split())))
    lines += [("UR", url), ("ER", "")]
    return "".join(f"{tag}  - {' '.join(value.split())}\r\n" for tag, value in lines)


def ris_file(record: CatalogueRecord, details: NormalisedRecord | None, url: str) -> HttpResponse:
    return _attachment(
        ris_text(record, details, url).encode("utf-8"),
        "application/x-research-info-systems; charset=utf-8",
        f"record-{record.biblio_id}.ris",
    )
