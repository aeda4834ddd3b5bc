"""Who may open a thread: the signed-in reader who asked it, or, for an anonymous asker's
confirmed question, whoever holds its secret key (the links mailed to that address)."""

from __future__ import annotations

from django.http import HttpRequest

from plugins.reference.models import Question


def may_see(request: HttpRequest, question: Question) -> bool:
    if question.reader_id is not None:
        return request.user.is_authenticated and request.user.pk == question.reader_id
    return question.confirmed


def may_be_rated(question: Question) -> bool:
    """ "Rate this service" comes after an answer, or after a live chat ended."""
    return question.first_answered_at is not None or question.chat_ended_at is not None
