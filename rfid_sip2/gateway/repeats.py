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
- A key is claimed in the journal's database before its request goes anywhere, and the answer
  stored once given (commits that survive the process dying, not a power cut: a device that
  waited through a power cut is answered afresh). After a restart, a repeat whose answer was
  stored gets it; one claimed but never answered (the gateway died in between) may have reached
  the ILS, so it is handled as a transaction whose answer was lost: in doubt.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from rfid_sip2.sip2.connection import MessageReceived
from rfid_sip2.sip2.messages import Message
from rfid_sip2.upstreams.base import changes_ils

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
class _Request:
    at: float  # when it first arrived, seconds since the epoch
    done: asyncio.Event = field(default_factory=asyncio.Event)
    answered: bool = False
    response: Message | None = None
    lost: bool = False  # claimed, never answered: it may have reached the ILS


class Repeats:
    """The answers given to keyed requests, for ``window`` seconds."""

    def __init__(self, journal, window: float, clock: Callable[[], float] = time.time) -> None:
        self._journal = journal
        self._window = window
        self._clock = clock
        self._requests: dict[str, _Request] = {}
        for key, at, answered, response in journal.requests_since(clock() - window):
            known = _Request(at, answered=answered, response=response, lost=not answered)
            known.done.set()
            self._requests[key] = known

    async def answer(self, key: str, compute: Compute) -> Answer:
        """The first answer to the request ``key`` names (how: "repeat"), or a new one from
        ``compute(lost)``, where ``lost`` says an earlier copy may have reached the ILS."""
        while True:
            known = self._live(key)
            if known is None or known.lost:
                return await self._first(key, compute, lost=known is not None)
            await known.done.wait()
            if known.answered:
                return known.response, "repeat"
            # The first copy ended without an answer (it failed, or the gateway is stopping).

    async def _first(self, key: str, compute: Compute, *, lost: bool) -> Answer:
        request = _Request(self._clock())
        self._requests[key] = request
        try:
            await asyncio.to_thread(self._journal.claim_request, key, request.at)
            response, how = await compute(lost)
        except BaseException:
            request.lost = True
            request.done.set()
            raise
        request.answered, request.response = True, response
        request.done.set()  # repeats waiting have it now; the disk has it next
        await asyncio.to_thread(self._journal.answer_request, key, response)
        return response, how

    def _live(self, key: str) -> _Request | None:
        known = self._requests.get(key)
        if known is not None and self._clock() - known.at > self._window:
            del self._requests[key]
            return None
        return known

    async def forget_old(self) -> None:
        """Drop what is older than the window, here and in the journal."""
        horizon = self._clock() - self._window
        for key in [k for k, known in self._requests.items() if known.at < horizon]:
            if self._requests[key].done.is_set():
                del self._requests[key]
        await asyncio.to_thread(self._journal.forget_requests, horizon)
