"""The library's weekly periods answer "is it open now?" and "when does it open next?"."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Site

from library_site.core.models import LibrarySettings, OpeningPeriod
from library_site.core.opening_hours import Period, library_is_open, opening_at

KYIV = ZoneInfo("Europe/Kyiv")
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
WEEK = [Period(day, datetime.time(9), datetime.time(20)) for day in (MON, TUE, WED, THU, FRI)]
WEEK.append(Period(SAT, datetime.time(10), datetime.time(18)))


@pytest.fixture(autouse=True)
def kyiv_time(settings):
    settings.TIME_ZONE = "Europe/Kyiv"


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=KYIV)


def test_open_on_a_weekday_within_its_period_and_closed_outside_it():
    # 2026-12-02 is a Wednesday.
    assert opening_at(WEEK, at(2026, 12, 2, 9, 0)).open
    assert opening_at(WEEK, at(2026, 12, 2, 19, 59)).open
    assert not opening_at(WEEK, at(2026, 12, 2, 20, 0)).open
    assert opening_at(WEEK, at(2026, 12, 2, 8, 59)).next_opening == at(2026, 12, 2, 9, 0)


def test_after_saturday_the_next_opening_is_monday_morning():
    closed = opening_at(WEEK, at(2026, 12, 5, 18, 30))

    assert not closed.open
    assert closed.next_opening == at(2026, 12, 7, 9, 0)


def test_several_periods_a_day_leave_the_break_closed():
    lunch = [
        Period(WED, datetime.time(9), datetime.time(13)),
        Period(WED, datetime.time(14), datetime.time(18)),
    ]

    assert opening_at(lunch, at(2026, 12, 2, 12, 59)).open
    during = opening_at(lunch, at(2026, 12, 2, 13, 30))
    assert not during.open and during.next_opening == at(2026, 12, 2, 14, 0)
    assert opening_at(lunch, at(2026, 12, 2, 14, 0)).open


def test_a_period_closing_at_midnight_holds_until_the_day_ends():
    late = [Period(FRI, datetime.time(18), datetime.time(0))]

    assert opening_at(late, at(2026, 12, 4, 23, 59)).open
    after = opening_at(late, at(2026, 12, 5, 0, 0))
    assert not after.open and after.next_opening == at(2026, 12, 11, 18, 0)


def test_periods_are_wall_clock_times_in_the_sites_time_zone():
    utc = datetime.UTC
    # 9:00 in Kyiv in winter is 7:00 UTC.
    assert opening_at(WEEK, datetime.datetime(2026, 12, 2, 7, 0, tzinfo=utc)).open
    assert not opening_at(WEEK, datetime.datetime(2026, 12, 2, 6, 59, tzinfo=utc)).open


def test_summer_time_moves_the_opening_by_an_hour_in_utc():
    # Summer time begins in Kyiv on Sunday 2027-03-28: Monday opens at 9:00 EEST, 6:00 UTC.
    saturday_night = at(2027, 3, 27, 22, 0)
    next_opening = opening_at(WEEK, saturday_night).next_opening

    assert next_opening == at(2027, 3, 29, 9, 0)
    assert next_opening.astimezone(datetime.UTC).hour == 6
    assert at(2027, 3, 26, 9, 0).astimezone(datetime.UTC).hour == 7  # the Friday before


def test_no_periods_means_never_open_and_no_next_opening():
    assert opening_at([], at(2026, 12, 2, 12, 0)).next_opening is None


def test_a_library_that_entered_no_periods_counts_as_open(db):
    site = Site.objects.get(is_default_site=True)
    LibrarySettings.for_site(site).opening_periods.all().delete()

    assert library_is_open(site, at(2026, 12, 6, 3, 0)).open


def test_the_site_library_periods_are_asked(db):
    site = Site.objects.get(is_default_site=True)
    library = LibrarySettings.for_site(site)
    library.opening_periods.all().delete()
    OpeningPeriod.objects.create(
        settings=library, weekday=WED, opens=datetime.time(9), closes=datetime.time(20)
    )

    assert library_is_open(site, at(2026, 12, 2, 10, 0)).open
    assert library_is_open(site, at(2026, 12, 3, 10, 0)).next_opening == at(2026, 12, 9, 9, 0)


def test_a_period_must_close_after_it_opens():
    period = OpeningPeriod(weekday=MON, opens=datetime.time(18), closes=datetime.time(9))

    with pytest.raises(ValidationError) as refused:
        period.clean()
    assert "closes" in refused.value.message_dict
    OpeningPeriod(weekday=MON, opens=datetime.time(18), closes=datetime.time(0)).clean()
