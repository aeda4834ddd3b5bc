"""One serial port, opened by pyserial URL, that sends a request and reads exactly one frame.

The link owns timeouts and the port reset: after ``reset_after`` consecutive exchanges without
a good frame it closes and reopens the port (koha-rfid-go's cure for a hung 3M reader) and
tries once more; ``ReaderUnavailable`` when the port is gone or still silent after the reset.
"""

from __future__ import annotations

import contextlib
import logging
import os
import termios
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

import serial

from rfid_sip2.rfid.readers.base import ReaderUnavailable
from rfid_sip2.rfid.readers.errors import CorruptFrame

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LineSettings:
    """A protocol's serial line, and the quiet time its reader needs before the next request."""

    baudrate: int
    bytesize: int
    parity: str
    stopbits: float
    request_gap: float = 0.0  # seconds from the end of a reply to the next request


THREE_M_LINE = LineSettings(19200, serial.EIGHTBITS, serial.PARITY_NONE, serial.STOPBITS_ONE)
# Feig readers want at least 5 ms between a reply and the next request.
FEIG_LINE = LineSettings(
    38400, serial.EIGHTBITS, serial.PARITY_EVEN, serial.STOPBITS_ONE, request_gap=0.005
)


class Splitter(Protocol):
    """A protocol's frame splitter (``threem_protocol.FrameSplitter``, ``feig_protocol.…``)."""

    def feed(self, data: bytes) -> None: ...
    def clear(self) -> None: ...
    def missing(self) -> int: ...
    def pop(self) -> bytes | None: ...


Decoded = TypeVar("Decoded")


class _NoFrame(Exception):
    """This exchange brought no good frame: silence, noise, or a port error."""


def is_pty(url: str) -> bool:
    """Whether ``url`` is a pseudo-terminal (Unix98 pty slaves have majors 136-143)."""
    try:
        return os.major(os.stat(url).st_rdev) in range(136, 144)
    except (OSError, ValueError):
        return False


def open_port(url: str, settings: LineSettings, timeout: float) -> serial.SerialBase:
    """The port behind ``url`` (a device path, ``socket://``, ``rfc2217://``, ``loop://``)."""
    parity = settings.parity
    if parity != serial.PARITY_NONE and is_pty(url):
        # A pty carries bytes, not a line: parity means nothing there, and some kernels
        # refuse to set it (EINVAL), which would make a simulated Feig unreachable.
        parity = serial.PARITY_NONE
    return serial.serial_for_url(
        url,
        baudrate=settings.baudrate,
        bytesize=settings.bytesize,
        parity=parity,
        stopbits=settings.stopbits,
        timeout=timeout,
        write_timeout=timeout,
    )


class SerialLink(Generic[Decoded]):
    """Request/reply over one port; ``decode`` checks a frame (CorruptFrame when bad, which
    counts as no reply); ``timeout`` is the longest wait for a whole reply."""

    def __init__(
        self,
        url: str,
        settings: LineSettings,
        splitter: Splitter,
        decode: Callable[[bytes], Decoded],
        timeout: float = 0.5,
        reset_after: int = 3,
        opener: Callable[[str, LineSettings, float], serial.SerialBase] = open_port,
    ) -> None:
        self.url, self.settings = url, settings
        self.timeout, self.reset_after = timeout, reset_after
        self._splitter, self._decode, self._opener = splitter, decode, opener
        self._port: serial.SerialBase | None = None
        self._quiet_since = 0.0  # when the last reply ended (monotonic)

    def open(self) -> serial.SerialBase:
        """The open port, opened now if need be; ReaderUnavailable if it cannot be opened."""
        if self._port is None:
            try:
                self._port = self._opener(self.url, self.settings, self.timeout)
            except (serial.SerialException, OSError, ValueError, termios.error) as error:
                raise ReaderUnavailable(f"cannot open the reader at {self.url}: {error}") from None
            log.info("event=reader_port_opened url=%s", self.url)
        return self._port

    def close(self) -> None:
        if self._port is not None:
            # A port already gone (unplugged) has nothing left to release.
            with contextlib.suppress(serial.SerialException, OSError, termios.error):
                self._port.close()
            self._port = None

    def exchange(self, request: bytes) -> Decoded:
        """Send ``request`` and return the one frame that answers it."""
        for attempt in range(1, self.reset_after + 1):
            try:
                return self._attempt(request)
            except _NoFrame as error:
                log.warning(
                    "event=reader_no_reply url=%s attempt=%d reason=%r",
                    self.url,
                    attempt,
                    str(error),
                )
        log.warning("event=reader_port_reset url=%s failures=%d", self.url, self.reset_after)
        self.close()
        try:
            return self._attempt(request)
        except _NoFrame as error:
            self.close()
            raise ReaderUnavailable(
                f"the reader at {self.url} does not answer, even after a port reset ({error})"
            ) from None

    def _attempt(self, request: bytes) -> Decoded:
        port = self.open()
        self._splitter.clear()
        gap = self._quiet_since + self.settings.request_gap - time.monotonic()
        if gap > 0:
            time.sleep(gap)
        try:
            port.reset_input_buffer()  # a late reply to an earlier request must not pair with this
            port.write(request)
            frame = self._read_frame(port)
            self._quiet_since = time.monotonic()
            return self._decode(frame)
        except (serial.SerialException, OSError, termios.error) as error:
            self.close()  # the port is gone (unplugged); the next attempt reopens it
            raise _NoFrame(f"port error: {error}") from None
        except CorruptFrame as error:
            raise _NoFrame(str(error)) from None

    def _read_frame(self, port: serial.SerialBase) -> bytes:
        deadline = time.monotonic() + self.timeout
        while (frame := self._splitter.pop()) is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _NoFrame(f"no whole reply within {self.timeout:g} s")
            # The port's own timeout bounds each read; setting it per read would reconfigure
            # the line every time (and ptys refuse that with even parity).
            self._splitter.feed(port.read(self._splitter.missing()))
        return frame
