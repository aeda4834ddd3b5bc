"""The report's month: ``?month=2026-11``, the last full month by default, its bounds at
midnight in the site's time zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone

FIRST_YEAR, LAST_YEAR = 1900, 9998  # a month whose bounds every database can hold


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def next(self) -> Month:
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    @property
    def days(self) -> list[date]:
        first = self.first_day
        return [first + timedelta(days=n) for n in range((self.next.first_day - first).days)]

    @property
    def start(self) -> datetime:
        """Midnight of the first day, in the site's time zone."""
        return timezone.make_aware(datetime.combine(self.first_day, datetime.min.time()))

    @property
    def end(self) -> datetime:
        """Midnight of the next month's first day (not included)."""
        return self.next.start

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def last_full_month(today: date | None = None) -> Month:
    today = today or timezone.localdate()
    last_day = today.replace(day=1) - timedelta(days=1)
    return Month(last_day.year, last_day.month)


def parse_month(text: str) -> Month | None:
    """``YYYY-MM`` as a month, or None when it is not one."""
    year, dash, month = text.strip().partition("-")
    if not (dash and len(year) == 4 and year.isdigit() and month.isdigit() and len(month) == 2):
        return None
    if not (1 <= int(month) <= 12 and FIRST_YEAR <= int(year) <= LAST_YEAR):
        return None
    return Month(int(year), int(month))
