"""A record page as the template shows it: the description, people and subjects linking to
searches, links, cover, citations, exports, availability and schema.org data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from koha_bridge.marc import Link as MarcLink
from koha_bridge.marc import NormalisedRecord
from plugins.opac import citations
from plugins.opac.availability import Availability, availability_of
from plugins.opac.cards import RecordCard, card_of
from plugins.opac.details import details_of
from plugins.opac.jsonld import book_jsonld
from plugins.opac.models import CatalogueRecord
from plugins.opac.names import iso_639_1, language_name, role_name
from plugins.opac.search import CatalogueQuery
from plugins.opac.search_params import query_string

EXPORTS = ("marc", "marcxml", "ris")


@dataclass(frozen=True)
class Person:
    name: str  # as catalogued
    dates: str
    role: str  # in the reader's language; "" for an author
    search_url: str


@dataclass(frozen=True)
class Heading:
    text: str
    search_url: str


@dataclass(frozen=True)
class RecordView:
    record: CatalogueRecord
    card: RecordCard
    place: str
    people: list[Person]
    subjects: list[Heading]
    series: list[Heading]
    languages: list[str]
    links: list[MarcLink]  # the record's 856 links but its cover
    citations: list[citations.Citation]
    exports: dict[str, str]  # format -> URL
    jsonld: str  # safe inside <script type="application/ld+json">
    canonical_url: str
    cover_url: str  # absolute, for sharing
    text_language: str  # the record's language as HTML names it ("uk"), "" when unknown

    @cached_property
    def availability(self) -> Availability:
        """Live from Koha: asked only where the page shows it (to signed-in readers; others'
        pages fetch it from the record's availability route)."""
        return availability_of(self.record.biblio_id)


def record_view(record: CatalogueRecord, catalogue_url: str, absolute) -> RecordView:
    """``catalogue_url``: the catalogue page of the reader's language ("/uk/catalogue/");
    ``absolute``: makes a path a full URL (``request.build_absolute_uri``)."""
    details = details_of(record)
    card = card_of(record)

    def search(**criteria) -> str:
        return catalogue_url + query_string(CatalogueQuery(**criteria))

    people = [
        Person(
            a["name"],
            a.get("dates", ""),
            "" if a.get("role", "author") == "author" else role_name(a["role"]),
            search(authors=(a["name"],)),
        )
        for a in record.authors
    ]
    cover_url = details.cover_url if details else ""
    return RecordView(
        record=record,
        card=card,
        place=details.place if details else "",
        people=people,
        subjects=[Heading(s, search(subjects=(s,))) for s in record.subjects],
        series=[Heading(s, search(text=s)) for s in record.series],
        languages=[language_name(code) for code in record.languages],
        links=[MarcLink(**link) for link in record.links if link.get("url") != cover_url],
        citations=_citations(record, details),
        exports={kind: f"{catalogue_url}{record.biblio_id}/export/{kind}/" for kind in EXPORTS},
        jsonld=book_jsonld(record, details, absolute(card.url), absolute(card.cover.url)),
        canonical_url=absolute(card.url),
        cover_url=absolute(card.cover.url),
        text_language=iso_639_1(record.language),
    )


def work_of(record: CatalogueRecord, details: NormalisedRecord | None) -> citations.Work:
    """The record as the citation styles take it: authors apart from the other contributors."""
    return citations.Work(
        title=record.title,
        subtitle=record.subtitle,
        authors=tuple(citations.Person.of(a["name"]) for a in record.authors if _is_author(a)),
        contributors=tuple(
            (a["role"], citations.Person.of(a["name"])) for a in record.authors if not _is_author(a)
        ),
        edition=record.edition,
        place=details.place if details else "",
        publisher=record.publisher,
        year=record.year,
        extent=record.physical_description.split(" : ")[0].split(" ; ")[0],
        series=record.series[0] if record.series else "",
        isbn=record.isbns[0] if record.isbns else "",
        language=record.language,
    )


def _is_author(person: dict) -> bool:
    return person.get("role", "author") == "author"


def _citations(record: CatalogueRecord, details) -> list[citations.Citation]:
    work = work_of(record, details)
    return [citations.apa(work), citations.gost(work), citations.dstu(work)]
