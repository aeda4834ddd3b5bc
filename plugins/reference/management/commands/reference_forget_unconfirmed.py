"""Delete anonymous questions whose address was never confirmed, a week after they were asked."""

from __future__ import annotations

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from plugins.reference.models import Question

KEPT_DAYS = 7


def forget_unconfirmed(days: int = KEPT_DAYS) -> int:
    """Delete the unconfirmed questions older than ``days``; how many went."""
    cutoff = timezone.now() - timedelta(days=days)
    _total, by_model = Question.objects.filter(
        reader__isnull=True, confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return by_model.get(Question._meta.label, 0)


class Command(BaseCommand):
    help = (
        "Delete anonymous questions whose asker never followed the confirmation link "
        f"(asked more than {KEPT_DAYS} days ago by default)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--days", type=int, default=KEPT_DAYS, help="keep younger ones")

    def handle(self, *args, days: int, **options) -> None:
        self.stdout.write(f"unconfirmed questions deleted: {forget_unconfirmed(days)}")
