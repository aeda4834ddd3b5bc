"""Koha's changed records, in batches, normalised; a bad record is skipped, never fatal.

This is the Koha side of catalogue sync; storing the batches is the caller's business.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from koha_bridge.client import KohaClient, KohaUnavailable
from koha_bridge.client.client import StampPage
from koha_bridge.marc import (
    Flavour,
    NormalisedRecord,
    ReadFailure,
    UnreadableRecord,
    biblio_id_of,
    detect_flavour,
    normalise,
    tagged_record_from_marc_in_json,
)
from koha_bridge.marc.normalise import NORMALISATION_VERSION
from koha_bridge.read_ahead import read_ahead

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Marc:
    """A record's MARC-in-JSON, as text too, and its digest: a re-sync skips a record whose MARC
    has the digest already stored for it. The digest also covers how it was read (the flavour
    asked for and the normaliser's version), so a change to either writes every record again."""

    data: dict
    text: str
    digest: str

    @classmethod
    def of(cls, data: dict, text: str, flavour: Flavour | None = None) -> Marc:
        """``data`` as read from ``text``, the JSON Koha sent for it."""
        reading = f"{flavour or 'any'}/{NORMALISATION_VERSION}".encode()[:16]
        digest = hashlib.blake2b(text.encode(), digest_size=16, person=reading).hexdigest()
        return cls(data, text, digest)


# The digests stored for these listed biblio ids, each with its id.
StoredDigests = Callable[[list[int]], Mapping[str, int]]


@dataclass(frozen=True)
class Batch:
    """Records ready to store, what could not be read, and where to resume after this batch."""

    records: list[tuple[NormalisedRecord, Marc]]
    failures: list[ReadFailure]
    last_biblio_id: int
    created: dict[int, str] = field(default_factory=dict)  # biblio id -> Koha's creation_date
    listed: list[int] = field(default_factory=list)  # every id Koha listed, ascending
    unchanged: int = 0  # listed records whose MARC is the one stored


@dataclass
class CatalogueFeed:
    """Walks Koha's records changed since a time, in ascending biblio id order."""

    client: KohaClient
    flavour: Flavour | None = None  # None: MARC21 or UNIMARC, told apart record by record
    batch_size: int = 100
    server_time: datetime | None = field(default=None, init=False)
    total: int | None = field(default=None, init=False)

    def batches(
        self, since: str | None, after_id: int = 0, stored: StoredDigests | None = None
    ) -> Iterator[Batch]:
        """The batches after ``after_id``; records whose MARC digest ``stored`` names for them
        are counted as unchanged, not normalised again. The next page is read from Koha while
        the caller stores a batch."""
        for page, marc_records in read_ahead(self._pages(since, after_id)):
            ids = [stamp.biblio_id for stamp in page.stamps]
            known = stored(ids) if stored else {}
            fresh, unchanged = [], set()
            for data, marc in marc_records:
                if marc is not None and marc.digest in known:
                    unchanged.add(known[marc.digest])
                else:
                    fresh.append((data, marc))
            batch = self.normalised([i for i in ids if i not in unchanged], fresh)
            yield Batch(
                batch.records,
                batch.failures,
                ids[-1],
                {stamp.biblio_id: stamp.created for stamp in page.stamps},
                ids,
                len(unchanged),
            )

    def _pages(
        self, since: str | None, after_id: int
    ) -> Iterator[tuple[StampPage, list[tuple[object, Marc | None]]]]:
        """Koha's pages of changed records after ``after_id``, each with its records' MARC."""
        while True:
            page = self.client.changed_biblios(since, after_id, self.batch_size)
            if self.server_time is None:
                self.server_time, self.total = page.server_time, page.total
            if not page.stamps:
                return
            ids = [stamp.biblio_id for stamp in page.stamps]
            yield (
                page,
                [
                    (data, Marc.of(data, text, self.flavour) if isinstance(data, dict) else None)
                    for data, text in self._marc_of(ids)
                ],
            )
            after_id = ids[-1]

    def _marc_of(self, ids: list[int]) -> list:
        """The batch's MARC; when Koha fails on the batch, record by record, so one record
        Koha cannot serve costs that record only."""
        try:
            return self.client.biblio_records_as_sent(ids)
        except KohaUnavailable as error:
            if error.status is None:
                raise  # Koha is down, not one record broken: stop and resume later
        marc_records: list = []
        for biblio_id in ids:
            try:
                marc_records.extend(self.client.biblio_records_as_sent([biblio_id]))
            except KohaUnavailable as error:
                if error.status is None:
                    raise
                log.warning("record unavailable biblio_id=%s reason=%s", biblio_id, error)
        return marc_records

    def normalised(self, ids: list[int], marc_records: list[tuple[object, Marc | None]]) -> Batch:
        """The records of ``ids`` from their MARC-in-JSON (each with its ``Marc`` text, None
        when it is not an object)."""
        records: dict[int, tuple[NormalisedRecord, Marc]] = {}
        failures: list[ReadFailure] = []
        for data, marc in marc_records:
            outcome = self._one(data)
            if isinstance(outcome, ReadFailure):
                failures.append(outcome)
            else:
                records[outcome.biblio_id] = (outcome, marc)
        failures = self._one_per_missing_record(ids, records, failures)
        for failure in failures:
            log.warning("record skipped biblio_id=%s reason=%s", failure.biblio_id, failure.reason)
        wanted = set(ids)
        kept = [records[i] for i in ids if i in records]
        strays = [pair for i, pair in records.items() if i not in wanted]
        return Batch(kept + strays, failures, ids[-1] if ids else 0)

    @staticmethod
    def _one_per_missing_record(
        ids: list[int], records: dict, failures: list[ReadFailure]
    ) -> list[ReadFailure]:
        """One failure per listed record that was not read; a failure that could not name its
        record is paired with the first unnamed missing one (Koha sends them in id order)."""
        named = {f.biblio_id: f for f in failures if f.biblio_id is not None}
        unnamed = [f for f in failures if f.biblio_id is None]
        result = [f for f in failures if f.biblio_id is not None and f.biblio_id not in ids]
        for biblio_id in ids:
            if biblio_id in records:
                continue
            if biblio_id in named:
                result.append(named[biblio_id])
            elif unnamed:
                result.append(ReadFailure(biblio_id, unnamed.pop(0).reason))
            else:
                result.append(ReadFailure(biblio_id, "listed by Koha but its MARC was not sent"))
        return result + unnamed

    def _one(self, data: object) -> NormalisedRecord | ReadFailure:
        record = (
            tagged_record_from_marc_in_json(data)
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
