"""The normalised bibliographic record: what the site needs of a MARC record, of either flavour."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Flavour(StrEnum):
    """MARC flavours, spelled as Koha spells them (``marcflavour`` syspref, ``x-record-schema``)."""

    MARC21 = "MARC21"
    UNIMARC = "UNIMARC"


@dataclass(frozen=True)
class Author:
    """A person or body responsible for the work, with the role they played."""

    name: str  # as catalogued, inverted for persons: "Tolstoy, Leo" / "Шевченко, Тарас Григорович"
    role: str = (
        "author"  # lower-case English relator term: author, editor, translator, illustrator...
    )
    dates: str = ""  # life dates as catalogued, e.g. "1828-1910"


@dataclass(frozen=True)
class Link:
    """An electronic location of the work or about it (MARC21 856 / UNIMARC 856)."""

    url: str
    note: str = ""  # link text or public note


@dataclass(frozen=True)
class NormalisedRecord:
    """One bibliographic record as the site shows, searches and recommends it."""

    biblio_id: int
    flavour: Flavour
    title: str
    subtitle: str = ""
    authors: tuple[Author, ...] = ()
    isbns: tuple[str, ...] = ()  # as catalogued, cleaned of qualifiers: "9785170906307"
    issns: tuple[str, ...] = ()
    publisher: str = ""
    place: str = ""  # of publication, the first named: "London", "Київ"
    year: int | None = None
    languages: tuple[str, ...] = ()  # MARC language codes (ISO 639-2/B): "eng", "rus", "ukr", "rum"
    subjects: tuple[str, ...] = ()  # headings with subdivisions joined by " -- "
    series: tuple[str, ...] = ()
    edition: str = ""
    summary: str = ""
    physical_description: str = ""
    links: tuple[Link, ...] = ()
    cover_isbn: str = ""  # the ISBN-13 to ask cover services for, "" when the record has none
    cover_url: str = ""  # the record's own cover image (an 856 link to one), "" when none
    notes: tuple[str, ...] = field(default=())  # general notes worth showing
    format: str = "book"  # what it is, from the leader: koha_bridge.marc.formats.FORMATS
