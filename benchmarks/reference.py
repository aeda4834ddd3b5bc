"""Time the reference service's pages against the home page of the same run.

Usage: uv run python benchmarks/reference.py [--rounds 30] [--questions 1000] [--entries 1000]

It builds a throwaway SQLite database (or fills the empty database DATABASE_URL names), loads
the demo site, adds what each measure needs, then requests the measured page and the home page
in turn, round after round (interleaved, so both meet the same machine), and prints each
round's times and their ratio, then the medians and the queries of one request.

- ``measure_queue``: the librarians' queue in the admin with 1,000 confirmed questions (of all
  statuses, a third assigned, some with replies), and its queries with 5 questions (equal).
- ``measure_faq``: the knowledge base with 1,000 entries in topics (the whole list, one topic's
  first page, a search); its queries must not grow from the demo's 8 entries to 1,000.
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
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
workdir = Path(tempfile.mkdtemp(prefix="library20-reference-bench-"))
atexit.register(shutil.rmtree, workdir, ignore_errors=True)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "library_site.settings.test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
os.environ["LIBRARY20_VAR_DIR"] = str(workdir)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from library_site.demo.loader import load_demo_content  # noqa: E402
from plugins.reference.models import (  # noqa: E402
    FaqEntryPage,
    KnowledgeBasePage,
    Message,
    Question,
    Topic,
)

HOME = "/en/"
QUEUE = "/admin/reference/"
TOPICS = 12
WORDS = ["renew", "print", "archive", "database", "card", "loan", "map", "newspaper", "cite"]
STATUSES = list(Question.Status.values)
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def prepare_site() -> None:
    """An empty database made into the demo site."""
    settings.MEDIA_ROOT = str(workdir / "media")
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("compilemessages", verbosity=0)
    load_demo_content()


def librarian_client(name: str = "bench-librarian") -> Client:
    """A client signed in as a member of Moderators (who may answer questions)."""
    user = get_user_model().objects.create_user(name, f"{name}@library.example", "password")
    user.groups.add(Group.objects.get(name="Moderators"))
    client = Client()
    client.force_login(user)
    return client


def add_questions(count: int, librarian=None) -> None:
    """``count`` confirmed questions over the last weeks, of every status and language, a
    third assigned to ``librarian``, every fifth with a reader's reply."""
    now = timezone.now()
    questions = [
        Question(
            body=f"Benchmark question {number}: where can I find the town's old maps?",
            language=LANGUAGES[number % len(LANGUAGES)],
            email=f"reader{number}@example.org",
            status=STATUSES[number % len(STATUSES)],
            assigned_to=librarian if number % 3 == 0 else None,
            created_at=now - timedelta(hours=number),
            confirmed_at=now - timedelta(hours=number),
        )
        for number in range(count)
    ]
    created = Question.objects.bulk_create(questions)
    Message.objects.bulk_create(
        Message(question=question, kind=Message.Kind.REPLY, body="One more thing.")
        for question in created[::5]
    )


def timed(client: Client, url: str) -> float:
    start = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, url
    return elapsed


def queries_of(client: Client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def compare(client: Client, name: str, url: str, rounds: int) -> None:
    """Print ``url`` against the home page, interleaved round by round."""
    for warm in (HOME, url):
        for _ in range(3):
            timed(client, warm)
    ratios, page_ms, home_ms = [], [], []
    for number in range(rounds):
        page_ms.append(timed(client, url))
        home_ms.append(timed(client, HOME))
        ratios.append(page_ms[-1] / home_ms[-1])
        print(
            f"  round {number + 1:3d}: {page_ms[-1]:8.2f} ms / home {home_ms[-1]:7.2f} ms"
            f" = {ratios[-1]:5.2f}x"
        )
    print(
        f"{name}: median {statistics.median(page_ms):.2f} ms, {queries_of(client, url)} queries;"
        f" home median {statistics.median(home_ms):.2f} ms, {queries_of(client, HOME)} queries;"
        f" median ratio {statistics.median(ratios):.2f}x"
    )


def measure_queue(args: argparse.Namespace) -> None:
    """The admin queue with ``args.questions`` questions; its queries with 5 and with them."""
    client = librarian_client()
    librarian = get_user_model().objects.get(username="bench-librarian")
    add_questions(5, librarian)
    few = queries_of(client, QUEUE)
    add_questions(args.questions - 5, librarian)
    compare(client, f"admin queue, {args.questions} questions", QUEUE, args.rounds)
    many = queries_of(client, QUEUE)
    print(f"queue queries with 5 questions: {few}; with {args.questions}: {many}")
    if few != many:
        sys.exit("the queue's queries grow with its questions")


@transaction.atomic
def add_entries(base: KnowledgeBasePage, count: int) -> list[Topic]:
    """``count`` live entries under ``base``, spread over ``TOPICS`` new topics."""
    topics = [
        Topic.objects.create(
            name=f"Benchmark topic {n:02d}", sort_order=200 + n, locale=base.locale
        )
        for n in range(TOPICS)
    ]
    for number in range(count):
        word = WORDS[number % len(WORDS)]
        entry = FaqEntryPage(
            title=f"Question {number:04d} about the {word}?",
            slug=f"bench-{number}",
            question=f"A reader asks about the {word}, number {number}.",
            answer=[("paragraph", f"<p>The answer about the {word}, number {number}.</p>")],
            topic=topics[number % TOPICS],
        )
        base.add_child(instance=entry)  # live, as published: revisions are not what is measured
    return topics


def measure_faq(args: argparse.Namespace) -> None:
    """The knowledge base with ``args.entries`` entries against the home page; exits when the
    whole list costs more queries with them than with the demo's eight."""
    client, entries = Client(), args.entries
    base = KnowledgeBasePage.objects.get(locale__language_code="en")
    url = base.url
    demo_queries = queries_of(client, url)
    topics = add_entries(base, entries)
    print(f"knowledge base: {entries} entries added in {TOPICS} topics")
    pages = {
        f"knowledge base, {entries} entries by topic": url,
        f"one topic ({entries // TOPICS} entries), first page": f"{url}?topic={topics[0].pk}",
        "a search in the knowledge base": f"{url}?q=newspaper",
    }
    for name, page_url in pages.items():
        compare(client, name, page_url, args.rounds)
    many_queries = queries_of(client, url)
    counted = f"queries of the whole list with 8 entries: {demo_queries}"
    print(f"{counted}; with {entries + 8}: {many_queries}")
    if many_queries != demo_queries:
        sys.exit("the knowledge base's queries grow with its entries")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--questions", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=1000)
    args = parser.parse_args()
    prepare_site()
    print(f"database: {connection.vendor}; {args.rounds} rounds, each page then the home page")
    measure_queue(args)
    measure_faq(args)


if __name__ == "__main__":
    main()
