"""What /healthz checks: the database, the cache and Koha, each timed, failures named."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection

from koha_bridge.client import KohaClient
from koha_bridge.client.session import ONE_TRY
from library_site.logs.masking import mask


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    ms: float
    problem: str = ""  # for staff only: it may name hosts and versions


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def check_cache() -> None:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    kept = cache.get(key)
    cache.delete(key)
    if kept != "1":
        raise LookupError("the cache did not keep a value")


def check_koha() -> None:
    KohaClient(settings.KOHA, retry=ONE_TRY).ping()  # one try: a probe must not wait for retries


CHECKS: dict[str, Callable[[], None]] = {
    "database": check_database,
    "cache": check_cache,
    "koha": check_koha,
}


def run_checks() -> list[CheckResult]:
    results = []
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            check()
        except Exception as error:  # whatever fails, the probe answers: that is its job
            problem = mask(f"{type(error).__name__}: {error}")
            results.append(CheckResult(name, False, _ms_since(started), problem))
        else:
            results.append(CheckResult(name, True, _ms_since(started)))
    return results


def _ms_since(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)
