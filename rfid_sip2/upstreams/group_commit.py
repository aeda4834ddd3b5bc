"""Sandbox transactions for the event loop, run in one worker thread that commits together
whatever queued up together.

Each piece of work is a transaction of its own as far as anyone can tell: it runs inside a
savepoint (its own ``store.transaction()`` joins the open one), and one that fails is rolled back
alone. What a busy gateway sends at once shares the
thread's wake-up, one COMMIT and one hand-back to the event loop, instead of paying each per
request. Nothing is answered before its COMMIT.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from collections.abc import Callable
from typing import Any

from koha_bridge.sandbox.store import Store
from rfid_sip2.upstreams.checkpoints import Checkpoints, stop_checkpointing_on_commit
from rfid_sip2.writer_lock import WriterLock

Work = Callable[[], Any]
_STOP = None
BATCH = 64  # pieces of work in one transaction at most: a late one waits for no more than these


class GroupCommit:
    """``run(work)``: ``work()`` in a transaction shared with what else is queued."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._writers = WriterLock(store.path)  # gateway workers share the sandbox
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._checkpoints: Checkpoints | None = None

    def run(self, work: Work) -> asyncio.Future:
        """A future for what ``work()`` returns or raises, set once it is committed."""
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        if self._thread is None:
            if self._store.path != ":memory:":
                self._checkpoints = Checkpoints(self._store)
            self._thread = threading.Thread(
                target=self._serve, name="sandbox-transactions", daemon=True
            )
            self._thread.start()
        self._queue.put((work, loop, future))
        return future

    async def close(self) -> None:
        """Finish what is queued and stop the thread."""
        thread, self._thread = self._thread, None
        if thread is not None:
            self._queue.put(_STOP)
            await asyncio.to_thread(thread.join)
        checkpoints, self._checkpoints = self._checkpoints, None
        if checkpoints is not None:
            await asyncio.to_thread(checkpoints.close)
        self._writers.close()

    def _serve(self) -> None:
        if self._checkpoints is not None:
            stop_checkpointing_on_commit(self._store.connection())
        while (first := self._queue.get()) is not _STOP:
            batch = [first]
            stopping = False
            while len(batch) < BATCH:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is _STOP:
                    stopping = True
                    break
                batch.append(item)
            _deliver(batch, self._commit([work for work, _loop, _future in batch]))
            if stopping:
                return

    def _commit(self, works: list[Work]) -> list[tuple[bool, Any]]:
        """(True, result) or (False, error) for each piece of work, once committed."""
        outcomes: list[tuple[bool, Any]] = []
        try:
            with self._writers, self._store.transaction() as db:
                for work in works:
                    db.execute("SAVEPOINT work")
                    try:
                        outcomes.append((True, work()))
                    except Exception as error:
                        db.execute("ROLLBACK TO work")
                        outcomes.append((False, error))
                    db.execute("RELEASE work")
        except Exception as error:  # BEGIN or COMMIT failed: none of it happened
            return [(False, error)] * len(works)
        return outcomes


def _deliver(batch: list, outcomes: list[tuple[bool, Any]]) -> None:
    by_loop: dict[asyncio.AbstractEventLoop, list] = {}
    for (_work, loop, future), outcome in zip(batch, outcomes, strict=True):
        by_loop.setdefault(loop, []).append((future, outcome))
    for loop, settled in by_loop.items():
        with contextlib.suppress(RuntimeError):  # its loop is closed: nobody waits any more
            loop.call_soon_threadsafe(_settle, settled)


def _settle(settled: list) -> None:
    for future, (ok, value) in settled:
        if future.done():  # its waiter gave up (the deadline passed)
            continue
        if ok:
            future.set_result(value)
        else:
            future.set_exception(value)
