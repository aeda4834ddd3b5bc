"""Killing the gateway at any moment loses no accepted transaction and applies none twice.

The gateway runs as a real process, offline (its Koha is not there yet), under load from eight
devices; it is killed with SIGKILL. Every transaction a device had an answer for must be in the
journal. Then "Koha" (a SIP2 server on the sandbox) comes up behind a proxy that slows its
answers, the gateway is started again and killed once the journal shows its replay half done
(some entries replayed, some not), and started a third time: in the end the sandbox has every
loan and return exactly once.
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
from tests.rfid_sip2.faultproxy import Fault, FaultProxy
from tests.rfid_sip2.gateway.harness import (
    KOHA_SIP_PASSWORD,
    LOGIN,
    PASSWORD,
    Device,
    RunningGateway,
)
from tests.rfid_sip2.gateway.test_koha_upstream import koha_config
from tests.rfid_sip2.gateway.upstreams import free_items, sandbox_cable
from tests.services import free_port

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


def device_loop(
    port: int, item: str, offset: int, acknowledged: list, errors: list, stop: threading.Event
):
    """Check the item out and in, again and again, noting every answered transaction.

    The gateway going away under it (a connection error) ends the loop; anything else is an
    error of the test's to report.
    """
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
                if not response.ok:
                    raise AssertionError(f"refused offline: {response}")
                acknowledged.append((request.CODE, item, when))
    except OSError:
        return  # the gateway was killed under us
    except BaseException as error:
        errors.append(error)


def journal_rows(path: Path) -> set[tuple[str, str, str]]:
    with sqlite3.connect(path) as db:
        return {
            (code, item, date[:16])
            for code, item, date in db.execute(
                "SELECT code, item_identifier, transaction_date FROM entries"
            )
        }


def states(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT state, COUNT(*) FROM entries GROUP BY state").fetchall())


def left_to_replay(counts: dict[str, int]) -> int:
    return counts.get("pending", 0) + counts.get("applying", 0)


def settled(path: Path) -> bool:
    return left_to_replay(states(path)) == 0


def wait_for(condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the condition never came true"
        time.sleep(0.01)


def test_killing_the_gateway_loses_nothing_accepted_and_applies_nothing_twice(tmp_path, sandbox):
    port, koha_port = free_port(), free_port()
    items = free_items(sandbox, DEVICES)
    journal = tmp_path / "journal.sqlite3"
    acknowledged: list = []
    errors: list = []
    stop = threading.Event()
    with FaultProxy(koha_port, delay=0.02) as proxy:  # Koha is not there yet
        config = write_config(tmp_path, port, proxy.port)
        gateway = start_gateway(config, port)
        threads = [
            threading.Thread(target=device_loop, args=(port, item, n, acknowledged, errors, stop))
            for n, item in enumerate(items)
        ]
        for thread in threads:
            thread.start()
        wait_for(lambda: len(acknowledged) > 100 or errors, seconds=60)  # real load
        gateway.send_signal(signal.SIGKILL)
        gateway.wait()
        stop.set()
        for thread in threads:
            thread.join(10)

        assert errors == []
        rows = journal_rows(journal)
        missing = [a for a in acknowledged if (a[0], a[1], a[2].isoformat()[:16]) not in rows]
        assert missing == []

        koha = RunningGateway(koha_config(tmp_path, koha_port), sandbox_cable(sandbox)).start()
        try:
            proxy.plan = lambda connection, frame: Fault.DELAY  # a slow Koha: a long replay
            gateway = start_gateway(config, port)
            wait_for(lambda: states(journal).get("replayed", 0) >= 20, seconds=60)
            gateway.send_signal(signal.SIGKILL)
            gateway.wait()
            at_kill = states(journal)
            proxy.plan = lambda connection, frame: Fault.PASS
            gateway = start_gateway(config, port)
            wait_for(lambda: settled(journal), seconds=120)
            gateway.send_signal(signal.SIGTERM)
            gateway.wait(30)
        finally:
            koha.stop()

    # Killed in the middle of the replay: some entries sent, some still to go.
    assert at_kill.get("replayed", 0) > 0 and left_to_replay(at_kill) > 0
    final = states(journal)
    assert final.get("failed", 0) == 0 and final.get("held", 0) == 0
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
