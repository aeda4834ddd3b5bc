"""What differs between the databases the catalogue's search runs on: how words are matched and
ranked, and how text is ordered.

Both search the folded words of ``SearchDocument`` (``search.documents``), so neither needs the
database to know about diacritics or languages: ``Ștefan``, ``Ştefan`` and ``Stefan`` are all
``stefan`` by the time they reach it. Each word of a search matches the words it begins
(``dick`` finds ``dickens``); an ISBN or ISSN matches the record's identifiers exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

# Weights of the fields in the rank: a word in the title counts most.
TITLE, AUTHORS, SUBJECTS, SERIES, SUMMARY, IDENTIFIERS = 10.0, 5.0, 3.0, 2.0, 1.0, 20.0


@dataclass(frozen=True)
class Match:
    """A subquery of ``(biblio_id, score)`` for the records that have every term; the lower
    the score, the better the record answers."""

    sql: str
    params: list


class SQLite:
    """FTS5 over ``opac_search_fts``, an external-content table of ``opac_searchdocument``
    ranked by ``bm25`` with the fields' weights."""

    materialized = "MATERIALIZED"  # the full-text match once, however often it is joined
    collate = ""  # SQLite compares text by code point
    # Without statistics SQLite would read each document's whole row, words and all, for the
    # few columns this index holds.
    hit_index = " INDEXED BY opac_doc_hit"

    def match(self, words: tuple[str, ...], identifiers: tuple[str, ...], ranked: bool) -> Match:
        terms = [f'"{word}"*' for word in words]
        terms += [f'identifiers : "{identifier}"' for identifier in identifiers]
        weights = ", ".join(
            str(w) for w in (TITLE, AUTHORS, SUBJECTS, SERIES, SUMMARY, IDENTIFIERS)
        )
        # Ranking costs more than matching: only the page's order asks for it.
        score = f", bm25(opac_search_fts, {weights}) AS score" if ranked else ""
        return Match(
            f"SELECT rowid AS biblio_id{score} FROM opac_search_fts WHERE opac_search_fts MATCH %s",
            [" AND ".join(terms)],
        )


class PostgreSQL:
    """``ts_rank_cd`` over the generated ``vector`` column, served by its GIN index."""

    materialized = ""  # the planner does better when it may inline the match
    collate = ' COLLATE "C"'  # the same order as SQLite's, whatever the database's locale
    hit_index = ""

    def match(self, words: tuple[str, ...], identifiers: tuple[str, ...], ranked: bool) -> Match:
        terms = [f"'{word}':*" for word in words] + [f"'{i}'" for i in identifiers]
        # Weights of the vector's classes D, C, B, A (summary, subjects and series, authors,
        # title and identifiers), scaled as ts_rank_cd wants them, between 0 and 1.
        score = ", -ts_rank_cd('{0.1, 0.3, 0.5, 1.0}', d.vector, q.query) AS score"
        return Match(
            f"SELECT d.biblio_id{score if ranked else ''} "
            "FROM opac_searchdocument d, to_tsquery('simple', %s) AS q(query) "
            "WHERE d.vector @@ q.query",
            [" & ".join(terms)],
        )


def dialect(vendor: str) -> SQLite | PostgreSQL:
    if vendor == "postgresql":
        return PostgreSQL()
    if vendor == "sqlite":
        return SQLite()
    raise NotImplementedError(f"The catalogue's search does not run on {vendor}.")
