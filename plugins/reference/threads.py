"""The rules of a question's thread: who may say what, and which status follows.

Every view (the reader's forms, the librarians' queue, the live chat) changes a thread through
these functions only; ``signals`` tell the rest (mail, notices) what happened.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from plugins.reference import signals
from plugins.reference.models import Message, Question

Status = Question.Status
OPEN = (Status.NEW, Status.ASSIGNED, Status.WAITING)  # what the queue shows as waiting


@transaction.atomic
def ask(
    *,
    body: str,
    language: str,
    reader=None,
    email: str = "",
    name: str = "",
    record=None,
    consent_to_publish: bool = False,
    source: str = Question.Source.FORM,
) -> Question:
    """A new question. A signed-in reader's counts at once; an anonymous asker's waits until
    ``confirm`` (the link mailed to the address given)."""
    now = timezone.now()
    question = Question.objects.create(
        body=body.strip(),
        language=language,
        reader=reader,
        email="" if reader is not None else email,
        name=name,
        record=record,
        consent_to_publish=consent_to_publish,
        source=source,
        created_at=now,
        last_activity_at=now,
        confirmed_at=now if reader is not None else None,
    )
    if question.confirmed:
        _announce(signals.question_asked, question)
    return question


@transaction.atomic
def confirm(question: Question) -> bool:
    """The anonymous asker followed the mailed link; whether this confirmed it (not before)."""
    updated = Question.objects.filter(pk=question.pk, confirmed_at__isnull=True).update(
        confirmed_at=timezone.now()
    )
    question.refresh_from_db()
    if updated:
        _announce(signals.question_asked, question)
    return bool(updated)


@transaction.atomic
def start_chat(
    *, body: str, language: str, reader=None, email: str = "", name: str = ""
) -> Question:
    """A live chat's first line, as a question of its own thread. An anonymous reader's counts at
    once too: being in the chat, live, confirms them as a mailed link would."""
    question = ask(
        body=body,
        language=language,
        reader=reader,
        email=email,
        name=name,
        source=Question.Source.CHAT,
    )
    if not question.confirmed:
        confirm(question)
    return question


@transaction.atomic
def end_chat(question: Question) -> bool:
    """Either side ended the chat: the thread counts as answered; whether this ended it."""
    now = timezone.now()
    updated = Question.objects.filter(pk=question.pk, chat_ended_at__isnull=True).update(
        chat_ended_at=now, status=Status.ANSWERED, last_activity_at=now
    )
    question.refresh_from_db()
    return bool(updated)


@transaction.atomic
def answer(
    question: Question,
    librarian,
    body: str,
    *,
    records: Iterable = (),
    via_chat: bool = False,
    status: str = Status.ANSWERED,
) -> Message:
    """A librarian's answer; the thread becomes ``status`` (answered, or waiting for the
    reader when the librarian asks them something back)."""
    message = _say(question, Message.Kind.ANSWER, librarian, body, via_chat)
    message.records.set(records)
    now = message.created_at
    question.status = status
    question.first_answered_at = question.first_answered_at or now
    if question.assigned_to_id is None:
        question.assigned_to = librarian
    question.save(update_fields=["status", "first_answered_at", "assigned_to", "last_activity_at"])
    _announce(signals.answer_given, question, message=message)
    return message


@transaction.atomic
def reply(question: Question, body: str, *, author=None, via_chat: bool = False) -> Message:
    """The reader writes again: the thread goes back to the librarians (to the one it is
    assigned to, if any), even after it was answered or closed."""
    message = _say(question, Message.Kind.REPLY, author, body, via_chat)
    question.status = Status.ASSIGNED if question.assigned_to_id else Status.NEW
    question.closed_at = None
    question.save(update_fields=["status", "closed_at", "last_activity_at"])
    _announce(signals.reply_received, question, message=message)
    return message


@transaction.atomic
def note(question: Question, librarian, body: str) -> Message:
    """An internal note: librarians see it, the reader never does; the status stays."""
    return _say(question, Message.Kind.NOTE, librarian, body, False)


@transaction.atomic
def assign(question: Question, librarian, *, by=None) -> None:
    """Give the question to a librarian (None: back to everyone); a new one becomes assigned.
    ``by`` is who did it: a librarian taking a question themselves needs no notice."""
    question.assigned_to = librarian
    if librarian is not None and question.status == Status.NEW:
        question.status = Status.ASSIGNED
    elif librarian is None and question.status == Status.ASSIGNED:
        question.status = Status.NEW
    question.save(update_fields=["assigned_to", "status"])
    _announce(signals.question_assigned, question, librarian=librarian, by=by)


def set_topic(question: Question, topic) -> None:
    """File the question under a topic (None: no topic), for the knowledge base and the report."""
    question.topic = topic
    question.save(update_fields=["topic"])


@transaction.atomic
def set_status(question: Question, status: str) -> None:
    """Set the status by hand (a librarian closes a thread, or opens it again)."""
    question.status = status
    question.closed_at = timezone.now() if status == Status.CLOSED else None
    question.save(update_fields=["status", "closed_at"])


def _say(question: Question, kind: str, author, body: str, via_chat: bool) -> Message:
    message = Message.objects.create(
        question=question, kind=kind, author=author, body=body.strip(), via_chat=via_chat
    )
    question.last_activity_at = message.created_at
    return message


def _announce(signal, question: Question, **details) -> None:
    # After the commit: a mail or a job must never see (or announce) a thread that rolled back.
    transaction.on_commit(
        lambda: signal.send(sender=Question, question=question, **details), robust=False
    )
