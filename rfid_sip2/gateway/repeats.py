"""A device's request sent again gets the first answer, not a second transaction.

A self-check machine that lost an answer reconnects and sends the identical frame again (same
AY sequence number, same transaction date, so the same AZ checksum). The connection's own
duplicate detection covers one connection only; here a request is recognised across
connections for ``repeat_window`` seconds, and across a restart of the gateway:

- Only frames with error detection (AY/AZ) and a transaction date, for requests that change
  something in the ILS, have a key: the account, command, sequence number, date and checksum,
  with the patron and item, so that devices sharing an account cannot collide on a 16-bit
  checksum. A repeated read is harmless to answer afresh.
- A repeat that arrives while the first copy is being answered waits for that answer.
- A key is claimed on disk (``gateway.answered``) before its request goes anywhere, and the
  answer stored once given (commits that survive the process dying, not a power cut: a device
  that waited through a power cut is answered afresh). After a restart, a repeat whose answer was
  stored gets it; one claimed but never answered (the gateway died in between) may have reached
  the ILS, so it is handled as a transaction whose answer was lost: in doubt.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from rfid_sip2.gateway.answered import AnsweredRequests, Claimed
from rfid_sip2.sip2.connection import MessageReceived
from rfid_sip2.sip2.messages import Message
from rfid_sip2.upstreams.base import changes_ils

log = logging.getLogger(__name__)
# Rows written between checkpoints: the WAL stays a few megabytes at most.
CHECKPOINT_EVERY = 1000
ELSEWHERE_POLL = 0.05  # seconds between looks at a first copy another worker answers
Answer = tuple[Message | None, str]  # the response (None: 96) and how it was reached
Compute = Callable[[bool], Awaitable[Answer]]  # called with: an earlier copy was lost
T = TypeVar("T")
R = TypeVar("R")


def request_key(account: str, received: MessageReceived) -> str | None:
    """The request's identity across connections, or None if it has none worth keeping."""
    message = received.message
    date = getattr(message, "transaction_date", None)
    if received.checksum is None or date is None or not changes_ils(message):
        return None
    parts = (
        account,
        message.CODE,
        str(received.sequence_number),
        date.isoformat(),
        received.checksum,
        getattr(message, "patron_identifier", "") or "",
        getattr(message, "item_identifier", "") or "",
    )
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


@dataclass
class _Answering:
    """A keyed request being answered now: repeats that arrive meanwhile wait for it."""

    done: asyncio.Event = field(default_factory=asyncio.Event)
    answered: bool = False
    response: Message | None = None


class Repeats:
    """First answers to keyed requests, for ``window`` seconds.

    ``AnsweredRequests`` on disk is the record, so memory holds only the requests being
    answered, however many a busy gateway answers in the window.
    """

    def __init__(
        self, store: AnsweredRequests, window: float, clock: Callable[[], float] = time.time
    ) -> None:
        self._store = store
        self._window = window
        self._clock = clock
        self._answering: dict[str, _Answering] = {}
        self._rows_written = 0
        self._checkpoint: asyncio.Task | None = None
        # Busy devices' claims and answers share commits: one per turn of the event loop.
        self._claims = _Batch(self._claim_all)
        self._answers = _Batch(self._answer_all)

    def _claim_all(self, claims: list[tuple[str, float, float]]) -> list[Claimed | None]:
        found = self._store.claim_all(claims)
        self._committed(len(claims))  # the WAL grows with what is written, not how often
        return found

    def _answer_all(self, answers: list[tuple[str, Message | None]]) -> list[None]:
        self._store.answer(answers)
        self._committed(len(answers))
        return [None] * len(answers)

    async def answer(self, key: str, compute: Compute) -> Answer:
        """The first answer to the request ``key`` names (how: "repeat"), or a new one from
        ``compute(lost)``, where ``lost`` says an earlier copy may have reached the ILS."""
        while (first := self._answering.get(key)) is not None:
            await first.done.wait()
            if first.answered:
                return first.response, "repeat"
            # The first copy ended without an answer: its claim on disk says it was lost.
        mine = self._answering[key] = _Answering()
        try:
            now = self._clock()
            earlier = await self._claims.add((key, now, now - self._window))
            while earlier is not None and earlier.elsewhere:
                # Another worker answers the first copy: its answer is stored once given
                # (or, should it never be, its claim ends and this copy is the lost one's).
                await asyncio.sleep(ELSEWHERE_POLL)
                earlier = await self._claims.add((key, self._clock(), now - self._window))
            if earlier is not None and earlier.answered:
                mine.answered, mine.response = True, earlier.response
                return earlier.response, "repeat"
            response, how = await compute(earlier is not None)
            # Stored before the device has it: a repeat after a crash in between gets it too.
            await self._answers.add((key, response))
            mine.answered, mine.response = True, response
            return response, how
        finally:
            mine.done.set()
            del self._answering[key]

    def _committed(self, rows: int) -> None:
        """Checkpoint the store now and then, in a worker thread, one at a time."""
        self._rows_written += rows
        if self._rows_written < CHECKPOINT_EVERY or (
            self._checkpoint is not None and not self._checkpoint.done()
        ):
            return
        self._rows_written = 0
        self._checkpoint = asyncio.get_running_loop().create_task(
            asyncio.to_thread(self._store.checkpoint)
        )
        self._checkpoint.add_done_callback(_report_checkpoint)

    async def settle(self) -> None:
        """Wait for a checkpoint under way (before the store closes)."""
        if self._checkpoint is not None:
            await asyncio.gather(self._checkpoint, return_exceptions=True)

    def forget_old(self) -> None:
        """Drop the answers older than the window."""
        self._store.forget(self._clock() - self._window)
        self._committed(1)


class _Batch(Generic[T, R]):
    """Items added during one turn of the event loop, written together at its end: ``write``
    takes them all and returns each one's result, in order."""

    def __init__(self, write: Callable[[list[T]], list[R]]) -> None:
        self._write = write
        self._waiting: list[tuple[T, asyncio.Future[R]]] = []

    def add(self, item: T) -> asyncio.Future[R]:
        loop = asyncio.get_running_loop()
        if not self._waiting:
            loop.call_soon(self._flush)
        future = loop.create_future()
        self._waiting.append((item, future))
        return future

    def _flush(self) -> None:
        waiting, self._waiting = self._waiting, []
        try:
            results = self._write([item for item, _future in waiting])
        except Exception as error:  # each waiter fails as its own write would have
            for _item, future in waiting:
                if not future.done():
                    future.set_exception(error)
            return
        for (_item, future), result in zip(waiting, results, strict=True):
            if not future.done():
                future.set_result(result)


def _report_checkpoint(task: asyncio.Task) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("repeats store checkpoint failed: %s", task.exception())
