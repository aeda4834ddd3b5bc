"""The catalogue page: one per language at /<lang>/catalogue/, searched as readers type,
narrowed by facets that combine, sorted, paged; any address gives a page, never an error."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.utils.encoding import iri_to_uri
from wagtail.models import Locale, Page

from plugins.opac.models import CataloguePage, CatalogueRecord
from plugins.opac.record_urls import record_url
from tests.html import soup_of
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ru", "uk", "ro"]
PAGE_QUERIES = 20  # the page frame's (site, page, menu, languages, profile) and the search's
TITLES = {"en": "Catalogue", "ru": "Каталог", "uk": "Каталог", "ro": "Catalog"}


def found(client, path: str = "/en/catalogue/", **params) -> list[str]:
    """The titles the catalogue page lists for this search, in order."""
    soup = soup_of(client.get(path, params))
    return [a.get_text(strip=True) for a in soup.select(".record-card__title a")]


def total(client, path: str = "/en/catalogue/", **params) -> int:
    heading = soup_of(client.get(path, params)).select_one("#results-heading").get_text()
    return int(re.search(r"\d+", heading).group())


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_page_is_served_in_each_language(client, catalogue, language):
    response = client.get(f"/{language}/catalogue/")

    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["lang"] == language
    assert soup.h1.get_text(strip=True) == TITLES[language]
    assert len(soup.select(".record-card")) == 20


def test_the_catalogue_is_in_the_menu_of_each_language(client):
    for language in LANGUAGES:
        menu = soup_of(client.get(f"/{language}/")).select("nav.main-nav a")
        assert TITLES[language] in [a.get_text(strip=True) for a in menu]


@pytest.mark.parametrize("language", LANGUAGES)
def test_record_urls_are_routes_of_the_catalogue_page_of_that_language(client, catalogue, language):
    page = CataloguePage.objects.get(locale__language_code=language)
    kobzar = CatalogueRecord.objects.get(biblio_id=41)

    url = record_url(kobzar.biblio_id, kobzar.title, language)

    route = page.reverse_subpage("record", kwargs={"biblio_id": "41", "slug": "кобзарь"})
    assert iri_to_uri(url) == page.url + route
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "isbn", ["0747532699", "0-7475-3269-9", "9780747532699", "978-0-7475-3269-9"]
)
def test_an_isbn_in_any_form_finds_its_record(client, catalogue, isbn):
    assert found(client, q=isbn)[0] == "Harry Potter and the philosopher's stone"


@pytest.mark.parametrize("spelling", ["Ștefan", "Ştefan", "Stefan"])
def test_romanian_letters_find_the_same_record_however_typed(client, catalogue, spelling):
    assert found(client, q=f"{spelling} Gheorghidiu") == [
        "Ultima noapte de dragoste, întâia noapte de război"
    ]


def test_cyrillic_searches_fold_yo_and_ghe_with_upturn(client, catalogue):
    assert found(client, path="/ru/catalogue/", q="Мёртвые души") == found(
        client, path="/ru/catalogue/", q="Мертвые души"
    )
    assert found(client, path="/uk/catalogue/", q="Ґандальф") == found(
        client, path="/uk/catalogue/", q="Гандальф"
    )


def test_facets_show_counts_and_combine(client, catalogue):
    every = total(client)
    english = total(client, language="eng")
    english_or_romanian = total(client, language=["eng", "rum"])
    english_from_the_1860s = total(client, language="eng", year_from=1860, year_to=1869)

    assert every == 74
    assert english < english_or_romanian < every  # values of one facet widen
    assert english_from_the_1860s < english  # facets narrow one another
    soup = soup_of(client.get("/en/catalogue/"))
    languages = soup.select(".facet")[1]
    counts = {
        a.select_one(".facet__label").get_text(): int(a.select_one(".facet__count").get_text())
        for a in languages.select("a")
    }
    assert counts["English"] == english


def test_language_and_format_facets_are_named_in_the_readers_language(client, catalogue):
    soup = soup_of(client.get("/uk/catalogue/"))
    labels = [span.get_text() for span in soup.select(".facet__label")]
    assert "Англійська" in labels and "Румунська" in labels
    assert "Книга" in labels


def test_a_chosen_facet_value_is_marked_and_its_link_removes_it(client, catalogue):
    soup = soup_of(client.get("/en/catalogue/", {"q": "dickens", "language": "eng"}))

    chosen = soup.select_one(".facet__values a.is-chosen")
    assert chosen["aria-current"] == "true"
    assert "language=eng" not in chosen["href"] and "q=dickens" in chosen["href"]
    assert [a.get_text(" ", strip=True) for a in soup.select(".filters__list a")] == [
        "Remove filter Language: English ×"
    ]


def test_pages_keep_the_search_and_its_filters(client, catalogue):
    soup = soup_of(client.get("/en/catalogue/", {"language": "eng", "sort": "title"}))

    pages = soup.select("nav.pagination a")
    assert pages and all("language=eng" in a["href"] and "sort=title" in a["href"] for a in pages)
    second = next(a["href"] for a in pages if a.get("rel") == ["next"])
    assert found(client, **dict(p.split("=") for p in second.lstrip("?").split("&")))


def test_sorting_by_title_orders_the_results(client, catalogue):
    titles = found(client, language="eng", sort="title")
    assert titles == sorted(titles, key=str.casefold)


def test_the_sort_in_force_is_marked(client, catalogue):
    soup = soup_of(client.get("/en/catalogue/", {"sort": "newest"}))
    assert soup.select_one(".sort a[aria-current]").get_text() == "Newest first"


def test_a_page_past_the_last_shows_the_last(client, catalogue):
    soup = soup_of(client.get("/en/catalogue/", {"page": 999}))
    assert (
        soup.select_one('nav.pagination a[aria-current="page"]').get_text(strip=True).endswith("4")
    )
    assert len(soup.select(".record-card")) == 74 - 60


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "-1"},
        {"sort": "bogus"},
        {"year_from": "x", "year_to": "99999"},
        {"language": "<script>alert(1)</script>"},
        {"format": "' OR 1=1 --"},
        {"q": "\x00\x01"},
        {"q": "a" * 10_000},
        {"author": "x" * 10_000},
        {"q": '"unbalanced (quote* AND OR NOT'},
    ],
)
def test_any_query_string_gives_a_page(client, catalogue, params):
    assert client.get("/en/catalogue/", params).status_code == 200


def test_nothing_found_suggests_what_finds_something_with_its_count(client, catalogue):
    soup = soup_of(client.get("/en/catalogue/", {"q": "dikkens"}))

    suggestions = soup.select(".suggestions li")
    assert suggestions, soup.select_one(".no-results")
    link = suggestions[0].a
    assert link.get_text() == "Did you mean “dickens”?"
    assert link["href"] == "/en/catalogue/?q=dickens"
    assert "(3 records)" in suggestions[0].get_text()


def test_nothing_found_with_filters_suggests_dropping_them(client, catalogue):
    soup = soup_of(client.get("/en/catalogue/", {"q": "dickens", "language": "ukr"}))

    link = soup.select_one(".suggestions a")
    assert link["href"] == "/en/catalogue/?q=dickens"
    assert link.get_text() == "The same words without the filters"


def test_the_catalogue_page_has_one_search_landmark_its_own_form(client, catalogue):
    soup = soup_of(client.get("/en/catalogue/", {"q": "kobzar"}))

    (landmark,) = soup.select('[role="search"], search')
    assert landmark.find_parent("main") is not None
    assert landmark["action"] == "/en/catalogue/"
    assert landmark.select_one("input[name=q]")["value"] == "kobzar"
    assert soup.select_one(f'label[for="{landmark.input["id"]}"]') is not None


def test_searches_are_not_for_search_engines_but_the_catalogue_page_is(client, catalogue):
    searched = soup_of(client.get("/en/catalogue/", {"q": "x"}))
    plain = soup_of(client.get("/en/catalogue/"))
    assert searched.select_one('meta[name="robots"]')["content"] == "noindex, follow"
    assert plain.select_one('meta[name="robots"]') is None


def test_the_catalogue_page_costs_the_same_few_queries_however_many_records_it_lists(
    client, catalogue
):
    count_queries(client, "/en/catalogue/", {})  # warm Wagtail's site and settings caches

    one = count_queries(client, "/en/catalogue/", {"q": "kobzar"})
    twenty = count_queries(client, "/en/catalogue/", {})
    filtered = count_queries(client, "/en/catalogue/", {"language": "rus", "sort": "title"})

    assert one == twenty == filtered <= PAGE_QUERIES


def test_the_slug_cannot_be_changed_since_record_addresses_depend_on_it():
    page = CataloguePage.objects.get(locale=Locale.get_default())
    page.slug = "books"

    with pytest.raises(ValidationError) as raised:
        page.full_clean()
    assert "slug" in raised.value.message_dict


def test_translations_keep_the_slug_of_the_source():
    slugs = set(CataloguePage.objects.values_list("slug", flat=True))
    assert slugs == {"catalogue"}


def test_the_catalogue_page_can_be_made_only_under_a_home_page():
    home = Page.objects.get(depth=2, locale=Locale.get_default())
    about = home.get_children().get(slug="about")
    ukrainian_home = Page.objects.get(depth=2, locale__language_code="uk")

    assert CataloguePage.can_create_at(home) is False  # one per language is there already
    assert not CataloguePage.can_create_at(about)
    assert CataloguePage.objects.get(locale=ukrainian_home.locale).can_move_to(ukrainian_home)
    assert not CataloguePage.objects.get(locale=ukrainian_home.locale).can_move_to(
        about.get_translation(ukrainian_home.locale)
    )


def test_editors_edit_the_catalogue_page_and_its_translations_in_the_admin(admin_client):
    english = CataloguePage.objects.get(locale=Locale.get_default())
    ukrainian = CataloguePage.objects.get(locale__language_code="uk")

    assert admin_client.get(f"/admin/pages/{english.pk}/edit/").status_code == 200
    assert admin_client.get(f"/admin/pages/{ukrainian.pk}/edit/").status_code == 200
    assert admin_client.get(f"/admin/pages/{english.pk}/view_draft/").status_code == 200


def test_an_editor_renaming_the_slug_is_told_why_it_cannot_change(admin_client):
    page = CataloguePage.objects.get(locale=Locale.get_default())
    form = {
        "title": page.title,
        "slug": "books",
        "intro": page.intro,
        "seo_title": "",
        "search_description": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }

    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", form)

    assert "The catalogue&#x27;s address is fixed" in response.content.decode()
    page.refresh_from_db()
    assert page.slug == "catalogue"
