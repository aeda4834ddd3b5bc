"""The catalogue page's address: the search a reader asked for, read from the query string and
written back into links (facets, sorting, pages) that keep the rest of it.

Whatever arrives is made into a valid search: unknown sorts, bad page numbers, years out of
range, unknown languages or formats and oversized values are dropped, never an error.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlencode

from django.http import QueryDict

from koha_bridge.marc.formats import FORMATS
from plugins.opac.reader_input import clean_text, clean_value
from plugins.opac.search import CatalogueQuery, Facet, Sort

PER_PAGE = 20
MAX_TEXT = 200  # characters of the words a reader types
MAX_VALUE = 300  # characters of one facet value (a subject heading, an author's name)
MAX_VALUES = 20  # values of one facet at once
MAX_PAGE = 10_000
YEARS = range(1, 10_000)

# The facets chosen from a list, by their URL parameter, and the query field each fills.
LISTED = {
    Facet.LANGUAGE: "languages",
    Facet.SUBJECT: "subjects",
    Facet.AUTHOR: "authors",
    Facet.FORMAT: "formats",
}
_LANGUAGE_CODE = re.compile(r"[a-z]{3}")


def _valid(facet: Facet, value: str) -> bool:
    if facet is Facet.LANGUAGE:
        return bool(_LANGUAGE_CODE.fullmatch(value))
    if facet is Facet.FORMAT:
        return value in FORMATS
    return bool(value)


def _values(params: QueryDict, facet: Facet) -> tuple[str, ...]:
    cleaned = (clean_value(value, MAX_VALUE) for value in params.getlist(facet.value))
    kept = dict.fromkeys(value for value in cleaned if _valid(facet, value))
    return tuple(kept)[:MAX_VALUES]


def _number(raw: str | None, allowed: range) -> int | None:
    try:
        number = int((raw or "").strip())
    except ValueError:
        return None
    return number if number in allowed else None


def query_from(params: QueryDict) -> CatalogueQuery:
    """The search the query string asks for (``q``, facets, ``year_from``/``year_to``, ``sort``,
    ``page``), every part of it checked."""
    year_from = _number(params.get("year_from"), YEARS)
    year_to = _number(params.get("year_to"), YEARS)
    if year_from is not None and year_to is not None and year_from > year_to:
        year_from, year_to = year_to, year_from
    try:
        sort = Sort(params.get("sort", ""))
    except ValueError:
        sort = Sort.RELEVANCE
    return CatalogueQuery(
        text=clean_text(params.get("q", ""), MAX_TEXT),
        **{field: _values(params, facet) for facet, field in LISTED.items()},
        year_from=year_from,
        year_to=year_to,
        sort=sort,
        page=_number(params.get("page"), range(1, MAX_PAGE + 1)) or 1,
        per_page=PER_PAGE,
    )


def query_string(query: CatalogueQuery) -> str:
    """The query string that asks for ``query``, "?…" (or "" for the whole catalogue)."""
    pairs: list[tuple[str, str | int]] = []
    if query.text:
        pairs.append(("q", query.text))
    for facet, field in LISTED.items():
        pairs.extend((facet.value, value) for value in getattr(query, field))
    if query.year_from is not None:
        pairs.append(("year_from", query.year_from))
    if query.year_to is not None:
        pairs.append(("year_to", query.year_to))
    if query.sort is not Sort.RELEVANCE:
        pairs.append(("sort", query.sort.value))
    if query.page > 1:
        pairs.append(("page", query.page))
    return "?" + urlencode(pairs) if pairs else ""


def toggled(query: CatalogueQuery, facet: Facet, value: str) -> CatalogueQuery:
    """The search with ``value`` of ``facet`` chosen, or no longer chosen, from its first page.

    A value of the year facet is a decade, "1990-1999": choosing it sets the year range.
    """
    if facet is Facet.YEAR:
        start, _, end = value.partition("-")
        years = (_number(start, YEARS), _number(end, YEARS))
        if years == (query.year_from, query.year_to):
            years = (None, None)
        return replace(query, year_from=years[0], year_to=years[1], page=1)
    field = LISTED[facet]
    chosen = getattr(query, field)
    values = tuple(v for v in chosen if v != value) if value in chosen else (*chosen, value)
    return replace(query, **{field: values}, page=1)


def sorted_by(query: CatalogueQuery, sort: Sort) -> CatalogueQuery:
    return replace(query, sort=sort, page=1)


def on_page(query: CatalogueQuery, page: int) -> CatalogueQuery:
    return replace(query, page=page)
