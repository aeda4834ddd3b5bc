"""New acquisitions: a page listing the newest records, and RSS 2.0 and Atom feeds per language
that feed readers find (autodiscovery) and parse."""

from __future__ import annotations

from datetime import date

import feedparser
import pytest

from plugins.opac.models import CatalogueRecord
from tests.html import soup_of

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ru", "uk", "ro"]
FEED_SIZE = 30


@pytest.fixture
def newest(catalogue) -> list[int]:
    """Three records catalogued lately, the newest first."""
    ids = [41, 1, 60]
    for days, biblio_id in enumerate(ids):
        CatalogueRecord.objects.filter(pk=biblio_id).update(added_on=date(2026, 11, 30 - days))
    return ids


def parsed(client, path: str):
    response = client.get(path)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return response, feed


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("kind", "content_type"), [("rss", "application/rss+xml"), ("atom", "application/atom+xml")]
)
def test_feeds_parse_in_each_language_with_records_linking_to_pages_in_it(
    client, newest, language, kind, content_type
):
    response, feed = parsed(client, f"/{language}/catalogue/new/{kind}/")

    assert response["Content-Type"].startswith(content_type)
    assert feed.feed.language == language
    assert len(feed.entries) == FEED_SIZE
    assert [e.link.split("/")[5] for e in feed.entries[:3]] == [str(i) for i in newest]
    assert all(e.link.startswith(f"http://testserver/{language}/catalogue/") for e in feed.entries)
    assert feed.feed.link == f"http://testserver/{language}/catalogue/new/"


def test_feed_entries_carry_title_authors_year_summary_and_cover(client, newest):
    _response, feed = parsed(client, "/en/catalogue/new/rss/")

    kobzar = feed.entries[0]
    assert kobzar.title == "Кобзарь"
    assert kobzar.author == "Тарас Григорович Шевченко"
    assert "1840" in kobzar.summary and "Перша збірка" in kobzar.summary
    assert 'src="http://testserver/covers/41.svg"' in kobzar.summary
    assert kobzar.published_parsed[:3] == (2026, 11, 30)
    assert "Українська поезія -- XIX ст." in [tag.term for tag in kobzar.tags]


def test_feed_titles_are_in_the_feeds_language(client, newest):
    _response, feed = parsed(client, "/uk/catalogue/new/atom/")
    assert feed.feed.title.startswith("Нові надходження — ")


def test_the_new_acquisitions_page_lists_the_newest_first_a_page_at_a_time(client, newest):
    soup = soup_of(client.get("/ro/catalogue/new/"))

    titles = [a.get_text() for a in soup.select(".record-card__title a")]
    assert titles[:3] == ["Кобзарь", "Great expectations", "Pădurea spânzuraților"]
    assert len(titles) == 20
    assert soup.select_one('nav.pagination a[rel="next"]')["href"] == "?page=2"
    assert (
        len(soup_of(client.get("/ro/catalogue/new/", {"page": "4"})).select(".record-card")) == 14
    )


@pytest.mark.parametrize("page", ["abc", "-1", "9999"])
def test_any_page_of_new_acquisitions_gives_a_page(client, newest, page):
    assert client.get("/en/catalogue/new/", {"page": page}).status_code == 200


@pytest.mark.parametrize("path", ["/uk/", "/uk/catalogue/", "/uk/catalogue/new/"])
def test_feed_readers_discover_the_feeds_of_the_pages_language(client, newest, path):
    soup = soup_of(client.get(path))

    links = soup.select('head link[rel="alternate"][type][href*="/new/"]')
    feeds = {link["type"]: link["href"] for link in links}
    assert feeds == {
        "application/rss+xml": "/uk/catalogue/new/rss/",
        "application/atom+xml": "/uk/catalogue/new/atom/",
    }
