"""The chat's sockets: lines both ways kept in the thread, strangers refused, limits, the end."""

from __future__ import annotations

from asgiref.sync import async_to_sync
from django.utils import translation
from django.utils.translation import gettext

from plugins.reference.chat.consumers import REFUSED
from plugins.reference.models import ChatDuty, Message, Question
from plugins.reference.threads import start_chat
from tests.plugins.reference.chat.conftest import (
    console_socket,
    reader_socket,
    received_of_type,
    taken_chat,
)

XSS = '<img src=x onerror="alert(1)"><script>alert(2)</script>'


def test_reader_and_librarian_lines_are_saved_as_chat_messages_in_order(
    sockets, librarian, anonymous_chat
):
    async def scenario():
        console = console_socket(librarian)
        assert (await console.connect())[0]
        hello = await console.receive_json_from()
        assert [chat["question"] for chat in hello["waiting"]] == [anonymous_chat.pk]
        assert hello["waiting"][0]["summary"] == "Do you have Kobzar in Ukrainian?"

        reader = reader_socket(anonymous_chat)
        assert (await reader.connect())[0]
        history = await reader.receive_json_from()
        assert [line["body"] for line in history["lines"]] == ["Do you have Kobzar in Ukrainian?"]

        await console.send_json_to({"type": "take", "question": anonymous_chat.pk})
        chat = await received_of_type(console, "chat")
        assert chat["chat"]["lines"][0]["from"] == "reader"
        assert (await received_of_type(reader, "joined"))["name"] == "Marta"

        await console.send_json_to(
            {"type": "line", "question": anonymous_chat.pk, "body": "Yes, two copies."}
        )
        to_reader = await received_of_type(reader, "line")
        assert (to_reader["line"]["from"], to_reader["line"]["name"]) == ("librarian", "Marta")
        echo = await received_of_type(console, "line")  # the console shows its own lines too
        assert echo["line"] == to_reader["line"]
        await reader.send_json_to({"type": "line", "body": "Thank you! Can I reserve one?"})
        to_librarian = await received_of_type(console, "line")
        assert to_librarian["line"]["body"] == "Thank you! Can I reserve one?"
        assert to_librarian["question"] == anonymous_chat.pk
        await reader.disconnect()
        await console.disconnect()

    async_to_sync(scenario)()

    messages = Message.objects.filter(question=anonymous_chat)
    assert [(m.kind, m.body, m.via_chat) for m in messages] == [
        (Message.Kind.ANSWER, "Yes, two copies.", True),
        (Message.Kind.REPLY, "Thank you! Can I reserve one?", True),
    ]
    anonymous_chat.refresh_from_db()
    assert anonymous_chat.assigned_to == librarian


def test_a_reconnecting_reader_gets_every_line_said_so_far(sockets, librarian, anonymous_chat):
    async def scenario():
        console = console_socket(librarian)
        await console.connect()
        await console.send_json_to({"type": "take", "question": anonymous_chat.pk})
        await received_of_type(console, "chat")
        await console.send_json_to(
            {"type": "line", "question": anonymous_chat.pk, "body": "Said while you were away."}
        )
        await received_of_type(console, "line")

        reader = reader_socket(anonymous_chat)
        await reader.connect()
        history = await reader.receive_json_from()
        await reader.disconnect()
        await console.disconnect()
        return history

    history = async_to_sync(scenario)()

    assert [(line["from"], line["body"]) for line in history["lines"]] == [
        ("reader", "Do you have Kobzar in Ukrainian?"),
        ("librarian", "Said while you were away."),
    ]


def test_a_stranger_without_the_key_or_the_account_is_refused(
    sockets, reader, django_user_model, anonymous_chat
):
    own_chat = start_chat(body="Is the library open on Sunday?", language="en", reader=reader)
    stranger = django_user_model.objects.create_user("ivan", "ivan@example.org", "pw")
    wrong_key = Question(access_key="not-the-key")

    async def scenario():
        results = []
        for communicator in (
            reader_socket(wrong_key),
            reader_socket(own_chat),  # the key alone does not open a signed-in reader's chat
            reader_socket(own_chat, stranger),
        ):
            results.append(await communicator.connect())
        owner = reader_socket(own_chat, reader)
        results.append((await owner.connect())[0])
        await owner.disconnect()
        return results

    assert async_to_sync(scenario)() == [(False, REFUSED), (False, REFUSED), (False, REFUSED), True]


def test_the_console_is_refused_to_those_who_may_not_answer(sockets, reader):
    async def scenario():
        return await console_socket(reader).connect()

    assert async_to_sync(scenario)() == (False, REFUSED)
    assert not ChatDuty.objects.exists()


def test_an_open_console_keeps_its_librarian_on_duty_until_it_closes(sockets, librarian):
    async def scenario():
        console = console_socket(librarian)
        await console.connect()
        await console.receive_json_from()
        on_duty = await _duty_exists(librarian)
        await console.disconnect()
        return on_duty

    assert async_to_sync(scenario)() is True
    assert not ChatDuty.objects.filter(librarian=librarian).exists()


async def _duty_exists(librarian) -> bool:
    from asgiref.sync import sync_to_async

    return await sync_to_async(ChatDuty.objects.filter(librarian=librarian).exists)()


def test_lines_over_the_rate_limit_are_refused_in_the_readers_language_and_the_chat_goes_on(
    sockets, settings, anonymous_chat
):
    settings.READERS_RATE_LIMITS = {**settings.READERS_RATE_LIMITS, "chat_message": "2/m/ip"}

    async def scenario():
        reader = reader_socket(anonymous_chat)
        await reader.connect()
        await reader.receive_json_from()
        said = []
        for number in range(3):
            await reader.send_json_to({"type": "line", "body": f"line {number}"})
            said.append(await reader.receive_json_from())
        still_open = await reader.receive_nothing()
        await reader.disconnect()
        return said, still_open

    said, still_open = async_to_sync(scenario)()

    assert [message["type"] for message in said] == ["line", "line", "refused"]
    with translation.override("uk"):  # the chat was started in Ukrainian
        assert said[2]["message"] == gettext(
            "You are writing faster than the chat allows; wait a moment and send it again."
        )
    assert still_open
    assert Message.objects.filter(question=anonymous_chat).count() == 2


def test_a_line_too_long_is_refused_and_nothing_is_saved(sockets, anonymous_chat):
    async def scenario():
        reader = reader_socket(anonymous_chat)
        await reader.connect()
        await reader.receive_json_from()
        await reader.send_json_to({"type": "line", "body": "x" * 2001})
        refused = await reader.receive_json_from()
        await reader.disconnect()
        return refused

    assert async_to_sync(scenario)()["type"] == "refused"
    assert not Message.objects.filter(question=anonymous_chat).exists()


def test_markup_in_a_line_travels_as_text_and_is_saved_as_typed(sockets, librarian, anonymous_chat):
    async def scenario():
        console, reader = await taken_chat(librarian, anonymous_chat)
        await reader.send_json_to({"type": "line", "body": XSS})
        line = await received_of_type(console, "line")
        await reader.disconnect()
        await console.disconnect()
        return line

    assert async_to_sync(scenario)()["line"]["body"] == XSS
    assert Message.objects.get(question=anonymous_chat).body == XSS


def test_the_reader_ends_the_chat_and_both_sides_are_told(sockets, librarian, anonymous_chat):
    async def scenario():
        console, reader = await taken_chat(librarian, anonymous_chat)
        await reader.send_json_to({"type": "end"})
        ended = await received_of_type(reader, "ended")
        told = await received_of_type(console, "ended")
        await reader.send_json_to({"type": "line", "body": "one more thing"})
        after = await received_of_type(reader, "refused")
        await reader.disconnect()
        await console.disconnect()
        return ended, told, after

    ended, told, after = async_to_sync(scenario)()

    assert "thread_url" in ended
    assert told["question"] == anonymous_chat.pk
    assert after["message"]  # said in the reader's language, the socket still open
    anonymous_chat.refresh_from_db()
    assert anonymous_chat.chat_ended_at is not None
    assert anonymous_chat.status == Question.Status.ANSWERED
    assert not Message.objects.filter(question=anonymous_chat).exists()


def test_the_librarian_ends_the_chat_and_it_leaves_the_waiting_list(
    sockets, librarian, anonymous_chat
):
    async def scenario():
        console, reader = await taken_chat(librarian, anonymous_chat)
        await console.send_json_to({"type": "end", "question": anonymous_chat.pk})
        ended = await received_of_type(reader, "ended")
        await reader.disconnect()
        await console.disconnect()
        return ended

    assert async_to_sync(scenario)()["type"] == "ended"
    anonymous_chat.refresh_from_db()
    assert anonymous_chat.status == Question.Status.ANSWERED


def test_a_chat_taken_by_one_librarian_is_gone_for_the_others(
    sockets, librarian, django_user_model, anonymous_chat
):
    from django.contrib.auth.models import Permission

    other = django_user_model.objects.create_user("petro", "petro@library.test", "pw")
    other.user_permissions.add(Permission.objects.get(codename="answer_question"))
    other = django_user_model.objects.get(pk=other.pk)

    async def scenario():
        first, second = console_socket(librarian), console_socket(other)
        await first.connect()
        await second.connect()
        assert len((await second.receive_json_from())["waiting"]) == 1
        await first.send_json_to({"type": "take", "question": anonymous_chat.pk})
        await received_of_type(first, "chat")
        waiting_now = await received_of_type(second, "waiting")
        await second.send_json_to({"type": "take", "question": anonymous_chat.pk})
        gone = await received_of_type(second, "gone")
        await second.send_json_to({"type": "line", "question": anonymous_chat.pk, "body": "hi"})
        not_theirs = await received_of_type(second, "gone")
        await first.disconnect()
        await second.disconnect()
        return waiting_now, gone, not_theirs

    waiting_now, gone, not_theirs = async_to_sync(scenario)()

    assert waiting_now["waiting"] == []
    assert gone["question"] == not_theirs["question"] == anonymous_chat.pk
    assert not Message.objects.filter(question=anonymous_chat).exists()
