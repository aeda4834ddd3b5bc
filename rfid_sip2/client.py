"""An asyncio SIP2 client (the device side): the spec's timeouts, retransmission and 97.

Timeouts are ``asyncio.timeout`` blocks, not ``wait_for``: on Python 3.11 ``wait_for`` loses a
cancellation that comes as what it waits for completes, and a gateway stopping must stop.

Used by the gateway to reach Koha's SIP2 server, by ``rfid-sip2 send``, and by stations.
"""

from __future__ import annotations

import asyncio
import math
import ssl
from dataclasses import dataclass

from rfid_sip2.sip2.codec import DEFAULT, CodecOptions
from rfid_sip2.sip2.connection import Failed, Reply, ResponseReceived, ScConnection
from rfid_sip2.sip2.messages import LoginRequest, LoginResponse, Message, SCStatus

CLOSE_TIMEOUT = 2.0  # seconds a closing connection waits for the ACS to close its side


class SipClientError(Exception):
    """The ACS could not be reached: the request was not sent."""


class AnswerLost(SipClientError):
    """The request was written, and no usable answer came (timeout, deadline, connection cut
    or reset): the ACS may have acted on it."""


@dataclass
class SipClient:
    """One connection to an ACS; one request at a time, as SIP2 has it.

    ``deadline`` arguments are event-loop times (``loop.time()``) bounding a whole call.
    """

    host: str
    port: int
    options: CodecOptions = DEFAULT
    error_detection: bool = True
    timeout: float = 5.0  # for each try
    retries: int = 2
    ssl_context: ssl.SSLContext | None = None
    server_hostname: str | None = None

    def __post_init__(self) -> None:
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._protocol = ScConnection(self.options, self.error_detection, self.retries)
        self._lock = asyncio.Lock()

    @property
    def connected(self) -> bool:
        """Open, and not closed by the ACS (its FIN seen): safe to write a request to."""
        return (
            self._writer is not None
            and not self._writer.is_closing()
            and self._reader is not None
            and not self._reader.at_eof()
        )

    async def connect(self, *, deadline: float | None = None) -> None:
        try:
            async with asyncio.timeout(self._wait(self.timeout, deadline)):
                self._reader, self._writer = await asyncio.open_connection(
                    self.host,
                    self.port,
                    ssl=self.ssl_context,
                    server_hostname=self.server_hostname if self.ssl_context else None,
                )
        except (OSError, TimeoutError) as error:
            raise SipClientError(
                f"cannot connect to {self.host}:{self.port} ({error.__class__.__name__})"
            ) from None
        self._protocol = ScConnection(self.options, self.error_detection, self.retries)

    async def close(self) -> None:
        writer, self._writer, self._reader = self._writer, None, None
        if writer is None:
            return
        writer.close()
        try:
            # TLS waits for the peer's close_notify (30 s by default): a peer that stopped
            # answering must not hold up whoever closes, a gateway shutting down above all.
            async with asyncio.timeout(CLOSE_TIMEOUT):
                await writer.wait_closed()
        except TimeoutError:
            writer.transport.abort()
        except (OSError, ssl.SSLError):
            pass

    def _abandon(self) -> None:
        """Drop the connection at once: an answer still on its way must not reach the next
        request."""
        writer, self._writer, self._reader = self._writer, None, None
        if writer is not None:
            writer.close()

    async def login(
        self,
        user: str,
        password: str,
        location: str | None = None,
        *,
        deadline: float | None = None,
    ) -> bool:
        response = await self.request(
            LoginRequest(login_user_id=user, login_password=password, location_code=location),
            deadline=deadline,
        )
        return isinstance(response, LoginResponse) and response.ok

    async def status(self, *, deadline: float | None = None) -> Message:
        return await self.request(SCStatus(), deadline=deadline)

    async def request(self, message: Message, *, deadline: float | None = None) -> Message:
        """Send ``message`` and wait for its answer, sending it again on timeouts as the spec
        says: for requests that are harmless to repeat."""
        return await self._exchange(message, deadline, resend=True)

    async def request_once(self, message: Message, *, deadline: float | None = None) -> Message:
        """Send ``message`` once and wait for its answer until ``deadline`` (or every try's
        worth of timeouts): for requests an ACS without duplicate detection would apply twice.
        No answer in time is AnswerLost, never a second copy."""
        return await self._exchange(message, deadline, resend=False)

    async def _exchange(self, message: Message, deadline: float | None, *, resend: bool) -> Message:
        async with self._lock:
            if not self.connected:
                raise SipClientError(f"not connected to {self.host}:{self.port}")
            try:
                await self._write(self._protocol.request(message))
                return await self._answer(deadline, resend)
            except BaseException:  # lost, or cancelled while waiting: an answer may still come
                self._abandon()
                raise

    async def _answer(self, deadline: float | None, resend: bool) -> Message:
        where = f"{self.host}:{self.port}"
        if resend:
            each = self.timeout
        elif deadline is not None:
            each = math.inf  # one try: its answer is awaited as long as the deadline allows
        else:
            each = self.timeout * (self.retries + 1)
        while True:
            try:
                async with asyncio.timeout(self._wait(each, deadline)):
                    data = await self._reader.read(65536)
            except TimeoutError:
                if self._past(deadline):
                    raise AnswerLost(f"{where}: no answer by the deadline") from None
                outcome = self._protocol.timed_out() if resend else Failed("no answer in time")
                if isinstance(outcome, Failed):
                    raise AnswerLost(f"{where}: {outcome.reason}") from None
                await self._write(outcome.data)
                continue
            except (OSError, ssl.SSLError) as error:
                raise AnswerLost(f"{where}: {error}") from None
            if not data:
                raise AnswerLost(f"{where} closed the connection before answering")
            for event in self._protocol.receive_data(data):
                if isinstance(event, ResponseReceived):
                    return event.message
                if isinstance(event, Failed):
                    raise AnswerLost(f"{where}: {event.reason}")
                if isinstance(event, Reply):
                    await self._write(event.data)

    async def _write(self, data: bytes) -> None:
        try:
            self._writer.write(data)
            await self._writer.drain()
        except (OSError, ssl.SSLError) as error:
            raise AnswerLost(f"{self.host}:{self.port}: {error}") from None

    @staticmethod
    def _wait(timeout: float, deadline: float | None) -> float:
        """``timeout``, cut short by ``deadline``."""
        if deadline is None:
            return timeout
        return max(0.0, min(timeout, deadline - asyncio.get_running_loop().time()))

    @staticmethod
    def _past(deadline: float | None) -> bool:
        return deadline is not None and asyncio.get_running_loop().time() >= deadline
