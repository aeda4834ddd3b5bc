"""Site search: results from the active language only, and a page for any input."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from library_site.core.models import StandardPage
from library_site.search.query import MAX_QUERY_LENGTH, clean_query
from tests.html import soup_of
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def results(response) -> list[str]:
    soup = soup_of(response)
    return [a.get_text(strip=True) for a in soup.select(".search-results h2 a")]


def test_search_finds_pages_of_the_active_language_only(client):
    assert results(client.get("/en/search/", {"q": "wheelchair ramp lift"})) == []
    assert results(client.get("/en/search/", {"q": "ramp"})) == ["Visiting"]
    assert results(client.get("/uk/search/", {"q": "пандус"})) == ["Як нас відвідати"]
    assert results(client.get("/en/search/", {"q": "пандус"})) == []


def test_search_result_count_is_said_in_the_readers_language(client):
    response = client.get("/ro/search/", {"q": "rampă"})

    soup = soup_of(response)
    assert soup.select_one(".search-summary").get_text(strip=True) == "1 rezultat pentru „rampă”"


def test_search_with_no_match_says_so(client):
    response = client.get("/ru/search/", {"q": "квантовая хромодинамика"})

    assert response.status_code == 200
    assert "Ничего не найдено" in response.content.decode()


@pytest.mark.parametrize("query", ["", "ramp"])
def test_search_page_has_one_search_landmark_its_own_form(client, query):
    soup = soup_of(client.get("/en/search/", {"q": query}))

    landmarks = soup.select('[role="search"], search')
    assert len(landmarks) == 1
    assert landmarks[0].find_parent("main") is not None
    assert landmarks[0].select_one("input[name=q]")["value"] == query


def test_other_pages_keep_the_search_form_in_their_header(client):
    soup = soup_of(client.get("/en/about/"))  # the home page has the catalogue's search instead

    assert len(soup.select('header [role="search"]')) == 1


def test_empty_search_shows_the_form_without_results(client):
    response = client.get("/en/search/")

    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.select_one("form.search-form input[name=q]")["value"] == ""
    assert soup.select_one(".search-summary") is None


@pytest.mark.parametrize(
    "query",
    [
        '"',
        'ramp "lift',
        '"ramp lift"',
        "100% ramp",
        "*",
        "' OR 1=1 --",
        "AND OR NOT",
        "(((",
        "ramp\x00lift",
        "\u200b\u202e",
        "%",
        "<script>alert(1)</script>",
        "x" * 5000,
        "😀📚",
    ],
)
def test_odd_queries_give_a_page_never_an_error(client, query):
    response = client.get("/en/search/", {"q": query})

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize("page_number", ["0", "-1", "abc", "999999", "1.5"])
def test_odd_page_numbers_give_a_page(client, page_number):
    response = client.get("/en/search/", {"q": "library", "page": page_number})

    assert response.status_code == 200


def test_results_are_paginated(client):
    home = Page.objects.get(depth=2, locale=Locale.get_default())
    for number in range(12):
        home.add_child(instance=StandardPage(title=f"Almanac {number}", slug=f"almanac-{number}"))

    first = client.get("/en/search/", {"q": "almanac"})
    second = client.get("/en/search/", {"q": "almanac", "page": "2"})

    assert len(results(first)) == 10
    assert len(results(second)) == 2
    assert 'rel="next"' in first.content.decode()
    assert 'rel="prev"' in second.content.decode()


def test_searches_are_counted_for_librarians(client):
    client.get("/en/search/", {"q": "Opening  HOURS"})
    client.get("/en/search/", {"q": "opening hours"})

    assert Query.get("opening hours").hits == 2


def test_clean_query_drops_control_characters_and_caps_length():
    assert clean_query("  ramp\x00\tlift \n") == "ramp lift"
    assert clean_query('"ramp" lift"') == "ramp lift"
    assert len(clean_query("a" * 1000)) == MAX_QUERY_LENGTH


def test_search_costs_the_same_queries_however_many_results_it_lists(client):
    home = Page.objects.get(depth=2, locale=Locale.get_default())

    def cost() -> int:
        with CaptureQueriesContext(connection) as queries:
            client.get("/en/search/", {"q": "zeppelin"})
        return len(queries)

    home.add_child(instance=StandardPage(title="Zeppelin 0", slug="zeppelin-0"))
    cost()
    one = cost()
    for number in range(1, 8):
        home.add_child(instance=StandardPage(title=f"Zeppelin {number}", slug=f"zeppelin-{number}"))
    cost()  # the new pages made the site's frame to be built again

    assert cost() == one


@pytest.fixture
def catalogue(koha_client):
    from plugins.opac.sync import sync_catalogue

    sync_catalogue(koha_client)


def catalogue_results(response) -> list[str]:
    return [a.get_text(strip=True) for a in soup_of(response).select(".search-catalogue h3 a")]


def test_search_lists_the_catalogues_records_first_with_a_link_to_all_of_them(client, catalogue):
    response = client.get("/en/search/", {"q": "Dickens"})

    found = catalogue_results(response)
    assert "Oliver Twist" in found and len(found) <= 5
    link = soup_of(response).select_one(".search-catalogue__all")
    assert link["href"] == "/en/catalogue/?q=Dickens"
    assert link.get_text(" ", strip=True).startswith("See all")
    stylesheets = [tag["href"] for tag in soup_of(response).select('link[rel="stylesheet"]')]
    assert any("opac/catalogue" in href for href in stylesheets)  # the cards keep their look


def test_catalogue_records_are_linked_in_the_searchs_language(client, catalogue):
    response = client.get("/uk/search/", {"q": "Шевченко"})

    assert catalogue_results(response) == ["Кобзарь"]
    (record,) = soup_of(response).select(".search-catalogue h3 a")
    assert record["href"].startswith("/uk/catalogue/")


def test_a_search_the_catalogue_cannot_answer_lists_pages_only(client, catalogue):
    soup = soup_of(client.get("/en/search/", {"q": "ramp"}))

    assert soup.select_one(".search-catalogue") is None
    assert [a.get_text(strip=True) for a in soup.select(".search-results h2 a")] == ["Visiting"]


def test_catalogue_records_cost_the_same_queries_however_many_are_listed(client, catalogue):
    # Both find records and no page of the site (a page found costs its own, fixed, query).
    one = count_queries(client, "/en/search/", {"q": "Кобзарь"})
    many = count_queries(client, "/en/search/", {"q": "Orwell"})

    assert many == one
