"""What a reader asks the catalogue, and what the catalogue answers: the search interface.

The catalogue page, the site's search and the home page's search box all ask through
``search_catalogue(CatalogueQuery) -> CatalogueResults``; how it is answered (the database's own
full-text search, or another engine) stays behind it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plugins.opac.models import CatalogueRecord


class Sort(StrEnum):
    RELEVANCE = "relevance"
    NEWEST = "newest"  # by publication year, latest first
    TITLE = "title"
    AUTHOR = "author"


class Facet(StrEnum):
    """The facets, by the name they have in URLs (``?language=ukr&format=book``)."""

    LANGUAGE = "language"  # MARC language code: eng, rus, ukr, rum
    YEAR = "year"  # a range of publication years, "1990-1999"
    SUBJECT = "subject"
    AUTHOR = "author"
    FORMAT = "format"  # koha_bridge.marc.formats.FORMATS


@dataclass(frozen=True)
class CatalogueQuery:
    """A search: words (title, author, subject, series, summary; ISBN/ISSN), facet filters,
    order, page.

    Filters combine: values of one facet widen the search (any of them), different facets
    narrow it (all of them). An empty query with no filters lists the whole catalogue.
    """

    text: str = ""
    languages: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    sort: Sort = Sort.RELEVANCE
    page: int = 1
    per_page: int = 20
    facets: bool = True  # False when only the records are wanted (the site's search)

    @property
    def filtered(self) -> bool:
        return bool(
            self.languages
            or self.subjects
            or self.authors
            or self.formats
            or self.year_from is not None
            or self.year_to is not None
        )

    def without_filters(self) -> CatalogueQuery:
        return replace(
            self,
            languages=(),
            subjects=(),
            authors=(),
            formats=(),
            year_from=None,
            year_to=None,
            page=1,
        )


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet, with how many records of the results have it."""

    value: str
    count: int
    selected: bool = False


class SuggestionKind(StrEnum):
    WITHOUT_FILTERS = "without filters"  # the same words find records once filters are off
    SPELLING = "spelling"  # a word of the catalogue close to a word that found nothing
    ANY_WORD = "any word"  # fewer of the words find records


@dataclass(frozen=True)
class Suggestion:
    """Something to try when a search finds nothing, and how many records it finds."""

    kind: SuggestionKind
    query: CatalogueQuery
    count: int


@dataclass(frozen=True)
class CatalogueResults:
    """One page of results, in order, with the facet counts of all the results."""

    query: CatalogueQuery
    records: list[CatalogueRecord]
    total: int
    facets: dict[Facet, list[FacetValue]] = field(default_factory=dict)
    suggestions: list[Suggestion] = field(default_factory=list)  # only when total == 0

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.query.per_page))
