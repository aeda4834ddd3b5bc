"""Start what the monitoring settings ask for (agent, notifications, Prometheus) and stop it."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from rfid_sip2.monitor import Monitor
from rfid_sip2.snmp.config import MonitoringConfig


@dataclass
class Monitoring:
    agent: object | None = None  # rfid_sip2.snmp.agent.Agent
    notifier: object | None = None  # rfid_sip2.snmp.notifications.Notifier
    prometheus: object | None = None  # rfid_sip2.snmp.prometheus.PrometheusEndpoint

    async def stop(self) -> None:
        if self.agent is not None:
            self.agent.stop()
        if self.notifier is not None:
            await self.notifier.close()
        if self.prometheus is not None:
            await self.prometheus.stop()
        await asyncio.sleep(0)  # pysnmp's cancelled timer tasks end before the loop does


async def start_monitoring(config: MonitoringConfig, monitor: Monitor) -> Monitoring:
    """Nothing is imported, bound or sent unless configured (pysnmp is slow to import)."""
    running = Monitoring()
    snmp = config.snmp
    monitor.journal_threshold = snmp.journal_backlog_threshold
    try:
        if snmp.listen is not None:
            from rfid_sip2.snmp.agent import Agent

            running.agent = Agent(snmp, monitor)
            running.agent.start()
        if snmp.managers:
            from rfid_sip2.snmp.notifications import Notifier

            running.notifier = Notifier(snmp, monitor)
        if config.prometheus is not None:
            from rfid_sip2.snmp.prometheus import PrometheusEndpoint

            running.prometheus = PrometheusEndpoint(config.prometheus, monitor)
            await running.prometheus.start()
    except BaseException:
        await running.stop()
        raise
    return running
