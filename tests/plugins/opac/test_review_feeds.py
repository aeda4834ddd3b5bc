"""Readers' latest reviews as feeds, RSS 2.0 and Atom, one per language: published reviews
written in that language, newest first, linking to the review in place; found from the
catalogue and record pages."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from django_comments_xtd.models import XtdComment

from plugins.comments.models import CommentLanguage
from plugins.opac.models import CatalogueRecord
from plugins.opac.record_urls import record_url
from tests.html import soup_of
from tests.plugins.comments.conftest import add_review
from tests.plugins.opac.contributions import OLIVER_TWIST, make_reader
from tests.plugins.opac.test_feeds import parsed

pytestmark = pytest.mark.django_db

KOBZAR = 41


def review(record_id: int, text: str, language: str, minutes_ago: int = 0, **fields):
    comment = add_review(CatalogueRecord.objects.get(pk=record_id), text, **fields)
    CommentLanguage.objects.filter(comment=comment).update(language=language)
    XtdComment.objects.filter(pk=comment.pk).update(
        submit_date=timezone.now() - timedelta(minutes=minutes_ago)
    )
    return comment


@pytest.mark.parametrize(
    ("kind", "content_type"), [("rss", "application/rss+xml"), ("atom", "application/atom+xml")]
)
def test_each_language_has_its_reviews_newest_first_linking_in_place(
    client, catalogue, kind, content_type
):
    older = review(OLIVER_TWIST, "Слишком длинно.", "ru", minutes_ago=10, user_name="Ivan")
    newer = review(KOBZAR, "Великолепно.", "ru", minutes_ago=1, user_name="Olga")
    review(OLIVER_TWIST, "A classic.", "en")

    response, feed = parsed(client, f"/ru/catalogue/reviews/{kind}/")

    assert response["Content-Type"].startswith(content_type)
    assert feed.feed.language == "ru"
    assert feed.feed.link == "http://testserver/ru/catalogue/"
    assert [entry.title for entry in feed.entries] == [
        "Olga о «Кобзарь»",
        "Ivan о «Oliver Twist»",
    ]
    assert [entry.link for entry in feed.entries] == [
        f"http://testserver{iri_to_uri(record_url(KOBZAR, 'Кобзарь', 'ru'))}#c{newer.pk}",
        f"http://testserver/ru/catalogue/{OLIVER_TWIST}/oliver-twist/#c{older.pk}",
    ]
    assert feed.entries[0].author == "Olga"
    assert "Великолепно." in feed.entries[0].summary


def test_held_hidden_and_blocked_readers_reviews_are_not_in_the_feed(client, catalogue):
    troll = make_reader("troll")
    review(OLIVER_TWIST, "Published.", "en")
    review(OLIVER_TWIST, "Held.", "en", public=False)
    review(OLIVER_TWIST, "Hidden.", "en", is_removed=True)
    review(OLIVER_TWIST, "By a blocked reader.", "en", user=troll)
    troll.is_active = False
    troll.save()

    _response, feed = parsed(client, "/en/catalogue/reviews/rss/")

    assert [entry.summary for entry in feed.entries] == ["<p>Published.</p>"]


def test_what_readers_wrote_is_escaped_in_the_feed(client, catalogue):
    review(
        OLIVER_TWIST,
        '<script>alert(1)</script>"><img src=x onerror=alert(1)>',
        "en",
        user_name="<b>Eve</b>",
    )

    response, feed = parsed(client, "/en/catalogue/reviews/atom/")

    raw = response.content.decode()
    assert "<script>" not in raw and "<img" not in raw
    assert feed.entries[0].author == "<b>Eve</b>"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in feed.entries[0].summary


def test_the_feed_titles_are_in_the_feeds_language(client, catalogue):
    _response, feed = parsed(client, "/uk/catalogue/reviews/rss/")

    assert feed.feed.title.startswith("Відгуки читачів — ")


@pytest.mark.parametrize("path", ["/en/catalogue/", f"/en/catalogue/{OLIVER_TWIST}/oliver-twist/"])
def test_catalogue_and_record_pages_let_feed_readers_find_the_reviews_feeds(
    client, catalogue, site_koha, path
):
    soup = soup_of(client.get(path))

    found = {
        link["type"]: link["href"]
        for link in soup.select('link[rel="alternate"][title*="reviews"]')
    }
    assert found == {
        "application/rss+xml": "/en/catalogue/reviews/rss/",
        "application/atom+xml": "/en/catalogue/reviews/atom/",
    }


def test_the_feed_costs_the_same_queries_for_thirty_reviews(
    client, catalogue, django_assert_max_num_queries
):
    for n in range(40):
        review(OLIVER_TWIST if n % 2 else KOBZAR, f"Review {n}.", "en", user=make_reader(f"r{n}"))

    with django_assert_max_num_queries(14):  # serving the page 11, the reviews and records 2
        _response, feed = parsed(client, "/en/catalogue/reviews/rss/")

    assert len(feed.entries) == 30
