"""The gateway's configuration: the example loads, mistakes are named, secrets stay out."""

from __future__ import annotations

from pathlib import Path

import pytest

import rfid_sip2.gateway
from rfid_sip2.gateway.config import (
    DEMO_LOGIN,
    ConfigError,
    KohaUpstream,
    SandboxUpstream,
    from_mapping,
    load,
)

EXAMPLE = Path(rfid_sip2.gateway.__file__).parent / "example.toml"
EXAMPLE_ENV = {
    "SIP2_HALL_KIOSK_PASSWORD": "a",
    "SIP2_BRANCH_SORTER_PASSWORD": "b",
    "KOHA_SIP_PASSWORD": "c",
}


def test_the_example_configuration_loads(monkeypatch, tmp_path):
    for path in ("sip2.crt", "sip2.key", "koha-ca.pem"):
        (tmp_path / path).write_text("x")
    text = EXAMPLE.read_text().replace("/etc/library20/", f"{tmp_path}/")
    config_file = tmp_path / "gateway.toml"
    config_file.write_text(text)

    config = load(config_file, EXAMPLE_ENV)

    assert [(listener.port, listener.tls) for listener in config.listeners] == [
        (6001, False),
        (6002, True),
    ]
    assert isinstance(config.upstream, KohaUpstream)
    assert config.upstream.institution_rewrite == {"RIV": "CPL"}
    assert config.upstream.tls and config.upstream.ca_file == tmp_path / "koha-ca.pem"
    assert (config.failed_logins_before_lockout, config.lockout_duration) == (10, 900)
    assert config.workers == 1
    assert config.account("branch-sorter").terminator == b"\r\n"
    assert config.account("hall-kiosk").terminator is None  # as the device ends its frames
    assert not config.account("hall-kiosk").allows("192.168.1.5")
    assert config.account("hall-kiosk").allows("10.20.0.7")
    assert config.offline["fee_paid"] == "refuse" and not config.replay_no_block
    assert (config.answer_deadline, config.repeat_window) == (4.0, 600.0)


def test_without_a_file_the_demo_serves_the_sandbox_to_loopback_only():
    config = load(None, {})

    assert isinstance(config.upstream, SandboxUpstream)
    assert (config.listeners[0].host, config.listeners[0].port) == ("127.0.0.1", 6001)
    account = config.account(DEMO_LOGIN)
    assert account.allows("127.0.0.1") and not account.allows("10.0.0.1")
    assert config.replay_no_block


KOHA = {"kind": "koha", "host": "koha", "login": "gw", "password_env": "P"}
CA = {"ca_file": __file__}


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({}, "at least one device account"),
        ({"accounts": [{"login": "k"}]}, "password_env is missing"),
        ({"accounts": [{"login": "k", "password_env": "NOPE"}]}, "NOPE is not set"),
        (
            {"accounts": [{"login": "k", "password_env": "P", "terminator": "LF"}]},
            "accounts[0].terminator",
        ),
        (
            {"accounts": [{"login": "k", "password_env": "P", "encoding": "klingon"}]},
            "unknown encoding",
        ),
        (
            {"accounts": [{"login": "k", "password_env": "P", "allowed_addresses": ["x"]}]},
            "allowed_addresses",
        ),
        (
            {"accounts": [{"login": "k", "password_env": "P"}], "upstream": {"kind": "evergreen"}},
            "upstream.kind",
        ),
        (
            {"accounts": [{"login": "k", "password_env": "P"}], "upstream": {"kind": "koha"}},
            "upstream.host",
        ),
        (
            {"accounts": [{"login": "k", "password_env": "P"}], "offline": {"checkout": "maybe"}},
            "offline.checkout",
        ),
        (
            {
                "accounts": [{"login": "k", "password_env": "P"}],
                "listeners": [{"certificate": "a.crt"}],
            },
            "needs both certificate and key",
        ),
        (
            {"accounts": [{"login": "k", "password_env": "P"}], "upstream": KOHA | CA},
            "set tls = true",
        ),
        (
            {
                "accounts": [{"login": "k", "password_env": "P"}],
                "upstream": KOHA | {"tls": True, "ca_file": "/nowhere/ca.pem"},
            },
            "upstream: /nowhere/ca.pem does not exist",
        ),
        (
            {"accounts": [{"login": "k", "password_env": "P"}], "gateway": {"answer_deadline": 0}},
            "gateway.answer_deadline",
        ),
        (
            {"accounts": [{"login": "k", "password_env": "P"}], "gateway": {"repeat_window": "1h"}},
            "gateway.repeat_window",
        ),
        (
            {"accounts": [{"login": "k", "password_env": "P"}], "gateway": {"workers": 0}},
            "gateway.workers",
        ),
        (
            {"accounts": [{"login": "k", "password_env": "P"}], "gateway": {"workers": "2"}},
            "gateway.workers",
        ),
    ],
)
def test_mistakes_are_named_with_where_they_are(data, problem):
    with pytest.raises(ConfigError) as raised:
        from_mapping(data, {"P": "secret"})
    assert problem in str(raised.value)


def test_sip2_listen_overrides_the_listener_from_the_environment():
    config = from_mapping(
        {"accounts": [{"login": "k", "password_env": "P"}]},
        {"P": "x", "SIP2_LISTEN": "0.0.0.0:7001"},
    )

    assert (config.listeners[0].host, config.listeners[0].port) == ("0.0.0.0", 7001)


def test_a_sip2_listen_that_is_no_address_is_named():
    with pytest.raises(ConfigError) as raised:
        from_mapping(
            {"accounts": [{"login": "k", "password_env": "P"}]}, {"P": "x", "SIP2_LISTEN": "7001"}
        )
    assert str(raised.value) == "SIP2_LISTEN: expected host:port, e.g. 0.0.0.0:6001, got '7001'"


def test_workers_are_one_process_unless_told():
    data = {"accounts": [{"login": "k", "password_env": "P"}]}
    assert from_mapping(data, {"P": "x"}).workers == 1
    assert from_mapping({**data, "gateway": {"workers": 4}}, {"P": "x"}).workers == 4
