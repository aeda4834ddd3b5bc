"""Run the self-service station: an RFID pad, a SIP2 server and the kiosk page.

Headless, it is a book drop that checks in whatever is put on the pad (one log line per item).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from rfid_sip2.gateway.config import listen_address
from rfid_sip2.rfid.readers.base import Reader, ReaderError
from rfid_sip2.snmp.running import start_monitoring
from rfid_sip2.station import events
from rfid_sip2.station.config import PROTOCOLS, StationConfig, load
from rfid_sip2.station.control import Mode
from rfid_sip2.station.station import Station

EXIT_OK, EXIT_READER, EXIT_KIOSK, EXIT_MONITORING = 0, 5, 4, 4
DEFAULT_KIOSK = "127.0.0.1:8040"
DEFAULT_DEMO_PAD = "127.0.0.1:8041"


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Add ``station`` to the ``rfid-sip2`` command line."""
    run = subparsers.add_parser(
        "station",
        help="run the self-service station (RFID pad, SIP2, kiosk page)",
        description=__doc__,
    )
    run.add_argument("--reader", metavar="URL", help="the reader's port: /dev/ttyUSB0, socket://…")
    run.add_argument("--protocol", choices=PROTOCOLS, help="the reader's protocol (default 3m)")
    run.add_argument("--sip2", metavar="HOST:PORT", help="the gateway, or Koha's SIP2 server")
    run.add_argument("--config", metavar="FILE", help="station.toml (see the README)")
    run.add_argument(
        "--kiosk",
        metavar="HOST:PORT",
        default=DEFAULT_KIOSK,
        help=f"where the kiosk page is served (default {DEFAULT_KIOSK})",
    )
    run.add_argument(
        "--headless",
        action="store_true",
        help="no kiosk page: a book drop that checks in what is put on the pad",
    )
    run.add_argument(
        "--demo",
        action="store_true",
        help="a demo: the sandbox behind an in-process gateway, a simulated pad with tagged "
        "books, and a page that puts them on the pad",
    )
    run.add_argument(
        "--demo-pad",
        metavar="HOST:PORT",
        default=DEFAULT_DEMO_PAD,
        help=f"where the demo pad page is served (default {DEFAULT_DEMO_PAD})",
    )
    run.set_defaults(run=station_command)


def open_station_reader(config: StationConfig) -> Reader:
    from rfid_sip2.rfid.readers import open_reader

    return open_reader(config.reader_url, config.protocol)


def station_command(args: argparse.Namespace) -> int:
    if args.demo:
        from rfid_sip2.station.demo.run import run_demo

        kiosk = listen_address(args.kiosk, "--kiosk")
        return asyncio.run(run_demo(kiosk, listen_address(args.demo_pad, "--demo-pad")))
    config = load(
        Path(args.config) if args.config else None,
        os.environ,
        reader=args.reader,
        protocol=args.protocol,
        sip2=args.sip2,
    )
    kiosk = None if args.headless else listen_address(args.kiosk, "--kiosk")
    try:
        reader = open_station_reader(config)
    except ReaderError as error:
        print(
            f"rfid-sip2: the reader at {config.reader_url} cannot be used: {error}", file=sys.stderr
        )
        return EXIT_READER
    return asyncio.run(serve_station(config, reader, kiosk=kiosk))


async def serve_station(
    config: StationConfig,
    reader: Reader,
    *,
    kiosk: tuple[str, int] | None,
    stop: asyncio.Event | None = None,
    started: Callable[[Station], None] | None = None,
) -> int:
    """Run the station until ``stop`` is set (or SIGINT/SIGTERM); with ``kiosk`` None, headless."""
    stop = stop or _stop_on_signals()
    if kiosk is None:
        station = Station(config, reader, home=Mode.RETURN)
        server = None
        print(f"book drop on {config.reader_url}; SIP2 {config.sip2_host}:{config.sip2_port}")
    else:
        from rfid_sip2.station.kiosk.receipt import render_receipt
        from rfid_sip2.station.kiosk.server import start_kiosk

        station = Station(config, reader, render_receipt=render_receipt)
        try:
            server = await start_kiosk(station, *kiosk)
        except OSError as error:
            print(f"rfid-sip2: {error}", file=sys.stderr)
            await station.close()
            return EXIT_KIOSK
        print(f"station kiosk at {server.url}; SIP2 {config.sip2_host}:{config.sip2_port}")
    sys.stdout.flush()
    try:
        monitoring = await start_monitoring(config.monitoring, station.monitor)
    except OSError as error:
        print(f"rfid-sip2: {error}", file=sys.stderr)
        if server is not None:
            await server.close()
        await station.close()
        return EXIT_MONITORING
    if started is not None:
        started(station)
    try:
        await station.run(stop)
    finally:
        await monitoring.stop()
        if server is not None:
            await server.close()
        events.event("station_stopped")
    return EXIT_OK


def _stop_on_signals() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    return stop
