"""What each gateway worker has counted, in a small file of its own, for the one worker that
serves SNMP and Prometheus to add up.

Every worker writes its counts (devices connected now, transactions so far, its last error)
every ``PUBLISH_SECONDS``; worker 1, which runs the agent and the endpoint, reads the others'.
A worker started in place of one that died reads its predecessor's file first and counts on
from there: the gateway's counters never go back while it runs. ``rfid-sip2 serve`` empties
the directory when it starts, so a new run counts from zero as any agent does.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
from pathlib import Path

from rfid_sip2.monitor import Counts, Monitor, added_up

PUBLISH_SECONDS = 1.0
SERVING_WORKER = 1  # the worker that runs the agent, notifications and the endpoint


def clear(directory: Path) -> None:
    """Forget a previous run's counts."""
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob("worker-*.json"):
        old.unlink(missing_ok=True)


class WorkerCounts:
    """Worker ``number``'s file in ``directory``, and the other workers' files."""

    def __init__(self, directory: Path, number: int) -> None:
        self.directory, self.number = directory, number
        directory.mkdir(parents=True, exist_ok=True)

    def _path(self, number: int) -> Path:
        return self.directory / f"worker-{number}.json"

    def restore(self, monitor: Monitor) -> None:
        """Count on from what the worker this one replaces had counted."""
        read = _read(self._path(self.number))
        if read is not None:
            monitor.transactions = dict(read[1].transactions)

    def publish(self, monitor: Monitor) -> None:
        """Write this worker's counts, whole (a reader never sees half a file)."""
        counts = monitor.counts()
        state = {
            "pid": os.getpid(),
            "devices": counts.devices,
            "transactions": [[*key, n] for key, n in counts.transactions.items()],
            "last_error": counts.last_error,
            "last_error_at": counts.last_error_at,
        }
        path = self._path(self.number)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(state))
        os.replace(temporary, path)

    def others(self) -> Counts:
        """The other workers' counts added up; devices only of workers still running."""
        counted = []
        for path in self.directory.glob("worker-*.json"):
            if path == self._path(self.number) or (read := _read(path)) is None:
                continue
            pid, counts = read
            counted.append(counts if _running(pid) else dataclasses.replace(counts, devices=0))
        return added_up(counted)


def _read(path: Path) -> tuple[int, Counts] | None:
    """A worker's process id and counts; None if it has no file or an unreadable one (it then
    counts nothing)."""
    with contextlib.suppress(OSError, ValueError, TypeError, KeyError):
        state = json.loads(path.read_text())
        at = state["last_error_at"]
        return int(state["pid"]), Counts(
            int(state["devices"]),
            {(str(code), int(result)): int(n) for code, result, n in state["transactions"]},
            str(state["last_error"]),
            None if at is None else float(at),
        )
    return None


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process took the number: alive, not ours
        return False
    return True
