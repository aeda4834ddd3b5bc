"""The gateway's log lines wait in memory a moment and go out whole, together."""

from __future__ import annotations

import logging
import os
import select

import pytest

from rfid_sip2.gateway.logfile import FORMAT, BufferedLineHandler, LineFormatter

HOUR = 3600.0  # an interval no test waits for: only what the test does writes


@pytest.fixture
def pipe():
    read, write = os.pipe()
    yield read, write
    os.close(read)
    os.close(write)


def handler_on(fd: int, **options) -> BufferedLineHandler:
    handler = BufferedLineHandler(fd, **options)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    return handler


def record(message: str, level: int = logging.INFO) -> logging.LogRecord:
    return logging.LogRecord("rfid_sip2.transactions", level, __file__, 1, message, (), None)


def waiting(fd: int, timeout: float = 0.0) -> bytes:
    """What the pipe holds (waiting up to ``timeout`` for anything)."""
    data = b""
    while select.select([fd], [], [], timeout)[0]:
        data += os.read(fd, 65536)
        timeout = 0.0
    return data


def test_info_lines_wait_until_the_handler_is_closed(pipe):
    read, write = pipe
    handler = handler_on(write, interval=HOUR)
    handler.handle(record("one"))
    handler.handle(record("two"))
    assert waiting(read) == b""

    handler.close()

    assert waiting(read) == b"INFO one\nINFO two\n"


def test_waiting_lines_are_written_by_time(pipe):
    read, write = pipe
    handler = handler_on(write, interval=0.01)
    handler.handle(record("by time"))

    assert waiting(read, timeout=30) == b"INFO by time\n"
    handler.close()


def test_a_warning_goes_out_at_once_with_the_lines_before_it(pipe):
    read, write = pipe
    handler = handler_on(write, interval=HOUR)
    handler.handle(record("before"))
    handler.handle(record("upstream unavailable", logging.WARNING))

    assert waiting(read) == b"INFO before\nWARNING upstream unavailable\n"
    handler.close()


def test_lines_are_written_once_the_limit_gathers_whole_lines_only(pipe):
    read, write = pipe
    handler = handler_on(write, interval=HOUR, limit=30)
    handler.handle(record("a" * 10))
    assert waiting(read) == b""
    handler.handle(record("b" * 20))

    assert waiting(read) == b"INFO " + b"a" * 10 + b"\nINFO " + b"b" * 20 + b"\n"
    handler.close()


def test_a_log_file_opened_for_appending_gets_every_line_of_two_handlers(tmp_path):
    path = tmp_path / "gateway.log"
    fds = [os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND) for _ in range(2)]
    handlers = [handler_on(fd, interval=HOUR, limit=100) for fd in fds]
    for number in range(200):
        handlers[number % 2].handle(record(f"line {number} " + "x" * (number % 37)))
    for handler, fd in zip(handlers, fds, strict=True):
        handler.close()
        os.close(fd)

    lines = path.read_text().splitlines()
    expected = {f"INFO line {number} " + "x" * (number % 37) for number in range(200)}
    assert sorted(lines) == sorted(expected)


def test_the_time_is_written_as_the_standard_formatter_writes_it():
    ours, standard = LineFormatter(), logging.Formatter(FORMAT)
    for line in (record("checkout"), record("checkin")):  # the second in the same second
        assert ours.format(line) == standard.format(line)
    later = record("renew")
    later.created += 1.5
    later.msecs = (later.created % 1) * 1000
    assert ours.format(later) == standard.format(later)
