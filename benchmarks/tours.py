"""Time a 30-stop virtual tour against the home page of the same run.

Usage: uv run python benchmarks/tours.py [--stops 30] [--requests 50]

It builds a throwaway SQLite database (or uses DATABASE_URL), loads the demo content and the
sandbox's records, adds a tour whose every stop has three hotspots (a catalogue record, a page
of the site, an address elsewhere: a third of them records), then requests the home page and the
tour's stops in turn, round-robin, through Django's test client, and prints the median time and
the queries of one request of each, with the ratio to the home page. The first, middle and last
stops should cost the same queries: they do not grow with the tour.

``build_tour`` is importable on its own (with Django set up) to put such a tour in another
benchmark.
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


def build_tour(stops: int = 30, hotspots_per_stop: int = 3) -> str:
    """A published English tour of ``stops`` stops, each with ``hotspots_per_stop`` hotspots
    taking turns between a sandbox record, the visiting page and an address; its URL path."""
    from wagtail.models import Locale, Page

    from library_site.demo.images import ensure_images
    from plugins.exhibitions.models import TourPage

    home = Page.objects.get(depth=2, locale=Locale.get_default())
    visiting = home.get_children().get(slug="visiting")
    picture = ensure_images()["shelves"]
    links = [
        lambda n: {"record": 1 + n % 70},
        lambda n: {"page": visiting},
        lambda n: {"url": f"https://elsewhere.example/{n}"},
    ]
    stream = []
    for number in range(stops):
        hotspots = [
            {
                "caption": f"Hotspot {spot} of stop {number}",
                "x": 10 + 80 * spot / hotspots_per_stop,
                "y": 50,
                "record": None,
                "page": None,
                "url": "",
                **links[(number * hotspots_per_stop + spot) % len(links)](number + spot),
            }
            for spot in range(hotspots_per_stop)
        ]
        stream.append(
            (
                "stop",
                {
                    "title": f"Room {number + 1}",
                    "text": f"<p>What there is to see in room {number + 1}.</p>",
                    "image": picture,
                    "alt": "Bookshelves",
                    "panorama": number % 5 == 0,
                    "hotspots": hotspots,
                },
            )
        )
    tour = TourPage(title=f"A tour of {stops} stops", slug=f"bench-tour-{stops}", stops=stream)
    home.add_child(instance=tour)
    tour.save_revision().publish()
    return tour.url


def round_robin(client, urls: dict[str, str], requests: int) -> dict[str, tuple[float, int]]:
    """Median milliseconds per request and the queries of one request of each URL, the URLs
    requested in turn so that a slow moment of the machine falls on all of them alike."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    queries = {}
    for name, url in urls.items():
        for _ in range(3):  # warm-up: caches, renditions
            assert client.get(url).status_code == 200, url
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        queries[name] = len(captured)
    timings: dict[str, list[float]] = {name: [] for name in urls}
    for _ in range(requests):
        for name, url in urls.items():
            start = time.perf_counter()
            client.get(url)
            timings[name].append((time.perf_counter() - start) * 1000)
    return {name: (statistics.median(timings[name]), queries[name]) for name in urls}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stops", type=int, default=30)
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()

    sys.path.insert(0, str(REPO))
    workdir = Path(tempfile.mkdtemp(prefix="library20-tours-bench-"))
    atexit.register(shutil.rmtree, workdir, ignore_errors=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "library_site.settings.test")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ.setdefault("LIBRARY20_VAR_DIR", str(workdir))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from library_site.demo.loader import load_demo_content
    from plugins.opac.koha import koha_client
    from plugins.opac.sync import sync_catalogue

    settings.MEDIA_ROOT = str(workdir / "media")
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("compilemessages", verbosity=0)
    load_demo_content()
    sync_catalogue(koha_client())
    tour = build_tour(args.stops)

    middle = args.stops // 2 + 1
    urls = {
        "home /en/": "/en/",
        "tour (first stop)": tour,
        f"stop {middle}": f"{tour}stops/{middle}/",
        f"stop {args.stops}": f"{tour}stops/{args.stops}/",
    }
    print(f"database: {connection.vendor}; {args.stops} stops, 3 hotspots each")
    print(f"{args.requests} requests per URL, round-robin; median per request")
    results = round_robin(Client(), urls, args.requests)
    home_ms = results["home /en/"][0]
    for name, (ms, queries) in results.items():
        print(f"{name:<24} {ms:8.2f} ms {queries:4d} queries   ratio to home: {ms / home_ms:5.1f}x")


if __name__ == "__main__":
    main()
