"""The site's ASGI application under uvicorn in a thread, for a browser that speaks websockets
(pytest-django's live server is WSGI only).

The test database must be the server's too: on SQLite, pytest-django's test database is an
in-memory one in SQLite's shared cache, which every connection opened by name in this process
reaches (the server opens its own per thread, as it does on PostgreSQL); committed data, as a
transactional test makes, is seen by both sides.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from asgiref.sync import SyncToAsync
from django.db import connections

from tests.services import free_port

START_SECONDS = 10


@contextmanager
def asgi_server(application=None) -> Iterator[str]:
    """The site (or another ASGI ``application``) at the address yielded, stopped on leaving."""
    if application is None:
        from library_site.asgi import application

    port = free_port()
    config = uvicorn.Config(
        application,
        host="127.0.0.1",
        port=port,
        ws="websockets-sansio",
        lifespan="off",
        log_level="warning",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="asgi-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + START_SECONDS
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError(f"uvicorn did not start on port {port}")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(START_SECONDS)
        # The sockets' database work ran in asgiref's one shared thread, whose connections would
        # otherwise outlive the test (and keep PostgreSQL from dropping the test database).
        SyncToAsync.single_thread_executor.submit(connections.close_all).result()
        gc.collect()  # and those of the requests' threads, gone with their threads
