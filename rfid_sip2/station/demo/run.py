"""``rfid-sip2 station --demo``: the gateway on the sandbox, a simulated 3M pad on a pty with
the demo's tagged books, the kiosk, and the demo pad page, in one process."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from rfid_sip2.gateway.app import Gateway
from rfid_sip2.gateway.config import DEMO_LOGIN, DEMO_PASSWORD, listening_on, load
from rfid_sip2.rfid.readers import open_reader
from rfid_sip2.rfid.simulator import SimulatedReader
from rfid_sip2.station.commands import serve_station
from rfid_sip2.station.config import StationConfig
from rfid_sip2.station.demo.books import CARD, demo_tags, shelf_books
from rfid_sip2.station.demo.pad import DemoPad, start_pad
from rfid_sip2.station.ils import Ils
from rfid_sip2.station.station import Station
from rfid_sip2.station.timings import Timings

BOOKS = 6


async def run_demo(
    kiosk: tuple[str, int],
    pad_address: tuple[str, int],
    *,
    env: Mapping[str, str] = os.environ,
    stop: asyncio.Event | None = None,
) -> int:
    """Run until ``stop`` is set (or SIGINT/SIGTERM); the sandbox and the retry list where
    ``env`` says (KOHA_SANDBOX_PATH, LIBRARY20_VAR_DIR), as the site's demo has them."""
    var_dir = Path(env.get("LIBRARY20_VAR_DIR", "var"))
    gateway = Gateway(listening_on(load(None, env), "127.0.0.1:0", "the demo"))
    (_, sip2_port), *_ = await gateway.start()
    simulator = SimulatedReader("3m")
    pty = simulator.serve_pty()
    simulator.start()
    config = StationConfig(
        reader_url=pty,
        sip2_host="127.0.0.1",
        sip2_port=sip2_port,
        sip2_login=DEMO_LOGIN,
        sip2_password=DEMO_PASSWORD,
        location="CPL",
        retry_list_path=var_dir / "station-demo-retry.json",
        idle_seconds=120.0,
    )
    try:
        tags = await _tag_books(config, simulator)
        reader = await asyncio.to_thread(open_reader, pty, "3m")
        stations: list[Station] = []
        pad = DemoPad(
            simulator,
            tags,
            config.security,
            lambda: stations[0].screen().language if stations else "en",
        )
        pad_url, pad_runner = await start_pad(pad, *pad_address)

        def started(station: Station) -> None:
            stations.append(station)
            print(
                f"demo pad at {pad_url}\n"
                f"library card {CARD.cardnumber}, PIN {CARD.pin} "
                f"({CARD.firstname} {CARD.surname}), or put the card on the pad",
                flush=True,
            )

        try:
            return await serve_station(config, reader, kiosk=kiosk, stop=stop, started=started)
        finally:
            await pad_runner.cleanup()
    finally:
        simulator.stop()
        await gateway.stop()


async def _tag_books(config: StationConfig, simulator: SimulatedReader) -> list:
    """Tag books that are on the sandbox's shelves, and leave them beside the pad."""
    ils = Ils(config, Timings())
    try:
        books = await shelf_books(ils, BOOKS)
    finally:
        await ils.close()
    if not books:
        print("rfid-sip2: the sandbox has no book on its shelves to tag", file=sys.stderr)
    tags = demo_tags(books)
    for demo in tags:
        simulator.place(demo.uid, demo.memory, afi=config.security.afi_in_library)
        simulator.remove(demo.uid)
    return tags
