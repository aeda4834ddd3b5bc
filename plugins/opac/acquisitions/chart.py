"""Readers' activity per week in the period — ratings, purchase suggestions, searches with no
result — drawn on the server as inline SVG (no script), with a table of the same figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Sum
from django.db.models.functions import TruncDate
from django.utils.translation import gettext as _

from plugins.opac.acquisitions.models import FailedSearch, PurchaseSuggestion
from plugins.opac.acquisitions.periods import Period
from plugins.opac.models import Rating

WIDTH, HEIGHT = 720, 240
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 12, 36  # margins for the axes' labels


@dataclass(frozen=True)
class Series:
    key: str  # its CSS class: chart__line--<key>
    label: str
    values: list[int]  # one per week


@dataclass(frozen=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True)
class Line:
    series: Series
    points: list[Point]

    @property
    def path(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


@dataclass(frozen=True)
class Chart:
    weeks: list[date]  # the Monday of each week
    series: list[Series]
    lines: list[Line]
    top: int  # the y axis' highest value
    ticks: list[tuple[float, int]]  # (y, value) of the y axis' labels
    week_labels: list[tuple[float, date]]  # (x, Monday) of the x axis' labels
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    bottom_y: int = HEIGHT - BOTTOM

    @property
    def rows(self) -> list[tuple[date, list[int]]]:
        """The figures week by week, for the table beside the drawing."""
        return [(week, [s.values[i] for s in self.series]) for i, week in enumerate(self.weeks)]


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly(period: Period) -> list[Series]:
    """Three queries, each counting by day in the database, summed here into weeks."""
    weeks = _weeks(period)
    index = {week: i for i, week in enumerate(weeks)}

    def per_week(by_day) -> list[int]:
        values = [0] * len(weeks)
        for day, count in by_day:
            values[index[monday(day)]] += count or 0
        return values

    ratings = _per_day(Rating.objects.all(), "rated_at", period)
    suggested = _per_day(PurchaseSuggestion.objects.all(), "created", period)
    failed = (
        FailedSearch.objects.filter(day__gte=period.since, day__lte=period.until)
        .values("day")
        .annotate(n=Sum("count"))
        .values_list("day", "n")
    )
    return [
        Series("ratings", _("Ratings"), per_week(ratings)),
        Series("suggestions", _("Purchase suggestions"), per_week(suggested)),
        Series("failed", _("Searches with no result"), per_week(failed)),
    ]


def _per_day(rows, field: str, period: Period):
    """How many rows have ``field`` (a date-time) on each day of the period, counted by the
    database."""
    in_period = rows.filter(**{f"{field}__gte": period.start, f"{field}__lt": period.end})
    return (
        in_period.annotate(on=TruncDate(field))
        .values("on")
        .annotate(n=Count("id"))
        .values_list("on", "n")
    )


def _weeks(period: Period) -> list[date]:
    first, last = monday(period.since), monday(period.until)
    return [first + timedelta(weeks=n) for n in range((last - first).days // 7 + 1)]


def _nice_top(highest: int) -> int:
    """1, 2 or 5 times a power of ten, at or above the highest value: the y axis' top."""
    power = 1
    while True:
        for multiple in (1, 2, 5):
            if power * multiple >= highest:
                return power * multiple
        power *= 10


def activity_chart(period: Period) -> Chart:
    series = weekly(period)
    weeks = _weeks(period)
    top = max(4, _nice_top(max((v for s in series for v in s.values), default=0)))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(weeks) - 1, 1)

    def x(i: int) -> float:
        return LEFT + i * step

    def y(value: int) -> float:
        return TOP + plot_h * (1 - value / top)

    lines = [Line(s, [Point(x(i), y(v)) for i, v in enumerate(s.values)]) for s in series]
    ticks = [(y(top * n // 4), top * n // 4) for n in range(5)]
    every = max(1, -(-len(weeks) // 8))  # at most 8 dates under the axis
    labels = [(x(i), week) for i, week in enumerate(weeks) if i % every == 0]
    return Chart(weeks, series, lines, top, ticks, labels)
