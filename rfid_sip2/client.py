"""An asyncio SIP2 client (the device side): the spec's timeouts, retransmission and 97.

Used by the gateway to reach Koha's SIP2 server, by ``rfid-sip2 send``, and by stations.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from dataclasses import dataclass

from rfid_sip2.sip2.codec import DEFAULT, CodecOptions
from rfid_sip2.sip2.connection import Failed, Ignored, Reply, ResponseReceived, ScConnection
from rfid_sip2.sip2.messages import LoginRequest, LoginResponse, Message, SCStatus


class SipClientError(Exception):
    """The ACS could not be reached or gave no usable answer."""


@dataclass
class SipClient:
    """One connection to an ACS; one request at a time, as SIP2 has it."""

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
        return self._writer is not None and not self._writer.is_closing()

    async def connect(self) -> None:
        try:
            self._reader, self._writer = await asyncio.wait_for(
                asyncio.open_connection(
                    self.host,
                    self.port,
                    ssl=self.ssl_context,
                    server_hostname=self.server_hostname if self.ssl_context else None,
                ),
                self.timeout,
            )
        except (OSError, TimeoutError) as error:
            raise SipClientError(
                f"cannot connect to {self.host}:{self.port} ({error.__class__.__name__})"
            ) from None
        self._protocol = ScConnection(self.options, self.error_detection, self.retries)

    async def close(self) -> None:
        writer, self._writer, self._reader = self._writer, None, None
        if writer is not None:
            writer.close()
            with contextlib.suppress(OSError, ssl.SSLError):
                await writer.wait_closed()

    async def login(self, user: str, password: str, location: str | None = None) -> bool:
        response = await self.request(
            LoginRequest(login_user_id=user, login_password=password, location_code=location)
        )
        return isinstance(response, LoginResponse) and response.ok

    async def status(self) -> Message:
        return await self.request(SCStatus())

    async def request(self, message: Message) -> Message:
        """Send ``message`` and wait for its answer, retrying as the spec says."""
        async with self._lock:
            if not self.connected:
                raise SipClientError(f"not connected to {self.host}:{self.port}")
            await self._write(self._protocol.request(message))
            while True:
                try:
                    data = await asyncio.wait_for(self._reader.read(65536), self.timeout)
                except TimeoutError:
                    outcome = self._protocol.timed_out()
                    if isinstance(outcome, Failed):
                        await self.close()
                        raise SipClientError(f"{self.host}:{self.port}: {outcome.reason}") from None
                    await self._write(outcome.data)
                    continue
                except (OSError, ssl.SSLError) as error:
                    await self.close()
                    raise SipClientError(f"{self.host}:{self.port}: {error}") from None
                if not data:
                    await self.close()
                    raise SipClientError(f"{self.host}:{self.port} closed the connection")
                for event in self._protocol.receive_data(data):
                    if isinstance(event, ResponseReceived):
                        return event.message
                    if isinstance(event, Failed):
                        await self.close()
                        raise SipClientError(f"{self.host}:{self.port}: {event.reason}")
                    if isinstance(event, Reply):
                        await self._write(event.data)
                    elif isinstance(event, Ignored):
                        continue

    async def _write(self, data: bytes) -> None:
        try:
            self._writer.write(data)
            await self._writer.drain()
        except (OSError, ssl.SSLError) as error:
            await self.close()
            raise SipClientError(f"{self.host}:{self.port}: {error}") from None
