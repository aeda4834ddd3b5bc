"""After a publish, the feeds of every language (blog RSS and Atom, events' RSS, Atom and
iCalendar, new acquisitions' RSS and Atom) are rendered into the page cache by a job, so the
first feed reader to ask after a change does not wait for them.

The publish forgets every kept page (core.site_changes); the job then asks for each feed as an
anonymous reader would, through the whole site (middleware included), at the address readers
use: the page's Wagtail site, over HTTPS when the site redirects readers to it.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.test import Client
from wagtail.signals import page_published, page_unpublished

from library_site.logs.request_lines import INTERNAL
from plugins.opac.jobs import later

log = logging.getLogger(__name__)

# The feeds' routes on the pages that hold them: (route name, its arguments).
FEEDS: dict[str, list[tuple[str, dict[str, str]]]] = {
    "blog.BlogIndexPage": [("feed", {"kind": "rss"}), ("feed", {"kind": "atom"})],
    "events.EventIndexPage": [("rss", {}), ("atom", {}), ("calendar", {})],
    "opac.CataloguePage": [("new_rss", {}), ("new_atom", {})],
}


def feed_urls() -> list[str]:
    """The full address of every feed of every live page that has feeds, in every language."""
    urls = []
    for label, routes in FEEDS.items():
        for page in apps.get_model(label).objects.live().order_by("path"):
            base = page.get_full_url()
            if base is None:  # a page outside every Wagtail site cannot be asked for
                continue
            urls += [base + page.reverse_subpage(name, kwargs=kwargs) for name, kwargs in routes]
    return urls


def warm_feeds() -> int:
    """The job: ask for every feed once, so the page cache keeps it; how many answered 200."""
    if not settings.PAGE_CACHE_SECONDS:
        return 0
    # Django's own client runs a request through the site in-process, as a server would.
    client = Client()
    secure = getattr(settings, "SECURE_SSL_REDIRECT", False)
    headers = {}
    if secure and settings.SECURE_PROXY_SSL_HEADER:
        name, value = settings.SECURE_PROXY_SSL_HEADER
        headers[name] = value
    warmed = 0
    for url in feed_urls():
        parts = urlsplit(url)
        response = client.get(
            parts.path,
            HTTP_HOST=parts.netloc,
            secure=secure or parts.scheme == "https",
            **{INTERNAL: True},
            **headers,
        )
        if response.status_code == 200:
            warmed += 1
        else:
            log.warning("feed warm-up status=%d path=%s", response.status_code, parts.path)
    log.debug("feeds warmed count=%d", warmed)
    return warmed


def _warm_after_commit() -> None:
    later(warm_feeds)


def _warm_later(**_signal) -> None:
    # Pages published together (an import, the demo, a tree moved) warm the feeds once.
    pending = transaction.get_connection().run_on_commit
    if not any(callback is _warm_after_commit for _savepoints, callback, _robust in pending):
        transaction.on_commit(_warm_after_commit)


def connect() -> None:
    """Warm the feeds after every publish and unpublish."""
    for signal in (page_published, page_unpublished):
        signal.connect(_warm_later, dispatch_uid=f"feed-warmup-{id(signal)}")
