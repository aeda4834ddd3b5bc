"""What differs between the databases the catalogue's search runs on: how words are matched and
ranked, and how text is ordered.

Both search the folded words of ``SearchDocument`` (``search.documents``), so neither needs the
database to know about diacritics: ``Ștefan``, ``Ştefan`` and ``Stefan`` are all ``stefan`` by
the time they reach it. Each word of a search matches the words it begins (``dick`` finds
``dickens``); an ISBN or ISSN matches the record's identifiers exactly. PostgreSQL also stems
the words by each record's language and reads readers' query syntax; SQLite wants every word.
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

    def match(
        self, words: tuple[str, ...], identifiers: tuple[str, ...], text: str, ranked: bool
    ) -> Match:
        """``text`` (readers' syntax) is not read: SQLite's search wants every word."""
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
    """Each record's words stemmed by its language (``library20_search_config``: english,
    russian, romanian, else simple) in the ``stems`` column, read with ``websearch_to_tsquery``
    so readers' syntax works ("a phrase", -word, OR), each stem matching the words it begins;
    ranked by ``ts_rank_cd``, served by the GIN indexes of ``stems`` and of ``vector`` (the
    identifiers)."""

    materialized = ""  # the planner does better when it may inline the match
    collate = ' COLLATE "C"'  # the same order as SQLite's, whatever the database's locale
    hit_index = ""
    # The configurations library20_search_config gives (migration 0013).
    configs = ("english", "russian", "romanian", "simple")

    def match(
        self, words: tuple[str, ...], identifiers: tuple[str, ...], text: str, ranked: bool
    ) -> Match:
        clauses: list[str] = []
        params: list = []
        if words:
            # A record answers the query as its own language reads it: one branch per
            # configuration, each served by the index.
            branches = " OR ".join(
                f"(d.stems @@ library20_prefix_query('{config}', %s) "
                f"AND library20_search_config(d.language) = '{config}'::regconfig)"
                for config in self.configs
            )
            clauses.append(f"({branches})")
            params += [text] * len(self.configs)
        if identifiers:
            clauses.append("d.vector @@ to_tsquery('simple', %s)")
            params.append(" & ".join(f"'{identifier}'" for identifier in identifiers))
        score = ""
        if ranked:
            # Weights of the classes D, C, B, A (summary, subjects and series, authors,
            # title), scaled as ts_rank_cd wants them, between 0 and 1.
            queries = " ".join(
                f"WHEN '{config}'::regconfig THEN library20_prefix_query('{config}', %s)"
                for config in self.configs
            )
            vector = "d.stems" if words else "d.vector"
            query = (
                f"CASE library20_search_config(d.language) {queries} END"
                if words
                else "to_tsquery('simple', %s)"
            )
            score = f", -ts_rank_cd('{{0.1, 0.3, 0.5, 1.0}}', {vector}, {query}) AS score"
            rank_params = [text] * len(self.configs) if words else [params[-1]]
            params = rank_params + params
        return Match(
            f"SELECT d.biblio_id{score} FROM opac_searchdocument d WHERE {' AND '.join(clauses)}",
            params,
        )


def dialect(vendor: str) -> SQLite | PostgreSQL:
    if vendor == "postgresql":
        return PostgreSQL()
    if vendor == "sqlite":
        return SQLite()
    raise NotImplementedError(f"The catalogue's search does not run on {vendor}.")
