"""How uvicorn serves the ASGI application, for the demo and for production."""

from __future__ import annotations

import errno
import socket
import warnings
from collections.abc import Mapping
from typing import Any

APPLICATION = "library_site.asgi:application"
# Seconds SIGTERM leaves requests in flight to finish before their connections are closed.
GRACEFUL_SECONDS = 20
STREAMING_WARNING = "StreamingHttpResponse must consume synchronous iterators"


def quiet_static_file_warning() -> None:
    """WhiteNoise hands Django files to stream as synchronous iterators, which Django's ASGI
    handler reads in a thread and warns about once per process: harmless, and noise in logs."""
    warnings.filterwarnings("ignore", message=STREAMING_WARNING)


def port_in_use(host: str, port: int) -> bool:
    """Whether something listens on ``host:port``; an address that cannot be bound is an error."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family) as probe:
        # As uvicorn binds: a port left in TIME_WAIT is free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return True
            raise OSError(error.errno, f"cannot serve on {host}:{port}: {error.strerror}") from None
    return False


def options(host: str, port: int, env: Mapping[str, str]) -> dict[str, Any]:
    """uvicorn.Config's keywords: no access log, proxy headers only from FORWARDED_ALLOW_IPS."""
    forwarded_from = env.get("FORWARDED_ALLOW_IPS", "").strip()
    return {
        "host": host,
        "port": port,
        "ws": "websockets-sansio",
        "lifespan": "off",  # Django's ASGI application has no startup or shutdown to run
        # Django's LOGGING formats every line (LOG_FORMAT); uvicorn adds no handlers of its own.
        "log_config": None,
        # Warnings and errors only, and no access log: uvicorn's line per request or websocket
        # carries the query string and the path, and a reader's chat path holds the chat's key.
        # library_site.logs.access writes one line per request without them.
        "log_level": "warning",
        "access_log": False,
        # X-Forwarded-For/-Proto are believed only from the proxies named; none by default.
        "proxy_headers": bool(forwarded_from),
        "forwarded_allow_ips": forwarded_from or None,
        "server_header": False,
        "timeout_graceful_shutdown": GRACEFUL_SECONDS,
    }
