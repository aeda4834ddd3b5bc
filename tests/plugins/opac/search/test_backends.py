"""The search backend is chosen by setting: the sync feeds it and every search asks it."""

from __future__ import annotations

import pytest
from django.test import override_settings

from plugins.opac.search import CatalogueQuery, CatalogueResults, search_catalogue
from plugins.opac.sync import sync_catalogue

pytestmark = pytest.mark.django_db

BACKEND = "tests.plugins.opac.search.test_backends.Recording"


class Recording:
    """A backend that keeps what it is given, as an OpenSearch one would send it on."""

    indexed: list[int] = []
    removed: list[int] = []
    asked: list[CatalogueQuery] = []

    def search(self, query: CatalogueQuery) -> CatalogueResults:
        self.asked.append(query)
        return CatalogueResults(query=query, records=[], total=0)

    def index(self, records) -> None:
        self.indexed.extend(record.biblio_id for record in records)

    def remove(self, biblio_ids) -> None:
        self.removed.extend(biblio_ids)


@pytest.fixture
def recording():
    for kept in (Recording.indexed, Recording.removed, Recording.asked):
        kept.clear()
    with override_settings(CATALOGUE_SEARCH_BACKEND=BACKEND):
        yield Recording


def test_the_sync_indexes_and_removes_records_through_the_configured_backend(
    recording, koha_client, sandbox
):
    sync_catalogue(koha_client)
    assert len(recording.indexed) == 74

    with sandbox.store.transaction() as db:
        db.execute("DELETE FROM items WHERE biblio_id = 5")
        db.execute("DELETE FROM biblios WHERE biblio_id = 5")
    sync_catalogue(koha_client, full=True)

    assert recording.removed == [5]


def test_searches_are_answered_by_the_configured_backend(recording, client):
    results = search_catalogue(CatalogueQuery(text="Kobzar"))
    assert results.total == 0 and recording.asked[-1].text == "Kobzar"

    client.get("/en/catalogue/", {"q": "Dickens"})
    assert recording.asked[-1].text == "Dickens"
