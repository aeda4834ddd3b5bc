"""The exhibitions of each language as RSS 2.0 and Atom, found by feed readers."""

from __future__ import annotations

import feedparser
import pytest

from tests.html import soup_of
from tests.plugins.exhibitions.conftest import add_exhibition, days, index_of

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ru", "uk", "ro"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("kind", "content_type"), [("rss", "application/rss+xml"), ("atom", "application/atom+xml")]
)
def test_feeds_parse_in_each_language_with_its_exhibitions(client, language, kind, content_type):
    response = client.get(f"/{language}/exhibitions/{kind}/")
    feed = feedparser.parse(response.content)

    assert response["Content-Type"].startswith(content_type)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.language == language
    assert feed.feed.link == f"http://testserver/{language}/exhibitions/"
    assert len(feed.entries) == 1  # the demo's exhibition, in that language
    assert feed.entries[0].link.startswith(f"http://testserver/{language}/exhibitions/")


def test_an_entry_has_the_summary_dates_and_place_newest_opening_first(client):
    add_exhibition(index_of("en"), "Later one", opens=days(5), online_only=True, place="")

    feed = feedparser.parse(client.get("/en/exhibitions/rss/").content)

    assert [e.title for e in feed.entries] == [
        "Later one",
        "First printings: Pushkin, Shevchenko, Gogol, Eminescu",
    ]
    assert "About Later one." in feed.entries[0].summary
    assert "Online exhibition" in feed.entries[0].summary
    assert "Reading room, second floor" in feed.entries[1].summary


def test_a_feed_in_ukrainian_is_written_in_ukrainian(client):
    feed = feedparser.parse(client.get("/uk/exhibitions/atom/").content)

    assert feed.feed.title == "Виставки"
    assert feed.entries[0].title == "Перші видання: Пушкін, Шевченко, Гоголь, Емінеску"


@pytest.mark.parametrize("path", ["/uk/", "/uk/exhibitions/", "/uk/exhibitions/pershi-vydannia/"])
def test_pages_announce_the_exhibition_feeds_of_their_language(client, path):
    soup = soup_of(client.get(path))

    links = {
        link["type"]: link["href"]
        for link in soup.select("link[rel=alternate][type]")
        if "/exhibitions/" in link["href"]
    }
    assert links == {
        "application/rss+xml": "/uk/exhibitions/rss/",
        "application/atom+xml": "/uk/exhibitions/atom/",
    }
