"""Time every public page type against a plain Django view, in one run, interleaved, with ratios.

Usage: uv run python benchmarks/pages.py [--rounds 50]

It builds a throwaway SQLite database (or uses DATABASE_URL), loads the demo content and syncs
the sandbox's catalogue (so the home page lists new acquisitions besides the blog's quote,
events and exhibitions), then times anonymous requests through Django's test client: a plain
view that renders a one-line template through the same middleware, and each page type three ways:

- after publish: everything kept forgotten first, as a publish does (frames, language links, the
  home page's panels, the site lookup, kept pages): the worst case;
- uncached: the page cache off, what is kept per site and language warm (a page-cache miss on a
  live site: a new query string, a page after the first reader's);
- cached: served from the page cache (pages never kept show "-").

Each round requests, for every page type in turn and each way, the plain view then the page, so
the ratios compare requests made moments apart. It prints each round's ratios, then per page
type and way: the median milliseconds, the queries of one request and the median of the
per-round ratios. Figures from a machine shared with other work are noisy: the ratios of
interleaved rounds are what to read.
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import statistics
import sys
import tempfile
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

import page_timing  # noqa: E402
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
from library_site.core.site_changes import forget_everything  # noqa: E402
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


def timed(client: Client, url: str, cache_seconds: int, publish: bool = False) -> float:
    """Milliseconds of one GET of ``url`` (which must answer 200); ``publish`` first forgets
    everything kept, as a publish does. With the page cache on, an untimed first GET keeps the
    page (an earlier "after publish" request of the round forgot it)."""
    settings.PAGE_CACHE_SECONDS = cache_seconds
    if publish:
        forget_everything()
    if cache_seconds:
        client.get(url)
    return page_timing.timed(client, url)


def is_kept(client: Client, url: str) -> bool:
    """Whether the page cache serves ``url`` to anonymous readers."""
    settings.PAGE_CACHE_SECONDS = CACHE_SECONDS
    client.get(url)
    return client.get(url).get(HIT_HEADER) == "hit"


def queries_of(client: Client, url: str, publish: bool = False) -> int:
    """Queries of one uncached GET after a first one (what is kept warm, as on a live site), or
    right after a publish."""
    settings.PAGE_CACHE_SECONDS = 0
    if not publish:
        return page_timing.queries_of(client, url)
    forget_everything()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


MODES = {
    # name: (page cache seconds, forget everything first)
    "after publish": (0, True),
    "uncached": (0, False),
    "cached": (CACHE_SECONDS, False),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
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
        for seconds, publish in MODES.values():
            timed(client, url, seconds, publish)
    kept = {name: is_kept(client, url) for name, url in urls.items()}
    plain: list[float] = []
    times = {(name, mode): [] for name in urls for mode in MODES}
    ratios = {(name, mode): [] for name in urls for mode in MODES}
    print(f"database: {connection.vendor}; {args.rounds} rounds; ratio = page / plain view")
    print("each round, per page: after publish / uncached / cached (x the plain view)")
    for number in range(args.rounds):
        line = []
        for name, url in urls.items():
            round_ratios = []
            for mode, (seconds, publish) in MODES.items():
                if mode == "cached" and not kept[name]:
                    round_ratios.append("-")
                    continue
                base = timed(client, PLAIN, 0)
                plain.append(base)
                elapsed = timed(client, url, seconds, publish)
                times[name, mode].append(elapsed)
                ratios[name, mode].append(elapsed / base)
                round_ratios.append(f"{elapsed / base:.1f}")
            line.append(f"{name} {'/'.join(round_ratios)}")
        print(f"round {number + 1:3d}: " + ", ".join(line))

    print(
        f"\nplain Django view: median {statistics.median(plain):.2f} ms,"
        f" {queries_of(client, PLAIN)} queries"
    )
    print("per page: median ms, queries, median of the per-round ratios to the plain view")
    for name, url in urls.items():
        cells = []
        for mode, (_seconds, publish) in MODES.items():
            if not times[name, mode]:
                cells.append(f"{mode}: not kept (sets a cookie or says no-cache)")
                continue
            queries = 0 if mode == "cached" else queries_of(client, url, publish)
            cells.append(
                f"{mode}: {statistics.median(times[name, mode]):7.2f} ms {queries:3d} q"
                f" {statistics.median(ratios[name, mode]):6.1f}x"
            )
        print(f"{name:<17} " + " | ".join(cells))


if __name__ == "__main__":
    main()
