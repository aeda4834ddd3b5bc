"""Anonymous readers get pages from the cache after the first request; what an editor publishes
in any language is seen on the next request in every language."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale

from library_site.core.models import LibraryProfile, StandardPage
from library_site.core.page_cache import HIT_HEADER
from tests.html import soup_of
from tests.plugins.readers.conftest import make_reader
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def about_in(language: str) -> StandardPage:
    return StandardPage.objects.get(slug="about", locale__language_code="en").get_translation(
        Locale.objects.get(language_code=language)
    )


def menu_of(response) -> list[str]:
    return [a.get_text(strip=True) for a in soup_of(response).select(".main-nav a")]


def test_a_second_anonymous_request_is_served_from_the_cache_without_queries(
    client, django_assert_num_queries
):
    first = client.get("/en/about/")
    assert first.get(HIT_HEADER) is None
    assert not first.cookies  # nothing on the page is the reader's own

    with django_assert_num_queries(0):
        second = client.get("/en/about/")

    assert second[HIT_HEADER] == "hit"
    assert second.content == first.content


def test_a_signed_in_reader_is_never_served_from_the_cache(client):
    client.get("/en/about/")  # kept for anonymous readers
    client.force_login(make_reader().user)

    response = client.get("/en/about/")

    assert response.get(HIT_HEADER) is None
    assert "Sign out" in response.content.decode()
    assert client.get("/en/about/").get(HIT_HEADER) is None  # nor kept for others


def test_a_reader_with_a_message_waiting_gets_the_page_rendered(client):
    client.get("/en/about/")
    client.cookies["messages"] = "anything"

    assert client.get("/en/about/").get(HIT_HEADER) is None


def test_languages_and_query_strings_are_kept_apart(client):
    english = client.get("/en/search/", {"q": "library"})
    russian = client.get("/ru/search/", {"q": "library"})
    other = client.get("/en/search/", {"q": "events"})

    assert russian.get(HIT_HEADER) is None
    assert other.get(HIT_HEADER) is None
    again = client.get("/en/search/", {"q": "library"})
    assert again[HIT_HEADER] == "hit"
    assert again.content == english.content


def test_pages_with_a_form_that_needs_a_csrf_token_are_not_kept(client):
    first = client.get("/en/accounts/login/")

    assert "csrftoken" in first.cookies
    assert client.get("/en/accounts/login/").get(HIT_HEADER) is None


def test_what_is_not_a_page_is_not_kept(client):
    assert client.get("/en/no-such-page/").status_code == 404
    assert client.get("/en/no-such-page/").get(HIT_HEADER) is None
    client.get("/en/about/")
    assert client.post("/en/about/").get(HIT_HEADER) is None


def test_a_catalogue_search_that_finds_nothing_is_counted_each_time(client):
    from plugins.opac.acquisitions.models import FailedSearch

    for _ in range(2):
        assert client.get("/en/catalogue/", {"q": "zzyzx"}).get(HIT_HEADER) is None

    assert FailedSearch.objects.get(query="zzyzx").count == 2


def test_a_title_published_in_english_is_seen_at_once_in_every_language(client):
    about = about_in("en")
    translated = [about_in(language).url for language in ("ru", "uk", "ro")]
    for url in ("/en/", "/en/about/", *translated):
        client.get(url)
        assert client.get(url)[HIT_HEADER] == "hit"

    about.title = "About us, renamed"
    about.slug = "about-us"
    about.save_revision().publish()

    assert "About us, renamed" in menu_of(client.get("/en/"))
    for url in translated:
        switcher = soup_of(client.get(url)).select_one('.language-switcher a[lang="en"]')
        assert switcher["href"] == "/en/about-us/", url


def test_a_russian_translation_published_is_seen_in_russian_at_once(client):
    russian = about_in("ru")
    client.get("/ru/")
    client.get(russian.url)

    russian.title = "О библиотеке, заново"
    russian.save_revision().publish()

    assert "О библиотеке, заново" in menu_of(client.get("/ru/"))
    assert soup_of(client.get(russian.url)).h1.get_text(strip=True) == "О библиотеке, заново"


def test_an_unpublished_page_leaves_the_kept_menus(client):
    russian = about_in("ru")
    before = menu_of(client.get("/ru/"))
    assert russian.title in before

    russian.unpublish()

    assert russian.title not in menu_of(client.get("/ru/"))


def test_a_changed_library_profile_is_seen_on_kept_pages(client):
    client.get("/uk/")
    profile = LibraryProfile.objects.get(locale__language_code="uk")
    profile.name = "Нова назва бібліотеки"
    profile.save()

    assert soup_of(client.get("/uk/")).select_one("footer h2").get_text() == profile.name


@override_settings(PAGE_CACHE_SECONDS=0)
def test_no_page_is_kept_when_the_cache_is_off(client):
    client.get("/en/about/")

    assert client.get("/en/about/").get(HIT_HEADER) is None


def test_the_home_pages_panels_show_an_event_published_after_they_were_kept(client):
    from tests.plugins.events.conftest import add_event, index_of

    client.get("/ru/")  # the panels of the Russian home page kept
    soon = timezone.now() + timedelta(hours=1)
    add_event(index_of("ru"), "Ночь в библиотеке", soon, slug="night")

    section = soup_of(client.get("/ru/")).select_one(".home-events")
    assert "Ночь в библиотеке" in section.get_text()


@override_settings(PAGE_CACHE_SECONDS=0)
def test_a_home_page_rendered_again_takes_its_panels_from_the_cache(client):
    client.get("/en/")  # the panels kept
    assert count_queries(client, "/en/") <= 7
