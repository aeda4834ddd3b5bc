"""The home page's catalogue: a search box that searches the catalogue of the reader's language,
and the newest acquisitions with their covers."""

import pytest

from plugins.opac.models import CataloguePage
from plugins.opac.sync import sync_catalogue
from tests.html import soup_of
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(koha_client):
    sync_catalogue(koha_client)


@pytest.mark.parametrize("language", ["en", "ru", "uk", "ro"])
def test_the_home_page_searches_the_catalogue_of_its_language(client, language):
    soup = soup_of(client.get(f"/{language}/"))

    (landmark,) = soup.select('[role="search"], search')
    assert landmark["action"] == f"/{language}/catalogue/"
    assert landmark.find_parent("main") is not None
    field = landmark.select_one("input[name=q]")
    assert soup.select_one(f'label[for="{field["id"]}"]') is not None


def test_the_home_page_shows_the_newest_acquisitions_with_their_covers(client, catalogue):
    soup = soup_of(client.get("/uk/"))

    shelf = soup.select(".shelf__item a")
    assert len(shelf) == 6
    assert all(a["href"].startswith("/uk/catalogue/") for a in shelf)
    assert all(a.img["src"].startswith("/covers/") and a.img["alt"] == "" for a in shelf)
    assert soup.select_one(".shelf__head a")["href"] == "/uk/catalogue/new/"


def test_without_a_catalogue_page_the_home_page_keeps_the_sites_search(client):
    CataloguePage.objects.all().delete()

    soup = soup_of(client.get("/en/"))

    (landmark,) = soup.select('[role="search"]')
    assert landmark.find_parent("header") is not None
    assert soup.select(".shelf") == []


def test_the_home_page_costs_the_same_queries_with_an_empty_or_a_full_catalogue(
    client, koha_client
):
    count_queries(client, "/en/")  # warm Wagtail's site and settings caches
    empty = count_queries(client, "/en/")
    sync_catalogue(koha_client)

    full = count_queries(client, "/en/")

    assert empty == full <= 20
