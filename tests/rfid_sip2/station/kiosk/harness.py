"""The kiosk served for real on a free port, with an HTTP client pointed at it."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import aiohttp

from rfid_sip2.station.kiosk import KioskServer, start_kiosk
from tests.rfid_sip2.station.kiosk.fake_station import FakeStation, library

Steps = Callable[[FakeStation, aiohttp.ClientSession, KioskServer], Awaitable[object]]


def play(steps: Steps, station: FakeStation | None = None) -> object:
    """Run ``steps`` against a kiosk for ``station`` (the small library by default)."""

    async def main() -> object:
        kiosk = await start_kiosk(station or library(), port=0)
        try:
            async with aiohttp.ClientSession(base_url=kiosk.url) as http:
                return await steps(kiosk_station(kiosk), http, kiosk)
        finally:
            await kiosk.close()

    return asyncio.run(main())


def kiosk_station(kiosk: KioskServer) -> FakeStation:
    from rfid_sip2.station.kiosk.server import CONTROL

    return kiosk.runner.app[CONTROL]


async def page(http: aiohttp.ClientSession) -> str:
    async with http.get("/") as response:
        assert response.status == 200
        return await response.text()


async def press(http: aiohttp.ClientSession, path: str, **form: str) -> aiohttp.ClientResponse:
    """A form POST as the page without JavaScript sends it (the redirect not followed)."""
    async with http.post(path, data=form, allow_redirects=False) as response:
        await response.read()
        return response


async def signed_in(station: FakeStation, http: aiohttp.ClientSession, mode: str = "checkout"):
    await press(http, "/choose", mode=mode)
    await press(http, "/sign-in", patron_id="1001", pin="1234")
