"""A gateway running in a background thread, and a plain-socket device to talk to it."""

from __future__ import annotations

import asyncio
import socket
import ssl
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rfid_sip2.gateway.app import Gateway
from rfid_sip2.gateway.config import GatewayConfig, from_mapping
from rfid_sip2.sip2.codec import DEFAULT, CodecOptions, Decoded, decode, encode
from rfid_sip2.sip2.messages import LoginRequest, Message

LOGIN, PASSWORD = "kiosk-1", "kiosk-secret-1"
KOHA_SIP_LOGIN, KOHA_SIP_PASSWORD = "koha-gateway", "koha-sip-secret"


def gateway_config(tmp_path: Path, **gateway: Any) -> GatewayConfig:
    """One account (kiosk-1) on 127.0.0.1, port chosen by the system, journal in tmp_path."""
    accounts = gateway.pop("accounts", None) or [
        {
            "login": LOGIN,
            "password_env": "KIOSK_PASSWORD",
            "institution_id": "CPL",
            "location": "CPL-HALL",
        }
    ]
    listeners = gateway.pop("listeners", None) or [{"host": "127.0.0.1", "port": 0}]
    offline = gateway.pop("offline", {})
    upstream = gateway.pop("upstream", None) or {
        "kind": "sandbox",
        "sandbox_path": str(tmp_path / "unused.sqlite3"),
    }
    data = {
        "gateway": {
            "institution_id": "CPL",
            "library_name": "Prut Valley Public Library",
            **gateway,
        },
        "listeners": listeners,
        "accounts": accounts,
        "journal": {"path": str(tmp_path / "journal.sqlite3")},
        "upstream": upstream,
        "offline": offline,
    }
    env = {
        "KIOSK_PASSWORD": PASSWORD,
        "KIOSK2_PASSWORD": "kiosk-secret-2",
        "KOHA_SIP_PASSWORD": KOHA_SIP_PASSWORD,
    }
    return from_mapping(data, env, tmp_path, tmp_path)


class RunningGateway:
    """The gateway on its own event loop in a thread, stopped on exit."""

    def __init__(self, config: GatewayConfig, upstream, worker: int = 0) -> None:
        self.loop = asyncio.new_event_loop()
        self.gateway = Gateway(config, upstream, worker=worker)
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.addresses: list[tuple[str, int]] = []

    def call(self, coroutine, timeout: float = 30):
        future = asyncio.run_coroutine_threadsafe(coroutine, self.loop)
        try:
            return future.result(timeout)
        except TimeoutError:
            # What the gateway was stuck on, for whoever reads the failure.
            for task in asyncio.all_tasks(self.loop):
                task.print_stack(file=sys.stderr)
            raise

    def start(self) -> RunningGateway:
        self._thread.start()
        self.addresses = self.call(self.gateway.start())
        return self

    @property
    def port(self) -> int:
        return self.addresses[0][1]

    def stop(self) -> None:
        self.call(self.gateway.stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(5)
        self.loop.close()


@contextmanager
def running(config: GatewayConfig, upstream, worker: int = 0) -> Iterator[RunningGateway]:
    """The gateway, as worker number ``worker`` of several (0: alone), while the block runs."""
    gateway = RunningGateway(config, upstream, worker).start()
    try:
        yield gateway
    finally:
        gateway.stop()


class Device:
    """A self-check device on a plain socket: writes frames, reads answers up to CR."""

    def __init__(
        self,
        port: int,
        *,
        options: CodecOptions = DEFAULT,
        context: ssl.SSLContext | None = None,
        timeout: float = 10,
    ) -> None:
        raw = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.sock = context.wrap_socket(raw, server_hostname="localhost") if context else raw
        self.options = options
        self.sequence = -1
        self.buffer = b""

    def close(self) -> None:
        self.sock.close()

    def __enter__(self) -> Device:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def send_raw(self, data: bytes) -> None:
        self.sock.sendall(data)

    def read_frame(self) -> bytes:
        """The next frame (without CR); b"" when the gateway closed the connection."""
        while b"\r" not in self.buffer:
            try:
                chunk = self.sock.recv(65536)
            except ConnectionResetError:
                return b""  # closed with our bytes unread: the same as closed
            if not chunk:
                return b""
            self.buffer += chunk
        frame, _, self.buffer = self.buffer.partition(b"\r")
        return frame.lstrip(b"\n")

    def exchange(self, message: Message, *, checksum: bool = True) -> Decoded:
        self.sequence = (self.sequence + 1) % 10
        self.send_raw(
            encode(
                message,
                sequence_number=self.sequence,
                error_detection=checksum,
                options=self.options,
            )
        )
        frame = self.read_frame()
        if not frame:
            raise ConnectionResetError("the gateway closed the connection")
        decoded = decode(frame, self.options)
        assert isinstance(decoded, Decoded), decoded
        return decoded

    def login(self, login: str = LOGIN, password: str = PASSWORD) -> bool:
        response = self.exchange(
            LoginRequest(login_user_id=login, login_password=password, location_code="CPL-HALL")
        )
        return response.message.ok
