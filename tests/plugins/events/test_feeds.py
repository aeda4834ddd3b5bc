"""Upcoming events as RSS 2.0 and Atom in each language, found by feed readers."""

from __future__ import annotations

import feedparser
import pytest

from tests.html import soup_of

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ru", "uk", "ro"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("kind", "content_type"), [("rss", "application/rss+xml"), ("atom", "application/atom+xml")]
)
def test_feeds_parse_in_each_language_with_links_to_its_events(
    client, language, kind, content_type
):
    response = client.get(f"/{language}/events/{kind}/")
    feed = feedparser.parse(response.content)

    assert response["Content-Type"].startswith(content_type)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.language == language
    assert feed.feed.link == f"http://testserver/{language}/events/"
    assert len(feed.entries) == 2  # the demo's upcoming events; the past one is not there
    assert all(e.link.startswith(f"http://testserver/{language}/events/") for e in feed.entries)


def test_feed_entry_says_when_and_where(client):
    feed = feedparser.parse(client.get("/en/events/rss/").content)

    storytime = feed.entries[0]
    assert storytime.title == "Storytime: Alice and Winnie-the-Pooh"
    assert "Children&#x27;s corner" in storytime.summary and "(UTC)" in storytime.summary


@pytest.mark.parametrize("path", ["/uk/", "/uk/events/", "/uk/events/past/"])
def test_pages_announce_the_feeds_of_their_language(client, path):
    soup = soup_of(client.get(path))

    links = {
        link["type"]: link["href"]
        for link in soup.select("link[rel=alternate][type]")
        if "/events/" in link["href"]
    }
    assert links == {
        "application/rss+xml": "/uk/events/rss/",
        "application/atom+xml": "/uk/events/atom/",
        "text/calendar": "/uk/events/ics/",
    }
