"""One log line per transaction, with the terminal password, PINs and logins masked."""

from __future__ import annotations

import dataclasses
import logging

import pytest

from rfid_sip2.gateway import translog
from rfid_sip2.sip2.codec import CodecOptions, encode
from rfid_sip2.sip2.fields import FIELD_NAMES, SECRET_FIELDS
from rfid_sip2.sip2.messages import CheckoutRequest, Message, PatronStatusRequest
from tests.rfid_sip2.gateway.harness import PASSWORD, Device, gateway_config, running
from tests.rfid_sip2.gateway.upstreams import free_items, sandbox_cable

PIN, TERMINAL_SECRET = "4921", "terminal-secret-77"


def test_transactions_are_logged_one_line_each_with_secrets_masked(tmp_path, caplog, sandbox):
    caplog.set_level(logging.INFO)
    koha = sandbox_cable(sandbox)
    with running(gateway_config(tmp_path), koha) as gateway, Device(gateway.port) as device:
        assert device.login()
        device.exchange(
            CheckoutRequest(
                institution_id="CPL",
                patron_identifier="23529001000011",
                item_identifier=free_items(sandbox, 1)[0],
                terminal_password=TERMINAL_SECRET,
                patron_password=PIN,
            )
        )
        device.exchange(
            PatronStatusRequest(
                institution_id="CPL",
                patron_identifier="23529001000011",
                terminal_password=TERMINAL_SECRET,
                patron_password=PIN,
            )
        )

    lines = [r.getMessage() for r in caplog.records if r.name == "rfid_sip2.transactions"]
    assert len(lines) == 2
    checkout = lines[0]
    assert "command=11" in checkout and "patron=23529001000011" in checkout
    assert "item=" in checkout and "ok=N" in checkout and "mode=online" in checkout  # wrong PIN
    assert "AC***|" in checkout and "AD***|" in checkout
    everything = caplog.text
    for secret in (PIN, TERMINAL_SECRET, PASSWORD):
        assert secret not in everything


def _message_classes(cls=Message):
    for sub in cls.__subclasses__():
        if getattr(sub, "CODE", None):
            yield sub
        yield from _message_classes(sub)


@pytest.mark.parametrize("cls", sorted(set(_message_classes()), key=lambda c: c.__name__))
def test_the_logged_request_is_the_message_on_the_wire_with_every_secret_masked(cls):
    secrets = {
        FIELD_NAMES[code]: f"secret-{code}"
        for code in SECRET_FIELDS
        if FIELD_NAMES[code] in {f.name for f in dataclasses.fields(cls)}
    }
    message = cls(**secrets, extra_fields=(("AD", "extra-secret"), ("ZZ", "kept")))

    text = translog.wire_text(message)

    assert text == encode(translog.masked(message), options=CodecOptions(terminator=b"")).decode()
    assert "secret" not in text and "ZZkept" in text
