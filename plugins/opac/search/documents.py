"""What the search index holds of a record: its folded words, facet values and vocabulary.

Pure functions of a record's fields, so that the sync, the migration that fills the index for
records synced before it existed, and the tests all index alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from plugins.opac.search.folding import fold, identifier_of, words
from plugins.opac.search.query import Facet

KEY_LENGTH = 200  # characters of a title or an author's name kept for sorting
VALUE_LENGTH = 300  # characters of a facet value; search_params.MAX_VALUE asks no more
WORD_LENGTH = 100
SERIES = "series"  # rows for recommendations ("the same series"); no search facet of its own


@dataclass(frozen=True)
class Document:
    fields: dict[str, Any]  # SearchDocument's columns but the record
    facets: list[tuple[str, str]]  # (facet, value)
    vocabulary: set[str]


def _text(text: str) -> str:
    return " ".join(words(text))


def identifiers_of(isbns: list[str], issns: list[str]) -> list[str]:
    found = (identifier_of(identifier) for identifier in [*isbns, *issns])
    return list(dict.fromkeys(identifier for identifier in found if identifier))


def document_of(record: Any) -> Document:
    """The index entry of a CatalogueRecord (or anything with its fields)."""
    names = [author["name"] for author in record.authors]
    fields = {
        "title": _text(f"{record.title} {record.subtitle}"),
        "authors": _text(" ".join(names)),
        "subjects": _text(" ".join(record.subjects)),
        "series": _text(" ".join(record.series)),
        "summary": _text(record.summary),
        "identifiers": " ".join(identifiers_of(record.isbns, record.issns)),
        "title_key": _text(record.title)[:KEY_LENGTH],  # sorts, and a phrase is matched on it
        "author_key": fold(names[0]).strip()[:KEY_LENGTH] if names else "",
        "year": record.year,
        "language": record.language,
        "format": record.format,
    }
    facets = {(Facet.SUBJECT.value, subject[:VALUE_LENGTH]) for subject in record.subjects}
    facets |= {(Facet.AUTHOR.value, name[:VALUE_LENGTH]) for name in names}
    facets |= {(SERIES, series[:VALUE_LENGTH]) for series in record.series}
    vocabulary = {
        word
        for name in ("title", "authors", "subjects", "series")
        for word in fields[name].split()
        if len(word) <= WORD_LENGTH and not word.isdigit()
    }
    return Document(fields, sorted(facets), vocabulary)
