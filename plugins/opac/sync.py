"""Catalogue sync: Koha's changed records into CatalogueRecord, one transaction per batch.

A run records where it stands after every batch, so an interrupted run resumes after the last
batch it committed. A full run also removes the records Koha no longer has.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import transaction
from django.utils import timezone

from koha_bridge.client import KohaClient
from koha_bridge.marc import Flavour
from koha_bridge.sync import Batch, CatalogueFeed
from plugins.opac.models import CatalogueRecord, SyncState
from plugins.opac.search.backends import backend

log = logging.getLogger(__name__)

# The next run asks for records changed at or after the second this run's first listing was
# answered in (Koha's Date header): Koha's timestamps have whole seconds, so ">=" reads that
# second again, and a record saved later within it is not missed. Nothing earlier needs
# reading again: starting earlier than that second re-read everything saved just before the
# run, which after the demo's seeding was the whole catalogue.
STORED_FIELDS = [
    f.name for f in CatalogueRecord._meta.concrete_fields if f.name not in ("biblio_id",)
]


@dataclass(frozen=True)
class SyncReport:
    run: int
    mode: str
    resumed: bool
    synced: int
    skipped: int
    removed: int
    watermark: str


Progress = Callable[[int, int | None], None]  # records done in this batch, total if known


def _state() -> SyncState:
    state, _created = SyncState.objects.get_or_create(name="koha")
    return state


def _start(state: SyncState, *, full: bool, since: str | None) -> SyncState:
    state.run += 1
    state.mode = SyncState.Mode.FULL if full else SyncState.Mode.INCREMENTAL
    state.since = "" if full else (since if since is not None else state.watermark)
    state.run_watermark = ""
    state.last_biblio_id = 0
    state.started_at, state.finished_at = timezone.now(), None
    state.synced = state.skipped = state.removed = 0
    state.save()
    return state


def _store(state: SyncState, batch: Batch) -> None:
    rows = [
        CatalogueRecord.from_normalised(
            record, marc, state.run, batch.created.get(record.biblio_id, "")
        )
        for record, marc in batch.records
    ]
    with transaction.atomic():
        if rows:
            CatalogueRecord.objects.bulk_create(
                rows,
                update_conflicts=True,
                unique_fields=["biblio_id"],
                update_fields=STORED_FIELDS,
            )
            backend().index(rows)
        state.last_biblio_id = batch.last_biblio_id
        state.synced += len(rows)
        state.skipped += len(batch.failures)
        state.save()


def _remove_unseen(state: SyncState) -> int:
    """After a full run: records Koha did not list are gone from Koha."""
    removed = 0
    stale = CatalogueRecord.objects.exclude(sync_run=state.run)
    while ids := list(stale.values_list("biblio_id", flat=True)[:500]):
        with transaction.atomic():
            backend().remove(ids)
            deleted = CatalogueRecord.objects.filter(biblio_id__in=ids).delete()[1]
            removed += deleted.get(CatalogueRecord._meta.label, 0)
    return removed


def sync_catalogue(
    client: KohaClient,
    *,
    full: bool = False,
    since: str | None = None,
    flavour: Flavour | None = None,
    batch_size: int = 100,
    progress: Progress | None = None,
) -> SyncReport:
    """Bring the local catalogue up to date with Koha; resumes an interrupted run."""
    state = _state()
    resumed = state.in_progress and not full and since is None
    if not resumed:
        state = _start(state, full=full, since=since)
    feed = CatalogueFeed(client, flavour, batch_size)
    for batch in feed.batches(state.since or None, state.last_biblio_id):
        if not state.run_watermark and feed.server_time is not None:
            state.run_watermark = _rfc3339(feed.server_time)
        _store(state, batch)
        if progress:
            progress(len(batch.records) + len(batch.failures), feed.total)
    if not state.run_watermark:
        state.run_watermark = _rfc3339(feed.server_time or datetime.now(UTC))
    if state.mode == SyncState.Mode.FULL:
        state.removed = _remove_unseen(state)
    state.watermark = state.run_watermark
    state.finished_at = timezone.now()
    state.save()
    log.info(
        "catalogue sync run=%s mode=%s synced=%s skipped=%s removed=%s watermark=%s",
        state.run,
        state.mode,
        state.synced,
        state.skipped,
        state.removed,
        state.watermark,
    )
    return SyncReport(
        state.run, state.mode, resumed, state.synced, state.skipped, state.removed, state.watermark
    )


def _rfc3339(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()
