"""The rules of a question's thread: statuses, who said what, and what is announced when."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale

from plugins.reference import signals, threads
from plugins.reference.models import Message, Question, Topic

Status = Question.Status
pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    return get_user_model().objects.create_user("reader", "reader@example.org", "x")


@pytest.fixture
def librarian():
    return get_user_model().objects.create_user("librarian", "librarian@example.org", "x")


@pytest.fixture
def heard():
    """Every signal of the thread sent during the test, as (name, question, details)."""
    events: list[tuple[str, Question, dict]] = []
    receivers = {}
    for name in ("question_asked", "answer_given", "reply_received", "question_assigned"):

        def receiver(sender, question, _name=name, **details):
            details.pop("signal", None)
            events.append((_name, question, details))

        receivers[name] = receiver
        getattr(signals, name).connect(receiver)
    yield events
    for name, receiver in receivers.items():
        getattr(signals, name).disconnect(receiver)


def test_a_signed_in_readers_question_counts_at_once(
    reader, heard, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        question = threads.ask(body="  Do you have maps of 1900?  ", language="uk", reader=reader)
    assert question.confirmed and question.status == Status.NEW
    assert question.body == "Do you have maps of 1900?"
    assert question.reply_address == "reader@example.org"
    assert [name for name, *_ in heard] == ["question_asked"]


def test_an_anonymous_question_waits_for_its_address_to_be_confirmed(
    heard, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        question = threads.ask(body="Hours?", language="ro", email="a@example.org")
    assert not question.confirmed and heard == []
    with django_capture_on_commit_callbacks(execute=True):
        assert threads.confirm(question) is True
        assert threads.confirm(question) is False  # the link followed twice announces once
    assert question.confirmed
    assert [name for name, *_ in heard] == ["question_asked"]


def test_an_answer_answers_the_question_and_keeps_the_first_answer_time(
    reader, librarian, heard, django_capture_on_commit_callbacks
):
    question = threads.ask(body="Q", language="en", reader=reader)
    with django_capture_on_commit_callbacks(execute=True):
        first = threads.answer(question, librarian, "First")
        threads.answer(question, librarian, "Second")
    question.refresh_from_db()
    assert question.status == Status.ANSWERED
    assert question.assigned_to == librarian
    assert question.first_answered_at == first.created_at
    assert [details["message"].body for name, _, details in heard] == ["First", "Second"]


def test_asking_the_reader_back_waits_for_them(reader, librarian):
    question = threads.ask(body="Q", language="en", reader=reader)
    threads.answer(question, librarian, "Which edition?", status=Status.WAITING)
    question.refresh_from_db()
    assert question.status == Status.WAITING


def test_a_reply_sends_the_thread_back_to_its_librarian_even_when_closed(reader, librarian):
    question = threads.ask(body="Q", language="en", reader=reader)
    threads.assign(question, librarian)
    threads.answer(question, librarian, "A")
    threads.set_status(question, Status.CLOSED)
    assert question.closed_at is not None
    threads.reply(question, "One more thing", author=reader)
    question.refresh_from_db()
    assert question.status == Status.ASSIGNED and question.closed_at is None


def test_a_reply_to_an_unassigned_thread_makes_it_new_again(reader, librarian):
    question = threads.ask(body="Q", language="en", reader=reader)
    threads.answer(question, librarian, "A")
    threads.assign(question, None)
    threads.reply(question, "Thanks, and…", author=reader)
    question.refresh_from_db()
    assert question.status == Status.NEW


def test_a_note_is_not_public_and_changes_no_status(reader, librarian, heard):
    question = threads.ask(body="Q", language="en", reader=reader)
    message = threads.note(question, librarian, "Check the archive")
    question.refresh_from_db()
    assert message.kind == Message.Kind.NOTE and not message.public
    assert question.status == Status.NEW


def test_assigning_and_unassigning_moves_a_new_question(reader, librarian):
    question = threads.ask(body="Q", language="en", reader=reader)
    threads.assign(question, librarian)
    assert question.status == Status.ASSIGNED
    threads.assign(question, None)
    assert question.status == Status.NEW and question.assigned_to is None


def test_nothing_is_announced_for_a_thread_that_rolled_back(
    reader, heard, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        threads.ask(body="Q", language="en", reader=reader)
        raise RuntimeError
    assert heard == [] and not Question.objects.exists()


def test_the_summary_is_the_first_line_cut_short():
    question = Question(body="A" * 100 + "\nsecond line")
    assert question.summary == "A" * 79 + "…"
    assert Question(body="Short\nmore").summary == "Short"


def test_a_topic_files_the_question_and_none_unfiles_it(reader):

    question = threads.ask(body="Q", language="en", reader=reader)
    history = Topic.objects.create(name="Local history", locale=Locale.get_default())
    threads.set_topic(question, history)
    question.refresh_from_db()
    assert question.topic == history and question.status == Status.NEW
    threads.set_topic(question, None)
    question.refresh_from_db()
    assert question.topic is None
