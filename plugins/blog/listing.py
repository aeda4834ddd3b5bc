"""Posts as a list shows them: with their categories and tags named in the list's language,
in a fixed number of queries however many posts there are."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch
from puput.models import CategoryEntryPage
from wagtail.models import Locale

from plugins.blog.names import label_names


@dataclass(frozen=True)
class Label:
    slug: str
    name: str


def with_labels(entries: list, locale: Locale) -> list:
    """``entries`` (prefetched by ``labelled``) with ``category_labels`` and ``tag_labels``."""
    categories = {link.category for entry in entries for link in entry.entry_categories.all()}
    tags = {tag for entry in entries for tag in entry.tags.all()}
    category_name, tag_name = label_names(categories, tags, locale)
    for entry in entries:
        entry.category_labels = [
            Label(link.category.slug, category_name[link.category.pk])
            for link in entry.entry_categories.all()
        ]
        entry.tag_labels = [Label(tag.slug, tag_name[tag.pk]) for tag in entry.tags.all()]
    return entries


LABELS = (
    Prefetch("entry_categories", queryset=CategoryEntryPage.objects.select_related("category")),
    "tags",
)


def labelled(entries):
    """``entries`` with what ``with_labels`` reads, prefetched."""
    return entries.prefetch_related(*LABELS)
