"""Koha sandbox fixtures for every test: a seeded sandbox per test, a frozen clock, clients."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest

from koha_bridge.client import KohaClient
from koha_bridge.client.session import sandbox_session
from koha_bridge.config import KohaConfig
from koha_bridge.sandbox import demo_library
from koha_bridge.sandbox.sandbox import Sandbox
from koha_bridge.sandbox.server import make_sandbox_server

START = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


class FrozenClock:
    """The sandbox's clock, moved only by the test."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture(scope="session")
def seeded_database(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("sandbox") / "seeded.sqlite3"
    Sandbox(path, FrozenClock()).store.close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock()


@pytest.fixture
def sandbox(tmp_path, seeded_database, clock) -> Sandbox:
    path = tmp_path / "sandbox.sqlite3"
    shutil.copy(seeded_database, path)
    return Sandbox(path, clock)


@pytest.fixture
def sandbox_config(tmp_path) -> KohaConfig:
    return KohaConfig(
        url="sandbox:",
        client_id=demo_library.CLIENT_ID,
        client_secret=demo_library.CLIENT_SECRET,
        sandbox_path=tmp_path / "sandbox.sqlite3",
    )


@pytest.fixture
def koha_client(sandbox, sandbox_config) -> KohaClient:
    return KohaClient(sandbox_config, session=sandbox_session(sandbox.app))


@pytest.fixture
def serve() -> Iterator[Callable[..., str]]:
    """``serve(app)``: the WSGI app over HTTP on 127.0.0.1, a free port; its base URL.

    Every server is shut down and its socket closed when the test ends.
    """
    running = []

    def start(app) -> str:
        server = make_sandbox_server(app, "127.0.0.1", 0)
        thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        thread.start()
        running.append((server, thread))
        return f"http://127.0.0.1:{server.server_port}"

    yield start
    for server, thread in running:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
