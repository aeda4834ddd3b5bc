"""The library's weekly opening periods, asked: is it open at a moment, and when does it open next?

Periods are wall-clock times in settings.TIME_ZONE, so a period keeps its hours across a change
to or from summer time. The live chat asks through REFERENCE_OPENING_HOURS.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings

from library_site.core.models import LibrarySettings
from plugins.reference.hours import ALWAYS_OPEN, Opening

DAYS_AHEAD = 8  # a week from now, and the rest of today's weekday a week on


@dataclass(frozen=True)
class Period:
    """Open on ``weekday`` (0 is Monday) from ``opens`` until ``closes`` (0:00: midnight)."""

    weekday: int
    opens: datetime.time
    closes: datetime.time


def library_is_open(site, now: datetime.datetime) -> Opening:
    """The site's library at ``now``; always open while it has entered no periods."""
    if site is None:
        return ALWAYS_OPEN
    library = LibrarySettings.for_site(site)
    periods = [
        Period(period.weekday, period.opens, period.closes)
        for period in library.opening_periods.all()
    ]
    return opening_at(periods, now) if periods else ALWAYS_OPEN


def opening_at(periods: Iterable[Period], now: datetime.datetime) -> Opening:
    """Whether one of ``periods`` holds ``now``, or else the next time one begins."""
    periods = list(periods)
    zone = ZoneInfo(settings.TIME_ZONE)
    for start, end in _spans(periods, now.astimezone(zone).date() - datetime.timedelta(1), zone):
        if start <= now < end:
            return Opening(open=True)
        if start > now:
            return Opening(open=False, next_opening=start)
    return Opening(open=False)


def _spans(
    periods: list[Period], first_day: datetime.date, zone: ZoneInfo
) -> Iterator[tuple[datetime.datetime, datetime.datetime]]:
    """The periods as moments, day by day from ``first_day``, in order."""
    for offset in range(DAYS_AHEAD + 1):
        day = first_day + datetime.timedelta(offset)
        today = sorted((p for p in periods if p.weekday == day.weekday()), key=lambda p: p.opens)
        for period in today:
            start = datetime.datetime.combine(day, period.opens, zone)
            end_day = day + datetime.timedelta(1) if period.closes == datetime.time(0) else day
            yield start, datetime.datetime.combine(end_day, period.closes, zone)
