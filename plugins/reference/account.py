"""What the reference service adds to a reader's account (plugins.readers.extensions): their
questions to the librarians and the answers."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from plugins.readers.extensions import AccountSection
from plugins.reference.models import Message, Question

SHOWN = 50  # threads listed in My account, the latest first


def recent_threads(reader, shown: int = SHOWN) -> list[Question]:
    """The reader's threads, the one with the latest news first; none for a visitor."""
    if not reader.is_authenticated:
        return []
    return list(
        Question.objects.filter(reader=reader)
        .only("body", "language", "status", "access_key", "last_activity_at")
        .order_by("-last_activity_at")[:shown]
    )


def questions_data(reader) -> list[dict]:
    """Every question of the reader and what was said in it, internal notes left out."""
    said = Message.objects.exclude(kind=Message.Kind.NOTE).order_by("created_at", "pk")
    rows = (
        Question.objects.filter(reader=reader)
        .prefetch_related(Prefetch("messages", queryset=said, to_attr="said"))
        .order_by("created_at")
    )
    return [
        {
            "asked_at": question.created_at.isoformat(),
            "question": question.body,
            "language": question.language,
            "record": question.record_id,
            "status": question.status,
            "consent_to_publish": question.consent_to_publish,
            "messages": [
                {
                    "kind": message.kind,
                    "text": message.body,
                    "written_at": message.created_at.isoformat(),
                    "in_live_chat": message.via_chat,
                }
                for message in question.said
            ],
        }
        for question in rows
    ]


QUESTIONS_SECTION = AccountSection(
    key="questions",
    template="reference/account_questions.html",
    context=recent_threads,
    personal_data=questions_data,
    removed=lambda: _("your questions to the librarians and their answers"),
    order=60,
)
