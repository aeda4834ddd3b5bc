"""Sync a generated catalogue from the sandbox; print records/s, peak memory and pymarc's rate.

Usage: uv run python benchmarks/catalogue_sync.py [--records 20000] [--batch-size 100]

The sandbox is filled with N records (the demo books, MARC21 and UNIMARC, under numbered
titles), then synced into a fresh SQLite site database through the REST client, as
``library20 koha_sync`` does. In the same run, pymarc parses the same ISO 2709 records bare:
the ratio says what fetching, normalising, storing and indexing cost over parsing alone.
Memory is traced during full syncs of a quarter of the catalogue and of all of it: streaming
keeps the peak flat as the catalogue grows.
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
workdir = Path(tempfile.mkdtemp(prefix="library20-sync-bench-"))
atexit.register(shutil.rmtree, workdir, ignore_errors=True)  # databases of 100+ MB
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "library_site.settings.test")
os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'site.sqlite3'}"
os.environ["LIBRARY20_VAR_DIR"] = str(workdir)

import django  # noqa: E402

django.setup()

import pymarc  # noqa: E402
from django.core.management import call_command  # noqa: E402

from koha_bridge.client import KohaClient  # noqa: E402
from koha_bridge.client.session import sandbox_session  # noqa: E402
from koha_bridge.config import KohaConfig  # noqa: E402
from koha_bridge.marc import Flavour  # noqa: E402
from koha_bridge.sandbox import catalogue, seeding  # noqa: E402
from koha_bridge.sandbox.sandbox import Sandbox  # noqa: E402
from koha_bridge.sandbox.seed.books import BOOKS  # noqa: E402
from koha_bridge.sandbox.seed.marc import to_marc  # noqa: E402
from plugins.opac.models import CatalogueRecord  # noqa: E402
from plugins.opac.sync import sync_catalogue  # noqa: E402


def add_records(sandbox: Sandbox, first: int, last: int) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    with sandbox.store.transaction() as db:
        for biblio_id in range(first, last + 1):
            book = BOOKS[(biblio_id - 1) % len(BOOKS)]
            record = to_marc(book, biblio_id)
            title = record["245"] if book.flavour is Flavour.MARC21 else record["200"]
            title["a"] = f"{title['a']} {biblio_id}"
            catalogue.save_biblio(db, record, book.flavour, now, biblio_id)


def pymarc_rate(sandbox: Sandbox) -> float:
    with sandbox.store.reading() as db:
        blobs = [row[0] for row in db.execute("SELECT marc FROM biblios")]
    start = time.perf_counter()
    for blob in blobs:
        pymarc.Record(data=blob, to_unicode=True, force_utf8=True)
    return len(blobs) / (time.perf_counter() - start)


def traced_full_sync(client: KohaClient, batch_size: int) -> int:
    tracemalloc.start()
    try:
        sync_catalogue(client, full=True, batch_size=batch_size)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--batch-size", type=int, default=100)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    sandbox = Sandbox(workdir / "sandbox.sqlite3", seed=False)
    with sandbox.store.transaction() as db:
        seeding.seed_library(db, datetime.now(UTC))
    config = KohaConfig.from_env({}, var_dir=workdir)
    client = KohaClient(config, session=sandbox_session(sandbox.app))

    quarter = args.records // 4
    add_records(sandbox, 1, quarter)
    peak_quarter = traced_full_sync(client, args.batch_size)
    add_records(sandbox, quarter + 1, args.records)
    peak_all = traced_full_sync(client, args.batch_size)

    CatalogueRecord.objects.all().delete()
    start = time.perf_counter()
    report = sync_catalogue(client, full=True, batch_size=args.batch_size)
    elapsed = time.perf_counter() - start
    sync_rate = report.synced / elapsed
    parse_rate = pymarc_rate(sandbox)

    print(f"catalogue: {args.records} records, batches of {args.batch_size}, SQLite")
    print(
        f"sync (fetch + normalise + store + index): {sync_rate:8.0f} records/s "
        f"({report.synced} in {elapsed:.1f} s, {report.skipped} skipped)"
    )
    print(f"pymarc bare ISO 2709 parse:              {parse_rate:8.0f} records/s")
    print(f"ratio sync / bare parse: {sync_rate / parse_rate:.3f}")
    print(f"peak traced memory, full sync of {quarter} records: {peak_quarter / 2**20:.1f} MiB")
    print(f"peak traced memory, full sync of {args.records} records: {peak_all / 2**20:.1f} MiB")
    print(
        f"ratio peak memory all / quarter: {peak_all / peak_quarter:.2f} "
        f"(catalogue is {args.records / quarter:.0f}x larger)"
    )


if __name__ == "__main__":
    main()
