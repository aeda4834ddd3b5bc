"""Time the catalogue's search at a real library's size, and a record page with 20 items, each
against the site's home page in the same run.

Usage: uv run python benchmarks/catalogue.py [--records 100000] [--runs 7] [--marc FILE]
       [--database sqlite|postgres] [--rounds 40]

It builds a throwaway SQLite database (``--database postgres``: fills the empty database
DATABASE_URL names, e.g. postgres://postgres@127.0.0.1:5432/library20_bench, or a throwaway one
on 127.0.0.1:5432), loads the demo site and the sandbox's
books, then N generated records (or the records of a MARC file: ISO 2709, MARCXML or
MARC-in-JSON) the way the sync stores them, index included. It prints:

- the load rate, records and their index entries stored per second;
- each search of a fixed set (a common word, a title phrase, an ISBN, an author, Cyrillic and
  Romanian words typed without their diacritics, facets, sorting, a deep page, a misspelling):
  hits, median and slowest milliseconds of the first ranked page with its facet counts, and
  where the record a phrase or an ISBN names was ranked;
- throughput: a few realistic searches (a title word, an author, a quoted title phrase, a
  Cyrillic word, a word without another) and a plain lookup of a record by its number, one
  after the other in each of ``--rounds`` rounds: searches a second, p50 and p95 of each, and
  the ratio of each p50 to the lookup's;
- the catalogue page over HTTP (Django's test client) for a common word, and a record page
  whose record has 20 items, with its availability fresh from the sandbox and from the cache:
  median time and queries of each, and its ratio to the home page's.
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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
workdir = Path(tempfile.mkdtemp(prefix="library20-catalogue-bench-"))
atexit.register(shutil.rmtree, workdir, ignore_errors=True)  # databases of 100+ MB

from databases import database_url  # noqa: E402

# The database is chosen before Django is set up; main() lists the option for --help.
_early = argparse.ArgumentParser(add_help=False)
_early.add_argument(
    "--database",
    choices=["sqlite", "postgres"],
    default="postgres" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite",
)
DATABASE = _early.parse_known_args()[0].database
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "library_site.settings.test")
os.environ["DATABASE_URL"] = database_url(DATABASE, workdir, "library20_catalogue_bench")
os.environ["LIBRARY20_VAR_DIR"] = str(workdir)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from koha_bridge.marc import UnreadableRecord, normalise  # noqa: E402
from koha_bridge.marc.isbn import to_isbn13  # noqa: E402
from koha_bridge.marc.reading.files import ReadFailure, records_from_file  # noqa: E402
from koha_bridge.sandbox import catalogue as sandbox_catalogue  # noqa: E402
from koha_bridge.sandbox.sandbox import Sandbox  # noqa: E402
from library_site.demo.loader import load_demo_content  # noqa: E402
from plugins.opac.koha import koha_client  # noqa: E402
from plugins.opac.models import CatalogueRecord  # noqa: E402
from plugins.opac.record_urls import record_url  # noqa: E402
from plugins.opac.search import CatalogueQuery, Sort, search_catalogue  # noqa: E402
from plugins.opac.search.index import index_records  # noqa: E402
from plugins.opac.sync import sync_catalogue  # noqa: E402

FIRST_ID = 1_000_000  # generated records start here, clear of the sandbox's
BATCH = 1000
ITEMS = 20  # the record page's record has this many items

# Words of titles, most frequent first: real ones, then made-up ones from syllables, drawn with
# Zipf's law so that "history" is as common as in a real catalogue's titles.
COMMON = """
the of and history a in to introduction world new life war art guide study theory american
social science practice modern english century early development state policy politics
language literature poems selected letters complete works essays principles handbook law
children education health music church national international economic
""".split()  # noqa: SIM905 (a list literal of 100 words reads worse)
LATIN = """
ba be bi bo bu ca ce co da de do fa fe ga go ha he ka ke la le li lo ma me mi mo na ne ni
no pa pe po ra re ri ro sa se si so ta te ti to va ve vi vo za ze
""".split()  # noqa: SIM905 (a list literal of 100 words reads worse)
CYRILLIC = """
ба бе бо ва ве ви во га ге го да де ди до жа за зе зи ка ке ки ко ла ле ли ло ма ме ми мо
на не ни но па пе по ра ре ри ро са се си со та те ти то ча чё ше ґа ґе ї є
""".split()  # noqa: SIM905 (a list literal of 100 words reads worse)
ROMANIAN = """
ba bă be ca că ce ci da de fa ga ia la le li ma mă me mi na ne pa pe ra re ri sa șa șe și
ta ța țe ți va
""".split()  # noqa: SIM905 (a list literal of 100 words reads worse)
LANGUAGES = (("eng", 60), ("rus", 15), ("ukr", 10), ("rum", 10), ("ger", 5))
FORMATS = (("book", 90), ("serial", 4), ("score", 2), ("video", 2), ("map", 2))


def made_up(rng: random.Random, syllables: list[str], count: int) -> list[str]:
    found: dict[str, None] = {}
    while len(found) < count:
        found["".join(rng.choices(syllables, k=rng.randint(2, 4)))] = None
    return list(found)


def zipf(words: list[str], exponent: float = 1.0) -> list[float]:
    return [1 / (rank + 1) ** exponent for rank in range(len(words))]


def isbn13(rng: random.Random) -> str:
    return to_isbn13("".join(str(rng.randint(0, 9)) for _ in range(9)) + "0") or isbn13(rng)


def isbn10_of(isbn13: str) -> str:
    body = isbn13[3:12]
    check = (11 - sum((10 - place) * int(digit) for place, digit in enumerate(body)) % 11) % 11
    return body + ("X" if check == 10 else str(check))


def generated(count: int) -> Iterator[CatalogueRecord]:
    """Records with the shape of a real catalogue's: Zipfian titles, shared authors and
    subjects, a few series and summaries, ISBNs, five languages, two centuries of years."""
    rng = random.Random(20261202)
    vocabularies = {
        "latin": COMMON + made_up(rng, LATIN, 30_000),
        "cyrillic": made_up(rng, CYRILLIC, 15_000),
        "romanian": made_up(rng, ROMANIAN, 8_000),
    }
    weights = {name: zipf(words) for name, words in vocabularies.items()}
    script = {"rus": "cyrillic", "ukr": "cyrillic", "rum": "romanian"}
    surnames = made_up(rng, LATIN, 8_000)
    subdivisions = [
        "History",
        "Fiction",
        "Biography",
        "Juvenile literature",
        "Politics and government",
    ]
    subjects = [
        f"{' '.join(rng.choices(vocabularies['latin'][50:3000], k=2)).capitalize()}"
        + (f" -- {rng.choice(subdivisions)}" if rng.random() < 0.5 else "")
        for _ in range(3_000)
    ]
    languages, language_weights = zip(*LANGUAGES, strict=True)
    formats, format_weights = zip(*FORMATS, strict=True)
    epoch = date(2000, 1, 1)
    for number in range(count):
        language = rng.choices(languages, language_weights)[0]
        vocabulary = script.get(language, "latin")

        def phrase(low: int, high: int, vocabulary: str = vocabulary) -> str:
            picked = rng.choices(
                vocabularies[vocabulary], weights[vocabulary], k=rng.randint(low, high)
            )
            return " ".join(picked)

        authors = [
            {"name": f"{rng.choice(surnames).capitalize()}, {rng.choice('ABCDEGIJKLMNOPRSTV')}.",
             "role": "author", "dates": ""}
            for _ in range(rng.choices((0, 1, 2, 3), (5, 70, 20, 5))[0])
        ]  # fmt: skip
        yield CatalogueRecord(
            biblio_id=FIRST_ID + number,
            flavour="MARC21",
            title=phrase(1, 7).capitalize(),
            subtitle=phrase(2, 6) if rng.random() < 0.3 else "",
            authors=authors,
            isbns=[isbn13(rng)] if rng.random() < 0.7 else [],
            publisher="",
            year=min(2026, int(rng.triangular(1850, 2026, 2015))),
            languages=[language],
            language=language,
            subjects=rng.sample(subjects, rng.choices((0, 1, 2, 3), (20, 45, 25, 10))[0]),
            series=[phrase(2, 4).capitalize()] if rng.random() < 0.1 else [],
            summary=phrase(20, 40) if rng.random() < 0.4 else "",
            format=rng.choices(formats, format_weights)[0],
            added_on=epoch + timedelta(days=rng.randint(0, 9600)),
            marc={},
        )


def from_marc_file(path: Path) -> Iterator[CatalogueRecord]:
    """The file's records as the sync stores them; unreadable ones are skipped."""
    with path.open("rb") as file:
        for number, record in enumerate(records_from_file(file)):
            if isinstance(record, ReadFailure):
                continue
            try:
                normalised = normalise(record, biblio_id=FIRST_ID + number)
            except UnreadableRecord:
                continue
            yield CatalogueRecord.from_normalised(normalised, record.as_dict())


def load(records: Iterator[CatalogueRecord]) -> tuple[int, float]:
    """Store the records and their index entries in batches, as the sync does; the seconds
    are those spent storing, not making or reading the records."""
    stored, seconds = 0, 0.0
    batch: list[CatalogueRecord] = []
    for record in records:
        batch.append(record)
        if len(batch) == BATCH:
            seconds += store(batch)
            stored, batch = stored + len(batch), []
    seconds += store(batch)
    return stored + len(batch), seconds


def store(batch: list[CatalogueRecord]) -> float:
    start = time.perf_counter()
    with transaction.atomic():
        CatalogueRecord.objects.bulk_create(batch)
        index_records(batch)
    return time.perf_counter() - start


@dataclass(frozen=True)
class Search:
    label: str
    query: CatalogueQuery
    expected: int | None = None  # the biblio id that must be ranked first


def searches(rng: random.Random) -> list[Search]:
    """The fixed set, some of it picked from the loaded records."""
    generated_ids = CatalogueRecord.objects.filter(biblio_id__gte=FIRST_ID)
    total = generated_ids.count()

    def picked(**where) -> CatalogueRecord:
        found = generated_ids.filter(**where).order_by("biblio_id")
        return found[rng.randrange(found.count())]

    titled = picked(title__regex=r"^\S+ \S+ \S+ \S+")  # four words or more
    with_isbn = next(
        r for r in generated_ids.order_by("biblio_id")[rng.randrange(total) :] if r.isbns
    )
    isbn = with_isbn.isbns[0]
    hyphenated = f"{isbn[:3]}-{isbn[3]}-{isbn[4:8]}-{isbn[8:12]}-{isbn[12]}"
    author = next(r for r in generated_ids[rng.randrange(total) :] if r.authors)
    cyrillic = picked(language="rus").title.split()[0]
    romanian = next(
        word
        for r in generated_ids.filter(language="rum")[rng.randrange(1000) :]
        for word in r.title.split()
        if set(word) & set("ăâîșțĂÂÎȘȚ")
    )
    plain = romanian.translate(str.maketrans("ăâîșțĂÂÎȘȚ", "aaistAAIST"))
    two_words = " ".join(picked(title__regex=r"^\S+ \S+ \S+").title.split()[1:3])
    subject = next(r for r in generated_ids[rng.randrange(total) :] if r.subjects).subjects[0]
    ukrainian = " ".join(picked(language="ukr", title__regex=r"^\S+ \S+ \S+").title.split()[:3])
    romanian_title = picked(language="rum").title
    isbn10 = isbn10_of(next(r.isbns[0] for r in generated_ids[rng.randrange(total) :] if r.isbns))
    return [
        # What readers mostly type: words of a title, a name, a subject, an ISBN.
        Search("two title words", CatalogueQuery(text=two_words)),
        Search("full author", CatalogueQuery(text=author.authors[0]["name"])),
        Search("subject heading", CatalogueQuery(text=subject)),
        Search("Ukrainian title", CatalogueQuery(text=ukrainian)),
        Search("Romanian title", CatalogueQuery(text=romanian_title)),
        Search("ISBN-10", CatalogueQuery(text=isbn10)),
        Search("common word", CatalogueQuery(text="history")),
        Search("common words", CatalogueQuery(text="history of the world")),
        Search("prefix", CatalogueQuery(text="introd")),
        Search("title phrase", CatalogueQuery(text=titled.title), titled.biblio_id),
        Search("ISBN-13 hyphens", CatalogueQuery(text=hyphenated), with_isbn.biblio_id),
        Search("author", CatalogueQuery(text=author.authors[0]["name"].split(",")[0])),
        Search("Cyrillic word", CatalogueQuery(text=cyrillic)),
        Search("Romanian, plain", CatalogueQuery(text=plain)),
        Search("browse all", CatalogueQuery()),
        Search("browse filtered", CatalogueQuery(languages=("ukr",), year_from=2000)),
        Search("word + facets", CatalogueQuery(text="history", languages=("eng",), year_from=1990)),
        Search("word, newest", CatalogueQuery(text="history", sort=Sort.NEWEST)),
        Search("word, by title", CatalogueQuery(text="war", sort=Sort.TITLE)),
        Search("word, page 50", CatalogueQuery(text="history", page=50)),
        Search("misspelt", CatalogueQuery(text="histroy")),
    ]


def timed(action: Callable[[], object], runs: int) -> tuple[list[float], object]:
    action()  # warm
    timings, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        timings.append((time.perf_counter() - start) * 1000)
    return timings, result


def percentile(timings: list[float], share: float) -> float:
    ordered = sorted(timings)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def throughput(rng: random.Random, rounds: int) -> None:
    """Realistic searches against a plain indexed lookup, interleaved round by round so a
    shared machine's load falls on both alike."""
    generated_ids = CatalogueRecord.objects.filter(biblio_id__gte=FIRST_ID)
    english = generated_ids.filter(language="eng", title__regex=r"^\S+ \S+ \S+")
    titled = english.order_by("biblio_id")[rng.randrange(english.count())]
    author = next(r for r in generated_ids.order_by("?")[:50] if r.authors)
    cyrillic = generated_ids.filter(language="rus").order_by("?").first().title.split()[0]
    word = titled.title.split()[1]
    texts = {
        "title word": word,
        "author": author.authors[0]["name"].split(",")[0],
        "quoted phrase": f'"{" ".join(titled.title.split()[:3])}"',
        "Cyrillic word": cyrillic,
        "word -word": f"history -{word}",
    }
    ids = list(generated_ids.values_list("biblio_id", flat=True)[:10_000])
    actions: dict[str, Callable[[], object]] = {
        "lookup by number": lambda: CatalogueRecord.objects.get(biblio_id=rng.choice(ids))
    }
    for label, text in texts.items():
        actions[label] = lambda t=text: search_catalogue(CatalogueQuery(text=t))
    timings: dict[str, list[float]] = {label: [] for label in actions}
    for action in actions.values():
        action()  # warm
    for _ in range(rounds):
        for label, action in actions.items():
            start = time.perf_counter()
            action()
            timings[label].append((time.perf_counter() - start) * 1000)
    base = statistics.median(timings["lookup by number"])
    print(f"\nthroughput, {rounds} interleaved rounds ({connection.vendor}):")
    print(f"{'':<18} {'text':<28} {'q/s':>7} {'p50':>8} {'p95':>8}  p50 / lookup")
    for label, found in timings.items():
        text = texts.get(label, "")[:28]
        print(
            f"{label:<18} {text:<28} {1000 / statistics.mean(found):7.1f} "
            f"{statistics.median(found):5.1f} ms {percentile(found, 0.95):5.1f} ms  "
            f"{statistics.median(found) / base:6.1f}"
        )


def page_figures(client: Client, url: str, runs: int, before: Callable = lambda: None):
    """Median milliseconds and the queries of one GET of ``url``."""

    def get():
        before()
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    timings, _ = timed(get, runs)
    before()
    with CaptureQueriesContext(connection) as queries:
        get()
    return statistics.median(timings), len(queries)


def give_items(biblio_id: int) -> None:
    """Items enough for the record page to list ``ITEMS`` of them."""
    sandbox = Sandbox(settings.KOHA.sandbox_path)
    now = datetime.now(UTC)
    with sandbox.store.transaction() as db:
        have = db.execute("SELECT COUNT(*) FROM items WHERE biblio_id = ?", (biblio_id,))
        for number in range(have.fetchone()[0], ITEMS):
            sandbox_catalogue.add_item(
                db,
                biblio_id=biblio_id,
                barcode=f"BENCH{biblio_id:06d}{number:03d}",
                library_id="CPL",
                item_type_id="BK",
                when=now,
                callnumber=f"BENCH {number}",
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each search")
    parser.add_argument("--marc", type=Path, help="load this MARC file's records instead")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default=DATABASE)
    parser.add_argument("--rounds", type=int, default=40, help="rounds of the throughput part")
    args = parser.parse_args()

    setup_test_environment()
    settings.MEDIA_ROOT = str(workdir / "media")
    call_command("migrate", verbosity=0)
    call_command("compilemessages", verbosity=0)
    load_demo_content()
    sync_catalogue(koha_client())
    CatalogueRecord.objects.filter(biblio_id__gte=FIRST_ID).delete()

    source = from_marc_file(args.marc) if args.marc else generated(args.records)
    loaded, seconds = load(source)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # what autovacuum does after a load this size
    print(f"database: {connection.vendor}; {CatalogueRecord.objects.count()} records")
    print(f"load with index: {loaded / seconds:8.0f} records/s ({loaded} in {seconds:.1f} s)")

    client = Client()
    home_ms, home_queries = page_figures(client, "/en/", args.runs * 3)
    print(f"home page /en/: {home_ms:.1f} ms, {home_queries} queries (the baseline)\n")

    print(f"{'search':<18} {'hits':>7} {'median':>9} {'slowest':>9}  ranked first")
    medians, everything = [], []
    for search in searches(random.Random(7)):
        timings, results = timed(lambda s=search: search_catalogue(s.query), args.runs)
        medians.append(statistics.median(timings))
        everything += timings
        first = ""
        if search.expected is not None:
            ids = [record.biblio_id for record in results.records]
            first = (
                "yes"
                if ids[:1] == [search.expected]
                else f"NO (at {ids.index(search.expected) + 1 if search.expected in ids else '-'})"
            )
        elif not results.total:
            first = f"suggests {[s.query.text for s in results.suggestions]}"
        print(
            f"{search.label:<18} {results.total:7d} {medians[-1]:7.1f} ms {max(timings):7.1f} ms"
            f"  {first}"
        )
    median = statistics.median(everything)
    print(
        f"\nall searches: median {median:.1f} ms, slowest {max(everything):.1f} ms; "
        f"ratio median search / home page: {median / home_ms:.2f}"
    )
    throughput(random.Random(11), args.rounds)

    pages = [("catalogue page ?q=history", "/en/catalogue/?q=history", False)]
    pages += [("catalogue page, all records", "/en/catalogue/", False)]
    pages += [("the same, counts remembered", "/en/catalogue/", True)]
    for label, url, remembered in pages:
        with override_settings(CATALOGUE_SEARCH_CACHE_SECONDS=600 if remembered else 0):
            ms, queries = page_figures(client, url, args.runs)
        print(f"{label}: {ms:.1f} ms, {queries} queries; ratio to home page: {ms / home_ms:.2f}")
    give_items(1)
    record = CatalogueRecord.objects.get(biblio_id=1)
    url = record_url(record.biblio_id, record.title, "en")
    forget = lambda: cache.delete(f"opac:availability:{record.biblio_id}")  # noqa: E731
    fresh_ms, fresh_queries = page_figures(client, url, args.runs, before=forget)
    cached_ms, cached_queries = page_figures(client, url, args.runs)
    for label, ms, queries in (
        ("availability from Koha", fresh_ms, fresh_queries),
        ("availability cached", cached_ms, cached_queries),
    ):
        print(
            f"record page, {ITEMS} items, {label}: {ms:.1f} ms, {queries} queries; "
            f"ratio to home page: {ms / home_ms:.2f}"
        )


if __name__ == "__main__":
    main()
