"""The self-service station beside the demo site: its kiosk and demo pad, on the site's sandbox."""

from __future__ import annotations

import asyncio
import logging
import os
import threading

from django.conf import settings

KIOSK_PORT = 8040  # and the demo pad on the next port


def station_addresses(kiosk_port: int) -> tuple[tuple[str, int], tuple[str, int]]:
    """Where the kiosk and the demo pad listen: on this machine only, as a kiosk does."""
    return ("127.0.0.1", kiosk_port), ("127.0.0.1", kiosk_port + 1)


def start_station_demo(kiosk_port: int = KIOSK_PORT) -> str:
    """Run the station's demo in a daemon thread, on the sandbox the site uses; what to tell
    the operator about it."""
    from rfid_sip2.station.demo.run import run_demo

    env = {
        **os.environ,
        "KOHA_SANDBOX_PATH": str(settings.KOHA.sandbox_path),
        "LIBRARY20_VAR_DIR": str(settings.VAR_DIR),
    }
    # One line per SIP2 transaction suits the gateway's log, not the site's console.
    logging.getLogger("rfid_sip2").setLevel(logging.WARNING)
    stop = asyncio.Event()  # never set: the thread ends with the process
    thread = threading.Thread(
        target=asyncio.run,
        args=(run_demo(*station_addresses(kiosk_port), env=env, stop=stop),),
        name="station-demo",
        daemon=True,
    )
    thread.start()
    kiosk, pad = (f"http://{host}:{port}/" for host, port in station_addresses(kiosk_port))
    return f"Kiosk: {kiosk} (put books on its pad at {pad})"
