"""The Koha client for reader pages: one per thread and configuration, so its token is reused."""

from __future__ import annotations

import threading

from django.conf import settings

from koha_bridge.client import KohaClient

_local = threading.local()


def client() -> KohaClient:
    """A client of the Koha that settings.KOHA names (requests' sessions are not thread-safe)."""
    config = settings.KOHA
    cached = getattr(_local, "client", None)
    if cached is None or cached.config != config:
        cached = _local.client = KohaClient(config)
    return cached
