"""The gateway in front of Koha's SIP2 server: a pool of logged-in connections, rewrites,
health checks, and offline work while Koha is down.

"Koha" here is a second gateway on the sandbox, speaking as Koha's SIP2 server does by
default (CRLF, login required, error detection on).
"""

from __future__ import annotations

import time

from rfid_sip2.sip2.messages import CheckoutRequest, ItemInformationRequest, SCStatus
from tests.rfid_sip2.gateway.harness import (
    KOHA_SIP_LOGIN,
    Device,
    RunningGateway,
    gateway_config,
    running,
)
from tests.rfid_sip2.gateway.upstreams import free_items, sandbox_cable
from tests.services import free_port

OLENA = "23529001000011"


def koha_config(tmp_path, port: int, **listener):
    """The stand-in for Koha's SIP2 server and its account for the gateway; ``listener``: TLS
    settings, with files in ``tmp_path / "koha"``."""
    folder = tmp_path / "koha"
    folder.mkdir(exist_ok=True)
    accounts = [
        {
            "login": KOHA_SIP_LOGIN,
            "password_env": "KOHA_SIP_PASSWORD",
            "institution_id": "CPL",
            "terminator": "CRLF",
            "error_detection": "on",
        }
    ]
    return gateway_config(
        folder, accounts=accounts, listeners=[{"host": "127.0.0.1", "port": port, **listener}]
    )


def gateway_to(tmp_path, port: int, **upstream):
    folder = tmp_path / "gateway"
    folder.mkdir(exist_ok=True)
    accounts = [
        {
            "login": "kiosk-1",
            "password_env": "KIOSK_PASSWORD",
            "institution_id": "BRANCH-1",
            "location": "HALL",
        }
    ]
    return gateway_config(
        folder,
        accounts=accounts,
        upstream={
            "kind": "koha",
            "host": "127.0.0.1",
            "port": port,
            "login": KOHA_SIP_LOGIN,
            "password_env": "KOHA_SIP_PASSWORD",
            "terminator": "CRLF",
            "pool_size": 2,
            "timeout": 2,
            "retries": 1,
            "institution_rewrite": {"BRANCH-1": "CPL"},
            **upstream,
        },
    )


def test_requests_go_to_koha_over_the_pool_with_the_institution_rewritten(tmp_path, sandbox):
    port = free_port()
    cable = sandbox_cable(sandbox)
    item = free_items(sandbox, 1)[0]
    with (
        running(koha_config(tmp_path, port), cable),
        running(gateway_to(tmp_path, port), None) as gateway,
        Device(gateway.port) as device,
    ):
        assert device.login()
        lent = device.exchange(
            CheckoutRequest(
                institution_id="BRANCH-1", patron_identifier=OLENA, item_identifier=item
            )
        ).message
        info = device.exchange(
            ItemInformationRequest(institution_id="BRANCH-1", item_identifier=item)
        ).message

    assert lent.ok and lent.due_date
    assert info.circulation_status == "04"
    assert {request.institution_id for request in cable.seen} == {"CPL"}


def test_koha_going_down_sends_the_gateway_offline_and_coming_back_replays(tmp_path, sandbox):
    port = free_port()
    item = free_items(sandbox, 1)[0]
    koha = RunningGateway(koha_config(tmp_path, port), sandbox_cable(sandbox)).start()
    with running(gateway_to(tmp_path, port), None) as gateway, Device(gateway.port) as device:
        assert device.login()
        assert device.exchange(SCStatus()).message.online_status
        koha.stop()

        lent = device.exchange(
            CheckoutRequest(
                institution_id="BRANCH-1", patron_identifier=OLENA, item_identifier=item
            )
        ).message
        assert lent.ok and any("offline" in text for text in lent.screen_messages)
        assert gateway.gateway.journal.has_pending()
        assert not gateway.call(gateway.gateway.service.check_upstream())

        koha = RunningGateway(koha_config(tmp_path, port), sandbox_cable(sandbox)).start()
        try:
            deadline = time.monotonic() + 40
            while gateway.gateway.journal.has_pending() and time.monotonic() < deadline:
                gateway.call(gateway.gateway.service.check_upstream())
                time.sleep(0.5)
            assert not gateway.gateway.journal.has_pending()
        finally:
            koha.stop()

    with sandbox.store.reading() as db:
        holder = db.execute(
            "SELECT cardnumber FROM checkouts JOIN items USING (item_id) "
            "JOIN patrons USING (patron_id) WHERE external_id = ?",
            (item,),
        ).fetchone()
    assert holder[0] == OLENA


def test_a_refused_koha_login_is_reported_as_koha_unavailable(tmp_path, sandbox, monkeypatch):
    port = free_port()
    config = gateway_to(tmp_path, port, login="someone-else")
    with (
        running(koha_config(tmp_path, port), sandbox_cable(sandbox)),
        running(config, None) as gateway,
    ):
        healthy = gateway.call(gateway.gateway.upstream.healthy())
    assert not healthy
