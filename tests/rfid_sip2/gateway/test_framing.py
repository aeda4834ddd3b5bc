"""How devices frame what they send: several requests in one write, CR or CRLF."""

from __future__ import annotations

import socket
from datetime import datetime

from rfid_sip2.sip2.codec import Decoded, decode, encode
from rfid_sip2.sip2.messages import (
    ACSStatus,
    CheckoutRequest,
    CheckoutResponse,
    LoginRequest,
    LoginResponse,
    SCStatus,
)
from tests.rfid_sip2.gateway.harness import LOGIN, PASSWORD, Device, gateway_config, running
from tests.rfid_sip2.gateway.upstreams import free_items, sandbox_cable
from tests.rfid_sip2.journal.fakes import FakeKoha

PATRON, ITEM = "23529001000011", "39520000000001"


def koha() -> FakeKoha:
    return FakeKoha(items=(ITEM,), patrons=(PATRON,))


def answers(device: Device, count: int) -> list[Decoded]:
    frames = [device.read_frame() for _ in range(count)]
    assert all(frames), f"the gateway closed the connection after {frames}"
    return [decode(frame) for frame in frames]


def test_requests_sent_in_one_write_are_answered_in_order_each_with_its_own_sequence_number(
    tmp_path,
):
    login = LoginRequest(login_user_id=LOGIN, login_password=PASSWORD)
    checkout = CheckoutRequest(institution_id="CPL", patron_identifier=PATRON, item_identifier=ITEM)
    with running(gateway_config(tmp_path), koha()) as gateway, Device(gateway.port) as device:
        device.send_raw(
            encode(login, sequence_number=1, error_detection=True)
            + encode(SCStatus(), sequence_number=2, error_detection=True)
            + encode(checkout, sequence_number=3, error_detection=True)
        )
        replies = answers(device, 3)

    assert [(type(r.message), r.sequence_number) for r in replies] == [
        (LoginResponse, 1),
        (ACSStatus, 2),
        (CheckoutResponse, 3),
    ]
    assert replies[2].message.ok


def test_two_requests_in_one_write_after_login_each_get_their_own_answer(tmp_path):
    checkout = CheckoutRequest(institution_id="CPL", patron_identifier=PATRON, item_identifier=ITEM)
    with running(gateway_config(tmp_path), koha()) as gateway, Device(gateway.port) as device:
        assert device.login()
        device.send_raw(
            encode(checkout, sequence_number=4, error_detection=True)
            + encode(SCStatus(), sequence_number=5, error_detection=True)
        )
        replies = answers(device, 2)

    assert [(type(r.message), r.sequence_number) for r in replies] == [
        (CheckoutResponse, 4),
        (ACSStatus, 5),
    ]


class KohaEmulator:
    """A client that talks as Koha's misc/sip_cli_emulator.pl does: its messages, no AY/AZ,
    each sent with CRLF, and each answer read as one line up to CRLF (Perl's ``$/``)."""

    def __init__(self, port: int, location: str) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.location = location
        self.when = datetime.now().strftime("%Y%m%d    %H%M%S")  # C4::SIP::Sip::timestamp

    def close(self) -> None:
        self.sock.close()

    def run(self, message: str) -> bytes:
        self.sock.sendall(message.encode() + b"\r\n")
        line = b""
        while not line.endswith(b"\r\n"):
            try:
                chunk = self.sock.recv(1)
            except TimeoutError:
                break  # the emulator would wait here for ever
            if not chunk:
                break
            line += chunk
        return line

    def messages(self, user: str, password: str, patron: str, pin: str, item: str) -> dict:
        """The emulator's requests, built as its build_*_command_message subs build them."""
        at, when = self.location, self.when
        return {
            "login": f"9300CN{user}|CO{password}|CP{at}|",
            "sc_status_request": "9900302.00",
            "patron_status_request": f"23001{when}AO{at}|AA{patron}|AC{password}|AD{pin}|",
            "patron_information": f"63001{when}{' ' * 10}AO{at}|AA{patron}|AC{password}|AD{pin}|",
            # The emulator puts a language before the date of a 17, which has none.
            "item_information": f"17001{when}AO{at}|AB{item}|AC{password}|",
            "checkout": f"11YN{when}{when}AO{at}|AA{patron}|AB{item}|AC{password}|AD{pin}|BIN|",
            "renew": f"29NN{when}{when}AO{at}|AA{patron}|AD{pin}|AB{item}|AJ|AC{password}|",
            "checkin": f"09N{when}{when}AP{at}|AO{at}|AB{item}|AC{password}|BIN|",
        }


def test_kohas_sip_cli_emulator_gets_an_answer_to_every_message_it_sends(tmp_path, sandbox):
    item = free_items(sandbox, 1)[0]
    with running(gateway_config(tmp_path), sandbox_cable(sandbox)) as gateway:
        emulator = KohaEmulator(gateway.port, "CPL")
        try:
            messages = emulator.messages(LOGIN, PASSWORD, PATRON, "1111", item)
            lines = {name: emulator.run(message) for name, message in messages.items()}
        finally:
            emulator.close()

    assert all(line.endswith(b"\r\n") for line in lines.values()), lines
    assert lines["login"] == b"941\r\n"
    codes = {name: line[:2].decode() for name, line in lines.items()}
    assert codes == {
        "login": "94",
        "sc_status_request": "98",
        "patron_status_request": "24",
        "patron_information": "64",
        "item_information": "18",
        "checkout": "12",
        "renew": "30",
        "checkin": "10",
    }
    assert lines["checkout"][2:3] == b"1" and lines["checkin"][2:3] == b"1"  # done, both


def raw_answer(device: Device, code: bytes) -> bytes:
    """Bytes from the gateway up to and including the frame that starts with ``code``."""
    data = b""
    while code not in data or not data.endswith((b"\r", b"\r\n")):
        chunk = device.sock.recv(65536)
        assert chunk, f"the gateway closed the connection after {data!r}"
        data += chunk
    return data


def test_an_account_with_a_fixed_terminator_answers_with_it_whatever_the_device_sends(tmp_path):
    accounts = [{"login": LOGIN, "password_env": "KIOSK_PASSWORD", "terminator": "CR"}]
    with (
        running(gateway_config(tmp_path, accounts=accounts), koha()) as gateway,
        Device(gateway.port) as device,
    ):
        device.send_raw(encode(LoginRequest(login_user_id=LOGIN, login_password=PASSWORD)) + b"\n")
        login = raw_answer(device, b"94")
        device.send_raw(encode(SCStatus()) + b"\n")
        status = raw_answer(device, b"98")

    assert login == b"941\r" and status.startswith(b"98") and b"\n" not in status


def test_a_97_with_a_checksum_after_a_login_without_one_is_answered_with_ay_az(tmp_path):
    with running(gateway_config(tmp_path), koha()) as gateway, Device(gateway.port) as device:
        device.send_raw(encode(LoginRequest(login_user_id=LOGIN, login_password=PASSWORD)))
        assert device.read_frame() == b"941"
        device.send_raw(b"97AZFEF5\r")
        assert device.read_frame() == b"941AY0AZFDFD"
