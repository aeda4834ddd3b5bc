"""Which quote of the week is shown: the one of the current ISO week, else the latest before it.

Quotes written for later weeks wait for their week. The clock is a parameter, so tests fix it.
"""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import Locale


def week_of(day: datetime.date) -> tuple[int, int]:
    """The ISO (year, week) of ``day``."""
    year, week, _weekday = day.isocalendar()
    return year, week


def today() -> datetime.date:
    """Today in the site's time zone."""
    return timezone.localdate()


def shown_quotes(locale: Locale, day: datetime.date) -> QuerySet:
    """The quotes of ``locale`` whose week has come by ``day``, newest week first."""
    from plugins.blog.models import QuoteOfTheWeek

    year, week = week_of(day)
    return QuoteOfTheWeek.objects.filter(locale=locale).filter(
        Q(year__lt=year) | Q(year=year, week__lte=week)
    )


def quote_of_the_week(locale: Locale, day: datetime.date | None = None):
    """The quote shown on ``day`` (today by default) in ``locale``, or None."""
    return shown_quotes(locale, day or today()).first()


def quote_for_week(locale: Locale, year: int, week: int):
    """The quote written for exactly this ISO week, or None."""
    from plugins.blog.models import QuoteOfTheWeek

    return QuoteOfTheWeek.objects.filter(locale=locale, year=year, week=week).first()
