"""Where a simulated reader is served: a pty pair, or a TCP listener. Both hand what the host
sends to a fresh protocol responder and write its replies back, unless the reader is hung."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import selectors
import socket
import tempfile
import tty
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from rfid_sip2.rfid.simulator.listener import Listener

log = logging.getLogger(__name__)


class Responder(Protocol):
    def receive(self, data: bytes) -> bytes: ...


class Served(Protocol):
    """What a port needs of its simulated reader."""

    hung: bool

    def responder(self) -> Responder: ...
    def pieces(self, reply: bytes) -> Iterator[bytes]: ...


class PtyPort:
    """A pty pair: the simulator reads and writes the master; the driver opens the slave."""

    def __init__(self, reader: Served, link: Path | None) -> None:
        self.reader = reader
        self._own_dir: Path | None = None
        if link is None:
            self._own_dir = Path(tempfile.mkdtemp(prefix="rfid-sim-"))
            link = self._own_dir / "ttyRFID"
        self.link = link
        self.device: str | None = None
        self._master = self._slave = -1
        self._responder = reader.responder()

    def open(self, selector: selectors.BaseSelector) -> None:
        self._master, self._slave = os.openpty()
        # Raw before the driver opens it: no echo, no line editing of binary frames. The
        # simulator keeps the slave open too, so the master never reads EIO between opens.
        tty.setraw(self._slave)
        os.set_blocking(self._master, False)
        self.device = os.ttyname(self._slave)
        temporary = self.link.with_name(self.link.name + ".new")
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        os.symlink(self.device, temporary)
        os.replace(temporary, self.link)
        self._responder = self.reader.responder()
        selector.register(self._master, selectors.EVENT_READ, self._readable)
        log.info("event=simulator_pty device=%s link=%s", self.device, self.link)

    def close(self, selector: selectors.BaseSelector) -> None:
        if self._master < 0:
            return
        selector.unregister(self._master)
        os.close(self._master)
        os.close(self._slave)
        self._master = self._slave = -1
        self.device = None
        with contextlib.suppress(FileNotFoundError):
            self.link.unlink()

    def discard(self, selector: selectors.BaseSelector) -> None:
        """Close for good, with the directory made for the link."""
        self.close(selector)
        if self._own_dir is not None:
            with contextlib.suppress(OSError):
                self._own_dir.rmdir()

    def _readable(self) -> None:
        try:
            data = os.read(self._master, 4096)
        except OSError as error:
            if error.errno in (errno.EAGAIN, errno.EIO):
                return
            raise
        if self.reader.hung or not data:
            return
        reply = self._responder.receive(data)
        if reply:
            os.set_blocking(self._master, True)
            try:
                for piece in self.reader.pieces(reply):
                    os.write(self._master, piece)
            finally:
                os.set_blocking(self._master, False)


class TcpPort(Listener[Responder]):
    """A listening socket; each connection is a host with the reader on its serial line."""

    def __init__(self, reader: Served, host: str, port: int) -> None:
        super().__init__(host, port)
        self.reader = reader

    def open(self, selector: selectors.BaseSelector) -> None:
        super().open(selector)
        log.info("event=simulator_listening address=%s:%d", self.host, self.port)

    def _start(self, connection: socket.socket) -> Responder:
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return self.reader.responder()

    def _received(self, connection: socket.socket, data: bytes) -> None:
        if self.reader.hung:
            return
        reply = self._connections[connection].receive(data)
        with contextlib.suppress(OSError):
            for piece in self.reader.pieces(reply):
                connection.sendall(piece)
