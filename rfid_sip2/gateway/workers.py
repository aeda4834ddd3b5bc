"""Running the gateway: one process, or ``workers`` processes sharing its listeners.

With workers, as Koha's own SIP server runs (Net::Server::PreFork), this process binds every
listener, then forks the workers: each accepts devices on the same sockets (the kernel hands
each connection to one of them) and runs a whole gateway of its own. What they share lives
where every process sees it: the offline journal, the answers kept for repeats and the login
failures in SQLite files, the sandbox's database, the log (whole lines, one write each), the
counts for monitoring (worker 1 serves SNMP and Prometheus for all: ``worker_counts``). This
process only forks, passes SIGTERM/SIGINT on, and starts a new worker for one that died.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import socket
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from rfid_sip2.gateway import logfile, worker_counts
from rfid_sip2.gateway.config import GatewayConfig
from rfid_sip2.gateway.server import bind
from rfid_sip2.gateway.tls import server_context
from rfid_sip2.upstreams.base import Upstream

if TYPE_CHECKING:
    from rfid_sip2.gateway.app import Gateway

log = logging.getLogger(__name__)
UpstreamFactory = Callable[[], Upstream]
# Told once every listener is open: this process's gateway, or None for the supervisor of workers.
Started = Callable[["Gateway | None"], None]
STEADY = 2.0  # seconds a worker must have run for its death to be met with a new one


def serve(
    config: GatewayConfig,
    upstream: UpstreamFactory | None = None,
    started: Started = lambda gateway: None,
) -> int:
    """Serve until SIGINT or SIGTERM; the exit status. ``upstream`` makes each process's
    upstream (default: the configuration's). Raises CannotListen or ConfigError."""
    if config.workers == 1:
        run_gateway(config, None, upstream, started)
        return 0
    if config.monitoring is not None:
        worker_counts.clear(config.worker_counts_path)  # a new run counts from zero
    sockets = bind(config)
    for index, listener in enumerate(config.listeners):
        if listener.tls:  # a certificate that cannot be used: said once, before any fork
            server_context(listener, f"listeners[{index}]")
    try:
        return Supervisor(config, sockets, upstream).run(started)
    finally:
        for sock in (sock for socks in sockets for sock in socks):
            sock.close()


def run_gateway(
    config: GatewayConfig,
    sockets: list[list[socket.socket]] | None,
    upstream: UpstreamFactory | None,
    started: Started = lambda gateway: None,
    worker: int = 0,
) -> None:
    """One gateway in this process (``worker``: its number among several, 0 when alone), on
    uvloop when it is installed, logging through a buffer."""
    from rfid_sip2.gateway.app import Gateway

    logfile.buffer_stderr()
    gateway = Gateway(config, upstream() if upstream else None, sockets, worker)
    with asyncio.Runner(loop_factory=_loop_factory()) as runner:
        runner.run(gateway.run_until_signalled(lambda: started(gateway)))


def _loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


class Supervisor:
    """Forks the workers, passes stop signals on, replaces a worker that dies."""

    def __init__(
        self,
        config: GatewayConfig,
        sockets: list[list[socket.socket]],
        upstream: UpstreamFactory | None,
    ) -> None:
        self.config = config
        self.sockets = sockets
        self.upstream = upstream
        self.children: dict[int, tuple[int, float]] = {}  # pid -> (worker number, started)
        self.stopping = False

    def run(self, started: Started) -> int:
        previous = {
            signum: signal.signal(signum, self._stop) for signum in (signal.SIGINT, signal.SIGTERM)
        }
        status = 0
        try:
            for number in range(1, self.config.workers + 1):
                self._fork(number)
            log.info("workers started count=%s", self.config.workers)
            started(None)  # the workers' own gateways are in other processes
            while self.children:
                pid, wait_status = os.wait()
                number, since = self.children.pop(pid, (0, 0.0))
                code = os.waitstatus_to_exitcode(wait_status)
                if self.stopping or not number:
                    continue
                if time.monotonic() - since < STEADY:
                    # Dying as it starts: a new one would die the same way.
                    log.error("worker %s failed as it started (exit %s): stopping", number, code)
                    status = 1
                    self._stop(signal.SIGTERM, None)
                    continue
                log.warning("worker %s ended (exit %s): starting another", number, code)
                self._fork(number)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        log.info("workers stopped")
        return status

    def _stop(self, signum: int, _frame: object) -> None:
        self.stopping = True
        for pid in self.children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    def _fork(self, number: int) -> None:
        for handler in logging.getLogger().handlers:
            handler.flush()  # nothing written twice, by parent and child
        sys.stdout.flush()
        pid = os.fork()
        if pid:
            self.children[pid] = (number, time.monotonic())
            return
        code = 1
        try:
            for signum in (signal.SIGINT, signal.SIGTERM):
                signal.signal(signum, signal.SIG_DFL)  # the gateway sets its own once it runs
            run_gateway(self.config, self.sockets, self.upstream, worker=number)
            code = 0
        except BaseException:
            log.exception("worker %s failed", number)
        finally:
            logging.shutdown()
            os._exit(code)
