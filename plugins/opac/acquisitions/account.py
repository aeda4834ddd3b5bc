"""The reader's purchase suggestions in My account and in their data download."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from plugins.opac.acquisitions.models import PurchaseSuggestion
from plugins.opac.acquisitions.suggestions import status_label
from plugins.opac.record_urls import CATALOGUE_PATH
from plugins.readers.extensions import AccountSection

SHOWN = 50  # suggestions listed in My account, the latest first


@dataclass(frozen=True)
class SuggestedTitle:
    title: str
    author: str
    created: object
    status: str


def suggested_titles(reader) -> dict:
    """The reader's latest suggestions, and where to make another."""
    rows = PurchaseSuggestion.objects.filter(reader=reader).order_by("-created", "-pk")[:SHOWN]
    return {
        "titles": [SuggestedTitle(s.title, s.author, s.created, status_label(s)) for s in rows],
        "suggest_url": suggest_url(get_language()),
    }


def suggestions_data(reader) -> list[dict]:
    rows = PurchaseSuggestion.objects.filter(reader=reader).order_by("created", "pk")
    return [
        {
            "title": s.title,
            "author": s.author,
            "isbn": s.isbn,
            "publisher": s.publisher,
            "year": s.year,
            "reason": s.reason,
            "language": s.language,
            "suggested_at": s.created.isoformat(),
            "sent_to_koha": s.sent,
            "koha_status": s.koha_status,
        }
        for s in rows
    ]


def suggest_url(language: str) -> str:
    """The suggestion form of the language's catalogue."""
    return f"/{language}/{CATALOGUE_PATH}/suggest/"


SUGGESTIONS_SECTION = AccountSection(
    key="purchase_suggestions",
    template="opac/account_suggestions.html",
    context=suggested_titles,
    personal_data=suggestions_data,
    removed=lambda: _("your suggestions of titles for the library to buy"),
    order=30,
)
