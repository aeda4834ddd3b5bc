"""The gateway's log, written cheaply: lines gathered in memory and written whole, together.

A busy gateway logs a line per transaction; a write (and flush) each costs as much as half the
rest of the transaction. Here lines wait at most ``interval`` seconds (a background thread
writes them out), or until ``limit`` bytes gather; a warning or worse goes out at once, with
what waited before it. Each write is of whole lines only, so gateway processes sharing one log
file (``--workers``, the file opened with O_APPEND) never cut into each other's lines. Closing
the handler (``logging.shutdown`` at exit, or a worker's own stop) writes what is left.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import time

FORMAT = "%(asctime)s level=%(levelname)s logger=%(name)s %(message)s"
INTERVAL = 0.2  # seconds a line may wait
LIMIT = 64 * 1024  # bytes gathered before they are written anyway


class LineFormatter(logging.Formatter):
    """``FORMAT``, with the time text made once a second instead of for every line."""

    def __init__(self, fmt: str = FORMAT) -> None:
        super().__init__(fmt)
        self._second = -1
        self._text = ""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        second = int(record.created)
        if second != self._second:
            # Computed before either is stored: another thread may read them meanwhile.
            text = time.strftime("%Y-%m-%d %H:%M:%S", self.converter(record.created))
            self._second, self._text = second, text
        return f"{self._text},{int(record.msecs):03d}"


class BufferedLineHandler(logging.Handler):
    """Log lines to a file descriptor, gathered and written as whole lines."""

    def __init__(self, fd: int, interval: float = INTERVAL, limit: int = LIMIT) -> None:
        super().__init__()
        self.fd = fd
        self.limit = limit
        self._lines: list[bytes] = []
        self._size = 0
        self._closed = threading.Event()
        self._writer = threading.Thread(
            target=self._write_now_and_then, args=(interval,), name="log-writer", daemon=True
        )
        self._writer.start()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = (self.format(record) + "\n").encode("utf-8", errors="replace")
        except Exception:
            self.handleError(record)
            return
        # handle() holds self.lock around emit: lines and size change under it.
        self._lines.append(line)
        self._size += len(line)
        if record.levelno >= logging.WARNING or self._size >= self.limit:
            self._write()

    def flush(self) -> None:
        with self.lock:
            self._write()

    def _write(self) -> None:
        if not self._lines:
            return
        data, self._lines, self._size = b"".join(self._lines), [], 0
        view = memoryview(data)
        while view:  # a short write (a full pipe) continues where it stopped
            written = os.write(self.fd, view)
            view = view[written:]

    def _write_now_and_then(self, interval: float) -> None:
        while not self._closed.wait(interval):
            # The log cannot be written (a closed pipe): nothing to do about it here.
            with contextlib.suppress(OSError):
                self.flush()

    def close(self) -> None:
        self._closed.set()
        with contextlib.suppress(OSError):
            self.flush()
        super().close()


def buffer_stderr() -> list[BufferedLineHandler]:
    """Put a ``BufferedLineHandler`` in the place of each of the root logger's handlers that
    write to standard error (``logging.basicConfig``'s), with its format and level."""
    root = logging.getLogger()
    installed = []
    for handler in list(root.handlers):
        if type(handler) is not logging.StreamHandler or handler.stream not in (
            sys.stderr,
            sys.__stderr__,
        ):
            continue
        handler.flush()
        buffered = BufferedLineHandler(handler.stream.fileno())
        fmt = getattr(handler.formatter, "_fmt", None) or FORMAT
        buffered.setFormatter(LineFormatter(fmt))
        buffered.setLevel(handler.level)
        root.removeHandler(handler)
        root.addHandler(buffered)
        installed.append(buffered)
    return installed
