"""After a publish, every language's feeds are rendered into the page cache by a job, so the
first feed reader after a change is served from the cache."""

import logging

import pytest
from wagtail.models import Site

from library_site.core import feed_warmup
from library_site.core.feed_warmup import feed_urls, warm_feeds
from library_site.core.models import StandardPage
from library_site.core.page_cache import HIT_HEADER

pytestmark = pytest.mark.django_db
LANGUAGES = ("en", "ru", "uk", "ro")


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def paths() -> list[str]:
    root = Site.objects.get(is_default_site=True).root_url
    return [url.removeprefix(root) for url in feed_urls()]


def test_every_language_has_its_blog_events_and_new_acquisitions_feeds():
    found = paths()

    for language in LANGUAGES:
        mine = [path for path in found if path.startswith(f"/{language}/")]
        assert any(path.endswith("/feed/rss/") for path in mine), language
        assert any(path.endswith("/feed/atom/") for path in mine), language
        assert any(path.endswith("/ics/") for path in mine), language
        assert f"/{language}/catalogue/new/rss/" in mine
        assert f"/{language}/catalogue/new/atom/" in mine


def test_a_publish_warms_every_feed_and_the_next_reader_gets_it_from_the_cache(
    client, django_capture_on_commit_callbacks
):
    site = Site.objects.get(is_default_site=True)
    about = StandardPage.objects.get(slug="about", locale__language_code="en")

    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()

    for path in paths():
        response = client.get(path, HTTP_HOST=site.hostname)
        assert response.status_code == 200, path
        assert response.get(HIT_HEADER) == "hit", path


def test_nothing_is_warmed_when_pages_are_not_kept(settings):
    settings.PAGE_CACHE_SECONDS = 0

    assert warm_feeds() == 0


def test_pages_published_together_warm_the_feeds_once(
    django_capture_on_commit_callbacks, monkeypatch
):
    warmed = []
    monkeypatch.setattr(feed_warmup, "warm_feeds", lambda: warmed.append(1))
    pages = StandardPage.objects.filter(locale__language_code="en")[:3]
    assert len(pages) == 3

    with django_capture_on_commit_callbacks(execute=True):
        for page in pages:
            page.save_revision().publish()

    assert warmed == [1]


def test_the_warm_up_writes_no_request_lines_for_requests_no_reader_made(caplog):
    caplog.set_level(logging.INFO, logger="library_site.requests")

    assert warm_feeds() == len(feed_urls())
    assert not [r for r in caplog.records if r.name == "library_site.requests"]
