"""Koha's changed records, in batches, normalised; a bad record is skipped, never fatal.

This is the Koha side of catalogue sync; storing the batches is the caller's business.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from koha_bridge.client import KohaClient
from koha_bridge.marc import (
    Flavour,
    NormalisedRecord,
    ReadFailure,
    UnreadableRecord,
    biblio_id_of,
    detect_flavour,
    normalise,
    record_from_marc_in_json,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Batch:
    """Records ready to store, what could not be read, and where to resume after this batch."""

    records: list[tuple[NormalisedRecord, dict]]  # with the MARC-in-JSON each came from
    failures: list[ReadFailure]
    last_biblio_id: int


@dataclass
class CatalogueFeed:
    """Walks Koha's records changed since a time, in ascending biblio id order."""

    client: KohaClient
    flavour: Flavour | None = None  # None: MARC21 or UNIMARC, told apart record by record
    batch_size: int = 100
    server_time: datetime | None = field(default=None, init=False)
    total: int | None = field(default=None, init=False)

    def batches(self, since: str | None, after_id: int = 0) -> Iterator[Batch]:
        while True:
            page = self.client.changed_biblios(since, after_id, self.batch_size)
            if self.server_time is None:
                self.server_time, self.total = page.server_time, page.total
            if not page.stamps:
                return
            ids = [stamp.biblio_id for stamp in page.stamps]
            yield self.normalised(ids, self.client.biblio_records(ids))
            after_id = ids[-1]

    def normalised(self, ids: list[int], marc_records: list) -> Batch:
        records: dict[int, tuple[NormalisedRecord, dict]] = {}
        failures: list[ReadFailure] = []
        for data in marc_records:
            outcome = self._one(data)
            if isinstance(outcome, ReadFailure):
                failures.append(outcome)
            else:
                records[outcome.biblio_id] = (outcome, data)
        failed = {failure.biblio_id for failure in failures}
        for biblio_id in ids:
            if biblio_id not in records and biblio_id not in failed:
                failures.append(ReadFailure(biblio_id, "listed by Koha but its MARC was not sent"))
        for failure in failures:
            log.warning("record skipped biblio_id=%s reason=%s", failure.biblio_id, failure.reason)
        wanted = set(ids)
        kept = [records[i] for i in ids if i in records]
        strays = [pair for i, pair in records.items() if i not in wanted]
        return Batch(kept + strays, failures, ids[-1] if ids else 0)

    def _one(self, data: object) -> NormalisedRecord | ReadFailure:
        record = (
            record_from_marc_in_json(data)
            if isinstance(data, dict)
            else ReadFailure(None, f"MARC-in-JSON record is a {type(data).__name__}")
        )
        if isinstance(record, ReadFailure):
            return record
        biblio_id = biblio_id_of(record, self.flavour or detect_flavour(record))
        try:
            return normalise(record, self.flavour, biblio_id)
        except UnreadableRecord as error:
            return ReadFailure(error.biblio_id or biblio_id, error.reason)
