"""Clients on the in-process sandbox with other settings, and a record of what they asked."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import replace

import pytest

from koha_bridge.client import KohaClient
from koha_bridge.client.session import sandbox_session
from koha_bridge.config import KohaConfig
from tests.koha_bridge.client.stubs import Recorder, ScriptedServer, SilentServer


@pytest.fixture
def recorder(sandbox) -> Recorder:
    """The sandbox's application, noting every request made to it."""
    return Recorder(sandbox.app)


@pytest.fixture
def client_on(sandbox_config: KohaConfig) -> Callable[..., KohaClient]:
    """``client_on(app, **settings)``: a KohaClient on ``app`` in process, the sandbox's
    configuration changed by ``settings`` (``page_size=2``, ``client_secret="wrong"``...)."""

    def make(app, **settings) -> KohaClient:
        return KohaClient(replace(sandbox_config, **settings), session=sandbox_session(app))

    return make


@pytest.fixture
def scripted() -> Iterator[Callable[..., ScriptedServer]]:
    """``scripted(*answers)``: a started ScriptedServer, stopped when the test ends."""
    with ExitStack() as servers:
        yield lambda *answers: servers.enter_context(ScriptedServer(*answers))


@pytest.fixture
def silent() -> Iterator[SilentServer]:
    """A server that accepts connections and never answers."""
    with SilentServer() as server:
        yield server
