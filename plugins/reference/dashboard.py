"""The reference panel on the Wagtail admin's home page: what waits for the librarians (new,
assigned to me, waiting for the reader, late and very late) and the reader who has waited
longest, each leading to the queue filtered to it. Two queries, whatever the number."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.ui.components import Component

from plugins.reference.models import Question
from plugins.reference.queue_filters import AMBER, MINE, RED
from plugins.reference.sla import ON_THE_LIBRARY, level_of, limits, with_waiting_since
from plugins.reference.threads import OPEN

Status = Question.Status
SECOND = timedelta(seconds=1)


@dataclass(frozen=True)
class Item:
    key: str
    label: str
    count: int
    url: str
    level: str = ""  # the SLA colour it stands for, if any


def waiting_counts(user) -> dict[str, int]:
    """How many confirmed questions are in each state a librarian cares about, in one query."""
    first, second = limits()
    now = timezone.now()
    on_library = Q(status__in=ON_THE_LIBRARY)
    questions = with_waiting_since(Question.objects.filter(confirmed_at__isnull=False))
    return questions.aggregate(
        new=Count("pk", filter=Q(status=Status.NEW)),
        mine=Count("pk", filter=Q(status__in=OPEN, assigned_to=user)),
        waiting=Count("pk", filter=Q(status=Status.WAITING)),
        amber=Count(
            "pk",
            filter=on_library & Q(waiting_since__lt=now - first, waiting_since__gte=now - second),
        ),
        red=Count("pk", filter=on_library & Q(waiting_since__lt=now - second)),
    )


def oldest_waiting() -> Question | None:
    return (
        with_waiting_since(
            Question.objects.filter(confirmed_at__isnull=False, status__in=ON_THE_LIBRARY)
        )
        .order_by("waiting_since", "pk")
        .first()
    )


class ReferencePanel(Component):
    name = "reference"
    template_name = "reference/admin/dashboard_panel.html"
    order = 40  # above the moderation panel: a reader is waiting

    def __init__(self, user) -> None:
        self.user = user

    def get_context_data(self, parent_context=None) -> dict:
        queue = reverse("reference_queue")
        counts = waiting_counts(self.user)
        first, second = limits()
        oldest = oldest_waiting()
        return {
            "items": [
                Item(
                    "new",
                    pgettext_lazy("questions", "New"),
                    counts["new"],
                    f"{queue}?status={Status.NEW}",
                ),
                Item("mine", _("Assigned to me"), counts["mine"], f"{queue}?assigned={MINE}"),
                Item(
                    "waiting",
                    _("Waiting for the reader"),
                    counts["waiting"],
                    f"{queue}?status={Status.WAITING}",
                ),
                Item(
                    AMBER,
                    level_of(first + SECOND).word,
                    counts["amber"],
                    f"{queue}?late={AMBER}",
                    AMBER,
                ),
                Item(
                    RED, level_of(second + SECOND).word, counts["red"], f"{queue}?late={RED}", RED
                ),
            ],
            "oldest": oldest,
            "oldest_level": oldest and level_of(timezone.now() - oldest.waiting_since),
            "queue_url": queue,
        }
