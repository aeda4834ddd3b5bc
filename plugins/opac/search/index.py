"""Keeping the search index current: what the sync calls after it stores a batch of records.

Documents are written with the records, in the same transaction; the database's full-text index
follows them (SQLite's triggers, PostgreSQL's generated column). Removing a record removes its
document and facet rows with it (``on_delete=CASCADE``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import connection, models

from plugins.opac.bulk_sql import insert_rows
from plugins.opac.search.documents import document_of

DOCUMENT_FIELDS = [
    "title",
    "authors",
    "subjects",
    "series",
    "summary",
    "identifiers",
    "title_key",
    "author_key",
    "year",
    "language",
    "format",
]


def index_records(
    records: Iterable[Any],
    document_model: type[models.Model] | None = None,
    facet_model: type[models.Model] | None = None,
    word_model: type[models.Model] | None = None,
) -> None:
    """Write (or rewrite) the index entries of ``records``, CatalogueRecords already saved.

    The models are the current ones unless a migration passes its historical ones. Rows are
    written with plain SQL, many to a statement: the ORM's bulk_create spent four fifths of the
    sync's indexing time building its statements."""
    if document_model is None:
        from plugins.opac.models import SearchDocument, SearchFacet, SearchWord

        document_model, facet_model, word_model = SearchDocument, SearchFacet, SearchWord
    documents, facets, vocabulary = [], [], set()
    for record in records:
        entry = document_of(record)
        documents.append((record.biblio_id, *(entry.fields[name] for name in DOCUMENT_FIELDS)))
        facets += [(record.biblio_id, facet, value) for facet, value in entry.facets]
        vocabulary |= entry.vocabulary
    if not documents:
        return
    document_table = document_model._meta.db_table
    facet_table = facet_model._meta.db_table
    updates = ", ".join(f"{name} = excluded.{name}" for name in DOCUMENT_FIELDS)
    ids = [document[0] for document in documents]
    insert_rows(
        document_table,
        ["biblio_id", *DOCUMENT_FIELDS],
        documents,
        f"ON CONFLICT (biblio_id) DO UPDATE SET {updates}",
    )
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            cursor.execute(
                f"DELETE FROM {facet_table} WHERE biblio_id IN ({', '.join(['%s'] * len(chunk))})",
                chunk,
            )
    insert_rows(facet_table, ["biblio_id", "facet", "value"], facets)
    # New words only; a word no record has any more is harmless, as a suggestion is
    # counted before it is offered.
    insert_rows(
        word_model._meta.db_table,
        ["word"],
        [(word,) for word in sorted(vocabulary)],
        "ON CONFLICT (word) DO NOTHING",
    )
