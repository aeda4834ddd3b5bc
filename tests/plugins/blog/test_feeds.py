"""RSS 2.0 and Atom per language, per category, tag and author, found from the pages, with
audio as an enclosure and the quote of the week in the feed of its week."""

from __future__ import annotations

import datetime

import feedparser
import pytest
from django.core.files.base import ContentFile
from wagtail.models import Locale
from wagtailmedia.models import Media

from plugins.blog.models import QuoteOfTheWeek
from tests.html import soup_of
from tests.plugins.blog.conftest import add_post

pytestmark = pytest.mark.django_db

KINDS = [("rss", "application/rss+xml"), ("atom", "application/atom+xml")]


def parsed(client, path: str):
    response = client.get(path)
    assert response.status_code == 200, path
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return response, feed


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize(("kind", "content_type"), KINDS)
def test_each_language_has_feeds_of_its_own_posts(client, blog, language, kind, content_type):
    response, feed = parsed(client, f"/{language}/stories/feed/{kind}/")

    assert response["Content-Type"].startswith(content_type)
    assert feed.feed.language == language
    assert feed.feed.link == f"http://testserver/{language}/stories/"
    (entry,) = feed.entries
    assert entry.link == f"http://testserver/{language}/stories/2026/11/20/shevchenko/"
    expected = {"en": "Reading Shevchenko", "ru": "Читаем Шевченко"}[language]
    assert entry.title == expected
    assert entry.author == "Olena Kovalenko"


@pytest.mark.parametrize(
    "path", ["category/poetry/", "tag/poems/", "author/olena/"], ids=["category", "tag", "author"]
)
@pytest.mark.parametrize(("kind", "_content_type"), KINDS)
def test_category_tag_and_author_feeds_list_their_posts(client, blog, path, kind, _content_type):
    add_post(blog["en"], "other", "Another story", "<p>Nothing to do with it.</p>")

    _response, feed = parsed(client, f"/en/stories/{path}feed/{kind}/")

    assert [e.title for e in feed.entries] == ["Reading Shevchenko"]
    assert feed.feed.link == f"http://testserver/en/stories/{path}"


def test_feeds_of_an_unknown_category_or_tag_are_not_found(client, blog):
    assert client.get("/en/stories/category/none/feed/rss/").status_code == 404
    assert client.get("/en/stories/tag/none/feed/atom/").status_code == 404
    assert client.get("/en/stories/author/none/feed/atom/").status_code == 404


def test_the_blog_and_its_posts_link_their_feeds_for_feed_readers(client, blog):
    for path in ["/ru/stories/", blog["ru_post"].url]:
        links = soup_of(client.get(path)).select('link[rel="alternate"][href*="/feed/"]')
        assert {link["href"] for link in links} == {
            "/ru/stories/feed/rss/",
            "/ru/stories/feed/atom/",
        }
        assert {link["type"] for link in links} == {"application/rss+xml", "application/atom+xml"}


def test_feeds_carry_the_excerpt_or_by_setting_the_whole_post(client, blog, settings):
    post = blog["post"]
    post.excerpt = "<p>Short version.</p>"
    post.save_revision().publish()

    _response, short = parsed(client, "/en/stories/feed/rss/")
    settings.BLOG_FEED_FULL_TEXT = True
    _response, full = parsed(client, "/en/stories/feed/rss/")

    assert "Short version." in short.entries[0].summary
    assert "English words" not in short.entries[0].summary
    assert "An evening of English words." in full.entries[0].summary


@pytest.mark.parametrize(("kind", "_content_type"), KINDS)
def test_a_post_with_audio_carries_it_as_an_enclosure(client, blog, kind, _content_type):
    media = Media(title="Episode 1", type="audio")
    media.file.save("episode-1.mp3", ContentFile(b"ID3" + b"\0" * 997), save=False)
    media.save()
    add_post(blog["en"], "podcast", "Podcast", "<p>Listen.</p>", media=media)

    _response, feed = parsed(client, f"/en/stories/feed/{kind}/")

    podcast = next(e for e in feed.entries if e.title == "Podcast")
    (enclosure,) = podcast.enclosures
    assert enclosure.href.startswith("http://testserver/media/media/episode-1")
    assert enclosure.type == "audio/mpeg"
    assert enclosure.length == "1000"


def test_the_quote_of_the_week_is_in_the_feed_of_its_week(client, blog, fixed_day):
    en = Locale.objects.get(language_code="en")
    QuoteOfTheWeek.objects.create(
        locale=en, text="Manuscripts don't burn.", author="Bulgakov", year=2026, week=48
    )
    QuoteOfTheWeek.objects.create(
        locale=en, text="Next week's.", author="Later", year=2026, week=49
    )

    fixed_day(datetime.date(2026, 11, 26))  # week 48
    _response, this_week = parsed(client, "/en/stories/feed/rss/")
    fixed_day(datetime.date(2026, 12, 3))  # week 49
    _response, next_week = parsed(client, "/en/stories/feed/rss/")

    assert "burn." in this_week.entries[0].summary
    assert "Bulgakov" in this_week.entries[0].title
    assert all("Bulgakov" not in e.title for e in next_week.entries)
    assert any("Later" in e.title for e in next_week.entries)
