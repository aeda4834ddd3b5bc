"""Killing the gateway at any moment loses no accepted transaction and applies none twice.

The gateway runs as a real process, offline (its Koha is not there yet), under load from eight
devices; it is killed with SIGKILL. Every transaction a device had an answer for must be in the
journal. Then "Koha" (a SIP2 server on the sandbox) comes up and the gateway is started again,
killed again in the middle of its replay, and started a third time: in the end the sandbox has
every loan and return exactly once.
"""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

from rfid_sip2.sip2.messages import CheckinRequest, CheckoutRequest
from tests.rfid_sip2.gateway.harness import (
    KOHA_SIP_PASSWORD,
    LOGIN,
    PASSWORD,
    Device,
    RunningGateway,
)
from tests.rfid_sip2.gateway.test_koha_upstream import free_port, koha_config
from tests.rfid_sip2.gateway.upstreams import free_items, sandbox_cable

DEVICES = 8
PATRON = "23529001000011"
START = datetime(2026, 10, 20, 9, 0)


def write_config(folder: Path, port: int, koha_port: int) -> Path:
    path = folder / "gateway.toml"
    path.write_text(f"""
[gateway]
institution_id = "CPL"
shutdown_grace = 1

[[listeners]]
host = "127.0.0.1"
port = {port}

[[accounts]]
login = "{LOGIN}"
password_env = "KIOSK_PASSWORD"
institution_id = "CPL"

[upstream]
kind = "koha"
host = "127.0.0.1"
port = {koha_port}
login = "koha-gateway"
password_env = "KOHA_SIP_PASSWORD"
terminator = "CRLF"
timeout = 2
retries = 0
health_interval = 0.2
replay_no_block = true

[journal]
path = "journal.sqlite3"
""")
    return path


def start_gateway(config: Path, port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "KIOSK_PASSWORD": PASSWORD,
        "KOHA_SIP_PASSWORD": KOHA_SIP_PASSWORD,
        "LOG_LEVEL": "WARNING",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "rfid_sip2.cli", "serve", "--config", str(config)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise AssertionError("the gateway did not start")


def device_loop(port: int, item: str, offset: int, acknowledged: list, stop: threading.Event):
    """Check the item out and in, again and again, noting every answered transaction."""
    try:
        with Device(port, timeout=5) as device:
            assert device.login()
            for step in range(10_000):
                if stop.is_set():
                    return
                when = START + timedelta(minutes=offset * 1000 + step)
                request = (
                    CheckoutRequest(
                        institution_id="CPL",
                        patron_identifier=PATRON,
                        item_identifier=item,
                        transaction_date=when,
                    )
                    if step % 2 == 0
                    else CheckinRequest(
                        institution_id="CPL",
                        item_identifier=item,
                        current_location="CPL",
                        transaction_date=when,
                        return_date=when,
                    )
                )
                response = device.exchange(request).message
                assert response.ok, response
                acknowledged.append((request.CODE, item, when))
    except (OSError, AssertionError):
        return  # the gateway was killed under us


def journal_rows(path: Path) -> set[tuple[str, str, str]]:
    with sqlite3.connect(path) as db:
        return {
            (code, item, date[:16])
            for code, item, date in db.execute(
                "SELECT code, item_identifier, transaction_date FROM entries"
            )
        }


def settled(path: Path) -> bool:
    with sqlite3.connect(path) as db:
        left = db.execute("SELECT COUNT(*) FROM entries WHERE state IN ('pending', 'applying')")
        return left.fetchone()[0] == 0


def test_killing_the_gateway_loses_nothing_accepted_and_applies_nothing_twice(tmp_path, sandbox):
    port, koha_port = free_port(), free_port()
    config = write_config(tmp_path, port, koha_port)
    items = free_items(sandbox, DEVICES)
    gateway = start_gateway(config, port)
    acknowledged: list = []
    stop = threading.Event()
    threads = [
        threading.Thread(target=device_loop, args=(port, item, n, acknowledged, stop))
        for n, item in enumerate(items)
    ]
    for thread in threads:
        thread.start()
    time.sleep(1.5)
    gateway.send_signal(signal.SIGKILL)
    gateway.wait()
    stop.set()
    for thread in threads:
        thread.join(10)

    assert len(acknowledged) > 50  # real load, not a token
    journal = tmp_path / "journal.sqlite3"
    rows = journal_rows(journal)
    missing = [a for a in acknowledged if (a[0], a[1], a[2].isoformat()[:16]) not in rows]
    assert missing == []

    koha = RunningGateway(koha_config(tmp_path, koha_port), sandbox_cable(sandbox)).start()
    try:
        gateway = start_gateway(config, port)
        time.sleep(0.4)  # somewhere in the middle of the replay
        gateway.send_signal(signal.SIGKILL)
        gateway.wait()
        gateway = start_gateway(config, port)
        deadline = time.monotonic() + 120
        while not settled(journal) and time.monotonic() < deadline:
            time.sleep(0.2)
        gateway.send_signal(signal.SIGTERM)
        gateway.wait(30)
    finally:
        koha.stop()

    assert settled(journal)
    with sqlite3.connect(journal) as db:
        states = dict(db.execute("SELECT state, COUNT(*) FROM entries GROUP BY state").fetchall())
    assert states.get("failed", 0) == 0
    with sandbox.store.reading() as db:
        for item in items:
            checkouts = sum(1 for code, *_ in _entries(journal, item) if code == "11")
            checkins = sum(1 for code, *_ in _entries(journal, item) if code == "09")
            closed = db.execute(
                "SELECT COUNT(*) FROM old_checkouts JOIN items USING (item_id) "
                "WHERE external_id = ?",
                (item,),
            ).fetchone()[0]
            current = db.execute(
                "SELECT checkouts.renewals_count FROM checkouts JOIN items "
                "USING (item_id) WHERE external_id = ?",
                (item,),
            ).fetchall()
            assert closed == checkins  # every return closed exactly one loan
            assert closed + len(current) == checkouts  # every loan made once
            assert all(row[0] == 0 for row in current)  # no loan made twice (a renewal)


def _entries(journal: Path, item: str) -> list:
    with sqlite3.connect(journal) as db:
        return db.execute(
            "SELECT code, transaction_date FROM entries WHERE item_identifier = ?", (item,)
        ).fetchall()
