"""schema.org data for a record page (JSON-LD), safe to put inside a <script> element."""

from __future__ import annotations

import json
from typing import Any

from koha_bridge.marc import NormalisedRecord, formats
from plugins.opac.models import CatalogueRecord
from plugins.opac.names import iso_639_1
from plugins.opac.people import natural_name

# schema.org's type for each format; a book is a Book.
SCHEMA_TYPES = {
    formats.BOOK: "Book",
    formats.SERIAL: "Periodical",
    formats.ARTICLE: "Article",
    formats.MANUSCRIPT: "Manuscript",
    formats.SCORE: "SheetMusic",
    formats.MAP: "Map",
    formats.VIDEO: "Movie",
    formats.AUDIOBOOK: "Audiobook",
    formats.MUSIC: "MusicRecording",
    formats.IMAGE: "VisualArtwork",
}
ROLES = ("author", "editor", "translator", "illustrator")  # schema.org names them alike
# "</script>" in a title must not end the element: <, > and & are written as JSON escapes.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def book_jsonld(
    record: CatalogueRecord, details: NormalisedRecord | None, url: str, image: str
) -> str:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(record.format, "CreativeWork"),
        "@id": url,
        "url": url,
        "name": record.title,
        "image": image,
    }
    if record.subtitle:
        data["alternativeHeadline"] = record.subtitle
    for person in record.authors:
        role = person.get("role", "author")
        prop = role if role in ROLES else "contributor"
        data.setdefault(prop, []).append({"@type": "Person", "name": natural_name(person["name"])})
    optional = {
        "isbn": list(record.isbns),
        "issn": list(record.issns),
        "datePublished": str(record.year) if record.year else "",
        "publisher": {"@type": "Organization", "name": record.publisher}
        if record.publisher
        else None,
        "locationCreated": {"@type": "Place", "name": details.place}
        if details and details.place
        else None,
        "inLanguage": [code for code in map(iso_639_1, record.languages) if code],
        "bookEdition": record.edition,
        "about": list(record.subjects),
        "description": record.summary,
        "isPartOf": [{"@type": "CreativeWorkSeries", "name": s} for s in record.series],
    }
    data.update({key: value for key, value in optional.items() if value})
    return json.dumps(data, ensure_ascii=False).translate(_SCRIPT_SAFE)
