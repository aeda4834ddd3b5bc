"""Serve the sandbox's REST API over HTTP (``koha-bridge sandbox serve``), threaded."""

from __future__ import annotations

import logging
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

log = logging.getLogger(__name__)


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class QuietHandler(WSGIRequestHandler):
    """One log line per request through logging, never the Authorization header."""

    def log_message(self, format: str, *args) -> None:
        log.info(
            "method=%s path=%s status=%s",
            self.command,
            self.path.split("?")[0],
            args[1] if len(args) > 1 else "-",
        )


def make_sandbox_server(app, host: str = "127.0.0.1", port: int = 8081) -> ThreadingWSGIServer:
    return make_server(
        host, port, app, server_class=ThreadingWSGIServer, handler_class=QuietHandler
    )
