"""Sharing any page: each network's own share page by plain link, and Mastodon on the reader's own
instance, for live public pages only."""

from __future__ import annotations

import pytest
from wagtail.models import Page, PageViewRestriction, Site

from library_site.core.sharing import share_links

pytestmark = pytest.mark.django_db


@pytest.fixture
def home() -> Page:
    return Site.objects.get(is_default_site=True).root_page.specific


def test_share_links_are_each_networks_own_share_page():
    links = {link.network: link.url for link in share_links("Kobzar & co", "https://l.example/en/")}

    assert (
        links["email"] == "mailto:?subject=Kobzar%20%26%20co&body=https%3A%2F%2Fl.example%2Fen%2F"
    )
    assert (
        links["facebook"]
        == "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fl.example%2Fen%2F"
    )


def test_mastodon_sharing_goes_to_the_readers_instance(client, home):
    response = client.get(
        "/en/share/mastodon/", {"page": home.pk, "instance": "Social.Example.org"}
    )

    assert response.status_code == 302
    assert response["Location"].startswith("https://social.example.org/share?text=")
    assert "http%3A%2F%2Ftestserver%2Fen%2F" in response["Location"]


@pytest.mark.parametrize(
    "instance", ["javascript:alert(1)", "evil.example/@x?", "", "<script>alert(1)</script>"]
)
def test_an_instance_that_is_no_host_name_is_refused_clearly(client, home, instance):
    response = client.get("/uk/share/mastodon/", {"page": home.pk, "instance": instance})

    assert response.status_code == 400
    assert "Mastodon" in response.text and 'role="alert"' in response.text
    assert "<script>alert(1)</script>" not in response.text


def test_an_english_refusal_says_what_to_type(client, home):
    response = client.get("/en/share/mastodon/", {"page": home.pk, "instance": "nope"})

    assert "not the address of a Mastodon instance" in response.text


@pytest.mark.parametrize("page", ["", "abc", "999999"])
def test_an_unknown_page_is_not_found(client, page):
    response = client.get("/en/share/mastodon/", {"page": page, "instance": "mastodon.social"})

    assert response.status_code == 404


def test_a_private_page_is_not_shared(client, home):
    PageViewRestriction.objects.create(page=home, restriction_type="login")

    response = client.get("/en/share/mastodon/", {"page": home.pk, "instance": "mastodon.social"})

    assert response.status_code == 404
