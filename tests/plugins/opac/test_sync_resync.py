"""Re-syncing the catalogue: what Koha did not change is not written again; what it changed,
or no longer has, is; an interrupted run leaves the search index matching the records."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from koha_bridge.sandbox.seed.books import BOOKS
from plugins.opac.models import CatalogueRecord, SearchDocument
from plugins.opac.search import CatalogueQuery, search_catalogue
from plugins.opac.sync import sync_catalogue
from tests.plugins.opac.test_sync import Interrupted, change_record

pytestmark = pytest.mark.django_db

TOTAL = len(BOOKS)
WRITES = ("INSERT", "UPDATE", "DELETE")
CATALOGUE_TABLES = ("opac_cataloguerecord", "opac_searchdocument", "opac_searchfacet")


def found(text: str) -> list[int]:
    query = CatalogueQuery(text=text, per_page=100)
    return [record.biblio_id for record in search_catalogue(query).records]


def catalogue_writes(queries: list[dict]) -> list[str]:
    return [
        query["sql"]
        for query in queries
        if query["sql"].lstrip().upper().startswith(WRITES)
        and any(table in query["sql"] for table in CATALOGUE_TABLES)
    ]


def stop_after(batches: int):
    def progress(done: int, total: int | None) -> None:
        progress.calls += 1
        if progress.calls == batches:
            raise Interrupted

    progress.calls = 0
    return progress


def test_a_full_resync_of_unchanged_records_writes_none_of_them(koha_client):
    sync_catalogue(koha_client, full=True)
    synced_at = dict(CatalogueRecord.objects.values_list("biblio_id", "synced_at"))

    with CaptureQueriesContext(connection) as queries:
        report = sync_catalogue(koha_client, full=True)

    assert (report.synced, report.unchanged, report.removed) == (0, TOTAL, 0)
    assert catalogue_writes(queries.captured_queries) == []
    assert dict(CatalogueRecord.objects.values_list("biblio_id", "synced_at")) == synced_at


def test_a_full_resync_rewrites_only_the_changed_record_found_by_its_new_title(
    koha_client, sandbox, clock
):
    sync_catalogue(koha_client, full=True)
    old_title = CatalogueRecord.objects.get(biblio_id=3).title

    change_record(sandbox, clock, 3, "Quokkarium never heard of")
    report = sync_catalogue(koha_client, full=True)

    assert (report.synced, report.unchanged) == (1, TOTAL - 1)
    assert CatalogueRecord.objects.get(biblio_id=3).title == "Quokkarium never heard of"
    assert found("quokkarium") == [3]
    assert 3 not in found(old_title)


def test_a_new_normaliser_version_writes_every_record_again(koha_client, monkeypatch):
    sync_catalogue(koha_client, full=True)

    monkeypatch.setattr("koha_bridge.sync.NORMALISATION_VERSION", 2)
    report = sync_catalogue(koha_client, full=True)

    assert (report.synced, report.unchanged) == (TOTAL, 0)


def test_a_record_stored_without_a_marc_digest_is_written_again(koha_client):
    sync_catalogue(koha_client, full=True)
    CatalogueRecord.objects.filter(biblio_id=7).update(marc_digest="")

    report = sync_catalogue(koha_client, full=True)

    assert (report.synced, report.unchanged) == (1, TOTAL - 1)
    assert CatalogueRecord.objects.get(biblio_id=7).marc_digest


def test_an_interrupted_full_sync_resumed_removes_what_koha_no_longer_has(koha_client, sandbox):
    sync_catalogue(koha_client, full=True)
    with sandbox.store.transaction() as db:  # one gone before the interruption, one after
        db.execute("DELETE FROM items WHERE biblio_id IN (5, 60)")
        db.execute("DELETE FROM biblios WHERE biblio_id IN (5, 60)")

    with pytest.raises(Interrupted):
        sync_catalogue(koha_client, full=True, batch_size=10, progress=stop_after(1))
    assert not CatalogueRecord.objects.filter(biblio_id=5).exists()
    report = sync_catalogue(koha_client, batch_size=10)

    assert report.resumed and report.removed == 2
    assert not CatalogueRecord.objects.filter(biblio_id__in=[5, 60]).exists()
    assert CatalogueRecord.objects.count() == TOTAL - 2
    assert 60 not in found(BOOKS[59].title)


def test_a_full_sync_removes_records_after_the_last_one_koha_lists(koha_client):
    sync_catalogue(koha_client, full=True)
    record = CatalogueRecord.objects.get(biblio_id=1)
    for gone_from_koha in (TOTAL + 1, TOTAL + 50):
        record.biblio_id = gone_from_koha
        record.save(force_insert=True)

    report = sync_catalogue(koha_client, full=True, batch_size=10)

    assert report.removed == 2
    assert CatalogueRecord.objects.count() == TOTAL


def test_an_interrupted_sync_leaves_every_stored_record_indexed_and_nothing_else(koha_client):
    with pytest.raises(Interrupted):
        sync_catalogue(koha_client, full=True, batch_size=10, progress=stop_after(2))

    records = set(CatalogueRecord.objects.values_list("biblio_id", flat=True))
    documents = set(SearchDocument.objects.values_list("record_id", flat=True))
    assert records == documents == set(range(1, 21))
    assert 1 in found(BOOKS[0].title)
