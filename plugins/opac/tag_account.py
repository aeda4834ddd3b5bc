"""A reader's tags in their account (plugins.readers.extensions): each with the record it tags,
whether a librarian has approved it, and a link to the record, where the reader may remove it."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from plugins.opac.models import Tagging
from plugins.opac.record_urls import record_url
from plugins.readers.extensions import AccountSection

SHOWN = 100  # tags listed in My account, the latest first


@dataclass(frozen=True)
class GivenTag:
    term: str
    status: str  # as the reader reads it
    title: str
    url: str  # the record's tags, where the reader may remove it


def _taggings(reader):
    return Tagging.objects.filter(reader=reader).select_related("tag", "record")


def given_tags(reader) -> list[GivenTag]:
    language = get_language()
    return [
        GivenTag(
            t.tag.term,
            t.tag.get_status_display(),
            t.record.title,
            record_url(t.record_id, t.record.title, language) + "#tags",
        )
        for t in _taggings(reader).order_by("-created")[:SHOWN]
    ]


def tags_data(reader) -> list[dict]:
    return [
        {
            "tag": t.tag.term,
            "status": t.tag.status,
            "biblio_id": t.record_id,
            "title": t.record.title,
            "language": t.language,
            "tagged_at": t.created.isoformat(),
        }
        for t in _taggings(reader).order_by("record_id", "tag__key")
    ]


TAGS_SECTION = AccountSection(
    key="tags",
    template="opac/account_tags.html",
    context=given_tags,
    personal_data=tags_data,
    removed=lambda: _("the tags you gave titles in the catalogue"),
    order=16,
)
