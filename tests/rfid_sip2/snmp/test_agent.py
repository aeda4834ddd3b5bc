"""A pysnmp manager walks the gateway's agent: v2c and v3 authPriv, and nothing for a wrong
community or key; the counters follow real SIP2 transactions through the sandbox."""

from __future__ import annotations

import dataclasses
import logging
import socket

import pytest

from rfid_sip2.gateway.config import GatewayConfig
from rfid_sip2.gateway.server import CannotListen
from rfid_sip2.monitor import Outcome, UpstreamState
from rfid_sip2.sip2.messages import CheckinRequest, CheckoutRequest
from rfid_sip2.snmp import config as monitoring_config
from rfid_sip2.snmp import layout
from tests.rfid_sip2.gateway.harness import Device, RunningGateway, gateway_config, running
from tests.rfid_sip2.gateway.upstreams import free_items, sandbox_cable
from tests.rfid_sip2.snmp.manager import (
    AUTH_KEY,
    COMMUNITY,
    ENV,
    PRIV_KEY,
    Refused,
    free_udp_port,
    v2c,
    v3,
    walk,
)

ROOT = monitoring_config.DEFAULT_ENTERPRISE
OLENA = "23529001000011"


def with_agent(config: GatewayConfig, port: int, **snmp: object) -> GatewayConfig:
    monitoring = monitoring_config.from_mapping(
        {"snmp": {"listen": f"127.0.0.1:{port}", **snmp}}, ENV
    )
    return dataclasses.replace(config, monitoring=monitoring)


def scalar(found: dict, name: str) -> int | str:
    value = found[layout.SCALAR_BY_NAME[name].oid(ROOT)]
    return str(value) if name == "lib20LastErrorText" else int(value)


def count(found: dict, code: str, outcome: Outcome) -> int:
    return int(found.get(layout.transaction_oid(ROOT, code, outcome), 0))


@pytest.fixture
def agent_port() -> int:
    return free_udp_port()


def test_a_v2c_walk_sees_the_counters_follow_real_transactions_and_the_upstream_going_down(
    tmp_path, sandbox, agent_port
):
    item = free_items(sandbox, 1)[0]
    cable = sandbox_cable(sandbox)
    config = with_agent(gateway_config(tmp_path), agent_port)
    with running(config, cable) as gateway, Device(gateway.port) as device:
        before = walk(agent_port, v2c(), ROOT)
        assert scalar(before, "lib20Role") == 1  # gateway
        assert scalar(before, "lib20UpstreamState") == UpstreamState.UP
        assert scalar(before, "lib20ConnectedDevices") == 1
        assert scalar(before, "lib20JournalDepth") == 0
        assert count(before, "11", Outcome.OK) == 0

        assert device.login()
        checkout = CheckoutRequest(
            institution_id="CPL", patron_identifier=OLENA, item_identifier=item
        )
        assert device.exchange(checkout).message.ok
        device.exchange(checkout)  # already on loan to her: Koha renews or says no; counted
        online = walk(agent_port, v2c(), ROOT)
        assert count(online, "11", Outcome.OK) + count(online, "11", Outcome.DENIED) == 2
        assert count(online, "11", Outcome.OK) >= 1

        cable.cut = True
        returned = device.exchange(
            CheckinRequest(institution_id="CPL", item_identifier=item, current_location="CPL-HALL")
        ).message
        assert returned.ok
        offline = walk(agent_port, v2c(), ROOT)
        assert count(offline, "09", Outcome.OFFLINE) == 1
        assert scalar(offline, "lib20UpstreamState") == UpstreamState.DOWN
        assert scalar(offline, "lib20JournalDepth") == 1
        assert "cable cut" in scalar(offline, "lib20LastErrorText")
        assert scalar(offline, "lib20Uptime") >= scalar(before, "lib20Uptime")

        cable.cut = False
        gateway.call(gateway.gateway.service.check_upstream())
        back = walk(agent_port, v2c(), ROOT)
        assert scalar(back, "lib20UpstreamState") == UpstreamState.UP
        assert scalar(back, "lib20JournalDepth") == 0
        # A walk stays under the subtree, in order, scalars before the table; GETBULK the same.
        assert list(back) == sorted(back)
        assert all(oid[: len(ROOT)] == ROOT for oid in back)
        bulk = walk(agent_port, v3(), ROOT, bulk=10)
        assert bulk.keys() == back.keys()
        assert count(bulk, "09", Outcome.OFFLINE) == 1


def test_a_v3_authpriv_walk_reads_the_same_values(tmp_path, agent_port):
    config = with_agent(gateway_config(tmp_path), agent_port)
    with running(config, None):
        found = walk(agent_port, v3(), ROOT)
    assert scalar(found, "lib20Role") == 1
    assert scalar(found, "lib20UpstreamState") == UpstreamState.UP


@pytest.mark.parametrize(
    "auth",
    [
        v2c("public"),
        v2c(COMMUNITY + "x"),
        v3(AUTH_KEY + "x", PRIV_KEY),
        v3(AUTH_KEY, PRIV_KEY + "x"),
    ],
    ids=["public", "wrong-community", "wrong-auth-key", "wrong-priv-key"],
)
def test_a_wrong_community_or_key_reads_nothing(tmp_path, agent_port, auth):
    config = with_agent(gateway_config(tmp_path), agent_port)
    with running(config, None):
        with pytest.raises(Refused):
            walk(agent_port, auth, ROOT)
        assert walk(agent_port, v2c(), ROOT)  # the agent is there, for who may read


def test_the_agent_serves_the_subtree_the_operator_configures(tmp_path, agent_port):
    mine = (1, 3, 6, 1, 4, 1, 99999, 7)
    config = with_agent(gateway_config(tmp_path), agent_port, enterprise="1.3.6.1.4.1.99999.7")
    with running(config, None):
        assert walk(agent_port, v2c(), ROOT) == {}
        found = walk(agent_port, v2c(), mine)
    assert found[(*mine, 1, 1, 0)] == 1


def test_communities_and_keys_never_reach_the_log(tmp_path, agent_port, caplog):
    caplog.set_level(logging.DEBUG)
    config = with_agent(gateway_config(tmp_path), agent_port)
    with running(config, None):
        walk(agent_port, v2c(), ROOT)
        walk(agent_port, v3(), ROOT)
        with pytest.raises(Refused):
            walk(agent_port, v2c("wrong-" + COMMUNITY), ROOT)
    text = caplog.text + repr(config)
    assert "snmp agent" in caplog.text
    for secret in (COMMUNITY, AUTH_KEY, PRIV_KEY):
        assert secret not in text


def test_an_agent_port_in_use_stops_the_gateway_with_one_sentence(tmp_path):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken:
        taken.bind(("127.0.0.1", 0))
        config = with_agent(gateway_config(tmp_path), taken.getsockname()[1])
        gateway = RunningGateway(config, None)
        with pytest.raises(CannotListen, match=r"SNMP agent cannot listen on 127\.0\.0\.1:"):
            gateway.start()
        gateway.stop()
