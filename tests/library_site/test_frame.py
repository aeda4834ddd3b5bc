"""What every page carries: the library's profile, contacts, social accounts, sharing metadata."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from library_site.core.models import LibraryProfile, StandardPage
from tests.html import soup_of
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def test_footer_shows_the_library_profile_in_the_active_language(client):
    footer = soup_of(client.get("/uk/")).select_one("footer")

    assert footer.h2.get_text(strip=True) == "Публічна бібліотека долини Пруту"
    assert "Читацька площа, 1" in footer.address.get_text()
    hours = [li.get_text(strip=True) for li in footer.select("section")[1].select("li")]
    assert hours[0] == "Понеділок–п’ятниця 9:00–19:00"


def test_footer_links_social_accounts_with_rel_me(client):
    footer = soup_of(client.get("/en/")).select_one("footer")

    links = {a.get_text(strip=True): a for a in footer.select(".social-links a")}
    assert set(links) == {"Telegram", "VK", "Facebook", "Mastodon", "YouTube"}
    assert all(a["rel"] == ["me"] for a in links.values())


def test_social_account_names_are_translated(client):
    footer = soup_of(client.get("/ru/")).select_one("footer")

    assert "ВКонтакте" in [a.get_text(strip=True) for a in footer.select(".social-links a")]


def test_page_carries_open_graph_and_twitter_metadata(client):
    soup = soup_of(client.get("/ro/"))

    def meta(key: str) -> str:
        tag = soup.select_one(f'meta[property="{key}"]') or soup.select_one(f'meta[name="{key}"]')
        return tag["content"]

    assert meta("og:title") == "Bine ați venit la bibliotecă"
    assert meta("og:url") == "http://testserver/ro/"
    assert meta("og:locale") == "ro_RO"
    assert meta("og:site_name") == "Biblioteca Publică Valea Prutului"
    assert meta("og:description").startswith("Biblioteca publică din Valea Prutului")
    assert meta("og:image").startswith("http://testserver/")
    assert meta("og:image:width") == "1200"
    assert meta("twitter:card") == "summary_large_image"
    alternates = [tag["content"] for tag in soup.select('meta[property="og:locale:alternate"]')]
    assert sorted(alternates) == ["en_US", "ru_RU", "uk_UA"]


def test_page_without_social_image_gets_a_summary_card(client):
    soup = soup_of(client.get("/en/about/"))

    assert soup.select_one('meta[name="twitter:card"]')["content"] == "summary"
    assert soup.select_one('meta[property="og:image"]') is None


def test_titles_and_metadata_are_escaped(client):
    home = Page.objects.get(depth=2, locale=Locale.get_default())
    home.add_child(
        instance=StandardPage(
            title='<script>alert("x")</script>', slug="escaped", intro='"quoted" & <b>bold</b>'
        )
    )

    html = client.get("/en/escaped/").content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<b>bold</b>" not in html


def test_menu_costs_the_same_queries_however_many_pages_it_lists(client):
    before = count_queries(client, "/en/")
    home = Page.objects.get(depth=2, locale=Locale.get_default())
    for number in range(5):
        home.add_child(
            instance=StandardPage(
                title=f"Extra {number}", slug=f"extra-{number}", show_in_menus=True
            )
        )

    after = count_queries(client, "/en/")

    assert after == before
    menu = soup_of(client.get("/en/")).select_one(".main-nav").get_text(" ")
    assert "Extra 4" in menu


def test_the_frame_is_built_once_and_again_when_an_editor_changes_it(client):
    with CaptureQueriesContext(connection) as cold:
        client.get("/uk/")
    cold_queries = len(cold)  # read before the next request resets Django's query log
    first = count_queries(client, "/uk/")
    assert first <= cold_queries - 6  # menu, profile, settings and social accounts remembered
    profile = LibraryProfile.objects.get(locale__language_code="uk")
    profile.name = "Бібліотека над Прутом"
    profile.save()

    assert soup_of(client.get("/uk/")).select_one("footer h2").get_text(strip=True) == (
        "Бібліотека над Прутом"
    )
    assert count_queries(client, "/uk/") == first


def test_server_error_gives_the_sites_own_500_page(client, monkeypatch):
    from library_site.search import views

    def broken(raw: str) -> str:
        raise RuntimeError("search backend exploded")

    monkeypatch.setattr(views, "clean_query", broken)
    client.raise_request_exception = False

    response = client.get("/uk/search/", {"q": "x"})

    assert response.status_code == 500
    html = response.content.decode()
    assert "search backend exploded" not in html
    soup = soup_of(response)
    assert soup.html["lang"] == "uk"
    assert soup.h1.get_text(strip=True) == "На сайті сталася помилка"
    assert soup.select_one('link[rel="stylesheet"]')["href"].startswith("/static/css/site")
    assert soup.select_one("main a")["href"] == "/uk/"


def test_a_failure_before_the_language_is_known_gives_the_500_page_in_the_addresss_language(
    client, monkeypatch
):
    # The site lookup runs before Django's LocaleMiddleware: a database failing there (a worker
    # that has not cached the site yet) left the error page in English (CI, 2026-12-03).
    from library_site.core import site_lookup

    def broken(request):
        raise RuntimeError("relation wagtailcore_site does not exist")

    monkeypatch.setattr(site_lookup, "cached_site", broken)
    client.raise_request_exception = False

    response = client.get("/uk/")

    assert response.status_code == 500
    soup = soup_of(response)
    assert soup.html["lang"] == "uk"
    assert soup.h1.get_text(strip=True) == "На сайті сталася помилка"
    assert soup.select_one("main a")["href"] == "/uk/"
    assert "wagtailcore_site" not in response.content.decode()


def test_server_error_page_needs_no_database(client, monkeypatch, django_assert_num_queries):
    from library_site.search import views

    def broken(raw: str) -> str:
        raise RuntimeError("database gone")

    client.get("/ro/")  # the site of the address known, as on a live site (core.site_lookup)
    monkeypatch.setattr(views, "clean_query", broken)
    client.raise_request_exception = False

    with django_assert_num_queries(0):
        response = client.get("/ro/search/", {"q": "x"})

    assert response.status_code == 500
    assert soup_of(response).h1.get_text(strip=True) == "A apărut o eroare pe site"
