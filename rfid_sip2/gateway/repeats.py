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

from rfid_sip2.gateway.answered import AnsweredRequests
from rfid_sip2.sip2.connection import MessageReceived
from rfid_sip2.sip2.messages import Message
from rfid_sip2.upstreams.base import changes_ils

log = logging.getLogger(__name__)
# Commits between checkpoints: the WAL stays a few megabytes at most.
CHECKPOINT_EVERY = 1000
Answer = tuple[Message | None, str]  # the response (None: 96) and how it was reached
Compute = Callable[[bool], Awaitable[Answer]]  # called with: an earlier copy was lost


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
        self._commits = 0
        self._checkpoint: asyncio.Task | None = None

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
            earlier = self._store.claim(key, now, now - self._window)
            if earlier is not None and earlier.answered:
                mine.answered, mine.response = True, earlier.response
                return earlier.response, "repeat"
            response, how = await compute(earlier is not None)
            # Stored before the device has it: a repeat after a crash in between gets it too.
            self._store.answer([(key, response)])
            mine.answered, mine.response = True, response
            self._committed(2)
            return response, how
        finally:
            mine.done.set()
            del self._answering[key]

    def _committed(self, commits: int) -> None:
        """Checkpoint the store now and then, in a worker thread, one at a time."""
        self._commits += commits
        if self._commits < CHECKPOINT_EVERY or (
            self._checkpoint is not None and not self._checkpoint.done()
        ):
            return
        self._commits = 0
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


def _report_checkpoint(task: asyncio.Task) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("repeats store checkpoint failed: %s", task.exception())
