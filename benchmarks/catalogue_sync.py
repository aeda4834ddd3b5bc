"""Sync a generated catalogue from the sandbox; print records/s against pymarc's bare parse.

Usage: uv run python benchmarks/catalogue_sync.py [--records 5000] [--rounds 3]
       [--batch-size 500] [--database sqlite|postgres]

The sandbox is filled with N records (the demo books, MARC21 and UNIMARC, under numbered
titles), then synced into a fresh site database through the REST client, as
``library20 koha_sync --full`` does. Each round times, one after the other: pymarc's bare parse
of the same N ISO 2709 records, a first sync (into an empty catalogue), the parse again, a
re-sync with nothing changed, the parse again, and a re-sync after every record's title changed
in Koha. Each sync's rate is divided by the rate of the parse timed just before it; the ratios
of every round and their median are printed. The machine may be shared: interleaving keeps the
two sides under the same load, so the ratios mean more than the rates.

``--stages`` then times one more first sync stage by stage (the read-ahead thread off, so each
stage's time is its own) and prints each stage's cost per record beside the bare parse's: what
any faster sync has to make cheaper.

Memory is traced during first syncs of a quarter of the catalogue and of all of it: streaming
keeps the peak flat as the catalogue grows.

PostgreSQL: ``--database postgres`` uses DATABASE_URL if it names PostgreSQL, otherwise creates
(and drops at the end) a database on 127.0.0.1:5432 as user postgres.
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
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
workdir = Path(tempfile.mkdtemp(prefix="library20-sync-bench-"))
atexit.register(shutil.rmtree, workdir, ignore_errors=True)  # databases of 100+ MB

from databases import database_url  # noqa: E402

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--records", type=int, default=5_000)
parser.add_argument("--rounds", type=int, default=3)
parser.add_argument("--batch-size", type=int, default=500)
parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
parser.add_argument("--stages", action="store_true", help="time a first sync stage by stage")
args = parser.parse_args()

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "library_site.settings.test")
os.environ["DATABASE_URL"] = database_url(args.database, workdir, "library20_sync_bench")
os.environ["LIBRARY20_VAR_DIR"] = str(workdir)

import django  # noqa: E402

django.setup()

import pymarc  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402

from koha_bridge import sync as koha_sync  # noqa: E402
from koha_bridge.client import KohaClient  # noqa: E402
from koha_bridge.client import client as koha_client_module  # noqa: E402
from koha_bridge.client.session import sandbox_session  # noqa: E402
from koha_bridge.config import KohaConfig  # noqa: E402
from koha_bridge.marc import Flavour  # noqa: E402
from koha_bridge.read_ahead import read_ahead  # noqa: E402
from koha_bridge.sandbox import catalogue, seeding  # noqa: E402
from koha_bridge.sandbox.sandbox import Sandbox  # noqa: E402
from koha_bridge.sandbox.seed.books import BOOKS  # noqa: E402
from koha_bridge.sandbox.seed.marc import to_marc  # noqa: E402
from plugins.opac.models import CatalogueRecord  # noqa: E402
from plugins.opac.search import CatalogueQuery  # noqa: E402
from plugins.opac.search import index as search_index  # noqa: E402
from plugins.opac.search.backends import backend  # noqa: E402
from plugins.opac.sync import sync_catalogue  # noqa: E402

SCENARIOS = ("first sync", "re-sync, unchanged", "re-sync, all changed")


def add_records(sandbox: Sandbox, first: int, last: int, edition: int = 0) -> None:
    """Records ``first``..``last`` in Koha; a new ``edition`` changes every title."""
    now = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=edition)
    with sandbox.store.transaction() as db:
        for biblio_id in range(first, last + 1):
            book = BOOKS[(biblio_id - 1) % len(BOOKS)]
            record = to_marc(book, biblio_id)
            title = record["245"] if book.flavour is Flavour.MARC21 else record["200"]
            title["a"] = f"{title['a']} {biblio_id}" + (f" edition{edition}" if edition else "")
            catalogue.save_biblio(db, record, book.flavour, now, biblio_id)


def empty_catalogue() -> None:
    CatalogueRecord.objects.all().delete()


def parse_seconds(blobs: list[bytes]) -> float:
    start = time.perf_counter()
    for blob in blobs:
        pymarc.Record(data=blob, to_unicode=True, force_utf8=True)
    return time.perf_counter() - start


def sync_seconds(client: KohaClient, batch_size: int, expected: int) -> float:
    start = time.perf_counter()
    report = sync_catalogue(client, full=True, batch_size=batch_size)
    elapsed = time.perf_counter() - start
    if report.synced + report.unchanged != expected or report.skipped:
        raise SystemExit(f"sync went wrong: {report}")
    return elapsed


def traced_first_sync(client: KohaClient, batch_size: int) -> int:
    empty_catalogue()
    tracemalloc.start()
    try:
        sync_catalogue(client, full=True, batch_size=batch_size)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def found(title_word: str) -> int:
    return backend().search(CatalogueQuery(text=title_word, per_page=1)).total


def main() -> None:
    call_command("migrate", verbosity=0)
    sandbox = Sandbox(workdir / "sandbox.sqlite3", seed=False)
    with sandbox.store.transaction() as db:
        seeding.seed_library(db, datetime.now(UTC))
    config = KohaConfig.from_env({}, var_dir=workdir)
    client = KohaClient(config, session=sandbox_session(sandbox.app))
    n, batch = args.records, args.batch_size

    quarter = n // 4
    add_records(sandbox, 1, quarter)
    peak_quarter = traced_first_sync(client, batch)
    add_records(sandbox, quarter + 1, n)
    peak_all = traced_first_sync(client, batch)
    with sandbox.store.reading() as db:
        blobs = [row[0] for row in db.execute("SELECT marc FROM biblios")]

    ratios: dict[str, list[float]] = {name: [] for name in SCENARIOS}
    rates: dict[str, list[float]] = {name: [] for name in ("bare parse", *SCENARIOS)}
    print(f"catalogue: {n} records, batches of {batch}, {connection.vendor}, full syncs")
    for round_number in range(1, args.rounds + 1):
        for name in SCENARIOS:
            if name == "first sync":
                empty_catalogue()
            elif name == "re-sync, all changed":
                add_records(sandbox, 1, n, edition=round_number)
            parse = parse_seconds(blobs)
            sync = sync_seconds(client, batch, n)
            rates["bare parse"].append(len(blobs) / parse)
            rates[name].append(n / sync)
            ratios[name].append(parse * n / (sync * len(blobs)))
        print(
            f"round {round_number}: "
            + ", ".join(f"{name} {ratios[name][-1]:.3f}x" for name in SCENARIOS)
        )
    if not found(f"edition{args.rounds}"):
        raise SystemExit("the changed titles are not found by the catalogue's search")

    print("median records/s:")
    for name, values in rates.items():
        print(f"  {name:24} {statistics.median(values):8.0f}")
    print("median ratio sync / bare parse (interleaved, per round):")
    for name in SCENARIOS:
        print(f"  {name:24} {statistics.median(ratios[name]):.3f}")
    print(f"peak traced memory, first sync of {quarter} records: {peak_quarter / 2**20:.1f} MiB")
    print(f"peak traced memory, first sync of {n} records: {peak_all / 2**20:.1f} MiB")
    print(
        f"ratio peak memory all / quarter: {peak_all / peak_quarter:.2f} "
        f"(catalogue is {n / quarter:.0f}x larger)"
    )
    if args.stages:
        print_stages(client, batch, n, parse_seconds(blobs) / len(blobs))
    connections.close_all()  # so that a database made for the run can be dropped


STAGES = {
    "Koha lists the changed records": (KohaClient, "changed_biblios"),
    "Koha answers with MARC-in-JSON (sandbox)": (KohaClient, "biblio_records_as_sent"),
    "  of which reading the JSON": (koha_client_module, "json_array_items"),
    "MARC-in-JSON checked into records": (koha_sync, "tagged_record_from_marc_in_json"),
    "normalising": (koha_sync, "normalise"),
    "rows of the records": (CatalogueRecord, "from_normalised"),
    "search documents (folded words)": (search_index, "document_of"),
}
SQL_TABLES = ("opac_cataloguerecord", "opac_searchdocument", "opac_searchfacet", "opac_searchword")


def print_stages(client: KohaClient, batch_size: int, n: int, parse: float) -> None:
    """One first sync with each stage timed; the read-ahead thread off so that no stage's time
    hides behind another's."""
    spent: dict[str, float] = dict.fromkeys([*STAGES, *(f"SQL: {t}" for t in SQL_TABLES)], 0.0)
    originals = {name: getattr(owner, attribute) for name, (owner, attribute) in STAGES.items()}

    def timed(name: str, function):
        def run(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start

        return run

    def sql(execute, statement, params, many, context):
        start = time.perf_counter()
        try:
            return execute(statement, params, many, context)
        finally:
            table = next((t for t in SQL_TABLES if t in statement[:80]), None)
            if table:
                spent[f"SQL: {table}"] += time.perf_counter() - start

    empty_catalogue()
    for name, (owner, attribute) in STAGES.items():
        function = originals[name]
        if isinstance(owner, type) and attribute == "from_normalised":
            function = function.__func__
            setattr(owner, attribute, classmethod(timed(name, function)))
        else:
            setattr(owner, attribute, timed(name, function))
    koha_sync.read_ahead = iter
    try:
        with connection.execute_wrapper(sql):
            total = sync_seconds(client, batch_size, n)
    finally:
        for name, (owner, attribute) in STAGES.items():
            setattr(owner, attribute, originals[name])
        koha_sync.read_ahead = read_ahead
    print(f"a first sync stage by stage, per record (bare parse {parse * 1e6:.1f} us):")
    for name, seconds in [*spent.items(), ("everything else", total - _counted(spent))]:
        print(f"  {name:44} {seconds / n * 1e6:7.1f} us  {seconds / n / parse:5.2f}x parse")
    print(f"  {'the whole sync':44} {total / n * 1e6:7.1f} us  {total / n / parse:5.2f}x parse")


def _counted(spent: dict[str, float]) -> float:
    return sum(seconds for name, seconds in spent.items() if not name.startswith("  of which"))


if __name__ == "__main__":
    main()
