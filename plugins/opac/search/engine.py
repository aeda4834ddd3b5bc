"""The catalogue's search, answered by the database's full-text index (``search.dialects``).

A search is three SQL statements however large the catalogue: the page's ids in order (ranked
only here, where the order is needed), the total with every facet's counts in one statement over
one match (each facet counted over the results as the *other* facets filter them, so a reader
can widen a facet as well as narrow it), and the page's records. Suggestions are only looked for
when nothing is found.
"""

from __future__ import annotations

import difflib
import hashlib
from collections import Counter
from dataclasses import dataclass, replace

from django.conf import settings
from django.core.cache import cache
from django.db import connection

from plugins.opac.models import CatalogueRecord, SyncState
from plugins.opac.search.dialects import dialect
from plugins.opac.search.folding import fold, identifier_of, words
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
    text: str = ""  # the rest as typed, folded: "a phrase", -word and OR for PostgreSQL

    @property
    def empty(self) -> bool:
        return not (self.words or self.identifiers)

    @property
    def phrase(self) -> str:
        return " ".join(self.words)


def _terms(text: str) -> _Terms:
    found_words: list[str] = []
    identifiers: list[str] = []
    rest: list[str] = []
    for token in text.split():
        if identifier := identifier_of(token):
            identifiers.append(identifier)
        else:
            found_words.extend(words(token))
            rest.append(fold(token))
    return _Terms(
        tuple(dict.fromkeys(found_words)), tuple(dict.fromkeys(identifiers)), " ".join(rest)
    )


@dataclass(frozen=True)
class _Source:
    """Where a statement reads documents ``d`` from: all of them, or the hits of a search."""

    start: str  # "WITH hits AS (...) " or ""
    tables: str  # for counting
    page_tables: str  # for a page in order
    clauses: tuple[str, ...]
    params: tuple


def _source(terms: _Terms, ranked: bool) -> _Source:
    engine = dialect(connection.vendor)
    if terms.empty:
        documents = " FROM opac_searchdocument d"
        return _Source("", documents + engine.hit_index, documents, (), ())
    hits = engine.match(terms.words, terms.identifiers, terms.text, ranked)
    # CROSS JOIN: SQLite then reads the hits first and looks each one up, rather than reading
    # a whole facet's rows to find the few that are hits; PostgreSQL plans it as any join.
    tables = f" FROM hits h CROSS JOIN opac_searchdocument d{engine.hit_index}"
    return _Source(
        f"WITH hits AS {engine.materialized} ({hits.sql}) ",
        tables,
        tables,
        ("d.biblio_id = h.biblio_id",),
        tuple(hits.params),
    )


def _where(
    source: _Source, query: CatalogueQuery, skip: frozenset = frozenset()
) -> tuple[str, list]:
    """The documents as the filters of ``query`` leave them, but for the ``skip`` facets'."""
    clauses, params = _filters(query, skip)
    clauses = [*source.clauses, *clauses]
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _filters(query: CatalogueQuery, skip: frozenset) -> tuple[list[str], list]:
    clauses: list[str] = []
    params: list = []

    def any_of(column: str, values: tuple[str, ...]) -> None:
        clauses.append(f"{column} IN ({', '.join(['%s'] * len(values))})")
        params.extend(values)

    if query.languages and Facet.LANGUAGE not in skip:
        any_of("d.language", query.languages)
    if query.formats and Facet.FORMAT not in skip:
        any_of("d.format", query.formats)
    if Facet.YEAR not in skip:
        if query.year_from is not None:
            clauses.append("d.year >= %s")
            params.append(query.year_from)
        if query.year_to is not None:
            clauses.append("d.year <= %s")
            params.append(query.year_to)
    for facet, values in ((Facet.SUBJECT, query.subjects), (Facet.AUTHOR, query.authors)):
        if values and facet not in skip:
            marks = ", ".join(["%s"] * len(values))
            clauses.append(
                "EXISTS (SELECT 1 FROM opac_searchfacet f WHERE f.biblio_id = d.biblio_id "
                f"AND f.facet = %s AND f.value IN ({marks}))"
            )
            params += [facet.value, *values]
    return clauses, params


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
    if terms.empty:
        return title, []
    if not terms.words:
        return f"h.score, {title}", []
    # A title that is the words a reader typed, then one that begins with them, then one that
    # holds them, before the rank: "oliver twist" finds Oliver Twist first.
    phrase = _like(terms.phrase)
    return (
        "CASE WHEN d.title_key = %s THEN 0 WHEN d.title_key LIKE %s ESCAPE '\\' THEN 1 "
        f"WHEN d.title_key LIKE %s ESCAPE '\\' THEN 2 ELSE 3 END, h.score, {title}",
        [terms.phrase, f"{phrase} %", f"% {phrase}%"],
    )


def _page(query: CatalogueQuery, terms: _Terms) -> list[int]:
    """The page's biblio ids, in order."""
    source = _source(terms, ranked=query.sort is Sort.RELEVANCE)
    where, params = _where(source, query)
    order, order_params = _order(query, terms)
    sql = f"{source.start}SELECT d.biblio_id{source.page_tables}{where} ORDER BY {order}"
    offset = (max(query.page, 1) - 1) * query.per_page
    with connection.cursor() as cursor:
        cursor.execute(
            sql + " LIMIT %s OFFSET %s",
            [*source.params, *params, *order_params, query.per_page, offset],
        )
        return [row[0] for row in cursor.fetchall()]


def _count(query: CatalogueQuery, terms: _Terms) -> int:
    source = _source(terms, ranked=False)
    where, params = _where(source, query)
    with connection.cursor() as cursor:
        cursor.execute(
            f"{source.start}SELECT COUNT(*){source.tables}{where}", [*source.params, *params]
        )
        return cursor.fetchone()[0]


# The facets of the document's own columns, counted together from one pass over the hits.
_COLUMN_FACETS = frozenset({Facet.LANGUAGE, Facet.FORMAT, Facet.YEAR})
_COLUMNS = "columns"


def _column_counts(source: _Source, query: CatalogueQuery) -> tuple[str, list]:
    """The hits counted by language, format and year together: a few thousand rows at most,
    from which each of the three facets (and the total) is summed with the other two's
    filters, so one pass over the hits serves all of them."""
    where, params = _where(source, query, skip=_COLUMN_FACETS)
    sql = (
        f"SELECT %s, d.language, d.format, d.year, COUNT(*){source.tables}{where} "
        "GROUP BY d.language, d.format, d.year"
    )
    return sql, [_COLUMNS, *params]


def _value_counts(source: _Source, query: CatalogueQuery, facet: Facet) -> tuple[str, list]:
    """The most frequent subjects or authors among the hits, as the other facets filter them."""
    skip = frozenset({facet})
    if _filters(query, skip)[0]:
        where, params = _where(source, query, skip)
        tables = source.tables + " CROSS JOIN opac_searchfacet f"
        where += (" AND " if where else " WHERE ") + "f.biblio_id = d.biblio_id AND f.facet = %s"
        params = [*params, facet.value]
    else:
        # Nothing to filter the documents by: the hits' facet rows alone, or all of them.
        params = [facet.value]
        if source.start:
            tables = " FROM hits h CROSS JOIN opac_searchfacet f"
            where = " WHERE f.biblio_id = h.biblio_id AND f.facet = %s"
        else:
            tables, where = " FROM opac_searchfacet f", " WHERE f.facet = %s"
    sql = (
        "SELECT * FROM (SELECT %s AS facet, f.value, CAST(NULL AS TEXT) AS format, "
        "CAST(NULL AS INTEGER) AS year, "
        f"COUNT(*) AS n{tables}{where} GROUP BY f.value ORDER BY n DESC, f.value LIMIT %s) "
        f"AS {facet.name}"
    )
    return sql, [facet.value, *params, FACET_SIZE]


def _total_and_facets(
    query: CatalogueQuery, terms: _Terms
) -> tuple[int, dict[Facet, list[FacetValue]]]:
    """How many records answer, and every facet's counts: one statement over one match."""
    source = _source(terms, ranked=False)
    parts = [_column_counts(source, query)]
    parts += [_value_counts(source, query, facet) for facet in (Facet.SUBJECT, Facet.AUTHOR)]
    sql = source.start + " UNION ALL ".join(part for part, _params in parts)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*source.params, *(p for _part, ps in parts for p in ps)])
        rows = cursor.fetchall()
    columns = [row[1:] for row in rows if row[0] == _COLUMNS]
    facets = _column_facets(query, columns)
    for name, value, _format, _year, count in rows:
        if name != _COLUMNS:
            facet = Facet(name)
            facets[facet].append(FacetValue(value, count, value in _selected(query, facet)))
    total = sum(count for *values, count in columns if _passes(query, *values))
    return total, facets


def _passes(query: CatalogueQuery, language: str, format: str, year: int | None, skip=None):
    """Whether records of this language, format and year pass the query's filters on them,
    but for the ``skip`` facet's."""
    return (
        (skip is Facet.LANGUAGE or not query.languages or language in query.languages)
        and (skip is Facet.FORMAT or not query.formats or format in query.formats)
        and (
            skip is Facet.YEAR
            or (
                (query.year_from is None or (year is not None and year >= query.year_from))
                and (query.year_to is None or (year is not None and year <= query.year_to))
            )
        )
    )


def _column_facets(query: CatalogueQuery, columns: list[tuple]) -> dict[Facet, list[FacetValue]]:
    counts: dict[Facet, Counter] = {facet: Counter() for facet in Facet}
    for language, format, year, count in columns:
        if language and _passes(query, language, format, year, skip=Facet.LANGUAGE):
            counts[Facet.LANGUAGE][language] += count
        if format and _passes(query, language, format, year, skip=Facet.FORMAT):
            counts[Facet.FORMAT][format] += count
        if year is not None and _passes(query, language, format, year, skip=Facet.YEAR):
            decade = year - year % 10
            counts[Facet.YEAR][f"{decade}-{decade + 9}"] += count
    facets = {}
    for facet, counter in counts.items():
        top = sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:FACET_SIZE]
        selected = _selected(query, facet)
        facets[facet] = [FacetValue(value, count, value in selected) for value, count in top]
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


def _remembered_total_and_facets(
    query: CatalogueQuery, terms: _Terms
) -> tuple[int, dict[Facet, list[FacetValue]]]:
    """The total and facets, from the cache while the catalogue is as it was: the next page of
    a search, and the whole catalogue's counts on the catalogue page, cost one statement less.

    The key holds where the sync stands (SyncState changes with every batch it stores), so a
    sync makes every remembered count stale at once."""
    seconds = settings.CATALOGUE_SEARCH_CACHE_SECONDS
    if not seconds:
        return _total_and_facets(query, terms)
    state = SyncState.objects.filter(name="koha").values_list(
        "run", "started_at", "finished_at", "last_biblio_id", "synced", "removed"
    )
    asked = (
        state.first(),
        terms,
        replace(query, text="", sort=Sort.RELEVANCE, page=1, per_page=0, facets=True),
    )
    key = "opac:search:" + hashlib.sha256(repr(asked).encode()).hexdigest()
    found = cache.get(key)
    if found is None:
        found = _total_and_facets(query, terms)
        cache.set(key, found, seconds)
    return found


def search_catalogue(query: CatalogueQuery) -> CatalogueResults:
    """One page of the records that answer ``query``, with facet counts and, when nothing is
    found, suggestions."""
    terms = _terms(query.text)
    ids = _page(query, terms)
    if query.facets:
        total, facets = _remembered_total_and_facets(query, terms)
    else:
        total, facets = _count(query, terms), {}
    records = CatalogueRecord.objects.in_bulk(ids)
    return CatalogueResults(
        query=query,
        records=[records[biblio_id] for biblio_id in ids if biblio_id in records],
        total=total,
        facets=facets,
        suggestions=[] if total else _suggestions(query, terms),
    )


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
        if count := _count(spelled, _terms(spelled.text)):
            found.append(Suggestion(SuggestionKind.SPELLING, spelled, count))
    if len(terms.words) > 1 and not found:
        for word in terms.words:
            alone = replace(unfiltered, text=word)
            if count := _count(alone, _terms(alone.text)):
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
