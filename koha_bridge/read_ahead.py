"""Iterating one item ahead in a thread: the next Koha page is read while the caller stores the
one before, so waiting on Koha and waiting on the database overlap."""

from __future__ import annotations

import queue
import threading
from collections.abc import Generator, Iterator
from typing import TypeVar

T = TypeVar("T")

_POLL_SECONDS = 0.05  # how soon a worker notices that its caller stopped
_DONE = object()


def read_ahead(items: Iterator[T]) -> Iterator[T]:
    """The items, each produced in a worker thread while the caller handles the one before.

    At most one item is produced ahead, so memory stays what it was without the thread. An
    exception raised while producing an item is raised here, where that item was due; closing
    this iterator (or leaving a loop over it) stops the worker once its item is done.
    """
    ready: queue.Queue = queue.Queue(maxsize=1)
    may_produce = threading.Semaphore(1)  # released when the caller takes an item
    stop = threading.Event()

    def produce() -> None:
        try:
            while _wait(may_produce, stop):
                item = next(items, _DONE)
                if not _put(ready, (True, item), stop) or item is _DONE:
                    return
        except BaseException as error:  # raised again in the caller's thread
            _put(ready, (False, error), stop)
        finally:
            if isinstance(items, Generator):
                items.close()  # its own clean-up, as when a loop over it is left

    worker = threading.Thread(target=produce, name="read-ahead", daemon=True)
    worker.start()
    try:
        while True:
            produced, item = ready.get()
            may_produce.release()
            if not produced:
                raise item
            if item is _DONE:
                return
            yield item
    finally:
        stop.set()
        worker.join()


def _wait(semaphore: threading.Semaphore, stop: threading.Event) -> bool:
    while not stop.is_set():
        if semaphore.acquire(timeout=_POLL_SECONDS):
            return True
    return False


def _put(ready: queue.Queue, entry: tuple[bool, object], stop: threading.Event) -> bool:
    while not stop.is_set():
        try:
            ready.put(entry, timeout=_POLL_SECONDS)
            return True
        except queue.Full:
            continue
    return False
