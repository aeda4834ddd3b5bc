"""A question's thread as its reader sees it: the question, every public message, the reply
form and, once answered, "Rate this service"."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from plugins.opac.models import CatalogueRecord
from plugins.opac.record_urls import record_url
from plugins.readers import ratelimits
from plugins.reference import threads
from plugins.reference.feedback_forms import RatingForm
from plugins.reference.models import Message, Question, ServiceRating
from plugins.reference.thread_access import may_be_rated, may_see
from plugins.reference.thread_forms import ReplyForm

log = logging.getLogger(__name__)
ACTION = "reference_reply"


@dataclass(frozen=True)
class LinkedRecord:
    title: str
    url: str


@dataclass(frozen=True)
class ShownMessage:
    """A public message as the thread shows it."""

    message: Message
    records: list[LinkedRecord]

    @property
    def from_library(self) -> bool:
        return self.message.kind == Message.Kind.ANSWER


def reader_thread(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Give ``view`` the thread its key names if this request may see it: 404 for anyone else
    (as for a key that names nothing, so a guess learns nothing); a signed-in reader's thread
    asks whoever is signed out to sign in first (the link in their mail)."""

    @wraps(view)
    def opened(request: HttpRequest, access_key: str) -> HttpResponse:
        question = get_object_or_404(
            Question.objects.select_related("record"), access_key=access_key
        )
        if question.reader_id is not None and not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not may_see(request, question):
            raise Http404
        return view(request, question)

    return opened


def public_messages(question: Question) -> list[ShownMessage]:
    """The answers and replies in order, their records in one query for all."""
    language = get_language()
    rows = (
        question.messages.exclude(kind=Message.Kind.NOTE)
        .select_related("author")
        .prefetch_related(Prefetch("records", queryset=CatalogueRecord.objects.only("pk", "title")))
    )
    return [
        ShownMessage(
            message,
            [
                LinkedRecord(record.title, record_url(record.pk, record.title, language))
                for record in message.records.all()
            ],
        )
        for message in rows
    ]


def thread_page(
    request: HttpRequest,
    question: Question,
    *,
    reply_form: ReplyForm | None = None,
    rating_form: RatingForm | None = None,
    status: int = 200,
) -> HttpResponse:
    rating = ServiceRating.objects.filter(question=question).first()
    rateable = may_be_rated(question)
    context = {
        "question": question,
        "record_link": (
            LinkedRecord(
                question.record.title,
                record_url(question.record.pk, question.record.title, get_language()),
            )
            if question.record
            else None
        ),
        "messages_shown": public_messages(question),
        "reply_form": reply_form or ReplyForm(),
        "rating": rating,
        "rating_form": (rating_form or RatingForm(instance=rating)) if rateable else None,
    }
    return render(request, "reference/thread.html", context, status=status)


@reader_thread
def thread(request: HttpRequest, question: Question) -> HttpResponse:
    return thread_page(request, question)


@require_POST
@reader_thread
def reply(request: HttpRequest, question: Question) -> HttpResponse:
    if not ratelimits.take(request, ACTION):
        return ratelimits.too_many_requests(request)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return thread_page(request, question, reply_form=form, status=400)
    # The asker writes: their account, or nobody for an anonymous thread (whoever holds its key).
    message = threads.reply(question, form.cleaned_data["body"], author=question.reader)
    log.info("reference reply question=%s message=%s", question.pk, message.pk)
    return redirect(f"{question_url(question)}#m{message.pk}")


def question_url(question: Question) -> str:
    return reverse("reference:thread", args=[question.access_key])
