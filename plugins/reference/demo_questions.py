"""The demo's questions to the librarians: the demo reader's answered and open threads, and
two anonymous askers' confirmed questions waiting in the queue.

Written as past history (asked days ago, answered since) straight into the models rather than
through ``threads``: a demo load must not mail anyone, and its dates are in the past.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from plugins.opac.models import CatalogueRecord
from plugins.readers.demo import USERNAME as READER_USERNAME
from plugins.reference.models import Message, Question, ServiceRating

ADMIN_USERNAME = "admin"
ANSWERED_RECORD = 3  # Oliver Twist in the demo catalogue


@dataclass(frozen=True)
class DemoQuestion:
    language: str
    body: str
    days_ago: int
    email: str = ""  # an anonymous asker's; empty for the demo reader's
    name: str = ""


ANSWERED = DemoQuestion(
    "en",
    "Do you have an illustrated edition of Oliver Twist for a school project? "
    "My daughter is eleven.",
    days_ago=6,
)
ANSWERED_MESSAGES = [
    (
        Message.Kind.ANSWER,
        "Yes: the library has Oliver Twist, linked below, with the original illustrations. "
        "Would a retelling for younger readers help too?",
        5,
    ),
    (Message.Kind.REPLY, "The illustrated one is perfect, thank you. No retelling needed.", 4),
    (
        Message.Kind.ANSWER,
        "Wonderful. You can place a hold from the record's page; we keep it for a week.",
        4,
    ),
]
OPEN = DemoQuestion(
    "ru",
    "Можно ли продлить книгу по телефону, если срок возврата уже прошёл?",
    days_ago=1,
)
WAITING = [
    DemoQuestion(
        "uk",
        "Чи є у бібліотеці підшивки газет 1930-х років? Шукаю статті про моє село.",
        days_ago=2,
        email="mykola@example.org",
        name="Микола",
    ),
    DemoQuestion(
        "ro",
        "Organizați ateliere de lectură pentru copii în vacanța de vară?",
        days_ago=0,
        email="ioana@example.org",
        name="Ioana",
    ),
]


def _question(spec: DemoQuestion, reader=None, record=None) -> tuple[Question, bool]:
    asked = timezone.now() - timedelta(days=spec.days_ago, hours=3)
    return Question.objects.get_or_create(
        body=spec.body,
        language=spec.language,
        defaults={
            "reader": reader,
            "email": spec.email,
            "name": spec.name,
            "record": record,
            "created_at": asked,
            "confirmed_at": asked,
            "last_activity_at": asked,
        },
    )


def _answered_thread(reader, librarian) -> None:
    record = CatalogueRecord.objects.filter(pk=ANSWERED_RECORD).first()
    question, created = _question(ANSWERED, reader, record)
    if not created:
        return
    for kind, body, days_ago in ANSWERED_MESSAGES:
        message = Message.objects.create(
            question=question,
            kind=kind,
            author=librarian if kind == Message.Kind.ANSWER else reader,
            body=body,
            created_at=timezone.now() - timedelta(days=days_ago),
        )
        if kind == Message.Kind.ANSWER and record is not None:
            message.records.set([record])
        question.first_answered_at = question.first_answered_at or message.created_at
        question.last_activity_at = message.created_at
    question.status = Question.Status.ANSWERED
    question.assigned_to = librarian
    question.save()
    ServiceRating.objects.create(question=question, score=5, comment="Quick and kind, thank you!")


@transaction.atomic
def ensure_demo_questions() -> None:
    """Create whatever of the demo's questions is missing (the reader's only if the demo
    reader exists); a librarian's answers are the admin's if there is one."""
    users = get_user_model().objects
    reader = users.filter(username=READER_USERNAME).first()
    librarian = users.filter(username=ADMIN_USERNAME).first()
    if reader is not None:
        _answered_thread(reader, librarian)
        _question(OPEN, reader)
    for spec in WAITING:
        _question(spec)
