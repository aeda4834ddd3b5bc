"""A catalogue record page's "Exhibitions featuring this book", through the record page's
extension point."""

from __future__ import annotations

from django.http import HttpRequest

from plugins.exhibitions.exhibition_pages import ExhibitionPage
from plugins.exhibitions.exhibition_visibility import unrestricted
from plugins.opac.models import CatalogueRecord
from plugins.opac.record_extensions import RecordSection


def featuring(request: HttpRequest, record: CatalogueRecord, language: str) -> list | None:
    """The live exhibitions in the reader's language that show ``record``: one query."""
    found = list(
        unrestricted(ExhibitionPage.objects.live())
        .filter(locale__language_code=language, featured_records__biblio_id=record.biblio_id)
        .order_by("-opens", "pk")
    )
    return found or None


EXHIBITIONS_SECTION = RecordSection(
    key="exhibitions",
    template="exhibitions/record_exhibitions.html",
    context=featuring,
    order=50,
)
