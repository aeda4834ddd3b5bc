"""The catalogue's search, answered in Python over every record's folded text.

Right for a small catalogue (the demo's); the interface in ``search.query`` is what the rest of
the site uses, so a faster engine can stand in for this one without anyone noticing.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, replace

from plugins.opac.models import CatalogueRecord
from plugins.opac.search.folding import fold, isbn13_of, issn_of, words
from plugins.opac.search.query import (
    CatalogueQuery,
    CatalogueResults,
    Facet,
    FacetValue,
    Sort,
    Suggestion,
    SuggestionKind,
)

FACET_SIZE = 20  # values shown per facet, the most frequent first
WEIGHTS = {"title": 3.0, "author": 2.0, "subject": 1.5, "series": 1.0, "summary": 0.5}


@dataclass(frozen=True)
class _Terms:
    words: tuple[str, ...]
    identifiers: tuple[str, ...]  # ISBN-13s and ISSNs

    @property
    def empty(self) -> bool:
        return not (self.words or self.identifiers)


@dataclass(frozen=True)
class _Indexed:
    record: CatalogueRecord
    fields: dict[str, list[str]]  # folded words per weighted field
    identifiers: frozenset[str]
    title: str  # folded


def _terms(text: str) -> _Terms:
    found_words: list[str] = []
    identifiers: list[str] = []
    for token in text.split():
        identifier = isbn13_of(token) or issn_of(token)
        if identifier:
            identifiers.append(identifier)
        else:
            found_words.extend(words(token))
    return _Terms(tuple(found_words), tuple(identifiers))


def _indexed(record: CatalogueRecord) -> _Indexed:
    title = f"{record.title} {record.subtitle}"
    return _Indexed(
        record,
        {
            "title": words(title),
            "author": words(" ".join(a["name"] for a in record.authors)),
            "subject": words(" ".join(record.subjects)),
            "series": words(" ".join(record.series)),
            "summary": words(record.summary),
        },
        frozenset([*(isbn13_of(isbn) for isbn in record.isbns), *record.issns]) - {""},
        fold(title),
    )


def _score(entry: _Indexed, terms: _Terms, phrase: str) -> float | None:
    """How well the record answers the terms; None when a term is missing from it."""
    score = 0.0
    for identifier in terms.identifiers:
        if identifier not in entry.identifiers:
            return None
        score += 10.0
    for term in terms.words:
        best = max(
            (weight for name, weight in WEIGHTS.items() if _has(entry.fields[name], term)),
            default=0.0,
        )
        if not best:
            return None
        score += best
    if phrase and phrase in entry.title:
        score += 5.0 + (10.0 if entry.title.startswith(phrase) else 0.0)
    return score


def _has(field_words: list[str], term: str) -> bool:
    return any(word.startswith(term) for word in field_words)


def _matches_filters(record: CatalogueRecord, query: CatalogueQuery, skip: Facet | None) -> bool:
    """Whether the record passes the query's filters, but for the ``skip`` facet's."""
    checks = {
        Facet.LANGUAGE: not query.languages or record.language in query.languages,
        Facet.FORMAT: not query.formats or record.format in query.formats,
        Facet.SUBJECT: not query.subjects or bool(set(query.subjects) & set(record.subjects)),
        Facet.AUTHOR: not query.authors
        or bool(set(query.authors) & {a["name"] for a in record.authors}),
        Facet.YEAR: _in_years(record.year, query),
    }
    return all(passed for facet, passed in checks.items() if facet is not skip)


def _in_years(year: int | None, query: CatalogueQuery) -> bool:
    if query.year_from is None and query.year_to is None:
        return True
    if year is None:
        return False
    return (query.year_from is None or year >= query.year_from) and (
        query.year_to is None or year <= query.year_to
    )


def _decade(year: int) -> str:
    start = year - year % 10
    return f"{start}-{start + 9}"


def _facet_values(records: list[CatalogueRecord], facet: Facet) -> Counter:
    counts: Counter = Counter()
    for record in records:
        if facet is Facet.LANGUAGE and record.language:
            counts[record.language] += 1
        elif facet is Facet.FORMAT:
            counts[record.format] += 1
        elif facet is Facet.SUBJECT:
            counts.update(set(record.subjects))
        elif facet is Facet.AUTHOR:
            counts.update({a["name"] for a in record.authors})
        elif facet is Facet.YEAR and record.year is not None:
            counts[_decade(record.year)] += 1
    return counts


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


def _sort_key(query: CatalogueQuery, scores: dict[int, float]):
    if query.sort is Sort.NEWEST:
        return lambda r: (-(r.year or 0), fold(r.title), r.biblio_id)
    if query.sort is Sort.TITLE:
        return lambda r: (fold(r.title), r.biblio_id)
    if query.sort is Sort.AUTHOR:
        return lambda r: (fold(r.authors[0]["name"]) if r.authors else "\uffff", r.biblio_id)
    return lambda r: (-scores.get(r.biblio_id, 0.0), fold(r.title), r.biblio_id)


def _matching(entries: list[_Indexed], terms: _Terms, phrase: str) -> dict[int, float]:
    scores: dict[int, float] = {}
    for entry in entries:
        score = 0.0 if terms.empty else _score(entry, terms, phrase)
        if score is not None:
            scores[entry.record.biblio_id] = score
    return scores


def search_catalogue(query: CatalogueQuery) -> CatalogueResults:
    """One page of the records that answer ``query``, with facet counts and, when nothing is
    found, suggestions."""
    entries = [_indexed(record) for record in CatalogueRecord.objects.all()]
    terms = _terms(query.text)
    phrase = " ".join(terms.words)
    scores = _matching(entries, terms, phrase)
    matched = [e.record for e in entries if e.record.biblio_id in scores]
    results = [r for r in matched if _matches_filters(r, query, None)]
    facets = {}
    for facet in Facet:
        # Each facet counts over the results as filtered by the other facets, so a reader can
        # widen a facet as well as narrow it.
        counts = _facet_values([r for r in matched if _matches_filters(r, query, facet)], facet)
        selected = _selected(query, facet)
        values = [FacetValue(v, c, v in selected) for v, c in counts.most_common(FACET_SIZE)]
        if facet is Facet.YEAR:
            values.sort(key=lambda value: value.value)
        facets[facet] = values
    results.sort(key=_sort_key(query, scores))
    start = (max(query.page, 1) - 1) * query.per_page
    return CatalogueResults(
        query=query,
        records=results[start : start + query.per_page],
        total=len(results),
        facets=facets,
        suggestions=[] if results else _suggestions(query, entries, terms, matched),
    )


def _suggestions(
    query: CatalogueQuery, entries: list[_Indexed], terms: _Terms, matched: list
) -> list[Suggestion]:
    found: list[Suggestion] = []
    if query.filtered and matched:
        found.append(
            Suggestion(SuggestionKind.WITHOUT_FILTERS, query.without_filters(), len(matched))
        )
    vocabulary = sorted({word for e in entries for field in e.fields.values() for word in field})
    corrected = [_spelled(term, vocabulary) for term in terms.words]
    if corrected != list(terms.words):
        spelled = replace(query.without_filters(), text=" ".join(corrected))
        count = len(_matching(entries, _terms(spelled.text), spelled.text))
        if count:
            found.append(Suggestion(SuggestionKind.SPELLING, spelled, count))
    if len(terms.words) > 1 and not found:
        for term in terms.words:
            count = len(_matching(entries, _terms(term), term))
            if count:
                alone = replace(query.without_filters(), text=term)
                found.append(Suggestion(SuggestionKind.ANY_WORD, alone, count))
    return found


def _spelled(term: str, vocabulary: list[str]) -> str:
    """The term, or the catalogue's closest word when no word starts with the term."""
    if any(word.startswith(term) for word in vocabulary):
        return term
    return next(iter(difflib.get_close_matches(term, vocabulary, n=1, cutoff=0.75)), term)
