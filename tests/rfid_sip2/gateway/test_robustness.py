"""Junk, oversized frames, floods and idle devices never crash the gateway or disturb others."""

from __future__ import annotations

import asyncio
import os
import socket
import time

from rfid_sip2.sip2.messages import ACSStatus, CheckoutRequest, CheckoutResponse, SCStatus
from tests.rfid_sip2.gateway.harness import Device, gateway_config, running
from tests.rfid_sip2.journal.fakes import FakeKoha


def koha() -> FakeKoha:
    return FakeKoha(items=("39520000000001",), patrons=("23529001000011",))


def test_garbage_is_answered_with_96_and_the_device_can_go_on(tmp_path):
    with running(gateway_config(tmp_path), koha()) as gateway, Device(gateway.port) as device:
        assert device.login()
        device.send_raw(b"11garbage that is no checkout\r")
        assert device.read_frame().startswith(b"96")

        assert isinstance(device.exchange(SCStatus()).message, ACSStatus)


def test_unknown_commands_are_ignored_as_the_spec_says(tmp_path):
    with running(gateway_config(tmp_path), koha()) as gateway, Device(gateway.port) as device:
        assert device.login()
        device.send_raw(b"XX0123\r")

        assert isinstance(device.exchange(SCStatus()).message, ACSStatus)


def test_an_oversized_frame_is_dropped_without_harm(tmp_path):
    config = gateway_config(tmp_path, max_message_size=1024)
    with running(config, koha()) as gateway, Device(gateway.port) as device:
        assert device.login()
        device.send_raw(b"63" + b"x" * 50_000 + b"\r")
        assert device.read_frame().startswith(b"96")

        assert isinstance(device.exchange(SCStatus()).message, ACSStatus)


def test_a_flood_of_junk_closes_that_connection_only(tmp_path):
    with running(gateway_config(tmp_path), koha()) as gateway, Device(gateway.port) as good:
        assert good.login()
        with Device(gateway.port) as bad:
            bad.send_raw(os.urandom(200_000).replace(b"\r", b"\n") + b"\r" * 50)
            while bad.read_frame():
                pass  # answered, then closed
            bad.close()
        response = good.exchange(
            CheckoutRequest(
                institution_id="CPL",
                patron_identifier="23529001000011",
                item_identifier="39520000000001",
            )
        ).message

    assert isinstance(response, CheckoutResponse) and response.ok


def test_connections_over_the_limit_are_refused(tmp_path):
    config = gateway_config(tmp_path, max_connections=2)
    with running(config, koha()) as gateway:
        first, second = Device(gateway.port), Device(gateway.port)
        assert first.login() and second.login()
        with Device(gateway.port) as third:
            assert third.read_frame() == b""
        first.close()
        second.close()


def test_an_idle_device_is_disconnected_after_the_idle_timeout(tmp_path):
    config = gateway_config(tmp_path, login_timeout=0.3, idle_timeout=0.5)
    with running(config, koha()) as gateway:
        with Device(gateway.port) as silent:
            started = time.monotonic()
            assert silent.read_frame() == b""  # never logged in: closed after login_timeout
            assert time.monotonic() - started < 5
        with Device(gateway.port) as idle:
            assert idle.login()
            assert idle.read_frame() == b""


def test_a_device_that_disappears_mid_frame_leaves_the_gateway_serving(tmp_path):
    with running(gateway_config(tmp_path), koha()) as gateway:
        raw = socket.create_connection(("127.0.0.1", gateway.port))
        raw.sendall(b"9300CNkiosk-1|COkiosk")  # no terminator, then gone
        raw.close()
        with Device(gateway.port) as device:
            assert device.login()


def test_stopping_lets_a_request_in_progress_finish(tmp_path):
    slow = koha()
    slow.on_request = lambda request: time.sleep(0.5)
    gateway_under_test = running(gateway_config(tmp_path), slow)
    with gateway_under_test as gateway, Device(gateway.port) as device:
        assert device.login()
        device.sequence += 1
        from rfid_sip2.sip2.codec import decode, encode

        device.send_raw(
            encode(
                CheckoutRequest(
                    institution_id="CPL",
                    patron_identifier="23529001000011",
                    item_identifier="39520000000001",
                ),
                sequence_number=device.sequence,
                error_detection=True,
            )
        )
        time.sleep(0.1)  # the request is now with the (slow) ILS
        gateway.call(gateway.gateway.server.stop())
        frame = device.read_frame()

    response = decode(frame)
    assert isinstance(response.message, CheckoutResponse) and response.message.ok


def test_the_idle_timer_waits_on_for_a_device_that_sent_something_meanwhile():
    from rfid_sip2.gateway.server import _IdleTimer

    async def connection() -> tuple[bool, bool]:
        timer = _IdleTimer(asyncio.current_task())
        timer.waiting(0.01)  # the timer is set for this first wait...
        timer.busy()
        timer.waiting(60)  # ...and finds, when it fires, a later deadline: it waits on
        await asyncio.sleep(0.2)
        still_waiting = not timer.expired
        timer.waiting(0.01)
        try:
            await asyncio.sleep(60)
        except asyncio.CancelledError:
            asyncio.current_task().uncancel()
        timer.cancel()
        return still_waiting, timer.expired

    assert asyncio.run(connection()) == (True, True)


def test_the_idle_timer_never_cancels_a_request_being_answered():
    from rfid_sip2.gateway.server import _IdleTimer

    async def connection() -> bool:
        timer = _IdleTimer(asyncio.current_task())
        timer.waiting(0.01)
        timer.busy()  # a request came: answering it takes longer than the wait allowed
        await asyncio.sleep(0.2)
        timer.cancel()
        return timer.expired

    assert asyncio.run(connection()) is False
