"""The monitor's values as Prometheus text on ``/metrics``, from the event loop (aiohttp), so
the snapshot is never taken while a transaction is being counted."""

from __future__ import annotations

import logging

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, InfoMetricFamily
from prometheus_client.registry import Collector

from rfid_sip2.monitor import Monitor, Outcome

log = logging.getLogger(__name__)
PREFIX = "library20_sip2_"


class MonitorCollector(Collector):
    """One collection: one snapshot, every family from it."""

    def __init__(self, monitor: Monitor) -> None:
        self.monitor = monitor

    def collect(self):
        s = self.monitor.snapshot()
        yield InfoMetricFamily(
            PREFIX + "role", "What this process is", value={"role": s.role.name.lower()}
        )
        yield _gauge("uptime_seconds", "Seconds since the process started", s.uptime)
        state = GaugeMetricFamily(
            PREFIX + "upstream_state", "1 for the upstream's current state", labels=["state"]
        )
        for value in type(s.upstream):
            state.add_metric([value.name.lower()], 1 if value is s.upstream else 0)
        yield state
        yield _gauge(
            "upstream_state_age_seconds", "Seconds in the current upstream state", s.upstream_age
        )
        yield _gauge("connected_devices", "Devices connected to the gateway", s.devices)
        transactions = CounterMetricFamily(
            PREFIX + "transactions",
            "SIP2 transactions by message type and outcome",
            labels=["command", "outcome"],
        )
        for (command, result), count in sorted(s.transactions.items()):
            transactions.add_metric([command, Outcome(result).name.lower()], count)
        yield transactions
        yield _gauge("journal_depth", "Journal entries waiting to be replayed", s.journal_depth)
        yield _gauge(
            "journal_oldest_age_seconds",
            "Age of the oldest entry waiting (0: none)",
            s.journal_oldest_age,
        )
        yield _gauge("journal_threshold", "Backlog that raises a notification", s.journal_threshold)
        reader = GaugeMetricFamily(
            PREFIX + "reader_state", "1 for the reader's current state", labels=["state"]
        )
        for value in type(s.reader):
            reader.add_metric([value.name.lower()], 1 if value is s.reader else 0)
        yield reader
        yield _gauge(
            "reader_state_age_seconds", "Seconds in the current reader state", s.reader_age
        )
        yield _gauge(
            "retry_list_length", "Tags whose security write waits for a retry", s.retry_list
        )
        yield _gauge(
            "last_error_age_seconds", "Seconds since the last error (0: none)", s.last_error_age
        )
        yield InfoMetricFamily(
            PREFIX + "last_error", "The last error", value={"text": s.last_error}
        )


def _gauge(name: str, documentation: str, value: float) -> GaugeMetricFamily:
    return GaugeMetricFamily(PREFIX + name, documentation, value=value)


def registry_for(monitor: Monitor) -> CollectorRegistry:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(MonitorCollector(monitor))
    return registry


class PrometheusEndpoint:
    """``GET /metrics`` on its own address."""

    def __init__(self, address: tuple[str, int], monitor: Monitor) -> None:
        self.address = address
        self.registry = registry_for(monitor)
        self._runner: web.AppRunner | None = None

    async def _metrics(self, _request: web.Request) -> web.Response:
        body = generate_latest(self.registry)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    async def start(self) -> tuple[str, int]:
        app = web.Application()
        app.router.add_get("/metrics", self._metrics)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, *self.address)
        await site.start()
        bound = site._server.sockets[0].getsockname()[:2]
        log.info("prometheus endpoint host=%s port=%s path=/metrics", *bound)
        self.address = bound
        return bound

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
