"""What each public page type costs in queries for an anonymous reader, rendered (page cache off,
the frame's cache warm as on a live site): a ceiling each, so no change adds queries unseen."""

import pytest
from wagtail.models import Page

from plugins.blog.models import BlogEntryPage, BlogIndexPage
from plugins.events.models import EventIndexPage, EventPage
from plugins.exhibitions.models import ExhibitionIndexPage, ExhibitionPage
from plugins.opac.models import CatalogueRecord
from plugins.opac.record_urls import catalogue_url, record_url
from tests.plugins.opac.conftest import catalogue, site_koha  # noqa: F401
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def first_url(page_type: type[Page]) -> str:
    return page_type.objects.live().filter(locale__language_code="en").first().url


@pytest.fixture
def record(catalogue, site_koha) -> CatalogueRecord:  # noqa: F811
    return CatalogueRecord.objects.order_by("pk").first()


@pytest.mark.parametrize(
    ("address", "ceiling"),
    [
        (lambda record: "/en/", 18),
        (lambda record: "/ru/", 19),
        (lambda record: "/en/about/", 7),
        (lambda record: catalogue_url("en", f"?q={record.title.split()[0]}"), 11),
        (lambda record: record_url(record.pk, record.title, "en"), 14),
        (lambda record: first_url(BlogIndexPage), 18),
        (lambda record: first_url(BlogEntryPage), 21),
        (lambda record: first_url(EventIndexPage), 9),
        (lambda record: first_url(EventPage), 12),
        (lambda record: first_url(ExhibitionIndexPage), 9),
        (lambda record: first_url(ExhibitionPage), 17),
    ],
    ids=[
        "home",
        "home-ru",
        "standard",
        "catalogue-search",
        "record",
        "blog-index",
        "blog-post",
        "events",
        "event",
        "exhibitions",
        "exhibition",
    ],
)
def test_a_public_page_costs_no_more_queries_than_its_ceiling(client, record, address, ceiling):
    queries = count_queries(client, address(record))
    assert queries <= ceiling
