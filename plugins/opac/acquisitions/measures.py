"""The report's tables ("measures"): each a label, its columns and a function of the period.

Built in: most wanted (readers' "want to read" shelvings), most rated, most held (Koha's
holds), searches with no result, purchase suggestions. Other plugins add theirs with
``register_measure`` from their AppConfig.ready().
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Avg, Case, Count, IntegerField, Max, Min, Q, Sum, Value, When
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _

from koha_bridge.client import KohaClient, KohaError
from koha_bridge.client.session import ONE_TRY
from plugins.opac.acquisitions.models import FailedSearch, PurchaseSuggestion
from plugins.opac.acquisitions.periods import Period
from plugins.opac.models import CatalogueRecord, Rating
from plugins.opac.shelves import most_wanted

log = logging.getLogger(__name__)

SHOWN = 20  # rows of each table on the report's page; the exports have them all
HOLDS_CACHE_SECONDS = 300


@dataclass(frozen=True)
class Column:
    key: str
    label: str


@dataclass
class Table:
    """A measure's rows for a period; ``unavailable`` says why there are none when its source
    could not be asked."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    unavailable: str = ""


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    columns: tuple[Column, ...]
    table: Callable[[Period, int | None], Table]  # (period, at most this many rows or all)
    order: int = 100


_measures: dict[str, Measure] = {}


def register_measure(measure: Measure) -> None:
    _measures[measure.key] = measure


def measures() -> list[Measure]:
    return sorted(_measures.values(), key=lambda measure: (measure.order, measure.key))


def measure(key: str) -> Measure | None:
    return _measures.get(key)


def _limited(rows, limit: int | None):
    return rows[:limit] if limit else rows


def most_wanted_table(period: Period, limit: int | None) -> Table:
    """Records put on readers' "want to read" shelves in the period; one query."""
    found = most_wanted(period.start, period.end, limit or 1_000_000_000)
    return Table([{"title": r.title, "biblio_id": r.biblio_id, "times": n} for r, n in found])


def most_rated(period: Period, limit: int | None) -> Table:
    """Records rated in the period: how many ratings, their average; one query."""
    rows = (
        Rating.objects.filter(rated_at__gte=period.start, rated_at__lt=period.end)
        .values("record_id", "record__title")
        .annotate(times=Count("id"), average=Avg("stars"))
        .order_by("-times", "-average", "record__title")
    )
    return Table(
        [
            {
                "title": row["record__title"],
                "biblio_id": row["record_id"],
                "times": row["times"],
                "average": round(row["average"], 2),
            }
            for row in _limited(rows, limit)
        ]
    )


def holds_per_record(period: Period) -> Counter:
    """Holds placed in the period per record, as Koha lists them; kept HOLDS_CACHE_SECONDS, so
    the page, its exports and its next visits ask Koha once. KohaError when Koha cannot say."""
    key = f"opac:acquisitions:holds:{period.since}:{period.until}"
    counted = cache.get(key)
    if counted is None:
        holds = KohaClient(settings.KOHA, retry=ONE_TRY).holds_placed(period.since, period.until)
        counted = Counter(h["biblio_id"] for h in holds if h.get("biblio_id") is not None)
        cache.set(key, counted, HOLDS_CACHE_SECONDS)
    return counted


def most_held(period: Period, limit: int | None) -> Table:
    """Records with holds placed in the period, from Koha, counted per record; the titles in
    one query. When Koha cannot be asked, the table says so."""
    try:
        counted = holds_per_record(period)
    except KohaError as error:
        log.warning("acquisitions report: holds unavailable error=%s", type(error).__name__)
        return Table(unavailable=_("Koha cannot be reached just now: holds cannot be counted."))
    best = counted.most_common(limit)
    titles = CatalogueRecord.objects.in_bulk([biblio_id for biblio_id, _ in best])
    return Table(
        [
            {
                "title": titles[biblio_id].title if biblio_id in titles else "",
                "biblio_id": biblio_id,
                "times": times,
            }
            for biblio_id, times in best
        ]
    )


def failed_searches(period: Period, limit: int | None) -> Table:
    """The words of searches that found nothing, per language, most often first; one query."""
    rows = (
        FailedSearch.objects.filter(day__gte=period.since, day__lte=period.until)
        .values("query", "language")
        .annotate(times=Sum("count"))
        .order_by("-times", "query", "language")
    )
    return Table(
        [
            {
                "query": row["query"],
                "language": _language_name(row["language"]),
                "times": row["times"],
            }
            for row in _limited(rows, limit)
        ]
    )


def _language_name(code: str) -> str:
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


# Koha's statuses from the least to the furthest along; 0: not sent to Koha yet.
_STATUS_RANK = {
    "ASKED": 1,
    "CHECKED": 2,
    "REJECTED": 3,
    "ACCEPTED": 4,
    "ORDERED": 5,
    "AVAILABLE": 6,
}


def _status_name(rank: int) -> str:
    return {
        0: _("waiting to be sent to Koha"),
        1: _("asked"),
        2: _("checked"),
        3: _("rejected"),
        4: _("accepted"),
        5: _("ordered"),
        6: _("available"),
    }[rank]


def purchase_suggestions(period: Period, limit: int | None) -> Table:
    """Titles readers suggested in the period, however typed, most often first, with the
    furthest status Koha gave them; one query."""
    rank = Case(
        *(When(koha_status=status, then=Value(n)) for status, n in _STATUS_RANK.items()),
        When(koha_suggestion_id=None, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    rows = (
        PurchaseSuggestion.objects.filter(created__gte=period.start, created__lt=period.end)
        .values("title_key")
        .annotate(
            title=Min("title"),
            author=Max("author"),
            times=Count("id"),
            rank=Max(rank),
            waiting=Count("id", filter=Q(koha_suggestion_id=None)),
        )
        .order_by("-times", "title_key")
    )
    return Table(
        [
            {
                "title": row["title"],
                "author": row["author"],
                "times": row["times"],
                "status": _status_name(row["rank"]),
            }
            for row in _limited(rows, limit)
        ]
    )


TITLE = Column("title", gettext_lazy("Title"))
BIBLIO_ID = Column("biblio_id", gettext_lazy("Koha biblionumber"))
TIMES = Column("times", gettext_lazy("Times"))

for built_in in (
    Measure(
        "most_wanted",
        gettext_lazy("Most wanted"),
        (TITLE, BIBLIO_ID, Column("times", gettext_lazy("Readers who want it"))),
        most_wanted_table,
        order=5,
    ),
    Measure(
        "most_rated",
        gettext_lazy("Most rated"),
        (
            TITLE,
            BIBLIO_ID,
            Column("times", gettext_lazy("Ratings")),
            Column("average", gettext_lazy("Average stars")),
        ),
        most_rated,
        order=10,
    ),
    Measure(
        "most_held",
        gettext_lazy("Most held"),
        (TITLE, BIBLIO_ID, Column("times", gettext_lazy("Holds placed"))),
        most_held,
        order=20,
    ),
    Measure(
        "failed_searches",
        gettext_lazy("Searches with no result"),
        (
            Column("query", gettext_lazy("Words searched")),
            Column("language", gettext_lazy("Language")),
            TIMES,
        ),
        failed_searches,
        order=30,
    ),
    Measure(
        "purchase_suggestions",
        gettext_lazy("Purchase suggestions"),
        (
            TITLE,
            Column("author", gettext_lazy("Author")),
            Column("times", gettext_lazy("Times suggested")),
            Column("status", gettext_lazy("Status")),
        ),
        purchase_suggestions,
        order=40,
    ),
):
    register_measure(built_in)
