"""A record as lists show it (results, new acquisitions, the home page's shelf): link, cover,
authors, year, format and language, in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Avg, Count, Q
from django.utils.translation import get_language

from plugins.opac.covers import Cover, cover_of
from plugins.opac.details import details_of
from plugins.opac.models import CatalogueRecord
from plugins.opac.names import format_name, language_name
from plugins.opac.ratings import RatingSummary, summaries
from plugins.opac.record_urls import record_url


@dataclass(frozen=True)
class RecordCard:
    record: CatalogueRecord
    url: str
    cover: Cover
    authors: tuple[str, ...]  # as catalogued: "Dickens, Charles"
    format: str
    language: str
    rating: RatingSummary | None = None  # readers' stars, where the list shows them

    @property
    def title(self) -> str:
        return self.record.title


def main_authors(record: CatalogueRecord) -> tuple[str, ...]:
    """The authors, or the first person named when the record has none (an editor...)."""
    named = [a["name"] for a in record.authors if a.get("role", "author") == "author"]
    return tuple(named or [a["name"] for a in record.authors[:1]])


def card_of(
    record: CatalogueRecord, language: str | None = None, rating: RatingSummary | None = None
) -> RecordCard:
    details = details_of(record)
    return RecordCard(
        record=record,
        url=record_url(record.biblio_id, record.title, language or get_language()),
        cover=cover_of(record, details.cover_url if details else ""),
        authors=main_authors(record),
        format=format_name(record.format),
        language=language_name(record.language) if record.language else "",
        rating=rating,
    )


def rated_cards(records: list[CatalogueRecord]) -> list[RecordCard]:
    """Cards with the readers' ratings: one query for the whole list."""
    found = summaries(record.biblio_id for record in records)
    return [card_of(record, rating=found.get(record.biblio_id)) for record in records]


def cards_of(biblio_ids: list[int]) -> list[RecordCard]:
    """Cards of these records, in this order, with their ratings: one query."""
    counted = Q(ratings__reader__is_active=True)
    found = CatalogueRecord.objects.filter(biblio_id__in=biblio_ids).annotate(
        average=Avg("ratings__stars", filter=counted),
        ratings_count=Count("ratings", filter=counted),
    )
    by_id = {record.biblio_id: record for record in found}
    return [
        card_of(
            record,
            rating=RatingSummary(record.average, record.ratings_count)
            if record.ratings_count
            else None,
        )
        for record in (by_id[i] for i in biblio_ids if i in by_id)
    ]
