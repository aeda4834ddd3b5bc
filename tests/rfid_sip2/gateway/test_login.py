"""Devices log in first, with their own account, from where they are allowed; the rest waits."""

from __future__ import annotations

from rfid_sip2.sip2.codec import CodecOptions, decode, encode
from rfid_sip2.sip2.connection import ErrorDetection
from rfid_sip2.sip2.messages import (
    ACSStatus,
    LoginRequest,
    LoginResponse,
    PatronStatusRequest,
    SCStatus,
)
from tests.rfid_sip2.gateway.harness import LOGIN, PASSWORD, Device, gateway_config, running
from tests.rfid_sip2.journal.fakes import FakeKoha


def test_a_request_before_login_gets_no_answer_and_the_connection_is_closed(tmp_path):
    with running(gateway_config(tmp_path), FakeKoha()) as gateway, Device(gateway.port) as device:
        device.send_raw(encode(PatronStatusRequest(patron_identifier="23529001000011")))

        assert device.read_frame() == b""


def test_the_right_password_logs_in_and_status_follows(tmp_path):
    with running(gateway_config(tmp_path), FakeKoha()) as gateway, Device(gateway.port) as device:
        assert device.login()

        status = device.exchange(SCStatus()).message

    assert isinstance(status, ACSStatus)
    assert status.online_status and status.institution_id == "CPL"
    assert status.library_name == "Prut Valley Public Library"
    assert status.terminal_location == "CPL-HALL"
    assert status.supported_messages[1] == "Y"  # checkout
    assert len(status.supported_messages) == 16


def test_a_wrong_password_is_refused_and_the_connection_closed_after_three_tries(tmp_path):
    with running(gateway_config(tmp_path), FakeKoha()) as gateway, Device(gateway.port) as device:
        assert not device.login(password="guess-1")
        assert not device.login(password="guess-2")
        assert not device.login(password="guess-3")

        device.send_raw(encode(LoginRequest(login_user_id=LOGIN, login_password=PASSWORD)))
        assert device.read_frame() == b""


def test_an_unknown_login_is_refused(tmp_path):
    with running(gateway_config(tmp_path), FakeKoha()) as gateway, Device(gateway.port) as device:
        assert not device.login(login="intruder")


def test_a_login_from_an_address_the_account_does_not_allow_is_refused(tmp_path):
    accounts = [
        {"login": LOGIN, "password_env": "KIOSK_PASSWORD", "allowed_addresses": ["10.20.0.0/16"]}
    ]
    config = gateway_config(tmp_path, accounts=accounts)
    with running(config, FakeKoha()) as gateway, Device(gateway.port) as device:
        assert not device.login()


def test_after_login_the_gateway_speaks_as_the_account_says(tmp_path):
    accounts = [
        {
            "login": LOGIN,
            "password_env": "KIOSK_PASSWORD",
            "terminator": "CRLF",
            "error_detection": "on",
            "encoding": "cp850",
        }
    ]
    config = gateway_config(tmp_path, accounts=accounts)
    with running(config, FakeKoha()) as gateway, Device(gateway.port) as device:
        device.send_raw(encode(LoginRequest(login_user_id=LOGIN, login_password=PASSWORD)))
        login = device.read_frame()
        after_login = device.buffer
        device.send_raw(encode(SCStatus()))  # no error detection from the device...
        status = device.read_frame()

    assert login == b"941AY0AZFDFD" and after_login == b"\n"  # CRLF terminated
    assert b"AY0AZ" in status  # ...yet the account says answers carry it
    assert isinstance(decode(status, CodecOptions(encoding="cp850")).message, ACSStatus)
    assert config.accounts[0].error_detection is ErrorDetection.ON


def test_kiosks_that_send_status_first_can_be_allowed(tmp_path):
    config = gateway_config(tmp_path, status_before_login=True)
    with running(config, FakeKoha()) as gateway, Device(gateway.port) as device:
        assert isinstance(device.exchange(SCStatus()).message, ACSStatus)
        assert device.login()


def test_failed_logins_from_one_address_across_connections_lock_that_address_out(tmp_path, caplog):
    config = gateway_config(
        tmp_path,
        failed_logins_before_close=2,
        failed_logins_before_lockout=4,
        lockout_window=600,
        lockout_duration=900,
    )
    with running(config, FakeKoha()) as gateway:
        for _ in range(2):
            with Device(gateway.port) as device:
                assert not device.login(password="guess-1")
                assert not device.login(password="guess-2")
        for login, password in ((LOGIN, PASSWORD), ("intruder", "x")):
            with Device(gateway.port) as device:
                # The right password and an unknown login get the same answer: refused, closed.
                assert device.exchange(
                    LoginRequest(login_user_id=login, login_password=password)
                ).message == LoginResponse(ok=False)
                assert device.read_frame() == b""

    lockouts = [r.getMessage() for r in caplog.records if "login lockout" in r.getMessage()]
    assert len(lockouts) == 1
    assert "address=127.0.0.1" in lockouts[0] and PASSWORD not in lockouts[0]
