"""Monitoring settings: off by default, secrets only from the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from rfid_sip2.gateway.config import ConfigError
from rfid_sip2.gateway.config import load as load_gateway
from rfid_sip2.snmp.config import DEFAULT_ENTERPRISE, from_mapping
from tests.rfid_sip2.snmp.manager import AUTH_KEY, COMMUNITY, ENV, PRIV_KEY


def test_monitoring_is_off_by_default():
    config = load_gateway(None, {})
    assert config.monitoring.snmp.listen is None
    assert config.monitoring.prometheus is None


def test_the_environment_turns_the_agent_on_with_its_credentials():
    config = from_mapping({}, {**ENV, "SNMP_LISTEN": "0.0.0.0:1161"}).snmp
    assert config.listen == ("0.0.0.0", 1161)
    assert config.enterprise == DEFAULT_ENTERPRISE
    assert config.community == COMMUNITY
    assert (config.v3_user.name, config.v3_user.auth_key) == ("library-nms", AUTH_KEY)


def test_settings_come_from_the_file_and_the_environment_wins():
    data = {
        "snmp": {
            "listen": "127.0.0.1:1161",
            "enterprise": "1.3.6.1.4.1.99999.1",
            "managers": ["10.0.0.5:162", "[::1]:1162"],
            "notification": "inform",
            "journal_backlog_threshold": 50,
        },
        "prometheus": {"listen": "127.0.0.1:9640"},
    }
    config = from_mapping(data, {**ENV, "PROMETHEUS_LISTEN": "0.0.0.0:9641"})
    assert config.snmp.listen == ("127.0.0.1", 1161)
    assert config.snmp.enterprise == (1, 3, 6, 1, 4, 1, 99999, 1)
    assert config.snmp.managers == (("10.0.0.5", 162), ("::1", 1162))
    assert config.snmp.notification == "inform"
    assert config.snmp.trap_community == COMMUNITY
    assert config.snmp.journal_backlog_threshold == 50
    assert config.prometheus == ("0.0.0.0", 9641)


@pytest.mark.parametrize(
    ("snmp", "env", "says"),
    [
        ({"listen": "127.0.0.1:1161"}, {}, "SNMP_COMMUNITY"),
        ({"listen": "127.0.0.1:1161"}, {"SNMP_V3_USER": "nms", "SNMP_V3_AUTH_KEY": "short"}, "8"),
        ({"listen": "127.0.0.1:1161", "notification": "email"}, ENV, "trap or inform"),
        ({"listen": "127.0.0.1:1161", "enterprise": "enterprises.1"}, ENV, "OID"),
        ({"listen": "1161"}, ENV, "host:port"),
        (
            {"listen": "127.0.0.1:1161", "managers": ["10.0.0.5:162"]},
            {k: v for k, v in ENV.items() if k != "SNMP_COMMUNITY"},
            "SNMP_TRAP_COMMUNITY",
        ),
    ],
)
def test_a_setting_that_cannot_work_is_refused_saying_what_to_do(snmp, env, says):
    with pytest.raises(ConfigError, match=says):
        from_mapping({"snmp": snmp}, env)


def test_secrets_are_not_in_the_settings_repr():
    config = from_mapping({"snmp": {"listen": "127.0.0.1:1161"}}, ENV)
    for secret in (COMMUNITY, AUTH_KEY, PRIV_KEY):
        assert secret not in repr(config)


def test_the_gateway_examples_monitoring_section_loads_once_listen_is_uncommented(tmp_path):
    import tomllib

    import rfid_sip2.gateway

    example = Path(rfid_sip2.gateway.__file__).parent / "example.toml"
    text = example.read_text().replace("# listen = ", "listen = ")
    config = from_mapping(tomllib.loads(text), ENV)
    assert config.snmp.listen == ("0.0.0.0", 1161)
    assert config.snmp.managers == (("10.20.0.5", 162),)
    assert config.prometheus == ("127.0.0.1", 9640)
