"""A catalogue record's page lists the exhibitions that feature it, in the reader's language,
through the record page's extension point: one query, however many exhibitions."""

from __future__ import annotations

import pytest

from plugins.exhibitions.models import ExhibitionRecord
from plugins.opac.record_urls import record_url
from tests.html import soup_of
from tests.plugins.exhibitions.conftest import KOBZAR, add_exhibition, index_of, record, section
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

KOBZAR_TITLE = "Кобзарь"


def featured(client, language: str = "en", biblio_id: int = KOBZAR) -> list[str]:
    soup = soup_of(client.get(record_url(biblio_id, KOBZAR_TITLE, language)))
    return [a.get_text() for a in soup.select("#exhibitions li a")]


def test_the_record_page_lists_the_exhibitions_featuring_it(client, catalogue, site_koha):
    add_exhibition(index_of("en"), "Poets", [section("One", record(KOBZAR, "Here"))])
    add_exhibition(index_of("en"), "Novels", [section("One", record(23))])

    assert featured(client) == [  # the latest opened first
        "Poets",
        "First printings: Pushkin, Shevchenko, Gogol, Eminescu",
    ]


def test_the_back_links_are_in_the_readers_language(client, catalogue, site_koha):
    assert featured(client, "uk") == ["Перші видання: Пушкін, Шевченко, Гоголь, Емінеску"]


def test_unpublishing_or_deleting_an_exhibition_removes_its_back_link(
    client,
    catalogue,
    site_koha,
):
    poets = add_exhibition(index_of("en"), "Poets", [section("One", record(KOBZAR))])
    novels = add_exhibition(index_of("en"), "Novels", [section("One", record(KOBZAR))])

    poets.unpublish()
    novels.delete()

    assert featured(client) == ["First printings: Pushkin, Shevchenko, Gogol, Eminescu"]
    assert not ExhibitionRecord.objects.filter(page_id__in=[poets.pk, novels.pk]).exists()


def test_publishing_a_new_revision_rebuilds_the_records_it_features(client, catalogue, site_koha):
    page = add_exhibition(index_of("en"), "Poets", [section("One", record(KOBZAR))])
    page.body = '[{"type": "section", "value": {"title": "One", "content": []}}]'
    page.save_revision().publish()

    assert "Poets" not in featured(client)
    assert not ExhibitionRecord.objects.filter(page=page).exists()


def test_a_record_no_exhibition_features_has_no_such_section(client, catalogue, site_koha):
    soup = soup_of(client.get(record_url(3, "Oliver Twist", "en")))

    assert soup.select_one("#exhibitions") is None


def test_the_record_page_costs_the_same_queries_with_one_or_many_exhibitions(
    client,
    catalogue,
    site_koha,
):
    url = record_url(KOBZAR, KOBZAR_TITLE, "en")
    before = count_queries(client, url)
    for number in range(4):
        add_exhibition(index_of("en"), f"Poets {number}", [section("One", record(KOBZAR))])

    assert count_queries(client, url) == before
    assert len(featured(client)) == 5


def test_the_record_page_availability_is_where_the_shelf_link_points(
    client,
    catalogue,
    site_koha,
):
    soup = soup_of(client.get(record_url(KOBZAR, KOBZAR_TITLE, "en")))

    assert soup.select_one("section#availability h2")
