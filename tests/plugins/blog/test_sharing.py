"""A post carries the site's share links: plain links to each network's share page, and no
network's scripts."""

from __future__ import annotations

import pytest

from tests.html import soup_of

pytestmark = pytest.mark.django_db


def test_a_post_has_plain_share_links_and_no_scripts_of_the_networks(client, blog):
    soup = soup_of(client.get(blog["post"].url))

    assert soup.select_one(".share__mastodon input[name=page]")["value"] == str(blog["post"].pk)

    links = {a["class"][0].split("__")[1]: a["href"] for a in soup.select(".share a")}
    assert set(links) == {"email", "telegram", "vk", "facebook", "x"}
    assert links["email"].startswith("mailto:?subject=Reading%20Shevchenko")
    assert links["telegram"].startswith("https://t.me/share/url?url=http%3A%2F%2Ftestserver%2Fen")
    assert not soup.select(".share script")
    assert all(script["src"].startswith("/static/") for script in soup.select("script[src]"))
