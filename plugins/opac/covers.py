"""A record's cover: its own (an 856 link to a picture), a cover service's for its ISBN if the
library configured one (CATALOGUE_COVER_URL, with {isbn13}), else a typographic one made here."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse

from plugins.opac.models import CatalogueRecord
from plugins.opac.people import natural_name


@dataclass(frozen=True)
class Cover:
    url: str
    generated: bool  # the typographic SVG, not a picture of the book


def cover_of(record: CatalogueRecord, own_cover: str = "") -> Cover:
    """``own_cover``: the record's own cover URL (``details_of(record).cover_url``), if known."""
    if own_cover.startswith(("https://", "http://")):
        return Cover(own_cover, generated=False)
    template = settings.CATALOGUE_COVER_URL
    if template and record.cover_isbn:
        return Cover(template.replace("{isbn13}", record.cover_isbn), generated=False)
    return Cover(reverse("catalogue-cover", args=[record.biblio_id]), generated=True)


def cover_author(record: CatalogueRecord) -> str:
    """The name a generated cover carries: the first author's, as readers say it."""
    authors = [a for a in record.authors if a.get("role", "author") == "author"] or record.authors
    return natural_name(authors[0]["name"]) if authors else ""
