"""Gateway workers leave their counts for worker 1, which serves SNMP and Prometheus for all."""

from __future__ import annotations

import json
import subprocess
import sys

from rfid_sip2.gateway.worker_counts import WorkerCounts, clear
from rfid_sip2.monitor import Counts, Monitor, Outcome, Role

CHECKOUT, LOGIN = "11", "93"


def monitor_with(devices: int, *transactions: tuple[str, Outcome]) -> Monitor:
    monitor = Monitor(Role.GATEWAY)
    monitor.devices = lambda: devices
    for command, result in transactions:
        monitor.transaction(command, result)
    return monitor


def test_worker_one_sees_the_other_workers_counts_added_up(tmp_path):
    for number, devices in ((2, 3), (3, 4)):
        worker = monitor_with(devices, (LOGIN, Outcome.OK), (CHECKOUT, Outcome.DENIED))
        WorkerCounts(tmp_path, number).publish(worker)
    first = WorkerCounts(tmp_path, 1)
    WorkerCounts(tmp_path, 1).publish(monitor_with(100, (LOGIN, Outcome.OK)))  # its own: not read

    assert first.others() == Counts(
        7, {(LOGIN, int(Outcome.OK)): 2, (CHECKOUT, int(Outcome.DENIED)): 2}
    )


def test_a_snapshot_adds_what_the_other_workers_counted_to_its_own():
    monitor = monitor_with(2, (LOGIN, Outcome.OK))
    monitor.error("upstream check failed: timed out")
    monitor.elsewhere = lambda: Counts(
        5, {(LOGIN, int(Outcome.OK)): 4}, "worker 2: newer", monitor.last_error_at + 1
    )

    snapshot = monitor.snapshot()

    assert snapshot.devices == 7
    assert snapshot.transactions == {(LOGIN, int(Outcome.OK)): 5}
    assert snapshot.last_error == "worker 2: newer"  # the latest error, whichever worker had it


def test_a_dead_workers_devices_are_gone_but_its_transactions_still_count(tmp_path):
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    WorkerCounts(tmp_path, 2).publish(monitor_with(6, (LOGIN, Outcome.OK)))
    path = tmp_path / "worker-2.json"
    state = json.loads(path.read_text())
    path.write_text(json.dumps({**state, "pid": int(gone.stdout)}))

    assert WorkerCounts(tmp_path, 1).others() == Counts(0, {(LOGIN, int(Outcome.OK)): 1})


def test_a_worker_started_in_place_of_one_that_died_counts_on_from_its_counts(tmp_path):
    WorkerCounts(tmp_path, 2).publish(monitor_with(1, (LOGIN, Outcome.OK), (LOGIN, Outcome.OK)))
    replacement = monitor_with(0, (LOGIN, Outcome.OK))
    counts = WorkerCounts(tmp_path, 2)

    counts.restore(replacement)

    assert replacement.transactions == {(LOGIN, int(Outcome.OK)): 2}


def test_a_new_run_counts_from_zero_and_an_unreadable_file_counts_nothing(tmp_path):
    WorkerCounts(tmp_path, 2).publish(monitor_with(1, (LOGIN, Outcome.OK)))
    clear(tmp_path)
    assert WorkerCounts(tmp_path, 1).others() == Counts()

    (tmp_path / "worker-3.json").write_text('{"pid": 1, "devices": ')  # cut short
    assert WorkerCounts(tmp_path, 1).others() == Counts()
