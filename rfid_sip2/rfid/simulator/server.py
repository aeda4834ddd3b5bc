"""The simulated reader served like a device: on a pty (the driver opens its path like
``/dev/ttyUSB0``) or on a TCP socket (``socket://``), with a line-based control channel.

One thread runs every endpoint with a selector. Faults of the port itself live here: ``hang``
(the reader stops answering, its port stays) and ``unplug`` (the port disappears), both undone
by ``plug``. Faults of tags and writes live in the ``TagField``.
"""

from __future__ import annotations

import asyncio
import os
import queue
import selectors
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

from rfid_sip2.rfid.simulator.feig_responder import MOST_TAGS_PER_REPLY, FeigResponder
from rfid_sip2.rfid.simulator.field import Answering, SimulatedTag, TagField
from rfid_sip2.rfid.simulator.ports import PtyPort, Responder, TcpPort
from rfid_sip2.rfid.simulator.threem_responder import ThreeMResponder

PROTOCOLS = ("3m", "feig")
SPLIT_PAUSE = 0.01  # seconds between the pieces of a split reply


class _Endpoint(Protocol):
    def open(self, selector: selectors.BaseSelector) -> None: ...
    def close(self, selector: selectors.BaseSelector) -> None: ...


class SimulatedReader:
    """A reader speaking ``protocol`` ("3m" or "feig") for the tags in ``field``."""

    def __init__(
        self,
        protocol: str = "3m",
        field: TagField | None = None,
        duplicates: bool = False,
        page_size: int = MOST_TAGS_PER_REPLY,
    ) -> None:
        if protocol not in PROTOCOLS:
            raise ValueError(f"unknown reader protocol {protocol!r}: use 3m or feig")
        self.protocol, self.field = protocol, field or TagField()
        self.answering = Answering(duplicates, page_size)
        self.hung = False
        self.plugged = True
        self._ports: list[_Endpoint] = []
        self._others: list[_Endpoint] = []
        self._selector = selectors.DefaultSelector()
        self._calls: queue.Queue[Callable[[], None]] = queue.Queue()
        self._wake_r, self._wake_w = os.pipe()
        self._selector.register(
            self._wake_r, selectors.EVENT_READ, lambda: os.read(self._wake_r, 512)
        )
        self._thread: threading.Thread | None = None
        self._loop_thread: threading.Thread | None = None  # the thread serving, if any
        self._stopping, self._started, self._idle = (threading.Event() for _ in range(3))
        self._idle.set()
        self._closed = False

    # Where it serves.

    def serve_pty(self, link: str | Path | None = None) -> str:
        """Serve on a new pty; returns a stable path to it (a symlink, like a udev rule's
        ``/dev/ttyRFID``) that survives ``unplug``/``plug``. ``device`` is the pty itself."""
        port = PtyPort(self, Path(link) if link else None)
        self._add(port, self._ports)
        return str(port.link)

    def serve_tcp(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Serve on a TCP socket; returns the pyserial URL ``socket://host:port``."""
        endpoint = TcpPort(self, host, port)
        self._add(endpoint, self._ports)
        return f"socket://{endpoint.host}:{endpoint.port}"

    def serve_control(self, host: str = "127.0.0.1", port: int = 0) -> tuple[str, int]:
        """The line-based control channel (see ``control.py``) on a TCP socket."""
        from rfid_sip2.rfid.simulator.control import ControlChannel

        endpoint = ControlChannel(self, host, port)
        self._add(endpoint, self._others)
        return endpoint.host, endpoint.port

    @property
    def device(self) -> str | None:
        """The pty device behind ``serve_pty``'s path, while plugged."""
        ptys = [p for p in self._ports if isinstance(p, PtyPort)]
        return ptys[0].device if ptys else None

    # Running.

    def start(self) -> SimulatedReader:
        """Serve in a daemon thread until ``stop``."""
        self._thread = threading.Thread(target=self.run, name="rfid-simulator", daemon=True)
        self._thread.start()
        self._started.wait(timeout=5)
        return self

    async def serve(self) -> None:
        """Serve from an asyncio task until the task is cancelled (the loop stays free: the
        serving runs in a worker thread)."""
        try:
            await asyncio.to_thread(self.run)
        finally:
            self.stop()

    def run(self) -> None:
        """Serve in this thread until ``stop`` (the CLI runs it so)."""
        self._loop_thread = threading.current_thread()
        self._idle.clear()
        self._started.set()
        try:
            while not self._stopping.is_set():
                for key, _ in self._selector.select(timeout=0.2):
                    key.data()
                self._run_calls()
        finally:
            self._loop_thread = None
            self._idle.set()

    def stop(self) -> None:
        """Stop serving and close every port; the reader cannot be started again."""
        if self._closed:
            return
        self._stopping.set()
        os.write(self._wake_w, b"x")
        self._idle.wait(timeout=5)
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        for endpoint in self._ports + self._others:
            if isinstance(endpoint, PtyPort):
                endpoint.discard(self._selector)
            else:
                endpoint.close(self._selector)
        self._ports, self._others = [], []
        self._selector.close()
        self._closed = True
        os.close(self._wake_r)
        os.close(self._wake_w)

    def __enter__(self) -> SimulatedReader:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # Faults of the port.

    def hang(self) -> None:
        """The reader stops answering; its port stays open (a firmware hang)."""
        self._call(lambda: setattr(self, "hung", True))

    def unplug(self) -> None:
        """The reader's port disappears, as when its USB cable is pulled."""

        def unplug() -> None:
            if self.plugged:
                self.plugged = False
                for port in self._ports:
                    port.close(self._selector)

        self._call(unplug)

    def plug(self) -> None:
        """Plugged back, answering again, at the same path or address."""

        def plug() -> None:
            self.hung = False
            if not self.plugged:
                self.plugged = True
                for port in self._ports:
                    port.open(self._selector)

        self._call(plug)

    @property
    def duplicates(self) -> bool:
        """Every tag answers inventories twice (tags that missed the quiet command)."""
        return self.answering.duplicates

    @duplicates.setter
    def duplicates(self, value: bool) -> None:
        self.answering.duplicates = value

    @property
    def split_replies(self) -> bool:
        """Replies go out in two pieces a few milliseconds apart (length first, body later)."""
        return self.answering.split_replies

    @split_replies.setter
    def split_replies(self, value: bool) -> None:
        self.answering.split_replies = value

    @property
    def page_size(self) -> int:
        """Feig: tags per inventory reply before "more data"."""
        return self.answering.page_size

    @page_size.setter
    def page_size(self, value: int) -> None:
        self.answering.page_size = value

    # The field, for tests and the demo.

    def place(self, uid: bytes | str, memory: bytes | None = None, **state) -> SimulatedTag:
        """Put a tag on the pad (``TagField.place``: ``afi``, ``eas``, ``dsfid``, ``locked``)."""
        return self.field.place(uid, memory, **state)

    def remove(self, uid: bytes | str) -> None:
        self.field.remove(uid)

    def tags(self) -> list[SimulatedTag]:
        return self.field.tags()

    def tag(self, uid: bytes | str) -> SimulatedTag:
        return self.field.tag(uid)

    def fail_writes(self, count: int) -> None:
        self.field.fail_writes(count)

    def drop_writes(self, count: int) -> None:
        self.field.drop_writes(count)

    def garble_replies(self, count: int) -> None:
        """The next ``count`` replies arrive with a bad CRC, as after noise on the line."""
        self.answering.garble_replies = count

    def lift_during_write(self, after_blocks: int = 0, uid: bytes | str | None = None) -> None:
        """The next write (to ``uid``, or any tag) lands ``after_blocks`` blocks, then its tag
        leaves the pad (see ``TagField.lift_during_write``)."""
        self.field.lift_during_write(after_blocks, uid)

    # Inside.

    def responder(self) -> Responder:
        """A fresh protocol responder (one per connection: each has its own partial frame)."""
        if self.protocol == "feig":
            return FeigResponder(self.field, self.answering)
        return ThreeMResponder(self.field, self.answering)

    def pieces(self, reply: bytes) -> Iterator[bytes]:
        """``reply`` as it goes on the wire: whole, or split after its first 3 bytes with a
        pause, so the host reads the length before the body arrives."""
        if reply and self.answering.garble_replies > 0:
            self.answering.garble_replies -= 1
            reply = reply[:-1] + bytes([reply[-1] ^ 0x01])
        if not self.answering.split_replies or len(reply) <= 3:
            if reply:
                yield reply
            return
        yield reply[:3]
        time.sleep(SPLIT_PAUSE)
        yield reply[3:]

    def _add(self, endpoint: _Endpoint, into: list[_Endpoint]) -> None:
        def add() -> None:
            if into is not self._ports or self.plugged:
                endpoint.open(self._selector)
            into.append(endpoint)

        self._call(add)

    def _call(self, action: Callable[[], None]) -> None:
        """Run ``action`` in the serving thread (now, if it is this one or none runs)."""
        thread = self._loop_thread
        if thread is None or thread is threading.current_thread():
            action()
            return
        done = threading.Event()

        def call() -> None:
            try:
                action()
            finally:
                done.set()

        self._calls.put(call)
        os.write(self._wake_w, b"x")
        done.wait(timeout=5)

    def _run_calls(self) -> None:
        while True:
            try:
                call = self._calls.get_nowait()
            except queue.Empty:
                return
            call()
