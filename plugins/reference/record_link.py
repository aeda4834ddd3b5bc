"""A catalogue record page's "Ask a librarian about this book", through the record page's
extension point."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from plugins.opac.models import CatalogueRecord
from plugins.opac.record_extensions import RecordSection


def ask_about(request: HttpRequest, record: CatalogueRecord, language: str) -> str:
    """The question page's address with the record filled in."""
    return f"{reverse('reference:ask')}?record={record.pk}"


ASK_SECTION = RecordSection(
    key="ask_librarian",
    template="reference/record_ask.html",
    context=ask_about,
    order=90,
)
