"""Share links: plain links to each network's share page, and Mastodon on the reader's own
instance; no scripts."""

from __future__ import annotations

import pytest

from tests.html import soup_of

pytestmark = pytest.mark.django_db


def test_a_post_has_plain_share_links_and_no_scripts(client, blog):
    soup = soup_of(client.get(blog["post"].url))

    links = {a["class"][0].split("__")[1]: a["href"] for a in soup.select(".blog-share a")}
    assert set(links) == {"email", "telegram", "vk", "facebook", "x"}
    assert links["email"].startswith("mailto:?subject=Reading%20Shevchenko")
    assert links["telegram"].startswith("https://t.me/share/url?url=http%3A%2F%2Ftestserver%2Fen")
    assert not soup.select(".blog-share script") and not soup.select("script[src]")


def test_mastodon_sharing_goes_to_the_readers_instance(client, blog):
    post = blog["post"]

    response = client.get(
        "/en/stories/share/mastodon/", {"post": post.pk, "instance": "Social.Example.org"}
    )

    assert response.status_code == 302
    assert response["Location"].startswith("https://social.example.org/share?text=Reading")


@pytest.mark.parametrize(
    "instance", ["javascript:alert(1)", "evil.example/@x?", "", "<script>alert(1)</script>"]
)
def test_an_instance_that_is_no_host_name_is_refused_clearly(client, blog, instance):
    response = client.get(
        "/en/stories/share/mastodon/", {"post": blog["post"].pk, "instance": instance}
    )

    assert response.status_code == 400
    assert "not the address of a Mastodon instance" in response.text
    assert "<script>alert(1)</script>" not in response.text
