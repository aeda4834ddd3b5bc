"""The catalogue page's results as the template shows them: records, facets with counts and links
that choose or drop a value, sorting, pages, the filters in force and, when nothing is found,
suggestions; every link keeps the rest of the search."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from urllib.parse import parse_qsl

from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from plugins.opac.acquisitions.failed_searches import log_failed_search
from plugins.opac.cards import RecordCard, rated_cards
from plugins.opac.names import format_name, language_name
from plugins.opac.search import (
    CatalogueQuery,
    CatalogueResults,
    Facet,
    Sort,
    SuggestionKind,
    search_catalogue,
)
from plugins.opac.search_params import LISTED, on_page, query_string, sorted_by, toggled

PAGE_WINDOW = 2  # page links either side of the current one
FACETS_SHOWN = 5  # values of a facet shown before "more"


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    count: int | None = None
    current: bool = False


@dataclass(frozen=True)
class FacetView:
    facet: Facet
    title: str
    values: list[Link]

    @property
    def first(self) -> list[Link]:
        return self.values[:FACETS_SHOWN]

    @property
    def more(self) -> list[Link]:
        return self.values[FACETS_SHOWN:]


@dataclass(frozen=True)
class SearchView:
    query: CatalogueQuery
    results: CatalogueResults
    cards: list[RecordCard]
    facets: list[FacetView]
    sorts: list[Link]
    pages: list[Link | None]  # None: the pages left out between two links
    previous: str
    next: str
    filters: list[Link]  # each filter in force, its link dropping it
    clear_filters: str
    suggestions: list[Link]
    year_form: list[tuple[str, str]] = field(default_factory=list)  # hidden fields to keep

    @property
    def searched(self) -> bool:
        return bool(self.query.text or self.query.filtered)

    @property
    def first_number(self) -> int:
        return (self.results.query.page - 1) * self.results.query.per_page + 1


def facet_title(facet: Facet) -> str:
    return {
        Facet.LANGUAGE: pgettext("facet", "Language"),
        Facet.YEAR: pgettext("facet", "Year published"),
        Facet.SUBJECT: pgettext("facet", "Subject"),
        Facet.AUTHOR: pgettext("facet", "Author"),
        Facet.FORMAT: pgettext("facet", "Format"),
    }[facet]


def value_label(facet: Facet, value: str) -> str:
    if facet is Facet.LANGUAGE:
        return language_name(value)
    if facet is Facet.FORMAT:
        return format_name(value)
    if facet is Facet.YEAR:
        return value.replace("-", "–")
    return value


SORT_LABELS = {
    Sort.RELEVANCE: lambda: pgettext("sort", "Relevance"),
    Sort.NEWEST: lambda: pgettext("sort", "Newest first"),
    Sort.TITLE: lambda: pgettext("sort", "Title"),
    Sort.AUTHOR: lambda: pgettext("sort", "Author"),
}


def search_view(base_url: str, query: CatalogueQuery) -> SearchView:
    """Search the catalogue and lay the answer out for the page at ``base_url``."""
    results = search_catalogue(query)
    if not results.records and results.total and query.page > results.pages:
        query = on_page(query, results.pages)  # past the last page: show the last one
        results = search_catalogue(query)
    if not results.total and query.text and query.page == 1:
        log_failed_search(query.text, get_language())  # what readers want and do not find

    def url(each: CatalogueQuery) -> str:
        return base_url + query_string(each)

    return SearchView(
        query=query,
        results=results,
        cards=rated_cards(results.records),
        facets=_facets(results, url),
        sorts=[
            Link(label(), url(sorted_by(query, sort)), current=sort is query.sort)
            for sort, label in SORT_LABELS.items()
        ],
        pages=_pages(query, results.pages, url),
        previous=url(on_page(query, query.page - 1)) if query.page > 1 else "",
        next=url(on_page(query, query.page + 1)) if query.page < results.pages else "",
        filters=_filters(query, url),
        clear_filters=url(query.without_filters()),
        suggestions=[_suggestion(s.kind, s.query, s.count, url) for s in results.suggestions],
        year_form=_kept_fields(replace(query, year_from=None, year_to=None, page=1)),
    )


def _facets(results: CatalogueResults, url) -> list[FacetView]:
    views = []
    for facet in (Facet.FORMAT, Facet.LANGUAGE, Facet.YEAR, Facet.SUBJECT, Facet.AUTHOR):
        values = results.facets.get(facet, [])
        if not values:
            continue
        links = [
            Link(
                value_label(facet, each.value),
                url(toggled(results.query, facet, each.value)),
                each.count,
                each.selected,
            )
            for each in values
        ]
        views.append(FacetView(facet, facet_title(facet), links))
    return views


def _filters(query: CatalogueQuery, url) -> list[Link]:
    filters = []
    for facet, field_name in LISTED.items():
        for value in getattr(query, field_name):
            label = f"{facet_title(facet)}: {value_label(facet, value)}"
            filters.append(Link(label, url(toggled(query, facet, value))))
    if query.year_from is not None or query.year_to is not None:
        years = f"{query.year_from or '…'}–{query.year_to or '…'}"
        without = replace(query, year_from=None, year_to=None, page=1)
        filters.append(Link(f"{facet_title(Facet.YEAR)}: {years}", url(without)))
    return filters


def _pages(query: CatalogueQuery, last: int, url) -> list[Link | None]:
    shown = {1, last, *range(query.page - PAGE_WINDOW, query.page + PAGE_WINDOW + 1)}
    numbers = sorted(n for n in shown if 1 <= n <= last)
    pages: list[Link | None] = []
    for number in numbers:
        if pages and pages[-1] is not None and int(pages[-1].label) < number - 1:
            pages.append(None)
        pages.append(Link(str(number), url(on_page(query, number)), current=number == query.page))
    return pages if last > 1 else []


def _suggestion(kind: SuggestionKind, query: CatalogueQuery, count: int, url) -> Link:
    if kind is SuggestionKind.WITHOUT_FILTERS:
        label = _("The same words without the filters")
    elif kind is SuggestionKind.SPELLING:
        label = _("Did you mean “%(words)s”?") % {"words": query.text}
    else:
        label = _("Only “%(words)s”") % {"words": query.text}
    return Link(label, url(query), count)


def _kept_fields(query: CatalogueQuery) -> list[tuple[str, str]]:
    """The query's parameters as hidden form fields, for a form that changes one part of it."""
    return parse_qsl(query_string(query).lstrip("?"))
