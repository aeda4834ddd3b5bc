"""Koha's SIP2 server as the upstream: a pool of persistent, logged-in client connections.

Each connection logs in with the gateway's own SIP account; a broken one is dropped and
reopened with backoff; an idle pool is checked with 99 (SC status). Requests are forwarded with
the configured institution (AO) and location (AP) rewrites.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time

from rfid_sip2.client import SipClient, SipClientError
from rfid_sip2.gateway.config import KohaUpstream
from rfid_sip2.gateway.tls import client_context
from rfid_sip2.sip2.codec import CodecOptions
from rfid_sip2.sip2.messages import ACSStatus, Message
from rfid_sip2.upstreams.base import Terminal, UpstreamUnavailable

log = logging.getLogger(__name__)
BACKOFF_START, BACKOFF_MAX = 0.5, 30.0


class KohaSipUpstream:
    """Forwards requests to Koha's SIP2 server over a pool of client connections."""

    def __init__(self, config: KohaUpstream) -> None:
        self.config = config
        self._idle: asyncio.Queue[SipClient] = asyncio.Queue()
        self._size = 0
        self._backoff = BACKOFF_START
        self._down_until = 0.0
        self._lock = asyncio.Lock()
        self._tls = client_context(config) if config.tls else None  # its files checked now

    def _new_client(self) -> SipClient:
        config = self.config
        return SipClient(
            config.host,
            config.port,
            options=CodecOptions(encoding=config.encoding, terminator=config.terminator),
            error_detection=config.error_detection,
            timeout=config.timeout,
            retries=config.retries,
            ssl_context=self._tls,
            server_hostname=config.host if config.tls else None,  # checked against its certificate
        )

    async def _open(self) -> SipClient:
        """A new logged-in connection, or UpstreamUnavailable (and a backoff before the next)."""
        if time.monotonic() < self._down_until:
            raise UpstreamUnavailable(
                f"Koha SIP2 at {self.config.host}:{self.config.port} is down; retrying later"
            )
        client = self._new_client()
        try:
            await client.connect()
            if not await client.login(
                self.config.login, self.config.password, self.config.location or None
            ):
                await client.close()
                raise UpstreamUnavailable(
                    f"Koha SIP2 refused the login {self.config.login!r}: check the account"
                )
        except SipClientError as error:
            self._down_until = time.monotonic() + self._backoff
            self._backoff = min(self._backoff * 2, BACKOFF_MAX)
            raise UpstreamUnavailable(str(error)) from None
        self._backoff = BACKOFF_START
        return client

    async def _acquire(self) -> SipClient:
        while not self._idle.empty():
            client = self._idle.get_nowait()
            if client.connected:
                return client
            self._size -= 1
        async with self._lock:
            if self._size < self.config.pool_size:
                client = await self._open()
                self._size += 1
                return client
        return await self._idle.get()

    def _release(self, client: SipClient, *, broken: bool) -> None:
        if broken or not client.connected:
            self._size -= 1
            asyncio.get_running_loop().create_task(client.close())
        else:
            self._idle.put_nowait(client)

    def rewrite(self, request: Message) -> Message:
        """The request as Koha should see it: its institution and location codes."""
        changes = {}
        institution = getattr(request, "institution_id", None)
        if institution is not None:
            changes["institution_id"] = self.config.institution_rewrite.get(
                institution, institution
            )
        location = getattr(request, "current_location", None)
        if location is not None:
            changes["current_location"] = self.config.location_rewrite.get(location, location)
        return dataclasses.replace(request, **changes) if changes else request

    async def handle(self, request: Message, terminal: Terminal) -> Message:
        client = await self._acquire()
        try:
            response = await client.request(self.rewrite(request))
        except SipClientError as error:
            self._release(client, broken=True)
            raise UpstreamUnavailable(str(error)) from None
        self._release(client, broken=False)
        return response

    async def healthy(self) -> bool:
        """An SC status round trip on a pooled connection."""
        try:
            client = await self._acquire()
        except UpstreamUnavailable:
            return False
        try:
            response = await client.status()
        except SipClientError:
            self._release(client, broken=True)
            return False
        self._release(client, broken=False)
        return isinstance(response, ACSStatus) and response.online_status

    async def close(self) -> None:
        while not self._idle.empty():
            await self._idle.get_nowait().close()
        self._size = 0
