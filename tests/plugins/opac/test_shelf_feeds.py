"""A public shelf's feeds, RSS 2.0 and Atom: the records added to it, the latest first, in the
language of the address asked, linking to record pages in it; found from the shelf's page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from plugins.opac.models import ShelfEntry
from plugins.opac.shelves import create_list, shelf_url
from tests.html import soup_of
from tests.plugins.opac.contributions import make_reader
from tests.plugins.opac.test_feeds import parsed

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ru", "uk", "ro"]
ADDED = [41, 1, 60]  # the latest first


@pytest.fixture
def summer(catalogue):
    owner = make_reader("feedowner")
    shelf = create_list(owner, "Summer <b>reads</b>", "Beach books", public=True)
    now = timezone.now()
    ShelfEntry.objects.bulk_create(
        ShelfEntry(shelf=shelf, record_id=pk, added_at=now - timedelta(hours=hours))
        for hours, pk in enumerate(ADDED)
    )
    return shelf


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("kind", "content_type"), [("rss", "application/rss+xml"), ("atom", "application/atom+xml")]
)
def test_feeds_parse_in_each_language_with_records_linking_to_pages_in_it(
    client, summer, language, kind, content_type
):
    response, feed = parsed(client, f"{shelf_url(summer, language)}{kind}/")

    assert response["Content-Type"].startswith(content_type)
    assert feed.feed.language == language
    assert feed.feed.link == f"http://testserver{shelf_url(summer, language)}"
    assert [e.link.split("/")[5] for e in feed.entries] == [str(pk) for pk in ADDED]
    assert all(e.link.startswith(f"http://testserver/{language}/catalogue/") for e in feed.entries)
    assert "Summer <b>reads</b>" in feed.feed.title and "feedowner" not in response.content.decode()


def test_entries_are_dated_when_they_were_added(client, summer):
    _response, feed = parsed(client, f"{shelf_url(summer, 'en')}atom/")

    dates = [e.published_parsed for e in feed.entries]
    assert dates == sorted(dates, reverse=True) and feed.feed.subtitle == "Beach books"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_a_private_or_blocked_readers_shelf_has_no_feed(client, summer, kind):
    url = f"{shelf_url(summer, 'en')}{kind}/"
    summer.public = False
    summer.save()
    assert client.get(url).status_code == 404

    summer.public = True
    summer.save()
    summer.owner.is_active = False
    summer.owner.save()
    assert client.get(url).status_code == 404


def test_the_owners_own_private_shelf_has_no_feed_either(client, catalogue):
    owner = make_reader("private")
    client.force_login(owner)
    hidden = create_list(owner, "Hidden")

    assert client.get(f"{shelf_url(hidden, 'en')}rss/").status_code == 404


def test_a_public_shelf_page_announces_its_feeds_and_a_private_one_does_not(client, summer):
    soup = soup_of(client.get(shelf_url(summer, "uk")))
    links = {link["type"]: link["href"] for link in soup.select('link[rel="alternate"][type]')}
    assert links["application/rss+xml"] == f"{shelf_url(summer, 'uk')}rss/"
    assert links["application/atom+xml"] == f"{shelf_url(summer, 'uk')}atom/"

    summer.public = False
    summer.save()
    client.force_login(summer.owner)
    soup = soup_of(client.get(shelf_url(summer, "uk")))
    assert not soup.select('link[rel="alternate"][type="application/rss+xml"]')
