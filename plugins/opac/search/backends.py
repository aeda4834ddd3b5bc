"""Which engine answers the catalogue's searches and keeps its index: chosen by the setting
``CATALOGUE_SEARCH_BACKEND`` (a dotted path to a class), the database's own by default.

A library network with millions of records may prefer OpenSearch or Elasticsearch: a class
with the three methods of ``SearchBackend`` is all the site asks of it. The sync calls
``index`` after it stores each batch and ``remove`` before it deletes records; the catalogue
page, the site's search and the home page call ``search``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from django.conf import settings
from django.utils.module_loading import import_string

from plugins.opac.search.engine import search_catalogue
from plugins.opac.search.index import index_records
from plugins.opac.search.query import CatalogueQuery, CatalogueResults

if TYPE_CHECKING:
    from plugins.opac.models import CatalogueRecord

DEFAULT = "plugins.opac.search.backends.DatabaseBackend"


class SearchBackend(Protocol):
    def search(self, query: CatalogueQuery) -> CatalogueResults: ...

    def index(self, records: Sequence[CatalogueRecord]) -> None: ...

    def remove(self, biblio_ids: Sequence[int]) -> None: ...


class DatabaseBackend:
    """SQLite's FTS5 or PostgreSQL's full-text search, over ``SearchDocument``."""

    def search(self, query: CatalogueQuery) -> CatalogueResults:
        return search_catalogue(query)

    def index(self, records: Sequence[CatalogueRecord]) -> None:
        index_records(records)

    def remove(self, biblio_ids: Sequence[int]) -> None:
        """Nothing to do: documents and facet rows are deleted with their records."""


@functools.cache
def _backend(path: str) -> SearchBackend:
    return import_string(path)()


def backend() -> SearchBackend:
    return _backend(getattr(settings, "CATALOGUE_SEARCH_BACKEND", DEFAULT))
