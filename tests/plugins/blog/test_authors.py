"""Authors: a staff profile on each post and an author page, their own accounts with rel="me"."""

from __future__ import annotations

import pytest

from tests.html import soup_of

pytestmark = pytest.mark.django_db


def test_a_post_shows_its_author_with_their_accounts(client, blog):
    soup = soup_of(client.get(blog["post"].url))

    profile = soup.select_one(".blog-author")
    assert "Olena Kovalenko" in profile.text and "Reads poetry aloud" in profile.text
    account = profile.select_one('a[rel="me"]')
    assert account["href"] == "https://mastodon.example/@olena"


def test_the_author_page_lists_their_posts_and_links_their_feeds(client, blog):
    from tests.plugins.blog.conftest import add_post

    add_post(blog["en"], "unsigned", "Unsigned note", "<p>No author.</p>")

    soup = soup_of(client.get("/en/stories/author/olena/"))

    assert soup.select_one("h1").get_text(strip=True) == "Olena Kovalenko"
    assert [a.text for a in soup.select(".blog-card__title a")] == ["Reading Shevchenko"]
    feeds = {
        link["href"] for link in soup.select('link[rel="alternate"][href*="author/olena/feed"]')
    }
    assert feeds == {"/en/stories/author/olena/feed/rss/", "/en/stories/author/olena/feed/atom/"}


def test_an_unknown_author_is_not_found(client, blog):
    assert client.get("/en/stories/author/nobody/").status_code == 404
