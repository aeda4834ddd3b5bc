"""The station behind the real kiosk page: a reader borrows and returns through HTTP, with the
pad polled by the station's own loop and the gateway on the sandbox."""

from __future__ import annotations

import asyncio

import aiohttp

from rfid_sip2.station.control import Mode, Outcome
from rfid_sip2.station.kiosk import start_kiosk
from rfid_sip2.station.kiosk.receipt import render_receipt
from rfid_sip2.station.station import Station
from tests.rfid_sip2.gateway.upstreams import free_items
from tests.rfid_sip2.station.conftest import station_config
from tests.rfid_sip2.station.fakes import ISO_IN_LIBRARY, ISO_ON_LOAN, FakeReader
from tests.rfid_sip2.station.kiosk.harness import page, press
from tests.rfid_sip2.station.scenario import ANDREI, ANDREI_PIN, tag_items


async def settled(station: Station, count: int) -> None:
    """Until ``count`` lines are past WORKING."""
    async with asyncio.timeout(10):
        while (
            len([line for line in station.screen().items if line.outcome != Outcome.WORKING])
            < count
        ):
            await station.changed(station.screen().version)


async def polled(reader: FakeReader) -> None:
    """Until the station's loop has looked at the pad again."""
    seen = reader.calls.count("inventory")
    while reader.calls.count("inventory") < seen + 2:
        await asyncio.sleep(0.01)


def test_a_reader_borrows_and_returns_two_books_at_the_kiosk(tmp_path, library):
    barcodes = free_items(library.sandbox, 2)
    reader = FakeReader()
    uids = tag_items(reader, barcodes)

    async def scenario() -> None:
        station = Station(
            station_config(tmp_path, library.port), reader, render_receipt=render_receipt
        )
        stop = asyncio.Event()
        loop = asyncio.create_task(station.run(stop))
        kiosk = await start_kiosk(station, port=0)
        try:
            async with aiohttp.ClientSession(base_url=kiosk.url) as http:
                await press(http, "/choose", mode="checkout")
                assert station.screen().mode is Mode.SIGN_IN
                await press(http, "/sign-in", patron_id=ANDREI, pin=ANDREI_PIN)
                assert station.screen().mode is Mode.CHECKOUT
                assert "Andrei" in await page(http)
                reader.place(*uids)
                await settled(station, 2)
                assert {reader.afi(uid) for uid in uids} == {ISO_ON_LOAN}
                html = await page(http)
                assert all(line.title in html for line in station.screen().items)
                await press(http, "/finish")
                assert station.screen().mode is Mode.RECEIPT
                await press(http, "/done")
                reader.clear()  # the reader takes the books away
                await polled(reader)
                await press(http, "/choose", mode="return")
                reader.place(*uids)
                await settled(station, 2)
                assert {reader.afi(uid) for uid in uids} == {ISO_IN_LIBRARY}
        finally:
            await kiosk.close()
            stop.set()
            await loop

    asyncio.run(scenario())
