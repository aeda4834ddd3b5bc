"""Koha's SIP2 server as the upstream: a pool of persistent, logged-in client connections.

Each connection logs in with the gateway's own SIP account; a broken one is dropped and
reopened with backoff; an idle pool is checked with 99 (SC status). Requests are forwarded with
the configured institution (AO) and location (AP) rewrites.

Every wait has the caller's deadline: for a free connection, to connect and log in, and for the
answer. A request that changes something is sent once (Koha's SIP server has no duplicate
detection: a second copy would be a second loan); if its answer does not come it is in doubt
(UpstreamInDoubt). Requests that only read are sent again on timeouts, as the spec says.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time

from rfid_sip2.client import AnswerLost, SipClient, SipClientError
from rfid_sip2.gateway.config import KohaUpstream
from rfid_sip2.gateway.tls import client_context
from rfid_sip2.sip2.codec import CodecOptions
from rfid_sip2.sip2.messages import ACSStatus, Message
from rfid_sip2.upstreams.base import Terminal, UpstreamInDoubt, UpstreamUnavailable, changes_ils

log = logging.getLogger(__name__)
BACKOFF_START, BACKOFF_MAX = 0.5, 30.0


class KohaSipUpstream:
    """Forwards requests to Koha's SIP2 server over a pool of client connections."""

    def __init__(self, config: KohaUpstream) -> None:
        self.config = config
        # A request holds a slot while it uses a connection; a broken connection gives its slot
        # back like any other, so whoever waits opens a new one.
        self._slots = asyncio.Semaphore(config.pool_size)
        self._idle: list[SipClient] = []
        self._backoff = BACKOFF_START
        self._down_until = 0.0
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

    async def _open(self, deadline: float | None) -> SipClient:
        """A new logged-in connection, or UpstreamUnavailable (and a backoff before the next)."""
        if time.monotonic() < self._down_until:
            raise UpstreamUnavailable(
                f"Koha SIP2 at {self.config.host}:{self.config.port} is down; retrying later"
            )
        client = self._new_client()
        try:
            await client.connect(deadline=deadline)
            if not await client.login(
                self.config.login,
                self.config.password,
                self.config.location or None,
                deadline=deadline,
            ):
                await client.close()
                raise UpstreamUnavailable(
                    f"Koha SIP2 refused the login {self.config.login!r}: check the account"
                )
        except SipClientError as error:  # a lost login answer included: no request was sent
            self._down_until = time.monotonic() + self._backoff
            self._backoff = min(self._backoff * 2, BACKOFF_MAX)
            raise UpstreamUnavailable(str(error)) from None
        self._backoff = BACKOFF_START
        return client

    async def _acquire(self, deadline: float | None) -> SipClient:
        """A connection for one request; its slot is held until ``_release``."""
        try:
            async with asyncio.timeout_at(deadline):
                await self._slots.acquire()
        except TimeoutError:
            raise UpstreamUnavailable("no Koha connection came free before the deadline") from None
        try:
            while self._idle:
                client = self._idle.pop()
                if client.connected:
                    return client
                await client.close()
            return await self._open(deadline)
        except BaseException:
            self._slots.release()
            raise

    def _release(self, client: SipClient, *, broken: bool) -> None:
        if broken or not client.connected:
            asyncio.get_running_loop().create_task(client.close())
        else:
            self._idle.append(client)
        self._slots.release()

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

    async def handle(
        self, request: Message, terminal: Terminal, deadline: float | None = None
    ) -> Message:
        client = await self._acquire(deadline)
        send = client.request_once if changes_ils(request) else client.request
        try:
            response = await send(self.rewrite(request), deadline=deadline)
        except AnswerLost as error:
            self._release(client, broken=True)
            raise UpstreamInDoubt(str(error)) from None
        except SipClientError as error:
            self._release(client, broken=True)
            raise UpstreamUnavailable(str(error)) from None
        except BaseException:
            self._release(client, broken=True)
            raise
        self._release(client, broken=False)
        return response

    async def healthy(self) -> bool:
        """An SC status round trip on a pooled connection, within the upstream's timeout."""
        deadline = asyncio.get_running_loop().time() + self.config.timeout
        try:
            client = await self._acquire(deadline)
        except UpstreamUnavailable:
            return False
        try:
            response = await client.status(deadline=deadline)
        except SipClientError:
            self._release(client, broken=True)
            return False
        except BaseException:
            self._release(client, broken=True)
            raise
        self._release(client, broken=False)
        return isinstance(response, ACSStatus) and response.online_status

    async def close(self) -> None:
        idle, self._idle = self._idle, []
        for client in idle:
            await client.close()
