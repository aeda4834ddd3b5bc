"""The HTTP session: pooled connections, retries for idempotent calls, the sandbox in process."""

from __future__ import annotations

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from koha_bridge.config import KohaConfig
from koha_bridge.sandbox.transport import SANDBOX_BASE_URL, WSGIAdapter

RETRY = Retry(
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


def http_session(pool_size: int = 10) -> requests.Session:
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=RETRY, pool_connections=pool_size, pool_maxsize=pool_size)
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
