"""A reader's reviews of catalogue records in their account (plugins.readers.extensions): each
with its title, its state and a link to it on the record's page; in the data download too."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_comments_xtd.models import XtdComment

from plugins.opac.models import CatalogueRecord
from plugins.opac.record_urls import record_url
from plugins.readers.extensions import AccountSection

SHOWN = 50  # reviews listed in My account, the latest first


@dataclass(frozen=True)
class Review:
    title: str
    url: str  # the review in place on the record's page
    text: str
    submitted: datetime
    state: str  # published, waiting for a librarian, taken down


def _state(comment: XtdComment) -> str:
    if comment.is_removed:
        return _("taken down by a librarian")
    return _("published") if comment.is_public else _("waiting for a librarian")


def _reviews(reader, limit: int | None) -> list[tuple[XtdComment, CatalogueRecord]]:
    """The reader's comments on records with their records: two queries."""
    comments = XtdComment.objects.filter(
        user=reader,
        site_id=settings.SITE_ID,
        content_type=ContentType.objects.get_for_model(CatalogueRecord),
    ).order_by("-submit_date")
    comments = list(comments[:limit] if limit else comments)
    ids = {int(c.object_pk) for c in comments if c.object_pk.isdigit()}
    records = CatalogueRecord.objects.only("biblio_id", "title").in_bulk(ids)
    return [(c, records[int(c.object_pk)]) for c in comments if int(c.object_pk) in records]


def reviews_of(reader) -> list[Review]:
    language = get_language()
    return [
        Review(
            record.title,
            f"{record_url(record.biblio_id, record.title, language)}#c{comment.pk}",
            comment.comment,
            comment.submit_date,
            _state(comment),
        )
        for comment, record in _reviews(reader, SHOWN)
    ]


def reviews_data(reader) -> list[dict]:
    return [
        {
            "biblio_id": record.biblio_id,
            "title": record.title,
            "text": comment.comment,
            "submitted": comment.submit_date.isoformat(),
            "published": comment.is_public and not comment.is_removed,
        }
        for comment, record in _reviews(reader, None)
    ]


REVIEWS_SECTION = AccountSection(
    key="reviews",
    template="opac/account_reviews.html",
    context=reviews_of,
    personal_data=reviews_data,
    removed=lambda: _("your reviews of titles in the catalogue (taken down from their pages)"),
    order=15,
)
