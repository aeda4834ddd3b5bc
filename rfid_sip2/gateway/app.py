"""Put the gateway together from its configuration and run it until a signal stops it."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import signal
import socket
from collections.abc import Callable

from rfid_sip2.gateway.answered import AnsweredRequests
from rfid_sip2.gateway.config import GatewayConfig, KohaUpstream
from rfid_sip2.gateway.server import CannotListen, GatewayServer
from rfid_sip2.gateway.service import GatewayService
from rfid_sip2.gateway.worker_counts import PUBLISH_SECONDS, SERVING_WORKER, WorkerCounts
from rfid_sip2.journal.store import Journal
from rfid_sip2.snmp.running import Monitoring, start_monitoring
from rfid_sip2.upstreams.base import Upstream

log = logging.getLogger(__name__)


def build_upstream(config: GatewayConfig) -> Upstream:
    if isinstance(config.upstream, KohaUpstream):
        from rfid_sip2.upstreams.koha import KohaSipUpstream

        return KohaSipUpstream(config.upstream)
    from koha_bridge.sandbox.sandbox import Sandbox
    from rfid_sip2.upstreams.sandbox import SandboxUpstream

    config.upstream.path.parent.mkdir(parents=True, exist_ok=True)
    return SandboxUpstream(Sandbox(config.upstream.path))


class Gateway:
    """The running gateway: server, service, upstream, journal and the upstream watch."""

    def __init__(
        self,
        config: GatewayConfig,
        upstream: Upstream | None = None,
        sockets: list[list[socket.socket]] | None = None,
        worker: int = 0,
    ) -> None:
        """``worker``: this process's number among the gateway's workers, 0 when it is alone."""
        self.config = config
        config.journal_path.parent.mkdir(parents=True, exist_ok=True)
        self.journal = Journal(config.journal_path)
        self.upstream = upstream or build_upstream(config)
        # A first copy another worker answers is answered within the deadline, or never.
        self.answered = AnsweredRequests(config.answered_path, config.answer_deadline + 1)
        self.service = GatewayService(config, self.upstream, self.journal, self.answered)
        self.server = GatewayServer(config, self.service, sockets)
        self.monitor = self.service.monitor
        self.monitor.devices = lambda: len(self.server.connections)
        self.monitoring: Monitoring | None = None
        # With workers, each leaves its counts for worker 1, which serves them all.
        self.counts: WorkerCounts | None = None
        if worker and config.monitoring is not None:
            self.counts = WorkerCounts(config.worker_counts_path, worker)
            self.counts.restore(self.monitor)
        self.serves_monitoring = config.monitoring is not None and worker in (0, SERVING_WORKER)
        self._watch: asyncio.Task | None = None
        self._publish: asyncio.Task | None = None
        self._stopping = asyncio.Event()

    async def start(self) -> list[tuple[str, int]]:
        bound = await self.server.start()
        await self.service.note_journal()
        loop = asyncio.get_running_loop()
        if self.counts is not None:
            self._publish = loop.create_task(self._publish_counts(self.counts))
        if self.serves_monitoring and self.config.monitoring is not None:
            if self.counts is not None:
                self.monitor.elsewhere = self.counts.others
            try:
                self.monitoring = await start_monitoring(self.config.monitoring, self.monitor)
            except OSError as error:
                raise CannotListen(str(error)) from None
        self._watch = loop.create_task(self._watch_upstream())
        return bound

    async def _publish_counts(self, counts: WorkerCounts) -> None:
        while not self._stopping.is_set():
            try:
                counts.publish(self.monitor)
            except OSError as error:  # a full disk: the counts wait, circulation goes on
                log.warning("worker counts not written error=%s", error)
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(PUBLISH_SECONDS):
                    await self._stopping.wait()

    async def _watch_upstream(self) -> None:
        interval = getattr(self.config.upstream, "health_interval", 30.0)
        # Stopped by the event as well as by cancelling: a cancellation can be lost on its way
        # (Python 3.11's wait_for loses one that comes as what it waits for completes).
        while not self._stopping.is_set():
            try:
                await self.service.check_upstream()
                self.service.repeats.forget_old()
                await self.service.note_journal()
            except Exception as error:
                log.exception("upstream check failed")
                self.monitor.error(f"upstream check failed: {error}")
            with contextlib.suppress(TimeoutError):
                steady = self.service.online and not self.service.pending
                async with asyncio.timeout(interval if steady else min(interval, 5)):
                    await self._stopping.wait()

    async def stop(self) -> None:
        self._stopping.set()
        for task in (self._watch, self._publish):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        await self.server.stop()
        if self.counts is not None:
            with contextlib.suppress(OSError):
                self.counts.publish(self.monitor)  # the last transactions count too
        if self.monitoring is not None:
            await self.monitoring.stop()
        await self.service.repeats.settle()
        await self.upstream.close()
        self.journal.close()
        self.answered.close()
        self.service.lockout.close()

    async def run_until_signalled(self, started: Callable[[], None] = lambda: None) -> None:
        """Serve until SIGINT or SIGTERM; ``started`` is called once every listener is open."""
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        try:
            await self.start()
        except BaseException:
            await self.stop()
            raise
        # What start-up made lives as long as the process: out of the collector's sight, its
        # full collections (pauses in the latency of every request then) stay short.
        gc.collect()
        gc.freeze()
        started()
        await stop.wait()
        log.info("stopping: finishing requests in progress")
        await self.stop()
