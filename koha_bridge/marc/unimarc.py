"""UNIMARC bibliographic records normalised for the site."""

from __future__ import annotations

from koha_bridge.marc.fields import (
    all_values,
    cover_link,
    first,
    fixed_positions,
    series_statements,
    subfields,
    values,
)
from koha_bridge.marc.formats import format_of
from koha_bridge.marc.isbn import clean_isbn, clean_issn, cover_isbn
from koha_bridge.marc.record import Author, Flavour, Link, NormalisedRecord
from koha_bridge.marc.relators import UNIMARC_RELATORS, role
from koha_bridge.marc.tagged import MarcField, MarcRecord
from koha_bridge.marc.text import (
    first_year,
    join_name,
    language_codes,
    place_name,
    publisher_name,
    strip_isbd,
    strip_separators,
    title_with_parts,
    unique,
    year_from_digits,
)

# Responsibility blocks in the order the site lists them, with the role a field implies when
# it carries no relator code: main and alternative responsibility are authorship.
_RESPONSIBILITY = (
    (("700", "710"), "author"),
    (("701", "711"), "author"),
    (("702", "712"), "contributor"),
)
_SUBJECTS = ("600", "601", "602", "604", "605", "606", "607", "608", "610")
_SUBDIVISIONS = ("j", "x", "y", "z")
# UNIMARC records carry no ISBD punctuation between physical description elements: the
# site shows them as MARC21 records catalogue them, "591 с. : іл. ; 21 см".
_PHYSICAL_SEPARATORS = {"a": " ; ", "c": " : ", "d": " ; ", "e": " + "}


def normalise_unimarc(record: MarcRecord, biblio_id: int) -> NormalisedRecord:
    """The site's view of a UNIMARC bibliographic record."""
    isbns = unique(clean_isbn(value) for value in all_values(record, "010", "a"))
    title_field = record.get("200")
    return NormalisedRecord(
        biblio_id=biblio_id,
        flavour=Flavour.UNIMARC,
        title=_title(title_field),
        subtitle=_subtitle(title_field),
        authors=_authors(record),
        isbns=isbns,
        issns=unique(clean_issn(value) for value in all_values(record, "011", "a")),
        publisher=_publisher(record),
        place=_place(record),
        year=_year(record),
        languages=unique(language_codes(all_values(record, "101", "a"))),
        subjects=unique(
            subject for field in record.get_fields(*_SUBJECTS) for subject in _subjects(field)
        ),
        series=series_statements(record, ("225", "a"), ("410", "t")),
        edition=strip_separators(first(record.get("205"), "a")),
        summary="\n\n".join(all_values(record, "330", "a")),
        physical_description=_physical_description(record.get("215")),
        links=_links(record),
        cover_isbn=cover_isbn(isbns),
        cover_url=cover_link(record, "2", "z", "y"),
        notes=unique(all_values(record, "300", "a")),
        format=format_of(str(record.leader), Flavour.UNIMARC),
    )


def _title(field: MarcField | None) -> str:
    if field is None:
        return ""
    # Only the first $a: further ones are other works in a volume without a collective title.
    parts = [
        ("number" if code == "h" else "name", value) for code, value in subfields(field, "h", "i")
    ]
    return title_with_parts(first(field, "a"), parts)


def _subtitle(field: MarcField | None) -> str:
    if field is None:
        return ""
    return strip_isbd(" : ".join(strip_separators(value) for value in values(field, "e")))


def _authors(record: MarcRecord) -> tuple[Author, ...]:
    authors = [
        _author(field, default_role)
        for tags, default_role in _RESPONSIBILITY
        for field in record.get_fields(*tags)
    ]
    return tuple(dict.fromkeys(author for author in authors if author is not None))


def _author(field: MarcField, default_role: str) -> Author | None:
    if field.tag.startswith("70"):
        name, dates = _personal_name(field), strip_isbd(first(field, "f"))
    else:
        name, dates = _corporate_name(field), ""
    if not name:
        return None
    return Author(name, role([], values(field, "4"), UNIMARC_RELATORS, default_role), dates)


def _personal_name(field: MarcField) -> str:
    """$a entry element, $d roman numerals, $b rest of the name, $c additions: "Louis XIV"."""
    entry = " ".join(strip_isbd(value) for value in values(field, "a", "d"))
    rest = ", ".join(strip_isbd(value) for value in values(field, "b", "c"))
    return join_name(entry, rest)


def _corporate_name(field: MarcField) -> str:
    return ". ".join(strip_isbd(value) for value in values(field, "a", "b"))


def _publication_fields(record: MarcRecord) -> list[MarcField]:
    # 214 replaced 210 in 2012; its second indicator 1 marks publication (not production).
    newer = record.get_fields("214")
    publication = [field for field in newer if field.indicator2 == "1"]
    return [*record.get_fields("210"), *publication, *newer]


def _publisher(record: MarcRecord) -> str:
    for field in _publication_fields(record):
        if names := unique(publisher_name(value) for value in values(field, "c")):
            return " ; ".join(names)
    return ""


def _place(record: MarcRecord) -> str:
    for field in _publication_fields(record):
        if places := unique(place_name(value) for value in values(field, "a")):
            return places[0]
    return ""


def _year(record: MarcRecord) -> int | None:
    for field in _publication_fields(record):
        if (year := first_year(values(field, "d"))) is not None:
            return year
    # 100$a/9-12: date 1 of the general processing data.
    return year_from_digits(fixed_positions(record.get("100"), "a")[9:13])


def _subjects(field: MarcField) -> list[str]:
    if field.tag == "610":  # uncontrolled terms: each $a is a subject of its own
        return [strip_isbd(value) for value in values(field, "a")]
    if field.tag == "600":
        main = join_name(
            " ".join(values(field, "a", "d")), ", ".join(values(field, "b", "c")), first(field, "f")
        )
    elif field.tag == "601":
        main = _corporate_name(field)
    elif field.tag == "602":
        main = join_name(first(field, "a"), dates=first(field, "f"))
    else:
        main = strip_isbd(first(field, "a"))
    if not main:
        return []
    subdivisions = [strip_isbd(value) for value in values(field, *_SUBDIVISIONS)]
    return [" -- ".join([main, *filter(None, subdivisions)])]


def _physical_description(field: MarcField | None) -> str:
    if field is None:
        return ""
    text = ""
    for code, value in subfields(field, "a", "c", "d", "e"):
        # Punctuation some catalogues do put in is dropped, so that it is not doubled.
        value = strip_separators(value).rstrip(" +")
        text = text + _PHYSICAL_SEPARATORS[code] + value if text else value
    return text


def _links(record: MarcRecord) -> tuple[Link, ...]:
    links: dict[str, Link] = {}
    for field in record.get_fields("856"):
        note = first(field, "z") or first(field, "2") or first(field, "y")
        for url in values(field, "u"):
            links.setdefault(url, Link(url, note))
    return tuple(links.values())
