"""Time an exhibition page of 50 blocks (20 of them catalogue items) and the stops of a 30-stop
virtual tour against the home page of the same run, and check that catalogue items and stops do
not add queries.

Usage: uv run python benchmarks/exhibitions.py [--rounds 30]

It builds a throwaway SQLite database (or fills the empty database DATABASE_URL names), loads
the demo site and the sandbox's books, adds the pages to measure, then requests each page and
the home page in turn, round after round (interleaved, so both meet the same machine), and
prints each round's times and their ratio, then the medians, the queries of one request, and
the queries of an exhibition with 5 and with 20 catalogue items, and of a tour's first, middle and
last stops (each pair must be equal).

Another kind of page joins by adding a builder to ``PAGE_KINDS``: a name and a function that
makes the page under the demo's exhibitions page and returns its path.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import shutil
import sys
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
workdir = Path(tempfile.mkdtemp(prefix="library20-exhibitions-bench-"))
atexit.register(shutil.rmtree, workdir, ignore_errors=True)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "library_site.settings.test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
os.environ["LIBRARY20_VAR_DIR"] = str(workdir)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402
from page_timing import compare, queries_of  # noqa: E402

from library_site.demo.images import ensure_images  # noqa: E402
from library_site.demo.loader import load_demo_content  # noqa: E402
from plugins.exhibitions.models import ExhibitionIndexPage, ExhibitionPage, TourPage  # noqa: E402
from plugins.opac.koha import koha_client  # noqa: E402
from plugins.opac.models import CatalogueRecord  # noqa: E402
from plugins.opac.sync import sync_catalogue  # noqa: E402

BLOCKS, ITEMS, SECTIONS = 50, 20, 5
STOPS = 30


def item(block_type: str, value) -> dict:
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def exhibition_body(blocks: int, items: int) -> str:
    """``blocks`` blocks in ``SECTIONS`` sections: ``items`` catalogue items (the sandbox's
    records in turn), the rest text, quotes and timelines in turn."""
    biblio_ids = list(
        CatalogueRecord.objects.order_by("biblio_id").values_list("biblio_id", flat=True)
    )
    others = [
        item("text", "<p>A paragraph about the books around it, long enough to be read.</p>"),
        item("quote", {"text": "A book is a letter.", "author": "A librarian", "source": ""}),
        item(
            "timeline",
            {
                "title": "",
                "entries": [item("item", {"when": "1840", "title": "Kobzar", "text": ""})],
            },
        ),
    ]
    content = [
        item("catalogue_item", {"biblio_id": biblio_ids[n % len(biblio_ids)], "note": f"Item {n}"})
        for n in range(items)
    ]
    content += [others[n % len(others)] for n in range(blocks - items)]
    step = len(content) // SECTIONS
    sections = [
        item(
            "section", {"title": f"Section {n + 1}", "content": content[n * step : (n + 1) * step]}
        )
        for n in range(SECTIONS)
    ]
    return json.dumps(sections)


def add_exhibition(slug: str, blocks: int, items: int) -> str:
    index = ExhibitionIndexPage.objects.get(locale__language_code="en")
    page = ExhibitionPage(
        title=f"Benchmark {slug}",
        slug=slug,
        summary="An exhibition to measure.",
        opens=timezone.localdate(),
        place="Reading room",
        body=exhibition_body(blocks, items),
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page.url


def build_tour(stops: int = 30, hotspots_per_stop: int = 3) -> str:
    """A published English tour of ``stops`` stops, each with ``hotspots_per_stop`` hotspots
    taking turns between a sandbox record, the visiting page and an address; its URL path."""
    index = ExhibitionIndexPage.objects.get(locale__language_code="en")
    visiting = index.get_parent().get_children().get(slug="visiting")
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
    index.add_child(instance=tour)
    tour.save_revision().publish()
    return tour.url


PAGE_KINDS: dict[str, Callable[[], str]] = {
    f"exhibition, {BLOCKS} blocks ({ITEMS} items)": lambda: add_exhibition(
        "bench-50", BLOCKS, ITEMS
    ),
    f"tour of {STOPS} stops, its last stop": lambda: f"{build_tour(STOPS)}stops/{STOPS}/",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()

    settings.MEDIA_ROOT = str(workdir / "media")
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("compilemessages", verbosity=0)
    load_demo_content()
    sync_catalogue(koha_client())
    client = Client()
    home = "/en/"
    pages = {name: build() for name, build in PAGE_KINDS.items()}
    print(f"database: {connection.vendor}; {args.rounds} rounds, each page then the home page")

    for name, url in pages.items():
        compare(client, name, url, args.rounds, home)

    five = queries_of(client, add_exhibition("bench-5-items", BLOCKS, 5))
    twenty = queries_of(client, add_exhibition("bench-20-items", BLOCKS, 20))
    print(f"queries with 5 catalogue items: {five}; with 20: {twenty}; equal: {five == twenty}")
    tour = TourPage.objects.get(slug=f"bench-tour-{STOPS}").url
    stops = [queries_of(client, f"{tour}stops/{n}/") for n in (1, STOPS // 2, STOPS)]
    print(f"queries of the tour's first, middle and last stops: {stops}")
    if five != twenty:
        sys.exit("catalogue items add queries")
    if len(set(stops)) != 1:
        sys.exit("a tour's stops cost different queries")


if __name__ == "__main__":
    main()
