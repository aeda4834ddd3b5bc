"""Time the reference service: live chat message latency between two websocket clients.

Usage: uv run python benchmarks/reference.py [--lines 200] [--redis redis://127.0.0.1:6379/5]

It builds a throwaway SQLite database (or uses the empty database DATABASE_URL names), serves
the site's ASGI application with uvicorn on a free loopback port, and prints, for the in-memory
channel layer and (when Redis answers) channels-redis:

- a line from a reader's socket to the librarian's console (saved in the thread on the way, as
  every chat line is): median and p95;
- the baseline of the same run: a bare websocket echo round trip on the same server;
- their ratio.
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
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Permission  # noqa: E402
from django.core.asgi import get_asgi_application  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import path  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402

from library_site.settings import environment  # noqa: E402
from plugins.reference import threads  # noqa: E402
from plugins.reference.chat.routing import websocket_urlpatterns  # noqa: E402
from tests.plugins.reference.chat.asgi_server import asgi_server  # noqa: E402


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


def measure_chat(address: str, layers: dict, lines: int) -> dict[str, float]:
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=200)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/5")
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    # Every line is timed, none refused: the readers' per-minute limit is not what is measured.
    limits = {"chat_message": "", "chat": ""}
    with override_settings(READERS_RATE_LIMITS=limits), asgi_server(application()) as site:
        address = site.removeprefix("http://")
        print(f"database: {connection.vendor}; {args.lines} lines each, uvicorn on {address}")
        memory = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
        report("in-memory", measure_chat(address, memory, args.lines))
        if redis_answers(args.redis):
            redis = environment.channel_layers({"REDIS_URL": args.redis})
            report("Redis", measure_chat(address, redis, args.lines))
        else:
            print(f"    Redis: not measured, nothing answers at {args.redis}")


if __name__ == "__main__":
    main()
