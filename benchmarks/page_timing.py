"""Timing a page against the home page through Django's test client, shared by the page
benchmarks (run from the checkout with Django set up before this is imported)."""

from __future__ import annotations

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

HOME = "/en/"


def timed(client: Client, url: str) -> float:
    """Milliseconds of one GET of ``url``, which must answer 200."""
    start = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, url
    return elapsed


def queries_of(client: Client, url: str) -> int:
    """The queries of one GET of ``url`` after a first one (caches warm, as on a live site)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def compare(client: Client, name: str, url: str, rounds: int, home: str = HOME) -> None:
    """Print ``url`` against ``home``, interleaved round by round: each round's times and
    ratio, then the medians, the median ratio and the queries of one request of each."""
    for warm in (home, url):
        for _ in range(3):
            timed(client, warm)
    ratios, page_ms, home_ms = [], [], []
    for number in range(rounds):
        page_ms.append(timed(client, url))
        home_ms.append(timed(client, home))
        ratios.append(page_ms[-1] / home_ms[-1])
        print(
            f"  round {number + 1:3d}: {page_ms[-1]:8.2f} ms / home {home_ms[-1]:7.2f} ms"
            f" = {ratios[-1]:5.2f}x"
        )
    print(
        f"{name}: median {statistics.median(page_ms):.2f} ms, {queries_of(client, url)} queries;"
        f" home median {statistics.median(home_ms):.2f} ms, {queries_of(client, home)} queries;"
        f" median ratio {statistics.median(ratios):.2f}x"
    )
