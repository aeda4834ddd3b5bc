"""A non-blocking TCP listener run by the simulator's selector, shared by the reader's TCP port
and the control channel: it accepts, reads and drops connections; what a connection keeps and
what its bytes mean is the subclass's."""

from __future__ import annotations

import selectors
import socket
from typing import Generic, TypeVar

State = TypeVar("State")


class Listener(Generic[State]):
    """Listens on ``host:port`` (port 0: any free one, then ``port`` says which)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self._listener: socket.socket | None = None
        self._connections: dict[socket.socket, State] = {}

    def open(self, selector: selectors.BaseSelector) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.host, self.port))
        listener.listen()
        listener.setblocking(False)
        self.host, self.port = listener.getsockname()[:2]
        self._listener = listener
        selector.register(listener, selectors.EVENT_READ, lambda: self._accept(selector))

    def close(self, selector: selectors.BaseSelector) -> None:
        for connection in list(self._connections):
            self._drop(selector, connection)
        if self._listener is not None:
            selector.unregister(self._listener)
            self._listener.close()
            self._listener = None

    def _start(self, connection: socket.socket) -> State:
        """What a new connection keeps between reads."""
        raise NotImplementedError

    def _received(self, connection: socket.socket, data: bytes) -> None:
        """Handle bytes that arrived on ``connection``."""
        raise NotImplementedError

    def _accept(self, selector: selectors.BaseSelector) -> None:
        if self._listener is None:
            return
        try:
            connection, _ = self._listener.accept()
        except BlockingIOError:
            return
        # Replies are written whole with sendall; only accepting waits on the selector.
        connection.setblocking(True)
        self._connections[connection] = self._start(connection)
        selector.register(
            connection, selectors.EVENT_READ, lambda: self._readable(selector, connection)
        )

    def _readable(self, selector: selectors.BaseSelector, connection: socket.socket) -> None:
        try:
            data = connection.recv(4096)
        except OSError:
            data = b""
        if not data:
            self._drop(selector, connection)
            return
        self._received(connection, data)

    def _drop(self, selector: selectors.BaseSelector, connection: socket.socket) -> None:
        selector.unregister(connection)
        connection.close()
        del self._connections[connection]
