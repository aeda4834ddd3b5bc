"""The site over ASGI: pages through Django, websockets to the live chat from the site's own
pages only."""

from __future__ import annotations

import importlib

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.test import override_settings

import library_site.asgi


@pytest.fixture
def application():
    """The application as a site serving library.example builds it (the allowed origins are
    read when it is made, as a server process starts); made again as it was afterwards."""
    with override_settings(ALLOWED_HOSTS=["library.example"]):
        yield importlib.reload(library_site.asgi).application
    importlib.reload(library_site.asgi)


def handshake(application, origin: bytes) -> tuple[bool, int | None]:
    async def scenario():
        headers = [(b"origin", origin), (b"host", b"library.example")]
        communicator = WebsocketCommunicator(application, "/ws/ask/chat/console/", headers)
        connected = await communicator.connect()
        await communicator.disconnect()
        return connected

    return async_to_sync(scenario)()


def test_a_websocket_from_another_site_is_refused_before_any_chat_code_runs(db, application):
    assert handshake(application, b"https://evil.example")[0] is False


def test_the_chat_console_refuses_a_visitor_who_is_not_signed_in(db, application):
    assert handshake(application, b"https://library.example") == (False, 4403)
