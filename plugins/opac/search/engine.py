"""The catalogue's search, answered by the database's full-text index (``search.dialects``).

A search is a few SQL statements however large the catalogue: one page of ranked results with
their total, one count per facet (each over the results as the *other* facets filter them, so a
reader can widen a facet as well as narrow it), and the page's records. Suggestions are only
looked for when nothing is found.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace

from django.db import connection

from plugins.opac.models import CatalogueRecord
from plugins.opac.search.dialects import Match, dialect
from plugins.opac.search.folding import identifier_of, words
from plugins.opac.search.query import (
    CatalogueQuery,
    CatalogueResults,
    Facet,
    FacetValue,
    Sort,
    Suggestion,
    SuggestionKind,
)

FACET_SIZE = 20  # values counted per facet, the most frequent first
SPELLING_CUTOFF = 0.75  # how like a word of the catalogue a misspelt word must be


@dataclass(frozen=True)
class _Terms:
    words: tuple[str, ...]
    identifiers: tuple[str, ...]  # ISBN-13s and ISSNs

    @property
    def empty(self) -> bool:
        return not (self.words or self.identifiers)

    @property
    def phrase(self) -> str:
        return " ".join(self.words)


def _terms(text: str) -> _Terms:
    found_words: list[str] = []
    identifiers: list[str] = []
    for token in text.split():
        if identifier := identifier_of(token):
            identifiers.append(identifier)
        else:
            found_words.extend(words(token))
    return _Terms(tuple(dict.fromkeys(found_words)), tuple(dict.fromkeys(identifiers)))


def _hits(terms: _Terms) -> Match:
    if terms.empty:
        return Match("SELECT biblio_id, 0.0 AS score FROM opac_searchdocument", [])
    return dialect(connection.vendor).match(terms.words, terms.identifiers)


def _where(query: CatalogueQuery, skip: Facet | None = None) -> tuple[str, list]:
    """The filters of ``query`` on ``d`` (opac_searchdocument), but for the ``skip`` facet's."""
    clauses, params = [], []

    def any_of(column: str, values: tuple[str, ...]) -> None:
        clauses.append(f"{column} IN ({', '.join(['%s'] * len(values))})")
        params.extend(values)

    if query.languages and skip is not Facet.LANGUAGE:
        any_of("d.language", query.languages)
    if query.formats and skip is not Facet.FORMAT:
        any_of("d.format", query.formats)
    if skip is not Facet.YEAR:
        if query.year_from is not None:
            clauses.append("d.year >= %s")
            params.append(query.year_from)
        if query.year_to is not None:
            clauses.append("d.year <= %s")
            params.append(query.year_to)
    for facet, values in ((Facet.SUBJECT, query.subjects), (Facet.AUTHOR, query.authors)):
        if values and skip is not facet:
            marks = ", ".join(["%s"] * len(values))
            clauses.append(
                "EXISTS (SELECT 1 FROM opac_searchfacet f WHERE f.biblio_id = d.biblio_id "
                f"AND f.facet = %s AND f.value IN ({marks}))"
            )
            params += [facet.value, *values]
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _with_hits(terms: _Terms) -> tuple[str, list]:
    """The statement's start: the records that have the terms, as ``hits``."""
    hits = _hits(terms)
    return f"WITH hits AS {dialect(connection.vendor).materialized} ({hits.sql}) ", hits.params


_FROM_HITS = " FROM hits h JOIN opac_searchdocument d ON d.biblio_id = h.biblio_id"


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _order(query: CatalogueQuery, terms: _Terms) -> tuple[str, list]:
    collate = dialect(connection.vendor).collate
    title = f"d.title_key{collate}, d.biblio_id"
    if query.sort is Sort.NEWEST:
        return f"d.year IS NULL, d.year DESC, {title}", []
    if query.sort is Sort.TITLE:
        return title, []
    if query.sort is Sort.AUTHOR:
        return f"d.author_key = '', d.author_key{collate}, {title}", []
    if not terms.words:
        return f"h.score, {title}", []
    # A title that is the words a reader typed, then one that begins with them, then one that
    # holds them, before the rank: "oliver twist" finds Oliver Twist first.
    phrase = _like(terms.phrase)
    return (
        "CASE WHEN d.title = %s THEN 0 WHEN d.title LIKE %s ESCAPE '\\' THEN 1 "
        f"WHEN d.title LIKE %s ESCAPE '\\' THEN 2 ELSE 3 END, h.score, {title}",
        [terms.phrase, f"{phrase} %", f"% {phrase}%"],
    )


def _page(query: CatalogueQuery, terms: _Terms) -> tuple[list[int], int]:
    """The page's biblio ids in order, and how many records answer in all."""
    start, params = _with_hits(terms)
    where, where_params = _where(query)
    order, order_params = _order(query, terms)
    sql = f"{start}SELECT d.biblio_id, COUNT(*) OVER (){_FROM_HITS}{where} ORDER BY {order}"
    offset = (max(query.page, 1) - 1) * query.per_page
    with connection.cursor() as cursor:
        cursor.execute(
            sql + " LIMIT %s OFFSET %s",
            [*params, *where_params, *order_params, query.per_page, offset],
        )
        rows = cursor.fetchall()
    if rows or offset == 0:
        return [row[0] for row in rows], rows[0][1] if rows else 0
    return [], _count(query, terms)  # a page past the end


def _count(query: CatalogueQuery, terms: _Terms) -> int:
    start, params = _with_hits(terms)
    where, where_params = _where(query)
    with connection.cursor() as cursor:
        cursor.execute(f"{start}SELECT COUNT(*){_FROM_HITS}{where}", [*params, *where_params])
        return cursor.fetchone()[0]


# The facets counted on the document's own columns: the value, and when a record has one.
_FACET_COLUMNS = {
    Facet.LANGUAGE: ("d.language", "d.language <> ''"),
    Facet.FORMAT: ("d.format", "d.format <> ''"),
    Facet.YEAR: ("(d.year / 10) * 10", "d.year IS NOT NULL"),  # the decade
}


def _facet_counts(query: CatalogueQuery, facet: Facet) -> tuple[str, list]:
    """The most frequent values of one facet among the hits, as the other facets filter them."""
    where, params = _where(query, skip=facet)
    if facet in _FACET_COLUMNS:
        column, present = _FACET_COLUMNS[facet]
        join = ""
        where += (" AND " if where else " WHERE ") + present
    else:
        column = "f.value"
        join = " JOIN opac_searchfacet f ON f.biblio_id = d.biblio_id AND f.facet = %s"
        params = [facet.value, *params]
    sql = (
        f"SELECT * FROM (SELECT %s AS facet, CAST({column} AS TEXT) AS value, COUNT(*) AS n"
        f"{_FROM_HITS}{join}{where} GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT %s) AS {facet.name}"
    )
    return sql, [facet.value, *params, FACET_SIZE]


def _facets(query: CatalogueQuery, terms: _Terms) -> dict[Facet, list[FacetValue]]:
    """Every facet's counts, in one statement over one match."""
    start, params = _with_hits(terms)
    parts = [_facet_counts(query, facet) for facet in Facet]
    sql = start + " UNION ALL ".join(part for part, _params in parts)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *(p for _part, part_params in parts for p in part_params)])
        rows = cursor.fetchall()
    facets: dict[Facet, list[FacetValue]] = {facet: [] for facet in Facet}
    for name, value, count in rows:
        facet = Facet(name)
        if facet is Facet.YEAR:
            value = f"{int(value)}-{int(value) + 9}"
        facets[facet].append(FacetValue(value, count, value in _selected(query, facet)))
    facets[Facet.YEAR].sort(key=lambda value: value.value)
    return facets


def _selected(query: CatalogueQuery, facet: Facet) -> set[str]:
    if facet is Facet.YEAR:
        if query.year_from is None and query.year_to is None:
            return set()
        return {f"{query.year_from or ''}-{query.year_to or ''}"}
    return set(
        {
            Facet.LANGUAGE: query.languages,
            Facet.FORMAT: query.formats,
            Facet.SUBJECT: query.subjects,
            Facet.AUTHOR: query.authors,
        }[facet]
    )


def search_catalogue(query: CatalogueQuery) -> CatalogueResults:
    """One page of the records that answer ``query``, with facet counts and, when nothing is
    found, suggestions."""
    terms = _terms(query.text)
    ids, total = _page(query, terms)
    records = CatalogueRecord.objects.in_bulk(ids)
    return CatalogueResults(
        query=query,
        records=[records[biblio_id] for biblio_id in ids if biblio_id in records],
        total=total,
        facets=_facets(query, terms) if query.facets else {},
        suggestions=[] if total else _suggestions(query, terms),
    )


def count_catalogue(query: CatalogueQuery) -> int:
    """How many records answer ``query``."""
    return _count(query, _terms(query.text))


def _suggestions(query: CatalogueQuery, terms: _Terms) -> list[Suggestion]:
    found: list[Suggestion] = []
    if terms.empty:
        return found
    unfiltered = query.without_filters()
    if query.filtered and (count := _count(unfiltered, terms)):
        found.append(Suggestion(SuggestionKind.WITHOUT_FILTERS, unfiltered, count))
    corrected = [_spelled(word) for word in terms.words]
    if corrected != list(terms.words):
        spelled = replace(unfiltered, text=" ".join([*corrected, *terms.identifiers]))
        if count := count_catalogue(spelled):
            found.append(Suggestion(SuggestionKind.SPELLING, spelled, count))
    if len(terms.words) > 1 and not found:
        for word in terms.words:
            alone = replace(unfiltered, text=word)
            if count := count_catalogue(alone):
                found.append(Suggestion(SuggestionKind.ANY_WORD, alone, count))
    return found


def _spelled(word: str) -> str:
    """The word, or the catalogue's closest word when no word of the catalogue begins with it.

    Candidates share the word's first two letters, so a misspelling is looked up among a few
    hundred words, not the whole vocabulary."""
    from plugins.opac.models import SearchWord

    if SearchWord.objects.filter(word__startswith=word).exists():
        return word
    candidates = SearchWord.objects.filter(word__startswith=word[:2]).values_list("word", flat=True)
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=SPELLING_CUTOFF)
    return close[0] if close else word
