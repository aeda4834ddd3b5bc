"""What the chat's sockets carry: a thread's lines as plain data, and the chats waiting for a
librarian. Text goes out as it was typed; the pages put it in with textContent."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils import timezone

from plugins.reference.models import Message, Question

LINE_MAX_LENGTH = 2000  # one chat line; the widget's field says so too
WAITING_SHOWN = 50
# A reader who left without ending the chat leaves it open: after this long with nothing said it
# is no longer offered as waiting (it stays in the question queue, to answer by e-mail).
LIVE_FOR = datetime.timedelta(hours=2)
READER, LIBRARIAN = "reader", "librarian"


def group_of(question: Question | int) -> str:
    """The channel group of one chat: the reader's sockets and the console that took it."""
    return f"reference.chat.{getattr(question, 'pk', question)}"


LIBRARIANS_GROUP = "reference.librarians"


def first_line(question: Question) -> dict:
    return _line(f"q{question.pk}", READER, question.name, question.body, question.created_at)


def line_of(message: Message) -> dict:
    if message.kind == Message.Kind.ANSWER:
        who, name = LIBRARIAN, _librarian_name(message.author)
    else:
        who, name = READER, message.question.name
    return _line(f"m{message.pk}", who, name, message.body, message.created_at)


def history(question: Question) -> list[dict]:
    """Every line the reader may see, the question first, in the order said."""
    messages = question.messages.exclude(kind=Message.Kind.NOTE).select_related("author")
    return [first_line(question), *(line_of(message) for message in messages)]


def open_chats() -> Q:
    return Q(source=Question.Source.CHAT, chat_ended_at__isnull=True, confirmed_at__isnull=False)


def waiting(now: datetime.datetime | None = None) -> list[dict]:
    """Chats no librarian has taken, newest first, with how long each has waited."""
    now = now or timezone.now()
    chats = Question.objects.filter(
        open_chats(), assigned_to__isnull=True, last_activity_at__gte=now - LIVE_FOR
    ).order_by("-created_at")
    return [
        {
            "question": chat.pk,
            "name": chat.name,
            "summary": chat.summary,
            "language": chat.language,
            "waiting_seconds": int((now - chat.created_at).total_seconds()),
        }
        for chat in chats[:WAITING_SHOWN]
    ]


def taken_by(librarian) -> list[Question]:
    """The chats this librarian took and nobody has ended."""
    return list(Question.objects.filter(open_chats(), assigned_to=librarian).order_by("created_at"))


def chat_summary(question: Question) -> dict:
    return {
        "question": question.pk,
        "name": question.name,
        "summary": question.summary,
        "language": question.language,
        "lines": history(question),
        "ended": question.chat_ended_at is not None,
    }


def _librarian_name(user) -> str:
    if user is None:
        return ""
    return user.first_name or user.get_username()


def _line(key: str, who: str, name: str, body: str, at: datetime.datetime) -> dict:
    return {"id": key, "from": who, "name": name, "body": body, "at": at.isoformat()}
