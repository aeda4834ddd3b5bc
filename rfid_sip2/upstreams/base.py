"""What the gateway asks of an upstream: an answer to each request, and whether it is up."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from rfid_sip2.sip2.messages import Message


class UpstreamUnavailable(Exception):
    """The upstream cannot be reached or did not answer: the gateway goes offline."""


@dataclass(frozen=True)
class Terminal:
    """Who is asking: the gateway account the device logged in with."""

    account: str
    institution_id: str
    location: str = ""


class Upstream(Protocol):
    """An ILS that answers SIP2 requests (after the gateway has handled login and status)."""

    async def handle(self, request: Message, terminal: Terminal) -> Message:
        """The response to ``request``; raises UpstreamUnavailable when it cannot answer."""
        ...

    async def healthy(self) -> bool:
        """Whether the upstream answers now (an SC status round trip)."""
        ...

    async def close(self) -> None: ...
