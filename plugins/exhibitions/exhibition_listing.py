"""Exhibitions as lists show them: grouped by current, upcoming and past, and on the home page."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.translation import get_language

from plugins.exhibitions.exhibition_pages import ExhibitionIndexPage, ExhibitionPage
from plugins.exhibitions.exhibition_visibility import unrestricted

ON_HOME = 3


@dataclass(frozen=True)
class Groups:
    current: list[ExhibitionPage] = field(default_factory=list)  # closing soonest first
    upcoming: list[ExhibitionPage] = field(default_factory=list)  # opening soonest first
    past: list[ExhibitionPage] = field(default_factory=list)  # most recent first

    def __bool__(self) -> bool:
        return bool(self.current or self.upcoming or self.past)


def grouped(exhibitions, today: datetime.date | None = None) -> Groups:
    """The exhibitions (one query) sorted into their groups."""
    today = today or timezone.localdate()
    groups = Groups()
    for exhibition in exhibitions:
        getattr(groups, exhibition.status(today)).append(exhibition)
    groups.current.sort(key=lambda e: (e.closes or datetime.date.max, e.opens, e.pk))
    groups.upcoming.sort(key=lambda e: (e.opens, e.pk))
    groups.past.sort(key=lambda e: (e.closes, e.opens, e.pk), reverse=True)
    return groups


def exhibitions_page(language: str | None = None) -> ExhibitionIndexPage | None:
    """The exhibitions page of the active language."""
    language = language or get_language()
    return ExhibitionIndexPage.objects.live().filter(locale__language_code=language).first()


def on_home(language: str | None = None, limit: int = ON_HOME) -> list[ExhibitionPage]:
    """Current exhibitions, then upcoming ones, each by opening date, at most ``limit``: one
    query."""
    today = timezone.localdate()
    upcoming = Case(When(opens__gt=today, then=Value(1)), default=Value(0))
    return list(
        unrestricted(ExhibitionPage.objects.live())
        .filter(locale__language_code=language or get_language())
        .filter(Q(closes__isnull=True) | Q(closes__gte=today))
        .select_related("cover")
        .order_by(upcoming, "opens", "pk")[:limit]
    )
