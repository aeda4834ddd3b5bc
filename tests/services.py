"""Real services the tests use: skipped with a reason on a bare machine, required in CI."""

import os
import shutil
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

IN_CI = os.environ.get("LIBRARY20_CI") == "1"


def require(available: bool, what: str) -> None:
    """Skip when ``what`` is missing here; in CI (LIBRARY20_CI=1) a missing service fails."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"{what} is required in CI but is not available")
    pytest.skip(f"{what} is not available on this machine")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def job_queue_url() -> str:
    """A Redis database for job queues that no other test process uses at the same time:
    pytest-xdist's workers (gw0, gw1, ...) count down from the last of Redis's 16 databases."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    return f"redis://127.0.0.1:6379/{15 - int(worker.removeprefix('gw')) % 8}"


def empty_job_queue(settings):
    """django-rq's default queue on this process's Redis database, emptied; skipped without
    Redis. ``settings`` is pytest-django's fixture, which puts RQ_QUEUES back afterwards."""
    require(port_open("127.0.0.1", 6379), "Redis on 127.0.0.1:6379")
    import django_rq

    settings.RQ_QUEUES = {"default": {"URL": job_queue_url()}}
    queue = django_rq.get_queue("default")
    queue.empty()
    for job_id in queue.scheduled_job_registry.get_job_ids():
        queue.scheduled_job_registry.remove(job_id)
    return queue


def work_off(queue) -> None:
    """Run the queue's jobs in this process until it is empty, as a worker in burst mode."""
    from rq import SimpleWorker

    SimpleWorker([queue], connection=queue.connection).work(burst=True)


def chromium_path() -> str | None:
    return (
        os.environ.get("CHROMIUM_PATH")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def chromium() -> Iterator["Browser"]:
    """Debian's headless Chromium driven by Playwright, closed on leaving; skipped without it."""
    executable = chromium_path()
    require(executable is not None, "Chromium (Debian's chromium package)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
