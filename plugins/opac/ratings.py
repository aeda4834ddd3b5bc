"""Readers' ratings of records: 1 to 5 stars, one per reader per record, changeable and
removable; what the record page, the results and lists show of them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Avg, Count

from plugins.opac.models import CatalogueRecord, Rating


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


def summaries(biblio_ids: Iterable[int]) -> dict[int, RatingSummary]:
    """The rated records among ``biblio_ids``, with their average and count: one query."""
    rows = (
        Rating.objects.filter(record_id__in=list(biblio_ids))
        .values("record_id")
        .annotate(average=Avg("stars"), count=Count("id"))
    )
    return {row["record_id"]: RatingSummary(row["average"], row["count"]) for row in rows}


def summary_of(biblio_id: int) -> RatingSummary | None:
    return summaries([biblio_id]).get(biblio_id)


def stars_of(reader, biblio_id: int) -> int | None:
    """The reader's own rating of the record, if they are signed in and gave one."""
    if not reader.is_authenticated:
        return None
    return (
        Rating.objects.filter(reader=reader, record_id=biblio_id)
        .values_list("stars", flat=True)
        .first()
    )


def parse_stars(raw: str | None) -> int | None:
    """The stars a form sent, or None for anything but a whole number from 1 to 5."""
    try:
        stars = int((raw or "").strip())
    except ValueError:
        return None
    return stars if stars in Rating.STARS else None


def rate(reader, record: CatalogueRecord, stars: int) -> None:
    """Give or change the reader's rating of the record."""
    Rating.objects.update_or_create(reader=reader, record=record, defaults={"stars": stars})


def unrate(reader, record: CatalogueRecord) -> bool:
    """Remove the reader's rating of the record; whether there was one."""
    return Rating.objects.filter(reader=reader, record=record).delete()[0] > 0
