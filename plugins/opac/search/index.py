"""Keeping the search index current: what the sync calls after it stores a batch of records.

Documents are written with the records, in the same transaction; the database's full-text index
follows them (SQLite's triggers, PostgreSQL's generated column). Removing a record removes its
document and facet rows with it (``on_delete=CASCADE``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models

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

    The models are the current ones unless a migration passes its historical ones."""
    if document_model is None:
        from plugins.opac.models import SearchDocument, SearchFacet, SearchWord

        document_model, facet_model, word_model = SearchDocument, SearchFacet, SearchWord
    documents, facets, vocabulary = [], [], set()
    for record in records:
        entry = document_of(record)
        documents.append(document_model(record_id=record.biblio_id, **entry.fields))
        facets += [
            facet_model(record_id=record.biblio_id, facet=f, value=v) for f, v in entry.facets
        ]
        vocabulary |= entry.vocabulary
    if not documents:
        return
    document_model.objects.bulk_create(
        documents,
        update_conflicts=True,
        unique_fields=["record"],
        update_fields=DOCUMENT_FIELDS,
    )
    facet_model.objects.filter(record_id__in=[d.record_id for d in documents]).delete()
    facet_model.objects.bulk_create(facets)
    # New words only; a word no record has any more is harmless, as a suggestion is counted
    # before it is offered.
    word_model.objects.bulk_create(
        [word_model(word=word) for word in sorted(vocabulary)], ignore_conflicts=True
    )
