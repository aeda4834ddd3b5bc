"""The records each published exhibition shows, kept in a table so a catalogue record's page
finds its exhibitions in one query: rebuilt when a page is published, emptied when it is
unpublished (deleting a page deletes its rows with it)."""

from __future__ import annotations

from django.db import transaction
from wagtail.signals import page_published, page_unpublished

from plugins.exhibitions.exhibition_pages import ExhibitionPage, ExhibitionRecord


@transaction.atomic
def rebuild(page: ExhibitionPage) -> None:
    ExhibitionRecord.objects.filter(page=page).delete()
    ExhibitionRecord.objects.bulk_create(
        ExhibitionRecord(page=page, biblio_id=biblio_id) for biblio_id in page.biblio_ids()
    )


def _published(sender, instance: ExhibitionPage, **_signal) -> None:
    rebuild(instance)


def _unpublished(sender, instance: ExhibitionPage, **_signal) -> None:
    ExhibitionRecord.objects.filter(page=instance).delete()


def connect() -> None:
    page_published.connect(_published, sender=ExhibitionPage, dispatch_uid="exhibition-records")
    page_unpublished.connect(
        _unpublished, sender=ExhibitionPage, dispatch_uid="exhibition-records-gone"
    )
