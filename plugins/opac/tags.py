"""Readers' tags on records: added by a reader, shown to everyone once a librarian approves the
term (or at once when the term is approved already), in a cloud per language and on the pages
of the records they tag. A reader sees, and may remove, their own tags whatever their status."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from plugins.opac.models import CatalogueRecord, Tagging, TagTerm
from plugins.opac.reader_input import clean_value
from plugins.opac.search.folding import words

MAX_LENGTH = 50
CLOUD_SIZE = 60
_WORD = re.compile(r"\w")


class TagRefused(ValueError):
    """Why a tag cannot be added, in the reader's language."""


@dataclass(frozen=True)
class CloudTag:
    term: TagTerm
    count: int
    weight: int  # 1 (least used) to 5 (most used), for the cloud's type sizes


def clean_term(raw: str) -> str:
    """The tag as it will be shown: printable, single spaces; refused when empty, too long or
    without a letter or digit."""
    term = clean_value(raw or "", MAX_LENGTH + 1)
    if not term:
        raise TagRefused(_("Write a tag first."))
    if len(term) > MAX_LENGTH:
        raise TagRefused(_("A tag can have at most %(count)s characters.") % {"count": MAX_LENGTH})
    if not _WORD.search(term):
        raise TagRefused(_("A tag needs at least one letter or digit."))
    return term


def tag_key(term: str) -> str:
    """What makes two tags the same: their folded words ("Sci-Fi", "sci fi" and "SCI FI")."""
    return " ".join(words(term))


def add_tag(reader, record: CatalogueRecord, raw: str, language: str) -> Tagging:
    """Tag the record for the reader; raises TagRefused for a term the site will not take."""
    term = clean_term(raw)
    key = tag_key(term)
    with transaction.atomic():
        tag, _created = TagTerm.objects.get_or_create(key=key, defaults={"term": term})
        if tag.status == TagTerm.Status.REJECTED:
            raise TagRefused(_("The library does not accept this tag."))
        try:
            with transaction.atomic():
                return Tagging.objects.create(
                    reader=reader, record=record, tag=tag, language=language
                )
        except IntegrityError:
            raise TagRefused(_("You have already given this title that tag.")) from None


def remove_tag(reader, record: CatalogueRecord, tagging_id: int) -> bool:
    """Remove one of the reader's own tags from the record; whether there was one."""
    found = Tagging.objects.filter(pk=tagging_id, reader=reader, record=record)
    return found.delete()[0] > 0


def readers_tags(reader, record: CatalogueRecord) -> list[Tagging]:
    if not reader.is_authenticated:
        return []
    return list(
        Tagging.objects.filter(reader=reader, record=record).select_related("tag").order_by("id")
    )


def record_tags(record: CatalogueRecord, language: str) -> list[CloudTag]:
    """The approved tags readers gave the record in this language, most given first."""
    rows = (
        TagTerm.objects.filter(
            status=TagTerm.Status.APPROVED,
            taggings__record=record,
            taggings__language=language,
            taggings__reader__is_active=True,
        )
        .annotate(count=Count("taggings"))
        .order_by("-count", "key")
    )
    return [CloudTag(tag, tag.count, 1) for tag in rows]


def cloud(language: str, size: int = CLOUD_SIZE) -> list[CloudTag]:
    """The most used approved tags of a language, in alphabetical order, weighted 1 to 5."""
    rows = list(
        TagTerm.objects.filter(
            status=TagTerm.Status.APPROVED,
            taggings__language=language,
            taggings__reader__is_active=True,
        )
        .annotate(count=Count("taggings"))
        .order_by("-count", "key")[:size]
    )
    if not rows:
        return []
    most = max(tag.count for tag in rows)
    least = min(tag.count for tag in rows)
    spread = max(most - least, 1)
    weighted = [CloudTag(tag, tag.count, 1 + (4 * (tag.count - least)) // spread) for tag in rows]
    return sorted(weighted, key=lambda item: item.term.key)


def tagged_records(tag: TagTerm, language: str) -> QuerySet[CatalogueRecord]:
    """The records readers gave this approved tag in this language, the most tagged first."""
    return (
        CatalogueRecord.objects.filter(
            taggings__tag=tag, taggings__language=language, taggings__reader__is_active=True
        )
        .annotate(times=Count("taggings"))
        .order_by("-times", "title", "biblio_id")
    )


def approved(key: str) -> TagTerm | None:
    return TagTerm.objects.filter(key=key, status=TagTerm.Status.APPROVED).first()
