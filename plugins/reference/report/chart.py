"""Questions per day of the month as bars, drawn on the server as inline SVG (no script); the
page puts the same figures in a table beside it. (The acquisitions report's chart draws weekly
lines of its own measures; a month of days reads better as bars.)"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

WIDTH, HEIGHT = 720, 220
LEFT, RIGHT, TOP, BOTTOM = 40, 8, 12, 32  # room for the axes' labels
GAP = 0.2  # of each day's width, between its bar and the next


@dataclass(frozen=True)
class Bar:
    day: date
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class DayChart:
    bars: list[Bar]
    ticks: list[tuple[float, int]]  # (y, value) of the y axis' labels
    labels: list[tuple[float, int]]  # (x, day of the month) under the axis
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    bottom_y: int = HEIGHT - BOTTOM


def axis_top(highest: int) -> int:
    """The y axis' top: 5, 10, 20, 50, 100... the first at or above the highest bar, so that
    five steps of the axis are whole numbers."""
    power = 1
    while True:
        for multiple in (5, 10, 20):
            if power * multiple >= highest:
                return power * multiple
        power *= 10


def day_chart(per_day: list[tuple[date, int]]) -> DayChart:
    top = axis_top(max((count for _day, count in per_day), default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(per_day), 1)
    bottom = TOP + plot_h
    bars = [
        Bar(
            day,
            count,
            LEFT + i * step + step * GAP / 2,
            bottom - plot_h * count / top,
            step * (1 - GAP),
            plot_h * count / top,
        )
        for i, (day, count) in enumerate(per_day)
    ]
    ticks = [(bottom - plot_h * value / top, value) for value in range(0, top + 1, top // 5)]
    labels = [
        (bar.x + bar.width / 2, bar.day.day)
        for bar in bars
        if bar.day.day == 1 or bar.day.day % 5 == 0
    ]
    return DayChart(bars, ticks, labels)
