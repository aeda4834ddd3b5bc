"""Upgrading a site: records synced before the catalogue's search index existed are found."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from plugins.opac.search import CatalogueQuery, Facet, search_catalogue

BEFORE = [("opac", "0003_catalogue_page")]
INDEX = [("opac", "0004_catalogue_search_index")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def migrate_to_latest() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_the_index_migration_indexes_records_synced_before_it():
    old = migrate(BEFORE).get_model("opac", "CatalogueRecord")
    try:
        old.objects.create(
            biblio_id=7,
            flavour="UNIMARC",
            title="Кобзарь",
            authors=[{"name": "Шевченко, Тарас", "role": "author", "dates": ""}],
            language="ukr",
            marc={},
        )
    finally:
        migrate(INDEX)
        # Apps whose migrations depend on a later opac one were unapplied on the way back.
        migrate_to_latest()

    results = search_catalogue(CatalogueQuery(text="Шевченко"))
    assert [r.biblio_id for r in results.records] == [7]
    assert {v.value for v in results.facets[Facet.AUTHOR]} == {"Шевченко, Тарас"}
