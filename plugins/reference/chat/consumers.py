"""The chat's two sockets: the reader's, on one question, and the librarian's console, on the
chats waiting and the ones they took. Every line said goes through ``threads`` into the
question's thread (``via_chat``), then to the chat's channel group."""

from __future__ import annotations

from asgiref.sync import async_to_sync
from channels.generic.websocket import JsonWebsocketConsumer
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from plugins.readers import ratelimits
from plugins.reference import threads
from plugins.reference.chat import duty, lines
from plugins.reference.chat.handshake import request_of
from plugins.reference.models import Question

REFUSED = 4403  # the socket's close code for "not yours"


def thread_url(question: Question) -> str:
    """The thread page where the transcript stays and the reader rates the service."""
    with translation.override(question.language):
        return reverse("reference:thread", args=[question.access_key])


class ChatConsumer(JsonWebsocketConsumer):
    """What both ends share: group messages in, chat events out."""

    def send_to(self, group: str, event: dict) -> None:
        async_to_sync(self.channel_layer.group_send)(group, event)

    def join(self, group: str) -> None:
        async_to_sync(self.channel_layer.group_add)(group, self.channel_name)

    def leave(self, group: str) -> None:
        async_to_sync(self.channel_layer.group_discard)(group, self.channel_name)

    def refuse_line(self, message: str, question: int | None = None) -> None:
        self.send_json({"type": "refused", "question": question, "message": message})

    def checked_line(self, content: dict) -> str | None:
        """The line's text if it may be said; else the reader or librarian is told why."""
        body = str(content.get("body", "")).strip()
        if not body:
            return None
        if len(body) > lines.LINE_MAX_LENGTH:
            self.refuse_line(
                _("A chat line can be at most %(limit)d characters long.")
                % {"limit": lines.LINE_MAX_LENGTH},
                content.get("question"),
            )
            return None
        return body

    def end(self, question: Question) -> None:
        if threads.end_chat(question):
            self.send_to(lines.group_of(question), {"type": "chat.ended", "question": question.pk})
            self.send_to(lines.LIBRARIANS_GROUP, {"type": "waiting.changed"})

    def chat_line(self, event: dict) -> None:
        self.send_json({"type": "line", "question": event["question"], "line": event["line"]})

    def chat_joined(self, event: dict) -> None:
        self.send_json({"type": "joined", "question": event["question"], "name": event["name"]})


class ReaderChatConsumer(ChatConsumer):
    """/ws/ask/chat/<access_key>/: the reader who asked (signed in), or holds the secret key."""

    def connect(self) -> None:
        key = self.scope["url_route"]["kwargs"]["access_key"]
        question = Question.objects.filter(access_key=key, source=Question.Source.CHAT).first()
        if question is None or not self.owns(question):
            self.close(code=REFUSED)
            return
        self.question_pk = question.pk
        self.join(lines.group_of(question))
        self.accept()
        self.send_json(
            {
                "type": "history",
                "lines": lines.history(question),
                "ended": question.chat_ended_at is not None,
                "thread_url": thread_url(question),
            }
        )

    def owns(self, question: Question) -> bool:
        if question.reader_id is None:
            return True  # an anonymous chat: the key in the address is the proof
        user = self.scope.get("user")
        return bool(user and user.is_authenticated and user.pk == question.reader_id)

    def disconnect(self, code: int) -> None:
        if hasattr(self, "question_pk"):
            self.leave(lines.group_of(self.question_pk))

    def receive_json(self, content: dict, **kwargs) -> None:
        question = Question.objects.get(pk=self.question_pk)
        with translation.override(question.language):
            if content.get("type") == "end":
                self.end(question)
            elif content.get("type") == "line":
                self.say(question, content)

    def say(self, question: Question, content: dict) -> None:
        if question.chat_ended_at is not None:
            self.refuse_line(_("This chat has ended."))
            return
        body = self.checked_line(content)
        if body is None:
            return
        if not ratelimits.take(request_of(self.scope), "chat_message"):
            self.refuse_line(
                _("You are writing faster than the chat allows; wait a moment and send it again.")
            )
            return
        author = question.reader if question.reader_id else None
        message = threads.reply(question, body, author=author, via_chat=True)
        event = {"type": "chat.line", "question": question.pk, "line": lines.line_of(message)}
        self.send_to(lines.group_of(question), event)

    def chat_ended(self, event: dict) -> None:
        question = Question.objects.get(pk=self.question_pk)
        self.send_json({"type": "ended", "thread_url": thread_url(question)})


class LibrarianConsoleConsumer(ChatConsumer):
    """/ws/ask/chat/console/: a librarian who may answer questions; open, it keeps them on duty."""

    def connect(self) -> None:
        user = self.scope.get("user")
        if not (user and user.is_authenticated and user.has_perm("reference.answer_question")):
            self.close(code=REFUSED)
            return
        self.librarian = user
        self.join(lines.LIBRARIANS_GROUP)
        mine = lines.taken_by(user)
        for question in mine:
            self.join(lines.group_of(question))
        self.accept()
        duty.keep_on_duty(user)
        self.send_json(
            {
                "type": "hello",
                "heartbeat_seconds": duty.HEARTBEAT_SECONDS,
                "waiting": lines.waiting(),
                "chats": [lines.chat_summary(question) for question in mine],
            }
        )

    def disconnect(self, code: int) -> None:
        if hasattr(self, "librarian"):
            self.leave(lines.LIBRARIANS_GROUP)
            duty.go_off_duty(self.librarian)

    def receive_json(self, content: dict, **kwargs) -> None:
        action = content.get("type")
        if action == "heartbeat":
            duty.keep_on_duty(self.librarian)
            return
        question = Question.objects.filter(lines.open_chats(), pk=content.get("question")).first()
        if question is None:
            self.send_json({"type": "gone", "question": content.get("question")})
        elif action == "take":
            self.take(question)
        elif question.assigned_to_id != self.librarian.pk:
            self.send_json({"type": "gone", "question": question.pk})
        elif action == "line":
            self.say(question, content)
        elif action == "end":
            self.end(question)

    def take(self, question: Question) -> None:
        with transaction.atomic():
            question = Question.objects.select_for_update().get(pk=question.pk)
            if question.assigned_to_id not in (None, self.librarian.pk):
                self.send_json({"type": "gone", "question": question.pk})
                return
            threads.assign(question, self.librarian, by=self.librarian)
        self.join(lines.group_of(question))
        self.send_json({"type": "chat", "chat": lines.chat_summary(question)})
        name = self.librarian.first_name or self.librarian.get_username()
        self.send_to(
            lines.group_of(question), {"type": "chat.joined", "question": question.pk, "name": name}
        )
        self.send_to(lines.LIBRARIANS_GROUP, {"type": "waiting.changed"})

    def say(self, question: Question, content: dict) -> None:
        body = self.checked_line(content)
        if body is None:
            return
        message = threads.answer(question, self.librarian, body, via_chat=True)
        event = {"type": "chat.line", "question": question.pk, "line": lines.line_of(message)}
        self.send_to(lines.group_of(question), event)

    def chat_ended(self, event: dict) -> None:
        self.leave(lines.group_of(event["question"]))
        self.send_json({"type": "ended", "question": event["question"]})

    def waiting_changed(self, event: dict) -> None:
        self.send_json({"type": "waiting", "waiting": lines.waiting()})
