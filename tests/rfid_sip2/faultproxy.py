"""A TCP proxy that breaks a SIP2 link on purpose, one request at a time.

It sits between a SIP2 client (the gateway) and a SIP2 server (Koha, or its stand-in) on its
own event loop in a thread. For every request frame that reaches it, ``plan(connection,
frame)`` names what happens to that request and its answer::

    PASS      forwarded both ways
    DROP      the request reaches the server, which acts on it; the answer never comes back
    DELAY     the answer comes back ``delay`` seconds late
    CUT       after ``delay`` seconds, half the answer, then the connection closes (FIN)
    RESET     after ``delay`` seconds, half the answer, then the connection is reset (RST)
    STALL     nothing more moves on this connection, either way: a server stopped with
              SIGSTOP (the request is never read, so never applied)

``connection`` counts connections from 1, so a plan can fault one connection and not the next.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum


class Fault(Enum):
    PASS = "pass"
    DROP = "drop"
    DELAY = "delay"
    CUT = "cut"
    RESET = "reset"
    STALL = "stall"


Plan = Callable[[int, bytes], Fault]


def frames(buffer: bytearray) -> list[bytes]:
    """Complete frames taken from the front of ``buffer``: up to CR, with a following LF."""
    found = []
    while (end := buffer.find(b"\r")) >= 0:
        if buffer[end + 1 : end + 2] == b"\n":
            end += 1  # a CRLF split between reads leaves its LF in front of the next frame
        found.append(bytes(buffer[: end + 1]))
        del buffer[: end + 1]
    return found


def command(frame: bytes) -> bytes:
    """The two-character command of a frame (after any LF left over from a CRLF)."""
    return frame.lstrip(b"\n")[:2]


@dataclass
class _Link:
    number: int
    client: asyncio.StreamWriter
    server: asyncio.StreamWriter
    answers: deque[Fault] = field(default_factory=deque)  # one per forwarded request
    stalled: bool = False


class FaultProxy:
    """Listens on 127.0.0.1 (port chosen by the system) and forwards to ``server_port``."""

    def __init__(self, server_port: int, *, delay: float = 0.0) -> None:
        self.server_port = server_port
        self.delay = delay
        self.plan: Plan = lambda connection, frame: Fault.PASS
        self.connections = 0
        self.forwarded: list[bytes] = []  # request frames that reached the server
        self.faulted: list[tuple[Fault, bytes]] = []  # what was done, to which request
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: asyncio.base_events.Server | None = None
        self._tasks: set[asyncio.Task] = set()

    # -- running it ---------------------------------------------------------------------

    def start(self) -> FaultProxy:
        self._thread.start()
        self.port = self._call(self._listen())
        return self

    def stop(self) -> None:
        self._call(self._close())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        self._loop.close()

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _call(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(30)

    async def _listen(self) -> int:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        return self._server.sockets[0].getsockname()[1]

    async def _close(self) -> None:
        assert self._server is not None
        self._server.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    # -- one connection -----------------------------------------------------------------

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._tasks.add(asyncio.current_task())
        self.connections += 1
        number = self.connections
        try:
            server_reader, server_writer = await asyncio.open_connection(
                "127.0.0.1", self.server_port
            )
        except OSError:
            writer.close()
            return
        link = _Link(number, writer, server_writer)
        answers = asyncio.ensure_future(self._answers(link, server_reader))
        try:
            await self._requests(link, reader)
        except (OSError, asyncio.CancelledError):
            pass
        finally:
            answers.cancel()
            with contextlib.suppress(BaseException):
                await answers
            for side in (writer, server_writer):
                side.close()
            self._tasks.discard(asyncio.current_task())

    async def _requests(self, link: _Link, reader: asyncio.StreamReader) -> None:
        buffer = bytearray()
        while data := await reader.read(65536):
            if link.stalled:
                continue  # read and never forwarded: the server would not have read it
            buffer += data
            for frame in frames(buffer):
                fault = self.plan(link.number, frame)
                if fault is Fault.STALL:
                    link.stalled = True
                    self.faulted.append((fault, frame))
                    break
                link.answers.append(fault)
                self.forwarded.append(frame)
                link.server.write(frame)
                await link.server.drain()

    async def _answers(self, link: _Link, reader: asyncio.StreamReader) -> None:
        buffer = bytearray()
        while data := await reader.read(65536):
            buffer += data
            for frame in frames(buffer):
                if link.stalled:
                    return
                fault = link.answers.popleft() if link.answers else Fault.PASS
                if fault is not Fault.PASS:
                    self.faulted.append((fault, frame))
                if fault is Fault.DROP:
                    continue
                if fault in (Fault.DELAY, Fault.CUT, Fault.RESET):
                    await asyncio.sleep(self.delay)
                if fault in (Fault.CUT, Fault.RESET):
                    link.client.write(frame[: len(frame) // 2])
                    await link.client.drain()
                    self._break(link, reset=fault is Fault.RESET)
                    return
                link.client.write(frame)
                await link.client.drain()
        link.client.close()  # the server closed: so does the client's side

    @staticmethod
    def _break(link: _Link, *, reset: bool) -> None:
        sock = link.client.get_extra_info("socket")
        if reset and sock is not None:
            # Linger 0: close() sends RST instead of FIN.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        link.client.transport.abort() if reset else link.client.close()
        link.server.close()
