"""Wagtail's routing kept in the cache (library_site.core.page_routes): a page found once is
loaded in one query after, and what an editor changes (unpublishing, moving, making a page
private) is obeyed on the next request."""

import pytest
from wagtail.models import Page, PageViewRestriction

from library_site.core.models import StandardPage
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

ABOUT = "/en/about/"


def about() -> StandardPage:
    return StandardPage.objects.get(slug="about", locale__language_code="en")


def test_a_page_found_once_is_loaded_in_one_query(client):
    assert count_queries(client, ABOUT) == 1


def test_a_routable_pages_own_routes_are_kept_too(client):
    assert count_queries(client, "/en/catalogue/new/") <= 4
    assert client.get("/en/catalogue/new/").status_code == 200


def test_an_unpublished_page_is_gone_on_the_next_request(client):
    client.get(ABOUT)

    about().unpublish()

    assert client.get(ABOUT).status_code == 404


def test_a_moved_page_is_found_at_its_new_address(client):
    client.get(ABOUT)
    page = about()
    page.slug = "about-us"
    page.save_revision().publish()

    assert client.get(ABOUT).status_code == 404
    assert client.get("/en/about-us/").status_code == 200


def test_a_page_made_private_asks_for_a_sign_in_on_the_next_request(client):
    client.get(ABOUT)

    PageViewRestriction.objects.create(page=about(), restriction_type=PageViewRestriction.LOGIN)

    response = client.get(ABOUT)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_page_under_a_private_one_is_private_too(client):
    client.get("/en/catalogue/")
    catalogue = Page.objects.get(slug="catalogue", locale__language_code="en")

    PageViewRestriction.objects.create(page=catalogue, restriction_type=PageViewRestriction.LOGIN)

    assert client.get("/en/catalogue/new/").status_code == 302


def test_an_unknown_address_is_still_not_found(client):
    assert client.get("/en/no-such-page/").status_code == 404
    assert client.get("/en/no-such-page/").status_code == 404
