"""What the catalogue adds to a reader's account (plugins.readers.extensions): titles offered
to them, their ratings."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from plugins.opac.cards import RecordCard, cards_of
from plugins.opac.models import NotInterested, Rating
from plugins.opac.recommendations.shown import for_you
from plugins.opac.record_urls import catalogue_url, record_url
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


@dataclass(frozen=True)
class HiddenTitle:
    biblio_id: int
    title: str
    url: str


@dataclass(frozen=True)
class ForYou:
    cards: list[RecordCard]  # offered, best first
    hidden: list[HiddenTitle]  # marked "not interested", the latest first
    post_to: str  # where the "not interested" forms post, the record's id appended


def offered(reader) -> ForYou:
    language = get_language()
    rows = NotInterested.objects.filter(reader=reader).select_related("record")
    return ForYou(
        cards=cards_of(for_you(reader)),
        hidden=[
            HiddenTitle(
                row.record_id,
                row.record.title,
                record_url(row.record_id, row.record.title, language),
            )
            for row in rows.order_by("-marked_at")[:SHOWN]
        ],
        post_to=catalogue_url(language, "not-interested/"),
    )


def not_interested_data(reader) -> list[dict]:
    rows = NotInterested.objects.filter(reader=reader).select_related("record")
    return [
        {
            "biblio_id": row.record_id,
            "title": row.record.title,
            "marked_at": row.marked_at.isoformat(),
        }
        for row in rows.order_by("record_id")
    ]


FOR_YOU_SECTION = AccountSection(
    key="not_interested",
    template="opac/account_for_you.html",
    stylesheets=("opac/catalogue.css",),  # the record cards
    context=offered,
    personal_data=not_interested_data,
    removed=lambda: _("the titles you asked the catalogue not to offer you"),
    order=5,
)
