"""Catalogue sync: Koha's changed records into CatalogueRecord, one transaction per batch.

A run records where it stands after every batch, so an interrupted run resumes after the last
batch it committed. A record whose MARC is the one already stored is not written again. A full
run also removes the records Koha no longer has: those between the ids it lists.
"""

from __future__ import annotations

import gc
import json
import logging
import operator
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connection, models, transaction
from django.utils import timezone

from koha_bridge.client import KohaClient
from koha_bridge.marc import Flavour
from koha_bridge.sync import Batch, CatalogueFeed, Marc
from plugins.opac.bulk_sql import insert_rows
from plugins.opac.models import CatalogueRecord, SyncState
from plugins.opac.search.backends import backend

log = logging.getLogger(__name__)

# The next run asks for records changed at or after the second this run's first listing was
# answered in (Koha's Date header): Koha's timestamps have whole seconds, so ">=" reads that
# second again, and a record saved later within it is not missed. Nothing earlier needs
# reading again: starting earlier than that second re-read everything saved just before the
# run, which after the demo's seeding was the whole catalogue.
DEFAULT_BATCH_SIZE = 500


@dataclass(frozen=True)
class SyncReport:
    run: int
    mode: str
    resumed: bool
    synced: int
    unchanged: int
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
    state.synced = state.unchanged = state.skipped = state.removed = 0
    state.save()
    return state


@contextmanager
def _collector_per_batch() -> Iterator[None]:
    """Python's cyclic collector off while batches run: left on, it walked the whole heap again
    and again while a batch allocated its many lasting objects (JSON, MARC fields, rows), and
    took more time than the sync's own work (parsing a page's JSON took 5-8 times as long)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _stored_digests(ids: list[int]) -> Mapping[str, int]:
    return dict(
        CatalogueRecord.objects.filter(biblio_id__in=ids).values_list("marc_digest", "biblio_id")
    )


def _store(state: SyncState, batch: Batch, after_id: int) -> None:
    rows = [
        (
            CatalogueRecord.from_normalised(
                record, marc.data, batch.created.get(record.biblio_id, ""), marc.digest
            ),
            marc,
        )
        for record, marc in batch.records
    ]
    with transaction.atomic():
        if rows:
            _upsert(rows)
            backend().index([record for record, _marc in rows])
        if state.mode == SyncState.Mode.FULL:
            gone = (
                CatalogueRecord.objects.filter(
                    biblio_id__gt=after_id, biblio_id__lte=batch.last_biblio_id
                )
                .exclude(biblio_id__in=batch.listed)
                .order_by()
            )
            state.removed += _remove(gone)
        state.last_biblio_id = batch.last_biblio_id
        state.synced += len(rows)
        state.unchanged += batch.unchanged
        state.skipped += len(batch.failures)
        state.save()


def _upsert(rows: list[tuple[CatalogueRecord, Marc]]) -> None:
    """Insert or update the records, many to a statement: the ORM's bulk_create spent most of the
    sync's storing time preparing values one by one, JSON-encoding MARC already encoded."""
    fields = CatalogueRecord._meta.concrete_fields
    columns = [connection.ops.quote_name(f.column) for f in fields]
    updates = ", ".join(
        f"{name} = excluded.{name}"
        for name in (connection.ops.quote_name(f.column) for f in fields if not f.primary_key)
    )
    synced_at = connection.ops.adapt_datetimefield_value(timezone.now())
    readers = [_reader(f, synced_at) for f in fields]
    insert_rows(
        CatalogueRecord._meta.db_table,
        columns,
        [tuple(read(record, marc) for read in readers) for record, marc in rows],
        f"ON CONFLICT (biblio_id) DO UPDATE SET {updates}",
    )


_to_json = json.JSONEncoder(ensure_ascii=False).encode  # one encoder for every value

ColumnReader = Callable[[CatalogueRecord, Marc], object]


def _reader(field: models.Field, synced_at: object) -> ColumnReader:
    """How a column's value is read from a record, chosen once per batch, not once per value."""
    if field.name == "marc":
        return lambda _record, marc: marc.text
    if field.name == "synced_at":
        return lambda _record, _marc: synced_at
    value = operator.attrgetter(field.attname)
    if isinstance(field, models.JSONField):
        return lambda record, _marc: _to_json(value(record))
    if isinstance(field, models.DateField):
        adapt = connection.ops.adapt_datefield_value
        return lambda record, _marc: adapt(value(record))
    return lambda record, _marc: value(record)


def _remove(records: models.QuerySet) -> int:
    """Delete these records, their search documents with them."""
    ids = list(records.values_list("biblio_id", flat=True))
    if not ids:
        return 0
    backend().remove(ids)
    deleted = CatalogueRecord.objects.filter(biblio_id__in=ids).delete()[1]
    return deleted.get(CatalogueRecord._meta.label, 0)


def sync_catalogue(
    client: KohaClient,
    *,
    full: bool = False,
    since: str | None = None,
    flavour: Flavour | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
) -> SyncReport:
    """Bring the local catalogue up to date with Koha; resumes an interrupted run."""
    state = _state()
    resumed = state.in_progress and not full and since is None
    if not resumed:
        state = _start(state, full=full, since=since)
    feed = CatalogueFeed(client, flavour, batch_size)
    with _collector_per_batch():
        for batch in feed.batches(state.since or None, state.last_biblio_id, _stored_digests):
            if not state.run_watermark and feed.server_time is not None:
                state.run_watermark = _rfc3339(feed.server_time)
            _store(state, batch, state.last_biblio_id)
            gc.collect(0)  # what the batch left in cycles; the rest of the heap is not walked
            if progress:
                progress(len(batch.listed), feed.total)
    if not state.run_watermark:
        state.run_watermark = _rfc3339(feed.server_time or datetime.now(UTC))
    if state.mode == SyncState.Mode.FULL:  # records after the last id Koha listed
        state.removed += _remove_in_batches(
            CatalogueRecord.objects.filter(biblio_id__gt=state.last_biblio_id).order_by()
        )
    state.watermark = state.run_watermark
    state.finished_at = timezone.now()
    state.save()
    log.info(
        "catalogue sync run=%s mode=%s synced=%s unchanged=%s skipped=%s removed=%s watermark=%s",
        state.run,
        state.mode,
        state.synced,
        state.unchanged,
        state.skipped,
        state.removed,
        state.watermark,
    )
    return SyncReport(
        state.run,
        state.mode,
        resumed,
        state.synced,
        state.unchanged,
        state.skipped,
        state.removed,
        state.watermark,
    )


def _remove_in_batches(records: models.QuerySet) -> int:
    removed = 0
    while count := _remove(records[:500]):
        removed += count
    return removed


def _rfc3339(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()
