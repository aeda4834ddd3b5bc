"""Gateway workers share what must be shared: a device may reconnect to any of them.

Two gateways on the same configuration (journal, answered requests, login failures, sandbox),
each with its own connections to those files and its own memory, as two worker processes of
``rfid-sip2 serve --workers 2`` are; then the command itself, with two worker processes.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sys
import threading
from datetime import datetime
from pathlib import Path

import pytest

from rfid_sip2.gateway.config import load
from rfid_sip2.gateway.lockout import Lockout
from rfid_sip2.sip2.codec import decode
from rfid_sip2.sip2.messages import CheckinRequest, CheckoutRequest, Message, SCStatus
from rfid_sip2.upstreams.base import Terminal
from tests.rfid_sip2.gateway.harness import PASSWORD, Device, gateway_config, running
from tests.rfid_sip2.gateway.opening_together import OPENERS, open_together
from tests.rfid_sip2.gateway.test_repeats import checkout_frame, checkouts_seen, send, wait_for
from tests.rfid_sip2.gateway.upstreams import Cable, free_items, sandbox_cable
from tests.rfid_sip2.serving import serving
from tests.services import free_port

OLENA = "23529001000011"


def test_a_repeat_sent_to_another_worker_gets_the_first_answer(tmp_path, sandbox):
    item = free_items(sandbox, 1)[0]
    config = gateway_config(tmp_path)
    one, other = sandbox_cable(sandbox), sandbox_cable(sandbox)
    with running(config, one) as first_worker, running(config, other) as second_worker:
        first = send(first_worker.port, checkout_frame(item))
        again = send(second_worker.port, checkout_frame(item))

    assert decode(first).message.ok and again == first
    assert checkouts_seen(one) == 1 and checkouts_seen(other) == 0


def test_a_repeat_another_worker_is_still_answering_waits_for_that_answer(tmp_path, sandbox):
    item = free_items(sandbox, 1)[0]
    gate = threading.Event()

    class Slow(Cable):
        async def handle(self, request: Message, terminal: Terminal, deadline=None) -> Message:
            self.seen.append(request)
            await asyncio.to_thread(gate.wait, 30)
            return await self.upstream.handle(request, terminal, deadline)

    slow, other = Slow(sandbox_cable(sandbox).upstream), sandbox_cable(sandbox)
    config = gateway_config(tmp_path, answer_deadline=60)
    with (
        running(config, slow) as first_worker,
        running(config, other) as second_worker,
        Device(first_worker.port) as device,
        Device(second_worker.port) as reconnected,
    ):
        assert device.login() and reconnected.login()
        device.send_raw(checkout_frame(item))
        wait_for(lambda: len(slow.seen) == 1)
        reconnected.send_raw(checkout_frame(item))
        wait_for(lambda: any(c.busy for c in second_worker.gateway.server.connections.values()))
        gate.set()
        first, again = device.read_frame(), reconnected.read_frame()
        journaled = second_worker.gateway.journal.entries()

    assert decode(first).message.ok and again == first
    assert checkouts_seen(other) == 0
    assert journaled == []  # not taken for a lost first copy, in doubt


def test_failed_logins_on_every_worker_add_up_to_one_lockout(tmp_path, sandbox):
    config = gateway_config(tmp_path, failed_logins_before_lockout=3, failed_logins_before_close=10)
    one, other = sandbox_cable(sandbox), sandbox_cable(sandbox)
    with running(config, one) as first_worker, running(config, other) as second_worker:
        ports = [first_worker.port, second_worker.port, first_worker.port]
        for port in ports:
            with Device(port) as guesser:
                assert not guesser.login(password="guessed")
        with Device(second_worker.port) as device:
            assert not device.login(password=PASSWORD)  # locked out on this worker too


def test_two_lockouts_on_one_file_count_together(tmp_path):
    path = tmp_path / "lockout.sqlite3"
    one, other = (Lockout(3, 60, 300, path) for _ in range(2))
    assert [one.failed("10.0.0.9"), other.failed("10.0.0.9"), one.failed("10.0.0.9")] == [
        False,
        False,
        True,
    ]
    assert other.locked("10.0.0.9") and not other.failed("10.0.0.9")
    one.close()
    other.close()


def test_what_one_worker_journaled_is_replayed_by_another_before_its_own_requests(
    tmp_path, sandbox
):
    item = free_items(sandbox, 1)[0]
    config = gateway_config(tmp_path)
    cut, connected = sandbox_cable(sandbox), sandbox_cable(sandbox)
    with running(config, cut) as offline_worker, running(config, connected) as online_worker:
        cut.cut = True
        with Device(offline_worker.port) as device:
            assert device.login()
            lent = device.exchange(
                CheckoutRequest(
                    institution_id="CPL",
                    patron_identifier=OLENA,
                    item_identifier=item,
                    transaction_date=datetime(2026, 11, 2, 10, 5),
                )
            ).message
        assert lent.ok and offline_worker.gateway.journal.has_pending()

        online_worker.call(online_worker.gateway.service.check_upstream())
        with Device(online_worker.port) as device:
            assert device.login()
            returned = device.exchange(
                CheckinRequest(institution_id="CPL", item_identifier=item, current_location="CPL")
            ).message
        pending = online_worker.gateway.journal.has_pending()

    assert not pending
    assert [type(r) for r in connected.seen] == [CheckoutRequest, CheckinRequest]  # in order
    assert returned.ok


STATUSES = ("library20_sip2_transactions_total", (("command", "99"), ("outcome", "gateway")))
DEVICES = ("library20_sip2_connected_devices", ())


def scraped(port: int) -> dict[tuple[str, tuple], float]:
    import urllib.error
    import urllib.request

    from prometheus_client.parser import text_string_to_metric_families

    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as answer:
            text = answer.read().decode()
    except urllib.error.URLError:  # not listening yet: worker 1 opens it as it starts
        return {}
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()]


def test_serve_with_two_workers_answers_on_one_port_is_monitored_whole_and_stops_on_sigterm(
    tmp_path,
):
    port, metrics = free_port(), free_port()
    env = {**os.environ, "LIBRARY20_VAR_DIR": str(tmp_path), "KIOSK_PASSWORD": PASSWORD}
    env.pop("SIP2_LISTEN", None)
    config = tmp_path / "gateway.toml"
    config.write_text(
        f'[gateway]\nworkers = 2\n[[listeners]]\nhost = "127.0.0.1"\nport = {port}\n'
        '[[accounts]]\nlogin = "kiosk-1"\npassword_env = "KIOSK_PASSWORD"\n'
        f'[prometheus]\nlisten = "127.0.0.1:{metrics}"\n'
    )
    assert load(config, env).workers == 2
    command = [sys.executable, "-m", "rfid_sip2.cli", "serve", "--config", str(config)]
    with serving(command, env, port) as gateway:
        wait_for(lambda: len(_children(gateway.pid)) == 2)
        workers = _children(gateway.pid)
        devices = [Device(port) for _ in range(20)]
        for device in devices:
            assert device.login()
            device.exchange(SCStatus())
        # Worker 1 serves the metrics of both, whichever worker the kernel gave each device.
        wait_for(lambda: scraped(metrics).get(STATUSES) == 20, seconds=15)
        assert scraped(metrics)[DEVICES] == 20
        for device in devices:
            device.close()
        os.kill(gateway.pid, signal.SIGTERM)
        output = gateway.communicate(timeout=60)[0]

    assert gateway.returncode == 0
    assert "workers 2" in output
    for worker in workers:
        assert not Path(f"/proc/{worker}").exists() or _zombie(worker)
    lines = output.splitlines()
    logins = [line for line in lines if "login peer=" in line]
    assert len(logins) == 20
    pattern = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} level=INFO logger=\S+ login ")
    assert all(pattern.match(line) for line in logins)  # whole lines, never cut into


def _zombie(pid: int) -> bool:
    return Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"


def test_two_workers_coming_back_at_once_replay_each_entry_once(tmp_path, sandbox):
    items = free_items(sandbox, 3)
    config = gateway_config(tmp_path)
    one, other = sandbox_cable(sandbox), sandbox_cable(sandbox)
    with running(config, one) as first_worker, running(config, other) as second_worker:
        one.cut = other.cut = True
        with Device(first_worker.port) as device:
            assert device.login()
            for minute, item in enumerate(items):
                lent = device.exchange(
                    CheckoutRequest(
                        institution_id="CPL",
                        patron_identifier=OLENA,
                        item_identifier=item,
                        transaction_date=datetime(2026, 11, 2, 10, minute),
                    )
                ).message
                assert lent.ok
        one.cut = other.cut = False
        checks = [
            asyncio.run_coroutine_threadsafe(worker.gateway.service.check_upstream(), worker.loop)
            for worker in (first_worker, second_worker)
        ]
        for check in checks:
            check.result(30)
        pending = first_worker.gateway.journal.has_pending()

    assert not pending
    sent = [r.item_identifier for r in one.seen + other.seen if isinstance(r, CheckoutRequest)]
    assert sorted(sent) == sorted(items)  # each once, by whichever worker held the replay


def test_worker_one_serves_the_counts_of_every_worker(tmp_path, sandbox):
    from dataclasses import replace

    from rfid_sip2.snmp import config as monitoring_config

    monitoring = monitoring_config.from_mapping({"prometheus": {"listen": "127.0.0.1:0"}}, {})
    config = replace(gateway_config(tmp_path), workers=2, monitoring=monitoring)
    first_cable, second_cable = sandbox_cable(sandbox), sandbox_cable(sandbox)
    with (
        running(config, first_cable, worker=1) as first,
        running(config, second_cable, worker=2) as second,
    ):
        assert second.gateway.monitoring is None  # one endpoint, on worker 1
        metrics = first.gateway.monitoring.prometheus.address[1]
        devices = [Device(first.port), Device(second.port), Device(second.port)]
        for device in devices:
            assert device.login()
            device.exchange(SCStatus())
        wait_for(lambda: scraped(metrics).get(STATUSES) == 3, seconds=10)
        assert scraped(metrics)[DEVICES] == 3
        for device in devices:
            device.close()
        wait_for(lambda: scraped(metrics)[DEVICES] == 0, seconds=10)
        assert scraped(metrics)[STATUSES] == 3  # counted, whoever served them


@pytest.mark.parametrize("kind", OPENERS)
def test_workers_starting_together_all_open_a_new_shared_file(tmp_path, kind):
    # SQLite refuses at once ("database is locked", no busy wait) a second process switching a
    # new file to WAL while the first does: a worker died of it as it started (CI, 2026-12-03).
    said = open_together(kind, tmp_path, rounds=25)
    assert said == ["opened"] * 100, [each for each in said if each != "opened"]
