"""Time the reference service's pages against the home page of the same run.

Usage: uv run python benchmarks/reference.py [--rounds 30] [--questions 1000] [--entries 1000]
                                             [--lines 200] [--redis redis://127.0.0.1:6379/5]

It builds a throwaway SQLite database (or fills the empty database DATABASE_URL names), loads
the demo site, adds what each measure needs, then requests the measured page and the home page
in turn, round after round (interleaved, so both meet the same machine), and prints each
round's times and their ratio, then the medians and the queries of one request.

- ``measure_queue``: the librarians' queue in the admin with 1,000 confirmed questions (of all
  statuses, a third assigned, some with replies), and its queries with 5 questions (equal).
- ``measure_faq``: the knowledge base with 1,000 entries in topics (the whole list, one topic's
  first page, a search); its queries must not grow from the demo's 8 entries to 1,000.
- ``measure_chat``: live chat latency between two websocket clients through the site's ASGI
  application under uvicorn on loopback, for the in-memory channel layer and (when Redis answers)
  channels-redis: a line from a reader's socket to the librarian's console (saved in the thread
  on the way, as every chat line is), median and p95, against the baseline of the same run, a
  bare websocket echo round trip on the same server.
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import json
import os
import shutil
import socket
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

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.generic.websocket import AsyncWebsocketConsumer  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group, Permission  # noqa: E402
from django.core.asgi import get_asgi_application  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import path  # noqa: E402
from django.utils import timezone  # noqa: E402
from page_timing import compare, queries_of  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402

from library_site.demo.loader import load_demo_content  # noqa: E402
from library_site.settings import environment  # noqa: E402
from plugins.reference import threads  # noqa: E402
from plugins.reference.chat.routing import websocket_urlpatterns  # noqa: E402
from plugins.reference.models import (  # noqa: E402
    FaqEntryPage,
    KnowledgeBasePage,
    Message,
    Question,
    Topic,
)
from tests.plugins.reference.chat.asgi_server import asgi_server  # noqa: E402

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


class Echo(AsyncWebsocketConsumer):
    """The baseline: a websocket that says back what it hears, on no layer and no database."""

    async def receive(self, text_data=None, bytes_data=None):
        await self.send(text_data=text_data)


def application():
    """The site's own ASGI routing (library_site.asgi) with the echo beside the chat's routes."""
    routes = URLRouter([path("ws/echo/", Echo.as_asgi()), *websocket_urlpatterns])
    return ProtocolTypeRouter(
        {
            "http": get_asgi_application(),
            "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(routes)),
        }
    )


def librarian_cookie() -> str:
    user, _ = get_user_model().objects.get_or_create(username="bench-librarian")
    user.user_permissions.add(Permission.objects.get(codename="answer_question"))
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}"


async def next_of(socket_, kind: str) -> dict:
    while True:
        message = json.loads(await socket_.recv())
        if message["type"] == kind:
            return message


async def chat_latencies(address: str, cookie: str, access_key: str, question: int, lines: int):
    """Seconds from a reader's send to the librarian's receipt, line by line."""
    origin = f"http://{address}"
    console_url, reader_url = (
        f"ws://{address}/ws/ask/chat/console/",
        f"ws://{address}/ws/ask/chat/{access_key}/",
    )
    async with (
        connect(console_url, origin=origin, additional_headers={"Cookie": cookie}) as console,
        connect(reader_url, origin=origin) as reader,
    ):
        await next_of(console, "hello")
        await next_of(reader, "history")
        await console.send(json.dumps({"type": "take", "question": question}))
        await next_of(console, "chat")
        seconds = []
        for number in range(lines):
            started = time.perf_counter()
            await reader.send(json.dumps({"type": "line", "body": f"line {number}"}))
            await next_of(console, "line")
            seconds.append(time.perf_counter() - started)
        return seconds


async def echo_round_trips(address: str, lines: int) -> list[float]:
    async with connect(f"ws://{address}/ws/echo/", origin=f"http://{address}") as echo:
        seconds = []
        for number in range(lines):
            started = time.perf_counter()
            await echo.send(json.dumps({"type": "line", "body": f"line {number}"}))
            await echo.recv()
            seconds.append(time.perf_counter() - started)
        return seconds


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18]


def chat_figures(address: str, layers: dict, lines: int) -> dict[str, float]:
    """Chat line latency (median, p95) on ``layers`` against the echo baseline, in ms."""
    with override_settings(CHANNEL_LAYERS=layers):
        question = threads.start_chat(body="How fast is the chat?", language="en")
        cookie = librarian_cookie()
        asyncio.run(chat_latencies(address, cookie, question.access_key, question.pk, 10))  # warm
        question = threads.start_chat(body="How fast is the chat?", language="en")
        chat = asyncio.run(chat_latencies(address, cookie, question.access_key, question.pk, lines))
        echo = asyncio.run(echo_round_trips(address, lines))
    return {
        "chat_median": statistics.median(chat) * 1000,
        "chat_p95": p95(chat) * 1000,
        "echo_median": statistics.median(echo) * 1000,
        "echo_p95": p95(echo) * 1000,
    }


def report(name: str, figures: dict[str, float]) -> None:
    ratio = figures["chat_median"] / figures["echo_median"]
    print(
        f"{name:>9}: chat line median {figures['chat_median']:6.2f} ms, p95 "
        f"{figures['chat_p95']:6.2f} ms; echo round trip median {figures['echo_median']:5.2f} ms, "
        f"p95 {figures['echo_p95']:5.2f} ms (the baseline); ratio {ratio:5.1f}×"
    )


def redis_answers(url: str) -> bool:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port or 6379), timeout=1):
            return True
    except OSError:
        return False


def measure_chat(args: argparse.Namespace) -> None:
    """Chat line latency on the in-memory layer and on Redis (when it answers)."""
    # Every line is timed, none refused: the readers' per-minute limit is not what is measured.
    limits = {"chat_message": "", "chat": ""}
    with override_settings(READERS_RATE_LIMITS=limits), asgi_server(application()) as site:
        address = site.removeprefix("http://")
        print(f"live chat: {args.lines} lines each, uvicorn on {address}")
        memory = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
        report("in-memory", chat_figures(address, memory, args.lines))
        if redis_answers(args.redis):
            redis = environment.channel_layers({"REDIS_URL": args.redis})
            report("Redis", chat_figures(address, redis, args.lines))
        else:
            print(f"    Redis: not measured, nothing answers at {args.redis}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--questions", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--lines", type=int, default=200)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/5")
    args = parser.parse_args()
    prepare_site()
    print(f"database: {connection.vendor}; {args.rounds} rounds, each page then the home page")
    measure_queue(args)
    measure_faq(args)
    measure_chat(args)


if __name__ == "__main__":
    main()
