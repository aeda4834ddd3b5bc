"""A search's total and facet counts are reused for its next pages until a sync changes the
catalogue."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from plugins.opac.search import CatalogueQuery, Facet, search_catalogue
from plugins.opac.sync import sync_catalogue
from tests.plugins.opac.test_sync import change_record

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def remembering(koha_client):
    cache.clear()
    sync_catalogue(koha_client)
    with override_settings(CATALOGUE_SEARCH_CACHE_SECONDS=600):
        yield
    cache.clear()


def statements(query: CatalogueQuery) -> int:
    with CaptureQueriesContext(connection) as queries:
        search_catalogue(query)
    return len(queries)


def test_the_next_page_reuses_the_first_pages_counts():
    first = statements(CatalogueQuery(per_page=10))
    second = statements(CatalogueQuery(per_page=10, page=2))

    assert second == first - 1
    assert search_catalogue(CatalogueQuery(per_page=10, page=2)).total == 74


def test_a_sync_that_changes_the_catalogue_makes_the_counts_new(koha_client, sandbox, clock):
    before = search_catalogue(CatalogueQuery(text="zmeevik")).total

    change_record(sandbox, clock, 3, "Zmeevik unheard-of title")
    sync_catalogue(koha_client)

    assert before == 0
    results = search_catalogue(CatalogueQuery(text="zmeevik"))
    assert results.total == 1 and sum(v.count for v in results.facets[Facet.FORMAT]) == 1
