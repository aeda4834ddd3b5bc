"""The library system as the station reaches it: one SIP2 connection (to the gateway or to
Koha's SIP2 server), logged in, re-opened when lost, and what its answers mean."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from datetime import date, datetime

from rfid_sip2.client import AnswerLost, SipClient, SipClientError
from rfid_sip2.gateway.offline import OFFLINE, RECORDED
from rfid_sip2.monitor import Monitor, Outcome, Role, UpstreamState
from rfid_sip2.sip2.dates import parse_date
from rfid_sip2.sip2.messages import Message
from rfid_sip2.station import events
from rfid_sip2.station.config import StationConfig
from rfid_sip2.station.timings import Timings


class IlsUnreachable(Exception):
    """Neither the library system nor the gateway answers; nothing was (knowingly) done."""


class Ils:
    """Requests go out one at a time, as SIP2 has it, each timed as SIP2 time."""

    def __init__(
        self,
        config: StationConfig,
        timings: Timings,
        clock: Callable[[], datetime] = datetime.now,
        monitor: Monitor | None = None,
    ) -> None:
        self.config = config
        self.timings = timings
        self.clock = clock
        self.monitor = monitor or Monitor(Role.STATION)
        self._client: SipClient | None = None
        self._down_until = 0.0
        self._connecting = asyncio.Lock()

    def stamp(self) -> datetime:
        """Now, to the second, in local time (SIP2 dates without a zone are the library's)."""
        return self.clock().replace(microsecond=0)

    async def ask(self, request: Message) -> Message:
        """A request that is harmless to repeat (reads): resent on timeouts."""
        return await self._exchange(request, once=False)

    async def change(self, request: Message) -> Message:
        """A request that changes the ILS: sent once; a lost answer is IlsUnreachable."""
        return await self._exchange(request, once=True)

    async def _exchange(self, request: Message, *, once: bool) -> Message:
        """The answer, counted by the monitor, which also learns whether the ILS is there."""
        try:
            response = await self._round_trip(request, once=once)
        except IlsUnreachable as error:
            self.monitor.transaction(request.CODE, Outcome.UNREACHABLE)
            self.monitor.upstream_is(UpstreamState.DOWN)
            self.monitor.error(f"SIP2 server unreachable: {error}")
            raise
        offline = said_offline(response)
        self.monitor.transaction(request.CODE, station_outcome(response))
        self.monitor.upstream_is(UpstreamState.OFFLINE if offline else UpstreamState.UP)
        return response

    async def _round_trip(self, request: Message, *, once: bool) -> Message:
        with self.timings.spent("sip2"):
            client = await self._connected()
            try:
                return await self._send(client, request, once)
            except SipClientError as error:  # AnswerLost included: the connection is gone
                await self._lost(client, error)
                if isinstance(error, AnswerLost) and once:
                    # It may have been done: a change is never sent twice.
                    self._rest()
                    raise IlsUnreachable(f"{error} (it may have been done)") from None
            # A connection the server closed while idle (its FIN not seen yet) sent nothing,
            # and a read is harmless to repeat: one more try, on a new connection.
            client = await self._connected()
            try:
                return await self._send(client, request, once)
            except SipClientError as error:
                await self._lost(client, error)
                self._rest()
                raise IlsUnreachable(str(error)) from None

    @staticmethod
    async def _send(client: SipClient, request: Message, once: bool) -> Message:
        if once:
            return await client.request_once(request)
        return await client.request(request)

    @property
    def resting(self) -> bool:
        """It failed a moment ago: calls fail at once until ``ils_retry_seconds`` have passed
        (the pad's loop leaves the books waiting meanwhile)."""
        return asyncio.get_running_loop().time() < self._down_until

    def _rest(self) -> None:
        self._down_until = asyncio.get_running_loop().time() + self.config.ils_retry_seconds

    async def _connected(self) -> SipClient:
        async with self._connecting:
            if self._client is not None and self._client.connected:
                return self._client
            if self.resting:
                raise IlsUnreachable(f"{self._where} did not answer a moment ago")
            client = SipClient(
                self.config.sip2_host, self.config.sip2_port, timeout=self.config.sip2_timeout
            )
            try:
                await client.connect()
                if self.config.sip2_login and not await client.login(
                    self.config.sip2_login,
                    self.config.sip2_password,
                    self.config.location or None,
                ):
                    await client.close()
                    self._rest()
                    events.log.error(
                        events.line("sip2_login_refused", login=self.config.sip2_login)
                    )
                    raise IlsUnreachable(
                        f"{self._where} refused the login {self.config.sip2_login!r}"
                    )
            except SipClientError as error:
                await client.close()
                self._rest()
                events.event("sip2_unreachable", server=self._where, error=error)
                raise IlsUnreachable(str(error)) from None
            events.event("sip2_connected", server=self._where)
            self._client = client
            return client

    async def _lost(self, client: SipClient, error: Exception) -> None:
        events.event("sip2_lost", server=self._where, error=error)
        await client.close()
        if self._client is client:
            self._client = None

    async def close(self) -> None:
        if self._client is not None:
            await self._client.close()
            self._client = None

    @property
    def _where(self) -> str:
        return f"{self.config.sip2_host}:{self.config.sip2_port}"


def said_offline(response: Message) -> bool:
    """The gateway answered by its offline policy (the ILS itself was not reached)."""
    return OFFLINE in getattr(response, "screen_messages", ())


def recorded_offline(response: Message) -> bool:
    """The gateway accepted the request offline: journaled, to reach the ILS later."""
    return RECORDED in getattr(response, "screen_messages", ())


def station_outcome(response: Message) -> Outcome:
    """What became of a request, as the station can tell from the answer."""
    said_yes = getattr(response, "ok", getattr(response, "payment_accepted", True)) is not False
    if said_offline(response):
        return Outcome.OFFLINE if said_yes else Outcome.REFUSED
    return Outcome.OK if said_yes else Outcome.DENIED


def ils_message(response: Message) -> str:
    """The screen messages (AF) the ILS sent, as one text."""
    return " ".join(text for text in getattr(response, "screen_messages", ()) if text)


def extra_field(response: Message, code: str) -> str:
    """An identified field the message types do not name (CV, CT...), '' when absent."""
    return next((value for key, value in response.extra_fields if key == code), "")


_ISO_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})(?:[ T]+(\d{2}):?(\d{2})(?::?(\d{2}))?)?")


def due_date(text: str | None) -> datetime | None:
    """A due date as an ACS writes it (AH is free format): the SIP2 18-character date, or an
    ISO-like date with an optional time; None when it cannot be read."""
    if not text or not text.strip():
        return None
    try:
        return parse_date(text)
    except ValueError:
        pass
    found = _ISO_DATE.match(text.strip())
    if not found:
        return None
    year, month, day, hour, minute, second = (int(part or 0) for part in found.groups())
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def due_day(text: str | None) -> date | None:
    due = due_date(text)
    return due.date() if due else None
