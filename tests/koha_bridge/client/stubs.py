"""Stand-ins for Koha in the client's tests: a recording WSGI wrapper and small servers on sockets.

``Recorder`` sits in front of the sandbox (in process or served) and notes every request.
``ScriptedServer`` answers over HTTP with the answers a test scripts, in order; ``SilentServer``
accepts connections and never answers; ``closed_port()`` is a port nobody listens on.
"""

from __future__ import annotations

import json
import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests
from requests.adapters import HTTPAdapter

from koha_bridge.client.session import RETRY, http_session

TOKEN_PATH = "/api/v1/oauth/token"


def quick_retry_session() -> requests.Session:
    """``http_session()`` with the same retries but a backoff of hundredths of a second."""
    session = http_session()
    adapter = HTTPAdapter(max_retries=RETRY.new(backoff_factor=0.01))
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


@dataclass(frozen=True)
class Seen:
    """A request as the server saw it, and the status it answered."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    status: int | None = None

    def param(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[-1] if values else None


class Recorder:
    """A WSGI application in front of another that notes each request and its status."""

    def __init__(self, app) -> None:
        self.app = app
        self.seen: list[Seen] = []
        self._lock = threading.Lock()

    def __call__(self, environ: dict, start_response):
        statuses: list[int] = []

        def noting_start_response(status: str, headers: list, exc_info=None):
            statuses.append(int(status.split(" ", 1)[0]))
            return start_response(status, headers, exc_info)

        body = self.app(environ, noting_start_response)
        headers = {
            key[5:].replace("_", "-").lower(): value
            for key, value in environ.items()
            if key.startswith("HTTP_")
        }
        with self._lock:
            self.seen.append(
                Seen(
                    environ["REQUEST_METHOD"],
                    environ.get("PATH_INFO", "/"),
                    parse_qs(environ.get("QUERY_STRING", "")),
                    headers,
                    statuses[0] if statuses else None,
                )
            )
        return body

    def to(self, path: str) -> list[Seen]:
        """The requests made to this path (``/api/v1/...``)."""
        return [seen for seen in self.seen if seen.path == path]

    @property
    def token_requests(self) -> list[Seen]:
        return self.to(TOKEN_PATH)

    @property
    def api_requests(self) -> list[Seen]:
        return [seen for seen in self.seen if seen.path != TOKEN_PATH]


@dataclass(frozen=True)
class Answer:
    """One scripted HTTP answer; a ``body`` that is not bytes or str is sent as JSON."""

    status: int = 200
    body: Any = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)

    def encoded(self) -> tuple[bytes, dict[str, str]]:
        headers = dict(self.headers)
        if isinstance(self.body, bytes):
            return self.body, headers
        if isinstance(self.body, str):
            headers.setdefault("Content-Type", "text/plain; charset=utf-8")
            return self.body.encode("utf-8"), headers
        headers.setdefault("Content-Type", "application/json;charset=UTF-8")
        return json.dumps(self.body).encode("utf-8"), headers


class ScriptedServer:
    """An HTTP server on 127.0.0.1 giving each request the next answer; the last one repeats.

    ``requests`` holds what it was asked, with ``path`` the path alone and ``query`` parsed.
    """

    def __init__(self, *answers: Answer) -> None:
        if not answers:
            raise ValueError("script at least one answer")
        self.answers = list(answers)
        self.requests: list[Seen] = []
        self._lock = threading.Lock()
        scripted = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                parts = urlsplit(self.path)
                answer = scripted._next(
                    Seen(
                        self.command,
                        parts.path,
                        parse_qs(parts.query),
                        {name.lower(): value for name, value in self.headers.items()},
                    )
                )
                body, headers = answer.encoded()
                self.send_response(answer.status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PUT = do_DELETE = _answer

            def log_message(self, format: str, *args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )

    def _next(self, seen: Seen) -> Answer:
        with self._lock:
            self.requests.append(seen)
            return self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}"

    def __enter__(self) -> ScriptedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


class SilentServer:
    """A socket on 127.0.0.1 that accepts connections and never says a word."""

    def __init__(self) -> None:
        self._socket = socket.create_server(("127.0.0.1", 0))
        self._socket.settimeout(0.05)
        self._stop = threading.Event()
        self.connections: list[socket.socket] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._socket.accept()
            except TimeoutError:
                continue
            self.connections.append(connection)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._socket.getsockname()[1]}"

    def __enter__(self) -> SilentServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._socket.close()
        for connection in self.connections:
            connection.close()


def closed_port() -> int:
    """A port on 127.0.0.1 that was free a moment ago and has no listener."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return probe.getsockname()[1]
