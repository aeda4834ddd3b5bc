"""Live availability of a record's copies, from Koha, cached briefly.

A record page asks Koha once, with a short timeout of its own (CATALOGUE_AVAILABILITY_TIMEOUT)
and no second try, and keeps the answer CATALOGUE_AVAILABILITY_CACHE_SECONDS in Django's cache
(Redis where configured). When Koha is slow, down or answers nonsense the page says availability
is unknown; that too is remembered for a few seconds, so a Koha in trouble is not asked again by
every reader. Library names come from Koha's /libraries, kept CATALOGUE_LIBRARIES_CACHE_SECONDS.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, replace
from datetime import date

from django.conf import settings
from django.core.cache import cache

from koha_bridge.availability import ItemStatus, record_availability
from koha_bridge.client import KohaClient, KohaError, KohaNotFound
from koha_bridge.client.session import ONE_TRY
from koha_bridge.config import KohaConfig

log = logging.getLogger(__name__)

UNKNOWN_SECONDS = 10  # how long "Koha could not say" is kept before Koha is asked again
LIBRARIES_KEY = "opac:koha-libraries"


@dataclass(frozen=True)
class Copy:
    """One copy as a reader sees it: no patron, nothing private."""

    library: str  # the library's name (its code when Koha does not name it)
    location: str
    callnumber: str
    status: ItemStatus
    due_date: date | None = None
    note: str = ""

    @property
    def available(self) -> bool:
        return self.status is ItemStatus.ON_SHELF


@dataclass(frozen=True)
class Availability:
    """The record's copies, or None when Koha could not say."""

    copies: tuple[Copy, ...] | None

    @property
    def known(self) -> bool:
        return self.copies is not None

    @property
    def available(self) -> int:
        return sum(copy.available for copy in self.copies or ())


@functools.lru_cache(maxsize=8)
def _client(config: KohaConfig) -> KohaClient:
    # One client per configuration and process: it keeps its connections and its OAuth token.
    return KohaClient(config, retry=ONE_TRY)


def availability_client() -> KohaClient:
    """Koha as settings.KOHA names it, with the record page's own short timeout."""
    return _client(replace(settings.KOHA, timeout=settings.CATALOGUE_AVAILABILITY_TIMEOUT))


def availability_of(biblio_id: int) -> Availability:
    """The record's copies now (or as Koha said them a moment ago)."""
    key = f"opac:availability:{int(biblio_id)}"
    found = cache.get(key)
    if found is not None:
        return found
    try:
        found = _ask_koha(biblio_id)
        seconds = settings.CATALOGUE_AVAILABILITY_CACHE_SECONDS
    except KohaError as error:
        log.warning("catalogue availability unknown biblio_id=%s error=%r", biblio_id, str(error))
        found, seconds = Availability(None), UNKNOWN_SECONDS
    cache.set(key, found, seconds)
    return found


def _ask_koha(biblio_id: int) -> Availability:
    client = availability_client()
    try:
        items = record_availability(client, biblio_id)
    except KohaNotFound:  # gone from Koha since the last catalogue sync: no copies to have
        return Availability(())
    names = library_names(client)
    return Availability(
        tuple(
            Copy(
                library=names.get(item.library_id, item.library_id),
                location=item.location,
                callnumber=item.callnumber,
                status=item.status,
                due_date=item.due_date,
                note=item.note,
            )
            for item in items
        )
    )


def library_names(client: KohaClient) -> dict[str, str]:
    """Koha's libraries by id; {} (ids shown instead) when Koha cannot list them."""
    names = cache.get(LIBRARIES_KEY)
    if names is None:
        try:
            names = {
                str(row["library_id"]): str(row.get("name") or row["library_id"])
                for row in client.libraries()
                if isinstance(row, dict) and "library_id" in row
            }
        except KohaError as error:
            log.warning("catalogue library names unknown error=%r", str(error))
            return {}
        cache.set(LIBRARIES_KEY, names, settings.CATALOGUE_LIBRARIES_CACHE_SECONDS)
    return names
