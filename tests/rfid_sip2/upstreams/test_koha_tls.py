"""Koha's SIP2 server behind a TLS terminator (stunnel): the gateway checks whom it talks to."""

from __future__ import annotations

import pytest
import trustme

from rfid_sip2.sip2.messages import ACSStatus, SCStatus
from tests.rfid_sip2.gateway.harness import Device, running
from tests.rfid_sip2.gateway.test_koha_upstream import gateway_to, koha_config
from tests.rfid_sip2.gateway.upstreams import sandbox_cable
from tests.services import free_port


@pytest.fixture
def authority() -> trustme.CA:
    return trustme.CA()


def koha_behind_tls(tmp_path, port: int, authority: trustme.CA, *names: str, **listener):
    """Koha's stand-in behind TLS, with a certificate from ``authority`` for ``names``."""
    folder = tmp_path / "koha"
    folder.mkdir(exist_ok=True)
    server = authority.issue_cert(*names)
    server.private_key_pem.write_to_path(str(folder / "koha.key"))
    server.cert_chain_pems[0].write_to_path(str(folder / "koha.crt"))
    return koha_config(tmp_path, port, certificate="koha.crt", key="koha.key", **listener)


def ca_file(tmp_path, authority: trustme.CA) -> str:
    path = tmp_path / "koha-ca.pem"
    authority.cert_pem.write_to_path(str(path))
    return str(path)


def test_the_gateway_reaches_koha_over_tls_trusting_the_libraries_own_authority(
    tmp_path, sandbox, authority
):
    port = free_port()
    koha = koha_behind_tls(tmp_path, port, authority, "127.0.0.1")
    config = gateway_to(tmp_path, port, tls=True, ca_file=ca_file(tmp_path, authority))
    with (
        running(koha, sandbox_cable(sandbox)),
        running(config, None) as gateway,
        Device(gateway.port) as device,
    ):
        assert gateway.call(gateway.gateway.upstream.healthy())
        assert device.login()
        assert isinstance(device.exchange(SCStatus()).message, ACSStatus)


def test_a_koha_certificate_the_authority_did_not_sign_is_not_trusted(tmp_path, sandbox, authority):
    port = free_port()
    koha = koha_behind_tls(tmp_path, port, trustme.CA(), "127.0.0.1")
    config = gateway_to(tmp_path, port, tls=True, ca_file=ca_file(tmp_path, authority))
    with running(koha, sandbox_cable(sandbox)), running(config, None) as gateway:
        assert not gateway.call(gateway.gateway.upstream.healthy())


def test_a_koha_certificate_for_another_host_name_is_not_trusted(tmp_path, sandbox, authority):
    port = free_port()
    koha = koha_behind_tls(tmp_path, port, authority, "koha.library.example")
    config = gateway_to(tmp_path, port, tls=True, ca_file=ca_file(tmp_path, authority))
    with running(koha, sandbox_cable(sandbox)), running(config, None) as gateway:
        assert not gateway.call(gateway.gateway.upstream.healthy())


def test_koha_can_require_the_gateways_client_certificate(tmp_path, sandbox, authority):
    port = free_port()
    (tmp_path / "koha").mkdir()
    authority.cert_pem.write_to_path(str(tmp_path / "koha" / "clients-ca.pem"))
    koha = koha_behind_tls(tmp_path, port, authority, "127.0.0.1", client_ca="clients-ca.pem")
    client = authority.issue_cert("library20-gateway")
    client.private_key_pem.write_to_path(str(tmp_path / "gateway.key"))
    client.cert_chain_pems[0].write_to_path(str(tmp_path / "gateway.crt"))
    tls = {"tls": True, "ca_file": ca_file(tmp_path, authority)}
    without = gateway_to(tmp_path, port, **tls)
    with_certificate = gateway_to(
        tmp_path,
        port,
        **tls,
        certificate=str(tmp_path / "gateway.crt"),
        key=str(tmp_path / "gateway.key"),
    )
    with running(koha, sandbox_cable(sandbox)):
        with running(without, None) as gateway:
            assert not gateway.call(gateway.gateway.upstream.healthy())
        with running(with_certificate, None) as gateway:
            assert gateway.call(gateway.gateway.upstream.healthy())
