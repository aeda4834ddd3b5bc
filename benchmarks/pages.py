"""Time every public page type against a plain Django view, in one run, interleaved, with ratios.

Usage: uv run python benchmarks/pages.py [--rounds 100]

It builds a throwaway SQLite database (or uses DATABASE_URL), loads the demo content and syncs
the sandbox's catalogue (so the home page lists new acquisitions besides the blog's quote,
events and exhibitions), then times anonymous requests through Django's test client: a plain
view that renders a one-line template through the same middleware, and each page type with the
page cache off (rendered every time: the cost of the page) and on (served from the cache).

Each round requests, for every page type in turn, the plain view, the page uncached and the page
cached, so the ratios compare requests made moments apart. It prints each round's ratios, then
per page type: the median milliseconds, the queries of one uncached request (frame cache warm)
and the median of the per-round ratios. Pages that are never kept (forms with a CSRF token, live
availability) show "-" for the cached side. Figures from a machine shared with other work are
noisy: the ratios of interleaved rounds are what to read.
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
workdir = Path(tempfile.mkdtemp(prefix="library20-bench-"))
atexit.register(shutil.rmtree, workdir, ignore_errors=True)  # databases of 100+ MB
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "library_site.settings.test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
os.environ.setdefault("LIBRARY20_VAR_DIR", str(workdir))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.template import engines  # noqa: E402
from django.template.response import TemplateResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import path  # noqa: E402
from wagtail.models import Page  # noqa: E402

from library_site import urls as site_urls  # noqa: E402
from library_site.core.page_cache import HIT_HEADER  # noqa: E402
from library_site.demo.loader import load_demo_content  # noqa: E402
from plugins.blog.models import BlogEntryPage, BlogIndexPage  # noqa: E402
from plugins.events.models import EventIndexPage, EventPage  # noqa: E402
from plugins.exhibitions.models import ExhibitionIndexPage, ExhibitionPage  # noqa: E402
from plugins.opac.koha import koha_client  # noqa: E402
from plugins.opac.models import CatalogueRecord  # noqa: E402
from plugins.opac.record_urls import catalogue_url, record_url  # noqa: E402
from plugins.opac.sync import sync_catalogue  # noqa: E402

PLAIN = "/plain/"
PLAIN_TEMPLATE = engines["django"].from_string(
    '{% load i18n %}<!DOCTYPE html><html lang="{{ LANGUAGE_CODE }}"><title>plain</title>'
    "<p>{% translate 'Skip to main content' %}</p></html>"
)
CACHE_SECONDS = 300


def plain_view(request):
    return TemplateResponse(request, PLAIN_TEMPLATE, {})


# This module is the URLconf: the plain view, then the whole site.
urlpatterns = [path("plain/", plain_view), *site_urls.urlpatterns]


def first_url(page_type: type[Page], language: str = "en") -> str:
    page = page_type.objects.live().filter(locale__language_code=language).first()
    if page is None:
        raise SystemExit(f"the demo content has no live {page_type.__name__} in {language}")
    return page.url


def page_types() -> dict[str, str]:
    """One address of each public page type in the demo content."""
    record = CatalogueRecord.objects.order_by("pk").first()
    return {
        "home": "/en/",
        "home ru": "/ru/",
        "standard": "/en/about/",
        "catalogue search": catalogue_url("en", f"?q={record.title.split()[0]}"),
        "record": record_url(record.pk, record.title, "en"),
        "blog index": first_url(BlogIndexPage),
        "blog post": first_url(BlogEntryPage),
        "events": first_url(EventIndexPage),
        "event": first_url(EventPage),
        "exhibitions": first_url(ExhibitionIndexPage),
        "exhibition": first_url(ExhibitionPage),
    }


def timed(client: Client, url: str, cache_seconds: int) -> tuple[float, bool]:
    """Milliseconds of one GET of ``url`` (which must answer 200), and whether it was a hit."""
    settings.PAGE_CACHE_SECONDS = cache_seconds
    start = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, url
    return elapsed, response.get(HIT_HEADER) == "hit"


def queries_of(client: Client, url: str) -> int:
    """Queries of one uncached GET after a first one (the frame's cache warm, as on a live site)."""
    settings.PAGE_CACHE_SECONDS = 0
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=100)
    args = parser.parse_args()

    settings.ROOT_URLCONF = __name__
    settings.MEDIA_ROOT = str(workdir / "media")
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("compilemessages", verbosity=0)
    load_demo_content()
    sync_catalogue(koha_client())
    client = Client()
    urls = page_types()
    for url in [PLAIN, *urls.values()]:  # warm-up: templates, translations, frames
        for seconds in (0, CACHE_SECONDS, CACHE_SECONDS):
            timed(client, url, seconds)

    plain: list[float] = []
    cold: dict[str, list[float]] = {name: [] for name in urls}
    hot: dict[str, list[float]] = {name: [] for name in urls}
    cold_ratio: dict[str, list[float]] = {name: [] for name in urls}
    hot_ratio: dict[str, list[float]] = {name: [] for name in urls}
    kept: dict[str, bool] = {}
    print(f"database: {connection.vendor}; {args.rounds} rounds; ratio = page / plain view")
    for number in range(args.rounds):
        line = []
        for name, url in urls.items():
            base, _hit = timed(client, PLAIN, 0)
            plain.append(base)
            uncached, _hit = timed(client, url, 0)
            cached, kept[name] = timed(client, url, CACHE_SECONDS)
            cold[name].append(uncached)
            cold_ratio[name].append(uncached / base)
            if kept[name]:
                hot[name].append(cached)
                hot_ratio[name].append(cached / base)
            hot_text = f"{cached / base:.1f}" if kept[name] else "-"
            line.append(f"{name} {uncached / base:.1f}/{hot_text}")
        print(f"round {number + 1:3d} (uncached/cached x): " + ", ".join(line))

    print(
        f"\nplain Django view: median {statistics.median(plain):.2f} ms, "
        f"{queries_of(client, PLAIN)} queries"
    )
    columns = ("uncached ms", "queries", "ratio", "cached ms", "ratio")
    print(f"{'page':<18} {columns[0]:>11} {columns[1]:>7} {columns[2]:>7}", end="")
    print(f"   {columns[3]:>9} {columns[4]:>7}")
    for name, url in urls.items():
        hot_ms = f"{statistics.median(hot[name]):9.2f}" if kept[name] else f"{'-':>9}"
        hot_x = f"{statistics.median(hot_ratio[name]):6.1f}x" if kept[name] else f"{'-':>7}"
        print(
            f"{name:<18} {statistics.median(cold[name]):11.2f} {queries_of(client, url):7d}"
            f" {statistics.median(cold_ratio[name]):6.1f}x   {hot_ms} {hot_x}"
        )


if __name__ == "__main__":
    main()
