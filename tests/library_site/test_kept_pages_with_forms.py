"""Record pages, blog posts and exhibitions are served to anonymous readers from the cache after
the first request: their comment form is fetched when opened, a record's availability is
fetched live into its page, and a new review, comment or rating is seen on the next request."""

import pytest
from django.test import Client
from wagtail.models import Page

from koha_bridge.availability import ItemStatus
from library_site.core.page_cache import HIT_HEADER
from plugins.blog.models import BlogEntryPage
from plugins.exhibitions.models import ExhibitionPage
from plugins.opac import catalogue_page
from plugins.opac.availability import Availability, Copy
from plugins.opac.models import CatalogueRecord, Rating
from plugins.opac.record_urls import record_url
from tests.html import soup_of
from tests.plugins.comments.conftest import add_review
from tests.plugins.opac.conftest import catalogue, site_koha  # noqa: F401
from tests.plugins.readers.conftest import make_reader

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def record(catalogue, site_koha) -> CatalogueRecord:  # noqa: F811
    return CatalogueRecord.objects.order_by("pk").first()


def first_url(page_type: type[Page]) -> str:
    return page_type.objects.live().filter(locale__language_code="en").first().url


def record_page(record: CatalogueRecord) -> str:
    return record_url(record.pk, record.title, "en")


def on_shelf(count: int) -> Availability:
    copy = Copy("Central", "Stacks", "821 DIC", ItemStatus.ON_SHELF)
    return Availability((copy,) * count)


@pytest.mark.parametrize(
    "address",
    [record_page, lambda record: first_url(BlogEntryPage), lambda r: first_url(ExhibitionPage)],
    ids=["record", "blog-post", "exhibition"],
)
def test_a_page_with_a_comment_form_is_kept_after_the_first_request(
    client, record, address, django_assert_num_queries
):
    url = address(record)
    first = client.get(url)
    assert not first.cookies  # no CSRF token on the page: the form is fetched
    assert "csrfmiddlewaretoken" not in first.content.decode()

    with django_assert_num_queries(0):
        second = client.get(url)

    assert second[HIT_HEADER] == "hit"


def test_the_comment_form_fetched_carries_the_readers_csrf_token(client, record):
    soup = soup_of(client.get(record_page(record)))
    box = soup.select_one("#comments [data-comment-form]")

    fetched = client.get(box["data-comment-form"])

    assert fetched.get(HIT_HEADER) is None
    assert "no-cache" in fetched["Cache-Control"]
    assert soup_of(fetched).select_one("form.comment-form input[name=csrfmiddlewaretoken]")


def test_a_comment_posted_without_the_csrf_token_is_refused(record):
    browser = Client(enforce_csrf_checks=True)
    soup = soup_of(browser.get(record_page(record)))
    form_page = soup_of(browser.get(soup.select_one("#comments [data-comment-open]")["href"]))
    form = form_page.select_one("form.comment-form")
    data = {field["name"]: field.get("value", "") for field in form.select("input[type=hidden]")}
    data.pop("csrfmiddlewaretoken")
    data.update(name="Ion", email="ion@example.org", comment="Hello")

    assert browser.post(form["action"], data).status_code == 403


def test_a_new_review_is_seen_on_the_next_request(client, record):
    client.get(record_page(record))  # kept

    add_review(record, "Read it twice.")

    response = client.get(record_page(record))
    assert response.get(HIT_HEADER) is None
    assert "Read it twice." in response.content.decode()


def test_a_new_rating_is_seen_on_the_next_request(client, record):
    client.get(record_page(record))  # kept

    Rating.objects.create(record=record, reader=make_reader().user, stars=4)

    response = client.get(record_page(record))
    assert response.get(HIT_HEADER) is None
    assert "No reader has rated this title yet." not in response.content.decode()


def test_availability_is_live_while_the_record_page_is_kept(client, record, monkeypatch):
    client.get(record_page(record))
    page = soup_of(client.get(record_page(record)))
    slot = page.select_one("#availability [data-availability]")
    assert slot.select_one("a")["href"] == slot["data-availability"]  # without JavaScript

    monkeypatch.setattr(catalogue_page, "availability_of", lambda biblio_id: on_shelf(1))
    before = client.get(slot["data-availability"])
    monkeypatch.setattr(catalogue_page, "availability_of", lambda biblio_id: on_shelf(2))
    after = client.get(slot["data-availability"])

    assert client.get(record_page(record))[HIT_HEADER] == "hit"
    assert "1 of 1 copy on the shelf" in soup_of(before).get_text(" ", strip=True)
    assert "2 of 2 copies on the shelf" in soup_of(after).get_text(" ", strip=True)
    assert after.get(HIT_HEADER) is None


def test_a_signed_in_reader_gets_the_form_and_availability_in_the_page(client, record):
    client.force_login(make_reader().user)

    soup = soup_of(client.get(record_page(record)))

    assert soup.select_one("#comments form.comment-form")
    assert not soup.select_one("#availability [data-availability]")
