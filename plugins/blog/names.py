"""Puput's categories and tags are shared by every language; their names are translated here."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import IntegerField, Value
from puput.models import Category
from taggit.models import Tag
from wagtail.models import Locale

CATEGORY, TAG = 0, 1


def category_names(categories: Iterable[Category], locale: Locale) -> dict[int, str]:
    """Each category's name in ``locale`` (Puput's own name where none is translated): one query."""
    from plugins.blog.models import CategoryName

    categories = list(categories)
    found = dict(
        CategoryName.objects.filter(
            category__in=[c.pk for c in categories], locale=locale
        ).values_list("category_id", "name")
    )
    return {c.pk: found.get(c.pk, c.name) for c in categories}


def tag_names(tags: Iterable[Tag], locale: Locale) -> dict[int, str]:
    """Each tag's name in ``locale`` (the tag itself where none is translated): one query."""
    from plugins.blog.models import TagName

    tags = list(tags)
    found = dict(
        TagName.objects.filter(tag__in=[t.pk for t in tags], locale=locale).values_list(
            "tag_id", "name"
        )
    )
    return {t.pk: found.get(t.pk, t.name) for t in tags}


def label_names(
    categories: Iterable[Category], tags: Iterable[Tag], locale: Locale
) -> tuple[dict[int, str], dict[int, str]]:
    """``category_names`` and ``tag_names`` together, in one query."""
    from plugins.blog.models import CategoryName, TagName

    categories, tags = list(categories), list(tags)
    kind = IntegerField()
    found_categories = CategoryName.objects.filter(
        category__in=[c.pk for c in categories], locale=locale
    ).values_list(Value(CATEGORY, output_field=kind), "category_id", "name")
    found_tags = TagName.objects.filter(tag__in=[t.pk for t in tags], locale=locale).values_list(
        Value(TAG, output_field=kind), "tag_id", "name"
    )
    found = {(kind, pk): name for kind, pk, name in found_categories.union(found_tags, all=True)}
    return (
        {c.pk: found.get((CATEGORY, c.pk), c.name) for c in categories},
        {t.pk: found.get((TAG, t.pk), t.name) for t in tags},
    )


def category_name(slug: str, locale: Locale) -> str | None:
    """The name of the category ``slug`` in ``locale``, or None when there is no such category."""
    category = Category.objects.filter(slug=slug).first()
    return category_names([category], locale)[category.pk] if category else None


def tag_name(slug: str, locale: Locale) -> str | None:
    """The name of the tag ``slug`` in ``locale``, or None when there is no such tag."""
    tag = Tag.objects.filter(slug=slug).first()
    return tag_names([tag], locale)[tag.pk] if tag else None
