"""What the catalogue adds to a reader's account (plugins.readers.extensions): their ratings."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from plugins.opac.models import Rating
from plugins.opac.record_urls import record_url
from plugins.readers.extensions import AccountSection

SHOWN = 50  # ratings listed in My account, the latest first


@dataclass(frozen=True)
class RatedTitle:
    title: str
    url: str
    stars: int
    rated_at: object


def rated_titles(reader) -> list[RatedTitle]:
    rows = Rating.objects.filter(reader=reader).select_related("record").order_by("-rated_at")
    language = get_language()
    return [
        RatedTitle(
            r.record.title, record_url(r.record_id, r.record.title, language), r.stars, r.rated_at
        )
        for r in rows[:SHOWN]
    ]


def ratings_data(reader) -> list[dict]:
    rows = Rating.objects.filter(reader=reader).select_related("record").order_by("record_id")
    return [
        {
            "biblio_id": r.record_id,
            "title": r.record.title,
            "stars": r.stars,
            "rated_at": r.rated_at.isoformat(),
        }
        for r in rows
    ]


RATINGS_SECTION = AccountSection(
    key="ratings",
    template="opac/account_ratings.html",
    context=rated_titles,
    personal_data=ratings_data,
    removed=lambda: _("your ratings of titles in the catalogue"),
    order=10,
)
