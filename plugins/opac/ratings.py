"""Readers' ratings of records: 1 to 5 stars, one per reader per record, changeable and
removable; what the record page, the results and lists show of them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Avg, Count, Max, Q, QuerySet

from plugins.opac.jobs import later
from plugins.opac.models import CatalogueRecord, Rating
from plugins.opac.recommendations.stored import update_after


@dataclass(frozen=True)
class RatingSummary:
    average: float
    count: int

    @property
    def rounded(self) -> float:
        """The average to one decimal, as it is shown ("4.3")."""
        return round(self.average, 1)

    @property
    def whole_stars(self) -> int:
        """The stars drawn full, the average rounded to the nearest star."""
        return int(self.average + 0.5)


def counted() -> QuerySet[Rating]:
    """The ratings that count: a blocked reader's leave averages and recommendations until
    they are unblocked."""
    return Rating.objects.filter(reader__is_active=True)


def summaries(biblio_ids: Iterable[int]) -> dict[int, RatingSummary]:
    """The rated records among ``biblio_ids``, with their average and count: one query."""
    rows = (
        counted()
        .filter(record_id__in=list(biblio_ids))
        .values("record_id")
        .annotate(average=Avg("stars"), count=Count("id"))
    )
    return {row["record_id"]: RatingSummary(row["average"], row["count"]) for row in rows}


def rating_of(biblio_id: int, reader) -> tuple[RatingSummary | None, int | None]:
    """The record's average and count, and the reader's own stars if they gave some: one
    query."""
    # Nobody's stars for a visitor: no reader has the id None.
    mine = Max("stars", filter=Q(reader_id=reader.pk if reader.is_authenticated else None))
    found = (
        counted()
        .filter(record_id=biblio_id)
        .aggregate(average=Avg("stars"), count=Count("id"), mine=mine)
    )
    summary = RatingSummary(found["average"], found["count"]) if found["count"] else None
    return summary, found["mine"]


def parse_stars(raw: str | None) -> int | None:
    """The stars a form sent, or None for anything but a whole number from 1 to 5."""
    try:
        stars = int((raw or "").strip())
    except ValueError:
        return None
    return stars if stars in Rating.STARS else None


def rate(reader, record: CatalogueRecord, stars: int) -> None:
    """Give or change the reader's rating of the record; recommendations follow after."""
    Rating.objects.update_or_create(reader=reader, record=record, defaults={"stars": stars})
    later(update_after, reader.pk, record.pk)


def unrate(reader, record: CatalogueRecord) -> bool:
    """Remove the reader's rating of the record; whether there was one."""
    removed = Rating.objects.filter(reader=reader, record=record).delete()[0] > 0
    if removed:
        later(update_after, reader.pk, record.pk)
    return removed
