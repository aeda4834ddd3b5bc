"""The live chat's sockets in the test's own transaction, librarians and readers to chat."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import Permission

from plugins.reference import threads
from plugins.reference.chat.routing import websocket_urlpatterns


@pytest.fixture
def sockets(db, monkeypatch):
    """Consumers run their database work in the test's thread (asgiref's thread-sensitive
    calls); Channels would close that connection around each one, and the test's transaction
    with it, so here it is left open. Each test starts with an empty channel layer."""
    monkeypatch.setattr("channels.db.close_old_connections", lambda: None)
    async_to_sync(get_channel_layer().flush)()
    yield
    async_to_sync(get_channel_layer().flush)()


@pytest.fixture
def librarian(django_user_model):
    user = django_user_model.objects.create_user(
        "marta", "marta@library.test", "pw", first_name="Marta"
    )
    user.user_permissions.add(Permission.objects.get(codename="answer_question"))
    return django_user_model.objects.get(pk=user.pk)  # permissions cached afresh


@pytest.fixture
def reader(django_user_model):
    return django_user_model.objects.create_user("olena", "olena@example.org", "pw")


@pytest.fixture
def anonymous_chat(db):
    return threads.start_chat(
        body="Do you have Kobzar in Ukrainian?", language="uk", name="Olena", email="o@example.org"
    )


def socket(path: str, user=None, address: str = "127.0.0.1") -> WebsocketCommunicator:
    """A websocket to the chat's routes as ``user`` (the session middleware's work done)."""
    from django.contrib.auth.models import AnonymousUser

    communicator = WebsocketCommunicator(URLRouter(websocket_urlpatterns), path)
    communicator.scope["user"] = user or AnonymousUser()
    communicator.scope["client"] = (address, 50000)
    return communicator


def reader_socket(question, user=None, address: str = "127.0.0.1") -> WebsocketCommunicator:
    return socket(f"/ws/ask/chat/{question.access_key}/", user, address)


def console_socket(librarian) -> WebsocketCommunicator:
    return socket("/ws/ask/chat/console/", librarian)


async def received_of_type(communicator: WebsocketCommunicator, kind: str) -> dict:
    """The next message of ``kind``, past any others (such as waiting lists)."""
    while True:
        message = await communicator.receive_json_from(timeout=3)
        if message["type"] == kind:
            return message


async def taken_chat(librarian, question) -> tuple[WebsocketCommunicator, WebsocketCommunicator]:
    """The librarian's console, having taken the chat, and the reader's socket, connected."""
    console = console_socket(librarian)
    await console.connect()
    await console.send_json_to({"type": "take", "question": question.pk})
    await received_of_type(console, "chat")
    reader = reader_socket(question)
    await reader.connect()
    await reader.receive_json_from()
    return console, reader
