"""How devices frame what they send: several requests in one write, CR or CRLF."""

from __future__ import annotations

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
