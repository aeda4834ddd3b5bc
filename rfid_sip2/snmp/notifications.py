"""SNMPv2c traps or informs to the configured managers when the monitor reports a change:
the upstream or a reader down or back, the journal backlog past its threshold or below it."""

from __future__ import annotations

import asyncio
import logging

from pysnmp.hlapi.v3arch.asyncio import (
    CommunityData,
    ContextData,
    NotificationType,
    ObjectIdentity,
    SnmpEngine,
    UdpTransportTarget,
    send_notification,
)

from rfid_sip2.monitor import Event, Monitor, Snapshot
from rfid_sip2.snmp import layout
from rfid_sip2.snmp.config import SnmpConfig

log = logging.getLogger(__name__)


class Notifier:
    """Subscribed to a monitor; each change is sent to every manager, without waiting."""

    def __init__(self, settings: SnmpConfig, monitor: Monitor) -> None:
        self.settings = settings
        self.engine = SnmpEngine()
        self._sending: set[asyncio.Task] = set()
        monitor.subscribe(self.changed)

    def changed(self, event: Event, snapshot: Snapshot) -> None:
        for manager in self.settings.managers:
            task = asyncio.get_running_loop().create_task(self.send(manager, event, snapshot))
            self._sending.add(task)
            task.add_done_callback(self._sending.discard)

    def notification(self, event: Event, snapshot: Snapshot) -> NotificationType:
        root = self.settings.enterprise
        objects = [layout.SCALAR_BY_NAME[name] for name in layout.NOTIFICATION_OBJECTS[event]]
        return NotificationType(ObjectIdentity(layout.notification_oid(root, event))).add_varbinds(
            *((scalar.oid(root), scalar.value(snapshot)) for scalar in objects)
        )

    async def send(self, manager: tuple[str, int], event: Event, snapshot: Snapshot) -> None:
        kind = self.settings.notification
        try:
            target = await UdpTransportTarget.create(manager, timeout=2, retries=1)
            error, status, _index, _binds = await send_notification(
                self.engine,
                CommunityData(self.settings.trap_community, mpModel=1),
                target,
                ContextData(),
                kind,
                self.notification(event, snapshot),
            )
        except Exception as failure:  # a manager's trouble must not reach circulation
            error, status = failure, None
        if error or status:
            log.warning(
                "snmp notification not delivered manager=%s:%s event=%s kind=%s error=%s",
                *manager,
                layout.NOTIFICATION_NAMES[event],
                kind,
                error or status,
            )
        else:
            log.info(
                "snmp notification manager=%s:%s event=%s kind=%s",
                *manager,
                layout.NOTIFICATION_NAMES[event],
                kind,
            )

    async def close(self) -> None:
        if self._sending:
            await asyncio.wait(set(self._sending), timeout=5)
        self.engine.close_dispatcher()
