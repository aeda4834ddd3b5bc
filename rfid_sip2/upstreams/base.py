"""What the gateway asks of an upstream: an answer to each request, and whether it is up."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from rfid_sip2.sip2.messages import Message

# The requests that change something in the ILS, by command code, and what the journal calls
# them. An ILS without duplicate detection (Koha's SIP2 server) applies such a request again if
# it is sent again, so none is ever re-sent blindly.
KINDS: dict[str, str] = {
    "11": "checkout",
    "09": "checkin",
    "29": "renew",
    "37": "fee_paid",
    "65": "renew_all",
    "15": "hold",
    "19": "item_status_update",
    "01": "block_patron",
    "25": "patron_enable",
}


def changes_ils(request: Message) -> bool:
    return request.CODE in KINDS


class UpstreamUnavailable(Exception):
    """The upstream could not be reached: the request was not sent, so nothing happened."""


class UpstreamInDoubt(UpstreamUnavailable):
    """The request was sent but no answer came (lost, cut, late): the ILS may have applied it."""


@dataclass(frozen=True)
class Terminal:
    """Who is asking: the gateway account the device logged in with."""

    account: str
    institution_id: str
    location: str = ""


class Upstream(Protocol):
    """An ILS that answers SIP2 requests (after the gateway has handled login and status)."""

    async def handle(
        self, request: Message, terminal: Terminal, deadline: float | None = None
    ) -> Message:
        """The response to ``request``.

        ``deadline`` (event-loop time) bounds every wait: queues, connecting, retries. Raises
        UpstreamUnavailable when the request was not sent, UpstreamInDoubt when it was sent and
        its answer did not come by the deadline.
        """
        ...

    async def healthy(self) -> bool:
        """Whether the upstream answers now (an SC status round trip)."""
        ...

    async def close(self) -> None: ...
