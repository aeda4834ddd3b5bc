"""The librarians' queue of questions in the Wagtail admin (/admin/reference/): confirmed
questions only, filtered (open ones by default), oldest first, 50 a page, each with how long
its reader has waited in words and colour."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from plugins.reference.librarian_access import librarians_only
from plugins.reference.models import Question
from plugins.reference.queue_filters import QueueFilterForm
from plugins.reference.sla import Level, level_at

PER_PAGE = 50


@dataclass(frozen=True)
class Row:
    question: Question
    waiting_since: datetime
    level: Level | None  # None: nobody in the library owes the reader a word


def queue_rows(questions) -> list[Row]:
    now = timezone.now()
    return [Row(q, q.waiting_since, level_at(q, now)) for q in questions]


@librarians_only
def queue(request: HttpRequest) -> HttpResponse:
    form = QueueFilterForm(request.GET)
    questions = (
        form.apply(Question.objects.all(), request.user)
        .select_related("assigned_to", "topic")
        .order_by("waiting_since", "pk")
    )
    page = Paginator(questions, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "reference/admin/queue.html",
        {
            "form": form,
            "page": page,
            "rows": queue_rows(page.object_list),
            "query": query.urlencode(),
        },
    )
