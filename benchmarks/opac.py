"""Time readers' contributions: a record page with 200 comments and 1,000 ratings against an
empty record page, and recommendations for 10,000 records and 100,000 ratings.

Usage: uv run python benchmarks/opac.py [--records 10000] [--ratings 100000] [--readers 5000]

It builds a throwaway SQLite database (or fills the empty database DATABASE_URL names), loads
the demo site and the sandbox's books, and prints:

- the record page with 200 reviews (a third of them replies) and 1,000 ratings, and an empty
  record page of the same run: median time and queries of each, and their ratio;
- recommendations over generated ratings with taste (readers belong to one of 20 circles, each
  liking its own part of the catalogue): the rating matrix and its product alone (the baseline),
  the similarity computation, the full recompute from the database with its peak traced memory,
  and one incremental update after a reader changes a rating (median of several readers), with
  how often a record's neighbours stay within its readers' circle.
"""

from __future__ import annotations

import argparse
import atexit
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
workdir = Path(tempfile.mkdtemp(prefix="library20-opac-bench-"))
atexit.register(shutil.rmtree, workdir, ignore_errors=True)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "library_site.settings.test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
os.environ["LIBRARY20_VAR_DIR"] = str(workdir)

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_comments_xtd.models import XtdComment  # noqa: E402
from scipy import sparse  # noqa: E402

from library_site.demo.loader import load_demo_content  # noqa: E402
from plugins.opac.koha import koha_client  # noqa: E402
from plugins.opac.models import CatalogueRecord, Rating, SimilarRecord  # noqa: E402
from plugins.opac.recommendations.similarity import neighbours  # noqa: E402
from plugins.opac.recommendations.stored import recompute, update_after  # noqa: E402
from plugins.opac.record_urls import record_url  # noqa: E402
from plugins.opac.sync import sync_catalogue  # noqa: E402

FIRST_ID = 1_000_000  # generated records start here, clear of the sandbox's
BUSY, QUIET = 3, 1  # the sandbox's records given comments and ratings, and left alone
COMMENTS, PAGE_RATINGS = 200, 1000
CIRCLES = 20


def generated(records: int, ratings: int, readers: int) -> list[tuple[int, int, int]]:
    rng = random.Random(20261202)
    rows: dict[tuple[int, int], int] = {}
    while len(rows) < ratings:
        reader = rng.randrange(readers)
        circle = reader % CIRCLES
        if rng.random() < 0.7:  # mostly their circle's books
            record = rng.randrange(records // CIRCLES) * CIRCLES + circle
            stars = rng.choice((4, 5, 5))
        else:
            record = rng.randrange(records)
            stars = rng.choice((1, 2, 3, 3, 4))
        rows[(reader, record)] = stars
    return [(reader, record, stars) for (reader, record), stars in rows.items()]


def matrix_only(rows: list[tuple[int, int, int]]) -> object:
    readers = np.array([r for r, _b, _s in rows])
    records = np.array([b for _r, b, _s in rows])
    stars = np.array([s for _r, _b, s in rows], dtype=np.float64)
    return sparse.csr_matrix((stars, (readers, records))).T @ sparse.csr_matrix(
        (stars, (readers, records))
    )


def measure(action, runs: int) -> tuple[float, float]:
    """Median seconds and peak traced MiB."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    tracemalloc.start()
    action()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return statistics.median(timings), peak


def readers(count: int, prefix: str) -> list[int]:
    users = get_user_model()
    users.objects.bulk_create(
        (users(username=f"{prefix}{n}", password="!", email="") for n in range(count)),
        batch_size=2000,
    )
    return list(
        users.objects.filter(username__startswith=prefix)
        .order_by("id")
        .values_list("id", flat=True)
    )


def busy_record_page() -> None:
    """Record BUSY with COMMENTS reviews (every third a reply) and PAGE_RATINGS ratings."""
    ids = readers(PAGE_RATINGS, "page-reader-")
    rng = random.Random(1)
    Rating.objects.bulk_create(
        Rating(reader_id=reader, record_id=BUSY, stars=rng.randint(1, 5)) for reader in ids
    )
    record_type = ContentType.objects.get_for_model(CatalogueRecord)
    parents: list[XtdComment] = []
    for n in range(COMMENTS):
        reply_to = parents[-1] if n % 3 == 2 and parents else None
        comment = XtdComment.objects.create(
            content_type=record_type,
            object_pk=str(BUSY),
            site_id=settings.SITE_ID,
            user_id=ids[n],
            user_name=f"Reader {n}",
            user_email=f"reader{n}@example.org",
            comment=f"Review number {n}: " + "a thoughtful paragraph about the book. " * 5,
            submit_date=timezone.now(),
            parent_id=reply_to.pk if reply_to else 0,
        )
        if reply_to is None:
            parents.append(comment)


def page_figures(client: Client, url: str, runs: int) -> tuple[float, int]:
    """Median milliseconds and the queries of one GET of ``url``."""
    client.get(url)  # warm
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(timings), len(queries)


def record_pages(runs: int) -> None:
    busy_record_page()
    client = Client()
    figures = {}
    for biblio_id in (QUIET, BUSY):
        record = CatalogueRecord.objects.get(biblio_id=biblio_id)
        figures[biblio_id] = page_figures(client, record_url(biblio_id, record.title, "en"), runs)
    (quiet_ms, quiet_queries), (busy_ms, busy_queries) = figures[QUIET], figures[BUSY]
    print(f"empty record page:        {quiet_ms:7.1f} ms, {quiet_queries} queries (the baseline)")
    print(
        f"{COMMENTS} reviews, {PAGE_RATINGS} ratings: {busy_ms:7.1f} ms, {busy_queries} queries; "
        f"ratio to the empty page: {busy_ms / quiet_ms:.2f}"
    )


def store_generated(rows: list[tuple[int, int, int]], records: int, reader_ids: list[int]) -> None:
    CatalogueRecord.objects.bulk_create(
        (
            CatalogueRecord(biblio_id=FIRST_ID + n, flavour="MARC21", title=f"Book {n}", marc={})
            for n in range(records)
        ),
        batch_size=2000,
    )
    Rating.objects.bulk_create(
        (
            Rating(reader_id=reader_ids[reader], record_id=FIRST_ID + record, stars=stars)
            for reader, record, stars in rows
        ),
        batch_size=5000,
    )


def recommendations(args) -> None:
    rows = generated(args.records, args.ratings, args.readers)
    base_seconds, base_peak = measure(lambda: matrix_only(rows), args.runs)
    seconds, peak = measure(lambda: neighbours(rows), args.runs)
    reader_ids = readers(args.readers, "rating-reader-")
    store_generated(rows, args.records, reader_ids)
    full_seconds, full_peak = measure(recompute, 1)

    rng = random.Random(5)
    updates = []
    for reader, record, stars in rng.sample(rows, 7):
        Rating.objects.filter(reader_id=reader_ids[reader], record_id=FIRST_ID + record).update(
            stars=6 - stars
        )
        start = time.perf_counter()
        update_after(reader_ids[reader], FIRST_ID + record)
        updates.append(time.perf_counter() - start)
    update = statistics.median(updates)

    pairs = SimilarRecord.objects.filter(record_id__gte=FIRST_ID).values_list("record", "similar")
    same_circle = sum((a - b) % CIRCLES == 0 for a, b in pairs) / max(len(pairs), 1)
    print(f"\n{args.records} records, {len(rows)} ratings by {args.readers} readers")
    print(f"rating matrix and its product alone: {base_seconds:6.2f} s, peak {base_peak:6.1f} MiB")
    print(f"similarities computed:               {seconds:6.2f} s, peak {peak:6.1f} MiB")
    print(f"full recompute from the database:    {full_seconds:6.2f} s, peak {full_peak:6.1f} MiB")
    print(f"one incremental update (median of {len(updates)}): {update * 1000:6.1f} ms")
    print(
        f"ratios: similarities / matrix alone {seconds / base_seconds:.1f}x; "
        f"incremental update / full recompute {update / full_seconds:.3f}"
    )
    print(
        f"{len(pairs)} pairs stored; {same_circle:.0%} within the readers' circle "
        f"(chance: {1 / CIRCLES:.0%})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--ratings", type=int, default=100_000)
    parser.add_argument("--readers", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    setup_test_environment()
    call_command("migrate", verbosity=0)
    load_demo_content()
    sync_catalogue(koha_client())
    print(f"database: {connection.vendor}")
    record_pages(max(args.runs * 5, 15))
    recommendations(args)


if __name__ == "__main__":
    main()
