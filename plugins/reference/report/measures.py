"""The month's figures: questions asked (by source, language and topic), how fast they were
first answered, what was still open at the month's end, readers' ratings of the service, their
suggestions, and the knowledge base's "was this helpful?" votes. A fixed number of queries.

A question counts in the month it reached the library (``confirmed_at``); its first response
time runs from then to the first answer (or question back) a librarian sent.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from plugins.reference.models import (
    FaqVote,
    Question,
    ServiceRating,
    ServiceSuggestion,
    Topic,
)
from plugins.reference.report.months import Month

HOUR = timedelta(hours=1)


@dataclass(frozen=True)
class Table:
    """One of the report's tables, as the page shows it and the CSV export writes it."""

    key: str
    title: str
    columns: list[str]
    rows: list[list]


@dataclass
class MonthlyReport:
    month: Month
    asked: int = 0
    answered: int = 0
    open_at_end: int = 0
    median_hours: float | None = None
    mean_hours: float | None = None
    within_first_sla: float | None = None  # the share (0–1) of asked ones answered in time
    ratings: int = 0
    average_rating: float | None = None
    distribution: Counter = field(default_factory=Counter)  # ratings per score, 1 to 5
    rating_comments: list[tuple[int, str]] = field(default_factory=list)
    suggestions: int = 0
    helpful: int = 0
    not_helpful: int = 0
    per_day: list[tuple[date, int]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


def _hours(delta: timedelta) -> float:
    return delta / HOUR


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _median(values: list[float]) -> float | None:
    return _rounded(statistics.median(values)) if values else None


def _topic_names() -> dict:
    """Each topic's name in the site's language, by translation key."""
    topics = Topic.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    return {topic.translation_key: topic.name for topic in topics}


def monthly_report(month: Month) -> MonthlyReport:
    report = MonthlyReport(month)
    in_month = Q(confirmed_at__gte=month.start, confirmed_at__lt=month.end)
    questions = list(
        Question.objects.filter(in_month).values_list(
            "source",
            "language",
            "topic__translation_key",
            "topic__name",
            "confirmed_at",
            "first_answered_at",
        )
    )
    _questions(report, questions)
    report.open_at_end = (
        Question.objects.filter(confirmed_at__lt=month.end)
        .exclude(first_answered_at__lt=month.end)
        .exclude(closed_at__lt=month.end)
        .count()
    )
    _ratings(report, month)
    report.suggestions = ServiceSuggestion.objects.filter(
        created_at__gte=month.start, created_at__lt=month.end
    ).count()
    votes = FaqVote.objects.filter(created_at__gte=month.start, created_at__lt=month.end)
    tally = votes.aggregate(
        yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False))
    )
    report.helpful, report.not_helpful = tally["yes"], tally["no"]
    report.tables = _tables(report, questions)
    return report


def _questions(report: MonthlyReport, questions: list[tuple]) -> None:
    first_sla = timedelta(hours=settings.REFERENCE_SLA_HOURS[0])
    waits = [answered - asked for *_, asked, answered in questions if answered is not None]
    report.asked, report.answered = len(questions), len(waits)
    hours = [_hours(wait) for wait in waits]
    report.median_hours = _median(hours)
    report.mean_hours = _rounded(statistics.fmean(hours)) if hours else None
    if questions:
        report.within_first_sla = sum(wait <= first_sla for wait in waits) / len(questions)
    per_day = Counter(timezone.localtime(asked).date() for *_, asked, _answered in questions)
    report.per_day = [(day, per_day[day]) for day in report.month.days]


def _ratings(report: MonthlyReport, month: Month) -> None:
    ratings = ServiceRating.objects.filter(created_at__gte=month.start, created_at__lt=month.end)
    rows = list(ratings.order_by("created_at", "pk").values_list("score", "comment"))
    report.ratings = len(rows)
    report.average_rating = _rounded(statistics.fmean(s for s, _c in rows)) if rows else None
    report.distribution = Counter(score for score, _c in rows)
    report.rating_comments = [(score, comment) for score, comment in rows if comment.strip()]


def _tables(report: MonthlyReport, questions: list[tuple]) -> list[Table]:
    sources = Counter(source for source, *_ in questions)
    languages = Counter(language for _s, language, *_ in questions)
    names = _topic_names()
    by_topic: dict = defaultdict(list)
    for _s, _l, key, name, asked, answered in questions:
        by_topic[(key, names.get(key, name) if key else _("(no topic)"))].append((asked, answered))
    return [
        Table(
            "summary",
            _("The month in figures"),
            [_("Measure"), _("Value")],
            [
                [_("Questions asked"), report.asked],
                [_("Questions answered"), report.answered],
                [_("Median first response (hours)"), report.median_hours],
                [_("Mean first response (hours)"), report.mean_hours],
                [
                    _("Share answered within %(hours)s h")
                    % {"hours": settings.REFERENCE_SLA_HOURS[0]},
                    _percent(report.within_first_sla),
                ],
                [_("Still open at the month’s end"), report.open_at_end],
                [_("Suggestions received"), report.suggestions],
                [_("Knowledge base: helpful"), report.helpful],
                [_("Knowledge base: not helpful"), report.not_helpful],
            ],
        ),
        Table(
            "sources",
            _("Questions by source"),
            [_("Asked through"), _("Questions")],
            [[str(label), sources[value]] for value, label in Question.Source.choices],
        ),
        Table(
            "languages",
            _("Questions by language"),
            [_("Language"), _("Questions")],
            [[name, languages[code]] for code, name in settings.LANGUAGES if languages[code]],
        ),
        Table(
            "topics",
            _("Questions by topic"),
            [
                _("Topic"),
                pgettext("how many questions", "Asked"),
                pgettext("how many questions", "Answered"),
                _("Median first response (hours)"),
            ],
            [
                [
                    name,
                    len(pairs),
                    sum(answered is not None for _a, answered in pairs),
                    _median([_hours(b - a) for a, b in pairs if b is not None]),
                ]
                for (_key, name), pairs in sorted(by_topic.items(), key=lambda i: str(i[0][1]))
            ],
        ),
        Table(
            "satisfaction",
            _("Ratings of the service"),
            [_("Score"), _("Ratings")],
            [[score, report.distribution[score]] for score in range(5, 0, -1)],
        ),
        Table(
            "comments",
            _("Readers’ comments with their ratings"),
            [_("Score"), _("Comment")],
            [[score, comment] for score, comment in report.rating_comments],
        ),
        Table(
            "per_day",
            _("Questions per day"),
            [_("Day"), _("Questions")],
            [[day.isoformat(), count] for day, count in report.per_day],
        ),
    ]


def _percent(share: float | None) -> str | None:
    return None if share is None else f"{share * 100:.0f} %"
