"""Stopping the gateway: it stops, whatever its upstream watch is doing."""

from __future__ import annotations

import asyncio

from rfid_sip2.upstreams.base import UpstreamUnavailable
from tests.rfid_sip2.gateway.harness import RunningGateway, gateway_config
from tests.rfid_sip2.gateway.test_repeats import wait_for


class LosesCancellation:
    """An upstream whose health check loses the cancellation it gets, as ``asyncio.wait_for``
    can on Python 3.11 when what it waits for completes as it is cancelled."""

    def __init__(self) -> None:
        self.checks = 0

    async def healthy(self) -> bool:
        self.checks += 1
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            return False
        return True

    async def handle(self, request, terminal, deadline=None):
        raise UpstreamUnavailable("not in this test")

    async def close(self) -> None:
        pass


def test_the_gateway_stops_even_when_its_health_check_loses_the_cancellation(tmp_path):
    upstream = LosesCancellation()
    gateway = RunningGateway(gateway_config(tmp_path), upstream).start()
    try:
        wait_for(lambda: upstream.checks == 1)  # the watch is in its first health check

        gateway.call(gateway.gateway.stop(), timeout=10)  # the watch sleeps 30 s otherwise
    finally:
        gateway.loop.call_soon_threadsafe(gateway.loop.stop)
    assert upstream.checks == 1
