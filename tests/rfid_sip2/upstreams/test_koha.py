"""Koha's SIP2 server as the upstream: what is sent once, what is retried, and what is in doubt.

"Koha" is a gateway on the sandbox speaking as Koha's SIP2 server does; the fault proxy sits in
front of it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager

from rfid_sip2.gateway.config import KohaUpstream
from rfid_sip2.sip2.messages import (
    CheckoutRequest,
    CheckoutResponse,
    ItemInformationRequest,
    ItemInformationResponse,
)
from rfid_sip2.upstreams.base import Terminal, UpstreamInDoubt, UpstreamUnavailable
from rfid_sip2.upstreams.koha import KohaSipUpstream
from tests.rfid_sip2.faultproxy import Fault, FaultProxy, command
from tests.rfid_sip2.gateway.harness import KOHA_SIP_LOGIN, KOHA_SIP_PASSWORD, running
from tests.rfid_sip2.gateway.test_koha_upstream import koha_config
from tests.rfid_sip2.gateway.upstreams import free_items, sandbox_cable
from tests.services import free_port

OLENA = "23529001000011"
TERMINAL = Terminal("kiosk-1", "CPL", "CPL")


def upstream_config(port: int) -> KohaUpstream:
    return KohaUpstream(
        host="127.0.0.1",
        port=port,
        login=KOHA_SIP_LOGIN,
        password=KOHA_SIP_PASSWORD,
        terminator=b"\r\n",
        pool_size=1,
        timeout=0.5,
        retries=2,
    )


@contextmanager
def koha_behind_a_proxy(tmp_path, sandbox) -> Iterator[FaultProxy]:
    port = free_port()
    with running(koha_config(tmp_path, port), sandbox_cable(sandbox)), FaultProxy(port) as proxy:
        yield proxy


def ask(port: int, *requests, seconds: float = 3.0) -> list:
    """Each request through one KohaSipUpstream, in order: its answer or what it raised."""

    async def asking() -> list:
        upstream = KohaSipUpstream(upstream_config(port))
        outcomes = []
        try:
            for request in requests:
                deadline = asyncio.get_running_loop().time() + seconds
                try:
                    outcomes.append(await upstream.handle(request, TERMINAL, deadline))
                except UpstreamUnavailable as error:
                    outcomes.append(error)
        finally:
            await upstream.close()
        return outcomes

    return asyncio.run(asking())


def sent(proxy: FaultProxy, code: bytes) -> int:
    return sum(command(frame) == code for frame in proxy.forwarded)


def test_a_checkout_whose_answer_does_not_come_is_sent_once_and_in_doubt(tmp_path, sandbox):
    item = free_items(sandbox, 1)[0]
    with koha_behind_a_proxy(tmp_path, sandbox) as proxy:
        proxy.plan = lambda connection, frame: Fault.DROP if command(frame) == b"11" else Fault.PASS

        (outcome,) = ask(proxy.port, CheckoutRequest(patron_identifier=OLENA, item_identifier=item))

    # Koha has no duplicate detection: a second copy would be a second loan ("renewing").
    assert isinstance(outcome, UpstreamInDoubt)
    assert sent(proxy, b"11") == 1


def test_a_read_whose_answer_does_not_come_is_asked_again_as_the_spec_says(tmp_path, sandbox):
    item = free_items(sandbox, 1)[0]
    with koha_behind_a_proxy(tmp_path, sandbox) as proxy:
        dropped = []

        def drop_the_first_question(connection: int, frame: bytes) -> Fault:
            if command(frame) == b"17" and not dropped:
                dropped.append(frame)
                return Fault.DROP
            return Fault.PASS

        proxy.plan = drop_the_first_question

        (outcome,) = ask(proxy.port, ItemInformationRequest(item_identifier=item))

    assert isinstance(outcome, ItemInformationResponse)
    assert sent(proxy, b"17") == 2


def test_koha_not_listening_is_unavailable_and_nothing_is_in_doubt(tmp_path):
    (outcome,) = ask(free_port(), CheckoutRequest(patron_identifier=OLENA, item_identifier="B1"))

    assert isinstance(outcome, UpstreamUnavailable)
    assert not isinstance(outcome, UpstreamInDoubt)


def test_a_pooled_connection_koha_closed_is_not_written_to(tmp_path, sandbox):
    first, second = free_items(sandbox, 2)
    port = free_port()

    async def across_a_koha_restart() -> list:
        upstream = KohaSipUpstream(upstream_config(port))
        try:
            with running(koha_config(tmp_path, port), sandbox_cable(sandbox)):
                lent = await upstream.handle(checkout(first), TERMINAL)
            # Koha restarted: the pooled connection was closed by its end.
            with running(koha_config(tmp_path, port), sandbox_cable(sandbox)):
                await asyncio.sleep(0.1)  # idle a moment, as a pooled connection is
                again = await upstream.handle(checkout(second), TERMINAL)
            return [lent, again]
        finally:
            await upstream.close()

    lent, again = asyncio.run(across_a_koha_restart())

    assert isinstance(lent, CheckoutResponse) and lent.ok
    assert isinstance(again, CheckoutResponse) and again.ok


def checkout(item: str) -> CheckoutRequest:
    return CheckoutRequest(institution_id="CPL", patron_identifier=OLENA, item_identifier=item)
