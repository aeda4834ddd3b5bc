"""Worker processes opening the gateway's shared SQLite files at the same moment, as
``rfid-sip2 serve --workers`` starts them. Started with multiprocessing's "spawn": forked from a
test process whose other threads may hold a lock, a child could hang before it opened anything.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from koha_bridge.sandbox.store import Store
from rfid_sip2.gateway.answered import AnsweredRequests
from rfid_sip2.gateway.lockout import Lockout
from rfid_sip2.journal.store import Journal

OPENERS = {
    "journal": lambda path: Journal(path).close(),
    "login failures": lambda path: Lockout(3, 60, 60, path).close(),
    "answered requests": lambda path: AnsweredRequests(path).close(),
    "sandbox": lambda path: Store(path).ping(),
}


def open_together(kind: str, directory: Path, rounds: int, processes: int = 4) -> list[str]:
    """What ``processes`` processes said, released together ``rounds`` times to open a new file
    of ``kind``: "opened" or the error, each time."""
    context = multiprocessing.get_context("spawn")
    barrier, said = context.Barrier(processes), context.Queue()
    children = [
        context.Process(target=_open_in_turn, args=(kind, directory, rounds, barrier, said))
        for _ in range(processes)
    ]
    for child in children:
        child.start()
    try:
        return [said.get(timeout=60) for _ in range(rounds * processes)]
    finally:
        for child in children:
            child.join(10)
            if child.is_alive():
                child.kill()


def _open_in_turn(kind: str, directory: Path, rounds: int, barrier, said) -> None:
    opener = OPENERS[kind]
    for round_ in range(rounds):
        barrier.wait(60)
        try:
            opener(directory / f"shared-{round_}.sqlite3")
            said.put("opened")
        except Exception as error:  # what it said is the test's result
            said.put(repr(error))
