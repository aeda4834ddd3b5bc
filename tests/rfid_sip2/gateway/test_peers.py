"""An independent SIP2 client from PyPI (``sip2``, module Sip2.sip2) against the gateway."""

from __future__ import annotations

import pytest

from tests.rfid_sip2.gateway.harness import LOGIN, PASSWORD, gateway_config, running
from tests.rfid_sip2.gateway.upstreams import free_items, sandbox_cable

OLENA, PIN = "23529001000011", "1111"


@pytest.fixture
def pypi_client(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # it writes sip2.log where it runs
    from Sip2.sip2 import Sip2

    def connect(port: int):
        client = Sip2()
        client.hostName, client.hostPort = "127.0.0.1", port
        client.tlsEnable = False
        client.institutionId, client.scLocation = "CPL", "CPL-HALL"
        client.connect()
        return client

    return connect


def test_the_pypi_sip2_client_logs_in_and_circulates_through_the_gateway(
    tmp_path, sandbox, pypi_client
):
    item = free_items(sandbox, 1)[0]
    with running(gateway_config(tmp_path), sandbox_cable(sandbox)) as gateway:
        client = pypi_client(gateway.port)
        login = client.sip_login_response(
            client.get_response(client.sip_login_request(LOGIN, PASSWORD))
        )
        status = client.sip_sc_status_response(client.get_response(client.sip_sc_status_request()))
        client.patron, client.patronpwd = OLENA, PIN
        info = client.sip_patron_information_response(
            client.get_response(client.sip_patron_information_request("charged"))
        )
        # Its default blank "nb due date" is what real kiosks send: the gateway accepts it.
        checkout = client.sip_checkout_response(
            client.get_response(client.sip_checkout_request(item))
        )
        checkin = client.sip_checkin_response(client.get_response(client.sip_checkin_request(item)))
        client.disconnect()

    assert login["fixed"]["Ok"] == "1"
    assert status["fixed"]["OnlineStatus"] == "Y"
    assert info["variable"]["AE"][0].startswith("Коваленко") or "Олена" in info["variable"]["AE"][0]
    assert info["variable"]["CQ"] == ["Y"]
    assert checkout["fixed"]["Ok"] == "1" and checkout["variable"]["AB"] == [item]
    assert checkin["fixed"]["Ok"] == "1"


def test_the_pypi_client_is_refused_with_a_wrong_password(tmp_path, sandbox, pypi_client):
    with running(gateway_config(tmp_path), sandbox_cable(sandbox)) as gateway:
        client = pypi_client(gateway.port)
        login = client.sip_login_response(
            client.get_response(client.sip_login_request(LOGIN, "wrong"))
        )
        client.disconnect()

    assert login["fixed"]["Ok"] == "0"
