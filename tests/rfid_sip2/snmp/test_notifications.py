"""Managers hear when the upstream goes down and comes back, and when the journal backlog
passes its threshold: traps and informs, received by a pysnmp notification receiver."""

from __future__ import annotations

import dataclasses

import pytest

from rfid_sip2.monitor import Event, UpstreamState
from rfid_sip2.sip2.messages import CheckinRequest
from rfid_sip2.snmp import config as monitoring_config
from rfid_sip2.snmp import layout
from tests.rfid_sip2.gateway.harness import Device, gateway_config, running
from tests.rfid_sip2.gateway.upstreams import free_items, sandbox_cable
from tests.rfid_sip2.snmp.manager import ENV, receiving

ROOT = monitoring_config.DEFAULT_ENTERPRISE


def notifying(tmp_path, port: int, kind: str, threshold: int = 100):
    monitoring = monitoring_config.from_mapping(
        {
            "snmp": {
                "listen": "127.0.0.1:0",
                "managers": [f"127.0.0.1:{port}"],
                "notification": kind,
                "journal_backlog_threshold": threshold,
            }
        },
        ENV,
    )
    return dataclasses.replace(gateway_config(tmp_path), monitoring=monitoring)


def checkin(item: str) -> CheckinRequest:
    return CheckinRequest(institution_id="CPL", item_identifier=item, current_location="CPL-HALL")


@pytest.mark.parametrize("kind", ["trap", "inform"])
def test_a_manager_hears_the_upstream_go_down_and_come_back(tmp_path, sandbox, kind):
    item = free_items(sandbox, 1)[0]
    cable = sandbox_cable(sandbox)
    with receiving() as (receiver, call):
        config = notifying(tmp_path, receiver.port, kind)
        with running(config, cable) as gateway, Device(gateway.port) as device:
            assert device.login()
            cable.cut = True
            assert device.exchange(checkin(item)).message.ok  # offline: journaled
            [down] = call(receiver.wait_for(1))
            cable.cut = False
            gateway.call(gateway.gateway.service.check_upstream())
            _down, up = call(receiver.wait_for(2))

    assert down.notification == layout.notification_oid(ROOT, Event.UPSTREAM_DOWN)
    state = layout.SCALAR_BY_NAME["lib20UpstreamState"].oid(ROOT)
    error = layout.SCALAR_BY_NAME["lib20LastErrorText"].oid(ROOT)
    assert down.binds[state] == UpstreamState.DOWN
    assert "cable cut" in str(down.binds[error])
    assert up.notification == layout.notification_oid(ROOT, Event.UPSTREAM_UP)
    assert up.binds[state] == UpstreamState.UP


def test_a_manager_hears_when_the_journal_backlog_passes_its_threshold(tmp_path, sandbox):
    items = free_items(sandbox, 3)
    cable = sandbox_cable(sandbox)
    cable.cut = True
    with receiving() as (receiver, call):
        config = notifying(tmp_path, receiver.port, "trap", threshold=2)
        with running(config, cable) as gateway, Device(gateway.port) as device:
            assert device.login()
            for item in items:
                assert device.exchange(checkin(item)).message.ok
            cable.cut = False
            gateway.call(gateway.gateway.service.check_upstream())
            heard = call(receiver.wait_for(4))

    names = [notification.notification for notification in heard]
    depth = layout.SCALAR_BY_NAME["lib20JournalDepth"].oid(ROOT)
    backlog = layout.notification_oid(ROOT, Event.JOURNAL_BACKLOG)
    assert names.count(backlog) == 1  # once when passed, not for every entry above
    assert heard[names.index(backlog)].binds[depth] == 2
    assert layout.notification_oid(ROOT, Event.JOURNAL_BACKLOG_CLEARED) in names
    assert names.index(layout.notification_oid(ROOT, Event.UPSTREAM_UP)) > names.index(backlog)
