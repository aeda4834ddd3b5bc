"""The chat through channels-redis, as several site processes share it: the machine's Redis."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync

from library_site.settings import environment
from plugins.reference.models import Message
from tests.plugins.reference.chat.conftest import received_of_type, taken_chat
from tests.services import port_open, require


@pytest.fixture
def redis_layer(settings):
    require(port_open("127.0.0.1", 6379), "Redis at 127.0.0.1:6379")
    layers = environment.channel_layers({"REDIS_URL": "redis://127.0.0.1:6379/5"})
    layers["default"]["CONFIG"]["prefix"] = "library20-test:channels"
    settings.CHANNEL_LAYERS = layers  # Channels forgets the in-memory layer it made


def test_a_line_reaches_the_librarian_through_redis(
    redis_layer, sockets, librarian, anonymous_chat
):
    from channels.layers import get_channel_layer

    assert type(get_channel_layer()).__name__ == "RedisChannelLayer"

    async def scenario():
        console, reader = await taken_chat(librarian, anonymous_chat)
        await reader.send_json_to({"type": "line", "body": "Через Redis"})
        line = await received_of_type(console, "line")
        await reader.disconnect()
        await console.disconnect()
        return line

    assert async_to_sync(scenario)()["line"]["body"] == "Через Redis"
    assert Message.objects.get(question=anonymous_chat).via_chat
