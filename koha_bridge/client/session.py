"""The HTTP session: pooled connections, retries for idempotent calls, the sandbox in process."""

from __future__ import annotations

import logging

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from koha_bridge.config import KohaConfig
from koha_bridge.sandbox.transport import SANDBOX_BASE_URL, WSGIAdapter

log = logging.getLogger(__name__)


class KohaRetry(Retry):
    """urllib3's retry policy, each retry told once in koha_bridge's log at INFO.

    urllib3 warns of every retry after a broken connection ("Retrying (Retry(total=...)) after
    connection broken by ..."): while Koha is down that is a warning per retry on the console of
    ``koha-bridge`` and ``library20 koha_sync``, which report the outage once themselves.
    """

    def increment(self, method=None, url=None, response=None, error=None, **kwargs) -> KohaRetry:
        retry = super().increment(method, url, response, error, **kwargs)
        pool = kwargs.get("_pool")
        where = f"{pool.scheme}://{pool.host}:{pool.port}" if pool is not None else ""
        reason = type(error).__name__ if error else f"status {response.status if response else '?'}"
        log.info(
            "koha request retry method=%s url=%s%s reason=%s retries_left=%s",
            method,
            where,
            (url or "").split("?")[0],
            reason,
            retry.total,
        )
        return retry


def _not_our_retries(record: logging.LogRecord) -> bool:
    """Drop urllib3's retry warning when the retry is ours: KohaRetry has logged it already."""
    args = record.args if isinstance(record.args, tuple) else ()
    return not (args and isinstance(args[0], KohaRetry))


logging.getLogger("urllib3.connectionpool").addFilter(_not_our_retries)

RETRY = KohaRetry(
    total=3,
    connect=3,
    read=0,  # a Koha that does not answer in time is not asked again: the caller waits once
    status=3,
    backoff_factor=0.5,
    status_forcelist=(502, 503, 504),
    allowed_methods=Retry.DEFAULT_ALLOWED_METHODS,  # idempotent ones only: never POST
    respect_retry_after_header=True,
    raise_on_status=False,
)


# For a reader waiting on a page: one try, within the timeout, and no second.
ONE_TRY = KohaRetry(total=0, raise_on_status=False)


def http_session(pool_size: int = 10, retry: Retry = RETRY) -> requests.Session:
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=retry, pool_connections=pool_size, pool_maxsize=pool_size)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = "library20-koha-bridge"
    return session


def sandbox_session(app) -> requests.Session:
    """A session whose sandbox URL is answered by ``app`` in this process."""
    session = requests.Session()
    session.mount(SANDBOX_BASE_URL + "/", WSGIAdapter(app))
    session.headers["User-Agent"] = "library20-koha-bridge"
    return session


def base_url(config: KohaConfig) -> str:
    return (SANDBOX_BASE_URL if config.is_sandbox else config.url) + "/api/v1"
