"""The kiosk served from a thread of its own, so a browser in the test's thread can use it."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable

from rfid_sip2.station.kiosk import start_kiosk
from tests.rfid_sip2.station.kiosk.fake_station import FakeStation, library


class LiveKiosk:
    """A kiosk for a fake station, running on its own event loop in a daemon thread."""

    def __init__(self, station: FakeStation | None = None) -> None:
        self.station = station or library()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.kiosk = self.run(start_kiosk(self.station, port=0))
        self.url = self.kiosk.url

    def run(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(10)

    def do(self, change: Callable[..., object], *args: object, **fields: object) -> None:
        """Change the station on its own loop, as its reader or its flow would."""

        async def call() -> None:
            change(*args, **fields)

        self.run(call())

    def close(self) -> None:
        self.run(self.kiosk.close())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()
