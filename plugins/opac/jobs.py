"""Work done after a reader's request rather than in it: on django-rq's queue when Redis is
configured (``library20 rqworker default`` runs it), else in this process once the transaction
commits."""

from __future__ import annotations

import logging
from collections.abc import Callable
from types import TracebackType

import django_rq
from django.conf import settings
from django.db import transaction
from redis.exceptions import RedisError
from rq import Callback, Retry
from rq.job import Job

log = logging.getLogger(__name__)

# Waits before each new try of a job that failed for want of a server (SMTP, Koha): half a
# minute, then 2, 10 and 30 minutes, so an outage of up to about 40 minutes loses nothing.
RETRY_SECONDS = (30, 120, 600, 1800)


def queued() -> bool:
    """Whether jobs go to django-rq's queue (REDIS_URL is set) rather than run in-process."""
    return "default" in settings.RQ_QUEUES


def later(job: Callable[..., object], *args: object) -> None:
    """Run ``job(*args)`` after the current transaction commits (at once outside one)."""
    if queued():
        transaction.on_commit(lambda: _enqueue(job, args, lambda: _queue().enqueue(job, *args)))
    else:
        transaction.on_commit(lambda: _run_here(job, *args))


def later_with_retries(job: Callable[..., object], *args: object) -> None:
    """As ``later``, for a job that fails while a server it needs is away: on the queue it is
    tried again after each of RETRY_SECONDS, every failure logged on one line. In-process
    there is no one to wait, so a failure is logged and dropped."""
    if not queued():
        transaction.on_commit(lambda: _run_here(job, *args))
        return

    def enqueue() -> None:
        _queue().enqueue(
            job,
            *args,
            retry=Retry(max=len(RETRY_SECONDS), interval=list(RETRY_SECONDS)),
            on_failure=Callback(log_failure),
        )

    transaction.on_commit(lambda: _enqueue(job, args, enqueue))


def _queue() -> django_rq.queues.DjangoRQ:
    """The default queue, enqueueing at once: the callers wait for the commit themselves, so
    that a queue out of reach is known here (django-rq would wait for it again)."""
    return django_rq.get_queue("default", commit_mode="auto")


def _enqueue(job: Callable[..., object], args: tuple, enqueue: Callable[[], object]) -> None:
    """Put the job on the queue; with Redis away, run it here: the reader's change is saved
    already, and an error now would show them a failure for it (and lose the job)."""
    try:
        enqueue()
    except RedisError as error:
        log.warning(
            "job queue unreachable job=%s.%s error=%s: run in this process",
            job.__module__,
            job.__qualname__,
            type(error).__name__,
        )
        _run_here(job, *args)


def log_failure(
    job: Job,
    connection: object,
    kind: type[BaseException],
    error: BaseException,
    traceback: TracebackType | None,
) -> None:
    """rq's failure callback: the job, the try and the kind of error. Never the job's
    arguments or the error's text, which may hold an address or a server's reply."""
    retries_left = job.retries_left or 0
    attempt = len(RETRY_SECONDS) - retries_left + 1
    log.warning(
        "job failed job=%s id=%s attempt=%d retries_left=%d error=%s",
        job.func_name,
        job.id,
        attempt,
        retries_left,
        kind.__name__,
    )


def _run_here(job: Callable[..., object], *args: object) -> None:
    try:
        job(*args)
    except Exception as error:  # the reader's own change is saved; a scheduled run catches up
        log.error("background job failed job=%s error=%s", job.__qualname__, type(error).__name__)
        log.debug("background job failed job=%s", job.__qualname__, exc_info=True)
