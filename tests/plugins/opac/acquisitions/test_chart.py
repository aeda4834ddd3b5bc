"""Readers' activity per week: weeks from Monday to Sunday across the period, a round top for
the y axis, one line per kind of activity."""

from __future__ import annotations

from datetime import date

import pytest

from plugins.opac.acquisitions.chart import _nice_top, _weeks, activity_chart, monday
from plugins.opac.acquisitions.models import FailedSearch
from plugins.opac.acquisitions.periods import Period

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("highest", "top"), [(0, 1), (1, 1), (3, 5), (7, 10), (12, 20), (45, 50), (101, 200)]
)
def test_the_y_axis_tops_at_one_two_or_five_times_a_power_of_ten(highest, top):
    assert _nice_top(highest) == top


def test_weeks_start_on_monday_and_cover_the_period():
    period = Period(date(2026, 11, 4), date(2026, 11, 23))  # a Wednesday to a Monday

    assert monday(date(2026, 11, 4)) == date(2026, 11, 2)
    assert _weeks(period) == [
        date(2026, 11, 2),
        date(2026, 11, 9),
        date(2026, 11, 16),
        date(2026, 11, 23),
    ]


def test_each_line_has_a_point_per_week_and_the_highest_is_drawn_below_the_top():
    FailedSearch.objects.create(query="dune", language="en", day=date(2026, 11, 10), count=7)
    period = Period(date(2026, 11, 2), date(2026, 11, 22))

    chart = activity_chart(period)

    assert [s.key for s in chart.series] == ["ratings", "suggestions", "failed"]
    assert chart.series[2].values == [0, 7, 0]
    assert chart.top == 10
    assert all(len(line.points) == 3 for line in chart.lines)
    failed = chart.lines[2].points
    assert failed[1].y < failed[0].y  # higher on the page: SVG's y grows downwards
