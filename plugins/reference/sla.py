"""How long a reader has waited for the library, against REFERENCE_SLA_HOURS: within the first
number a question is on time, past it late (amber), past the second very late (red).

A reader waits from the moment their question reached the library (``confirmed_at``) or from
their last reply, whichever is later; a thread waiting for the reader, answered or closed waits
for nobody in the library.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import DateTimeField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils.translation import gettext_lazy as _

from plugins.reference.models import Message, Question

ON_THE_LIBRARY = (Question.Status.NEW, Question.Status.ASSIGNED)  # the library owes a word


@dataclass(frozen=True)
class Level:
    """Where a wait stands: ``key`` names its colour (CSS class), ``word`` says it in words."""

    key: str  # "ok", "amber" or "red"
    word: str


def limits() -> tuple[timedelta, timedelta]:
    first, second = settings.REFERENCE_SLA_HOURS
    return timedelta(hours=first), timedelta(hours=second)


def level_of(waited: timedelta) -> Level:
    """The level of a wait this long."""
    first, second = settings.REFERENCE_SLA_HOURS
    if waited > timedelta(hours=second):
        return Level("red", _("over %(hours)s h") % {"hours": second})
    if waited > timedelta(hours=first):
        return Level("amber", _("over %(hours)s h") % {"hours": first})
    return Level("ok", _("within %(hours)s h") % {"hours": first})


def with_waiting_since(questions: QuerySet[Question]) -> QuerySet[Question]:
    """``questions`` annotated with ``waiting_since``: when the reader last asked something of
    the library (a subquery, so the rows can still be counted and filtered by it)."""
    last_reply = (
        Message.objects.filter(question=OuterRef("pk"), kind=Message.Kind.REPLY)
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    asked = Coalesce("confirmed_at", "created_at")
    return questions.annotate(
        waiting_since=Greatest(
            asked, Coalesce(Subquery(last_reply), asked), output_field=DateTimeField()
        )
    )


def waits_on_library(question: Question) -> bool:
    return question.status in ON_THE_LIBRARY


def level_at(question: Question, now: datetime) -> Level | None:
    """The level of an annotated question at ``now``; None when nobody in the library owes
    the reader a word."""
    if not waits_on_library(question):
        return None
    return level_of(now - question.waiting_since)
