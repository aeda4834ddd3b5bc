"""What each public page type costs in queries for an anonymous reader, rendered (page cache off,
what is kept per site and language warm, as on a live site but for the first request after a
publish): 8 at most each, so no change adds queries unseen (Wagtail's routing is kept in the
cache: library_site.core.page_routes)."""

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
        (lambda record: "/en/", 4),
        (lambda record: "/ru/", 4),
        (lambda record: "/en/about/", 1),
        (lambda record: catalogue_url("en", f"?q={record.title.split()[0]}"), 5),
        (lambda record: record_url(record.pk, record.title, "en"), 8),
        (lambda record: first_url(BlogIndexPage), 8),
        (lambda record: first_url(BlogEntryPage), 8),
        (lambda record: first_url(EventIndexPage), 3),
        (lambda record: first_url(EventPage), 4),
        (lambda record: first_url(ExhibitionIndexPage), 3),
        (lambda record: first_url(ExhibitionPage), 8),
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
