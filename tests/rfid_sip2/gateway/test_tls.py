"""TLS for devices that can speak it, and client certificates where the library wants them."""

from __future__ import annotations

import ssl

import pytest
import trustme

from rfid_sip2.sip2.messages import ACSStatus, SCStatus
from tests.rfid_sip2.gateway.harness import Device, gateway_config, running
from tests.rfid_sip2.journal.fakes import FakeKoha


@pytest.fixture
def authority() -> trustme.CA:
    return trustme.CA()


def tls_listener(tmp_path, authority: trustme.CA, *, client_certificates: bool = False) -> dict:
    server = authority.issue_cert("localhost", "127.0.0.1")
    server.private_key_pem.write_to_path(str(tmp_path / "gateway.key"))
    server.cert_chain_pems[0].write_to_path(str(tmp_path / "gateway.crt"))
    listener = {"host": "127.0.0.1", "port": 0, "certificate": "gateway.crt", "key": "gateway.key"}
    if client_certificates:
        authority.cert_pem.write_to_path(str(tmp_path / "devices-ca.pem"))
        listener["client_ca"] = "devices-ca.pem"
    return listener


def device_context(authority: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context()
    authority.configure_trust(context)
    return context


def test_a_device_talks_sip2_over_tls(tmp_path, authority):
    config = gateway_config(tmp_path, listeners=[tls_listener(tmp_path, authority)])
    with (
        running(config, FakeKoha()) as gateway,
        Device(gateway.port, context=device_context(authority)) as device,
    ):
        assert device.login()
        assert isinstance(device.exchange(SCStatus()).message, ACSStatus)
        assert device.sock.version() in ("TLSv1.2", "TLSv1.3")


def test_plain_sip2_on_a_tls_port_gets_nothing(tmp_path, authority):
    config = gateway_config(tmp_path, listeners=[tls_listener(tmp_path, authority)])
    with running(config, FakeKoha()) as gateway, Device(gateway.port) as device:
        device.send_raw(b"9300CNkiosk-1|COkiosk-secret-1|\r")
        assert device.read_frame() == b""


def test_a_device_without_a_client_certificate_is_turned_away(tmp_path, authority):
    listener = tls_listener(tmp_path, authority, client_certificates=True)
    config = gateway_config(tmp_path, listeners=[listener])
    with running(config, FakeKoha()) as gateway:
        try:
            with Device(gateway.port, context=device_context(authority), timeout=5) as device:
                device.send_raw(b"9300CNkiosk-1|COkiosk-secret-1|\r")
                answer = device.read_frame()
        except (ssl.SSLError, ConnectionError):
            answer = b""  # refused during the handshake (TLS 1.2) rather than after it

    assert answer == b""


def test_a_device_with_a_client_certificate_from_the_librarys_authority_gets_in(
    tmp_path, authority
):
    listener = tls_listener(tmp_path, authority, client_certificates=True)
    config = gateway_config(tmp_path, listeners=[listener])
    context = device_context(authority)
    authority.issue_cert("kiosk-1.library20.example").configure_cert(context)
    with running(config, FakeKoha()) as gateway, Device(gateway.port, context=context) as device:
        assert device.login()


def test_a_plaintext_listener_on_a_non_loopback_address_is_warned_about(
    tmp_path, authority, caplog
):
    listeners = [
        {"host": "0.0.0.0", "port": 0},
        {"host": "127.0.0.1", "port": 0},
        {**tls_listener(tmp_path, authority), "host": "0.0.0.0"},
    ]
    with running(gateway_config(tmp_path, listeners=listeners), FakeKoha()):
        pass

    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith("plaintext listener on a network address host=0.0.0.0 port=")
