"""What the sockets send: a thread's lines and the waiting chats, at a cost that does not grow
with their number."""

from __future__ import annotations

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from plugins.reference import threads
from plugins.reference.chat import lines
from plugins.reference.models import Question


def queries_of(function, *args) -> int:
    with CaptureQueriesContext(connection) as queries:
        function(*args)
    return len(queries)


def test_the_history_costs_the_same_for_two_lines_and_for_forty(librarian, anonymous_chat):
    threads.answer(anonymous_chat, librarian, "First", via_chat=True)
    threads.reply(anonymous_chat, "Second", via_chat=True)
    few = queries_of(lines.history, anonymous_chat)
    for number in range(20):
        threads.answer(anonymous_chat, librarian, f"answer {number}", via_chat=True)
        threads.reply(anonymous_chat, f"reply {number}", via_chat=True)

    assert queries_of(lines.history, anonymous_chat) == few
    assert len(lines.history(anonymous_chat)) == 43


def test_internal_notes_never_reach_the_reader(librarian, anonymous_chat):
    threads.note(anonymous_chat, librarian, "Reader seems to want the 1840 edition")

    assert [line["body"] for line in lines.history(anonymous_chat)] == [anonymous_chat.body]


def test_the_waiting_list_costs_one_query_however_many_wait(db):
    threads.start_chat(body="One", language="en")
    few = queries_of(lines.waiting)
    for number in range(15):
        threads.start_chat(body=f"Chat {number}", language="ro")

    assert queries_of(lines.waiting) == few == 1
    assert [chat["summary"] for chat in lines.waiting()[:2]] == ["Chat 14", "Chat 13"]


def test_a_taken_or_ended_chat_no_longer_waits(librarian, db):
    taken = threads.start_chat(body="Taken", language="en")
    ended = threads.start_chat(body="Ended", language="en")
    threads.start_chat(body="Waiting", language="en")
    threads.assign(taken, librarian)
    threads.end_chat(ended)

    assert [chat["summary"] for chat in lines.waiting()] == ["Waiting"]


def test_a_chat_silent_for_two_hours_no_longer_waits(db):
    left = threads.start_chat(body="Left without a word", language="en")
    Question.objects.filter(pk=left.pk).update(
        last_activity_at=timezone.now() - datetime.timedelta(hours=2, minutes=1)
    )
    threads.start_chat(body="Still here", language="en")

    assert [chat["summary"] for chat in lines.waiting()] == ["Still here"]
