"""Template tags of readers' bookshelves."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from plugins.opac import shelves
from plugins.opac.models import CatalogueRecord
from plugins.opac.record_urls import record_url
from plugins.opac.shelf_models import Shelf

register = template.Library()


@register.filter
def shelf_url(shelf: Shelf) -> str:
    """The shelf's page in the active language."""
    return shelves.shelf_url(shelf, get_language())


@register.simple_tag
def my_shelves_url() -> str:
    """The reader's shelves page in the active language."""
    return shelves.shelves_url(get_language())


@register.simple_tag
def record_link(record: CatalogueRecord) -> str:
    """The record's page in the active language."""
    return record_url(record.biblio_id, record.title, get_language())
