"""MARC21 bibliographic records normalised for the site."""

from __future__ import annotations

from koha_bridge.marc.fields import (
    all_values,
    control,
    cover_link,
    first,
    series_statements,
    subfields,
    values,
)
from koha_bridge.marc.formats import format_of
from koha_bridge.marc.isbn import clean_isbn, clean_issn, cover_isbn
from koha_bridge.marc.record import Author, Flavour, Link, NormalisedRecord
from koha_bridge.marc.relators import MARC21_RELATORS, role
from koha_bridge.marc.tagged import MarcField, MarcRecord
from koha_bridge.marc.text import (
    first_year,
    language_codes,
    place_name,
    publisher_name,
    strip_isbd,
    strip_separators,
    title_with_parts,
    unique,
    year_from_digits,
)

_MAIN_ENTRIES = ("100", "110", "111")
_ADDED_ENTRIES = ("700", "710", "711")
_SUBJECTS = ("600", "610", "611", "630", "648", "650", "651", "655")
_NAME_SUBJECTS = ("600", "610", "611")
_SUBDIVISIONS = ("v", "x", "y", "z")


def normalise_marc21(record: MarcRecord, biblio_id: int) -> NormalisedRecord:
    """The site's view of a MARC21 bibliographic record."""
    isbns = unique(clean_isbn(value) for value in all_values(record, "020", "a"))
    return NormalisedRecord(
        biblio_id=biblio_id,
        flavour=Flavour.MARC21,
        title=_title(record),
        subtitle=_subtitle(record.get("245")),
        authors=_authors(record),
        isbns=isbns,
        issns=unique(clean_issn(value) for value in all_values(record, "022", "a")),
        publisher=_publisher(record),
        place=_place(record),
        year=_year(record),
        languages=unique(
            language_codes([control(record, "008")[35:38], *all_values(record, "041", "a")])
        ),
        subjects=unique(_subject(field) for field in record.get_fields(*_SUBJECTS)),
        series=series_statements(record, ("490", "a"), ("830", "a")),
        edition=strip_separators(first(record.get("250"), "a")),
        summary="\n\n".join(all_values(record, "520", "a")),
        physical_description=_physical_description(record.get("300")),
        links=_links(record),
        cover_isbn=cover_isbn(isbns),
        cover_url=cover_link(record, "3", "y", "z"),
        notes=unique(all_values(record, "500", "a")),
        format=format_of(str(record.leader), Flavour.MARC21),
    )


def _title(record: MarcRecord) -> str:
    field = record.get("245")
    if field is None:
        return ""
    parts = [
        ("number" if code == "n" else "name", value) for code, value in subfields(field, "n", "p")
    ]
    return title_with_parts(first(field, "a"), parts)


def _subtitle(field: MarcField | None) -> str:
    return strip_isbd(" ".join(values(field, "b"))) if field is not None else ""


def _authors(record: MarcRecord) -> tuple[Author, ...]:
    main = [_author(field, "author") for field in record.get_fields(*_MAIN_ENTRIES)]
    added = [_author(field, "contributor") for field in record.get_fields(*_ADDED_ENTRIES)]
    return tuple(dict.fromkeys(author for author in main + added if author is not None))


def _author(field: MarcField, default_role: str) -> Author | None:
    kind = field.tag[1:]
    if kind == "00":  # person: $a name, $b numeration, $c titles; $d dates apart
        name = strip_isbd(" ".join(values(field, "a", "b", "c")))
        dates = strip_isbd(" ".join(values(field, "d")))
    elif kind == "10":  # corporate body and its subordinate units
        name, dates = strip_isbd(" ".join(values(field, "a", "b"))), ""
    else:  # meeting: name, number, date and place belong to the name
        name, dates = strip_isbd(" ".join(values(field, "a", "e", "n", "d", "c"))), ""
    if not name:
        return None
    # Meetings keep their relator term in $j, because $e names a subordinate unit there.
    terms = values(field, "j" if kind == "11" else "e")
    return Author(name, role(terms, values(field, "4"), MARC21_RELATORS, default_role), dates)


def _publisher(record: MarcRecord) -> str:
    publication = [field for field in record.get_fields("264") if field.indicator2 == "1"]
    for field in [*publication, *record.get_fields("260")]:
        if names := unique(publisher_name(value) for value in values(field, "b")):
            return " ; ".join(names)
    return ""


def _place(record: MarcRecord) -> str:
    publication = [field for field in record.get_fields("264") if field.indicator2 == "1"]
    for field in [*publication, *record.get_fields("260")]:
        if places := unique(place_name(value) for value in values(field, "a")):
            return places[0]
    return ""


def _year(record: MarcRecord) -> int | None:
    publication = [field for field in record.get_fields("264") if field.indicator2 == "1"]
    for field in [*publication, *record.get_fields("260")]:
        if (year := first_year(values(field, "c"))) is not None:
            return year
    if (year := year_from_digits(control(record, "008")[7:11])) is not None:
        return year
    # Last resort: a copyright or distribution date from another 264.
    return first_year(all_values(record, "264", "c"))


def _subject(field: MarcField) -> str:
    main_codes = ("a", "b", "c", "d") if field.tag in _NAME_SUBJECTS else ("a",)
    main = strip_isbd(" ".join(values(field, *main_codes)))
    if not main:
        return ""
    subdivisions = [strip_isbd(value) for value in values(field, *_SUBDIVISIONS)]
    return " -- ".join([main, *filter(None, subdivisions)])


def _physical_description(field: MarcField | None) -> str:
    if field is None:
        return ""
    return strip_separators(" ".join(values(field, "a", "b", "c")))


def _links(record: MarcRecord) -> tuple[Link, ...]:
    links: dict[str, Link] = {}
    for field in record.get_fields("856"):
        note = first(field, "y") or first(field, "z") or first(field, "3")
        for url in values(field, "u"):
            links.setdefault(url, Link(url, note))
    return tuple(links.values())
