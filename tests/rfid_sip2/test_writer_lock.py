"""Writers of one SQLite file in several processes take turns by an flock."""

from __future__ import annotations

import fcntl
import os
import threading

import pytest

from rfid_sip2.writer_lock import WriterLock


def held_elsewhere(path) -> bool:
    """Whether another open file holds the writer lock of the database at ``path``."""
    fd = os.open(f"{path}.writer-lock", os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def test_a_writer_holds_the_lock_for_its_transaction_only(tmp_path):
    path = tmp_path / "sandbox.sqlite3"
    lock = WriterLock(path)
    with lock:
        assert held_elsewhere(path)
    assert not held_elsewhere(path)
    lock.close()


def test_a_second_writer_waits_until_the_first_lets_go(tmp_path):
    path = tmp_path / "sandbox.sqlite3"
    first, second = WriterLock(path), WriterLock(path)
    order: list[str] = []
    with first:
        waiting = threading.Thread(target=lambda: (second.__enter__(), order.append("second")))
        waiting.start()
        waiting.join(0.2)
        order.append("first done")
    waiting.join(30)
    second.__exit__(None, None, None)

    assert order == ["first done", "second"]
    first.close()
    second.close()


@pytest.mark.parametrize("path", [":memory:"])
def test_an_in_memory_database_needs_no_lock(path):
    with WriterLock(path) as lock:
        assert lock._fd is None
