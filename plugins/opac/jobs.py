"""Work done after a reader's request rather than in it: on django-rq's queue when Redis is
configured (``library20 rqworker`` runs it), else in this process once the transaction commits."""

from __future__ import annotations

import logging
from collections.abc import Callable

import django_rq
from django.conf import settings
from django.db import transaction

log = logging.getLogger(__name__)


def later(job: Callable[..., object], *args: object) -> None:
    """Run ``job(*args)`` after the current transaction commits (at once outside one)."""
    if "default" in settings.RQ_QUEUES:
        transaction.on_commit(lambda: django_rq.enqueue(job, *args))
    else:
        transaction.on_commit(lambda: _run_here(job, *args))


def _run_here(job: Callable[..., object], *args: object) -> None:
    try:
        job(*args)
    except Exception:  # the reader's own change is saved; the nightly recompute catches up
        log.exception("background job %s failed", job.__qualname__)
