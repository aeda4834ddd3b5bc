"""A right PIN is remembered briefly, so a self-check session pays the slow hash once."""

from __future__ import annotations

import pytest

from koha_bridge.sandbox import verified_pins
from koha_bridge.sandbox.passwords import hash_secret
from koha_bridge.sandbox.verified_pins import VerifiedPins

PIN = "4321"
STORED = hash_secret(PIN, iterations=1000)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def hashed(monkeypatch) -> list[str]:
    """The PINs put through the slow hash, in order."""
    seen: list[str] = []
    real = verified_pins.verify_secret

    def counting(pin: str, stored: str | None) -> bool:
        seen.append(pin)
        return real(pin, stored)

    monkeypatch.setattr(verified_pins, "verify_secret", counting)
    return seen


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def pins(clock) -> VerifiedPins:
    return VerifiedPins(ttl=60, size=3, clock=clock)


def test_a_right_pin_is_hashed_once_then_answered_from_memory(pins, hashed):
    assert pins.verify("card-1", PIN, STORED) is True
    assert pins.verify("card-1", PIN, STORED) is True
    assert hashed == [PIN]


def test_a_wrong_pin_is_refused_and_hashed_every_time(pins, hashed):
    assert pins.verify("card-1", "0000", STORED) is False
    assert pins.verify("card-1", "0000", STORED) is False
    assert hashed == ["0000", "0000"]
    assert len(pins) == 0


def test_a_wrong_pin_after_a_right_one_is_still_refused(pins, hashed):
    assert pins.verify("card-1", PIN, STORED) is True
    assert pins.verify("card-1", "0000", STORED) is False
    assert pins.verify("card-1", PIN, STORED) is True
    assert hashed == [PIN, "0000"]


def test_the_plain_pin_is_not_kept(pins):
    pins.verify("card-1", PIN, STORED)
    assert PIN not in repr(pins._entries)
    assert PIN.encode() not in b"".join(entry[1] for entry in pins._entries.values())


def test_a_changed_pin_forgets_the_old_one(pins, hashed):
    assert pins.verify("card-1", PIN, STORED) is True
    changed = hash_secret("9999", iterations=1000)
    assert pins.verify("card-1", PIN, changed) is False
    assert pins.verify("card-1", "9999", changed) is True
    assert pins.verify("card-1", "9999", changed) is True
    assert hashed == [PIN, PIN, "9999"]


def test_a_remembered_pin_expires(pins, clock, hashed):
    pins.verify("card-1", PIN, STORED)
    clock.now += 59
    pins.verify("card-1", PIN, STORED)
    clock.now += 2  # 61 s after it was proved
    assert pins.verify("card-1", PIN, STORED) is True
    assert hashed == [PIN, PIN]


def test_the_cache_holds_at_most_its_size_forgetting_the_least_recent(pins, hashed):
    for card in ("card-1", "card-2", "card-3"):
        pins.verify(card, PIN, STORED)
    pins.verify("card-1", PIN, STORED)  # card-1 is the most recent again
    pins.verify("card-4", PIN, STORED)
    assert len(pins) == 3
    hashed.clear()
    pins.verify("card-2", PIN, STORED)  # the least recent was dropped
    pins.verify("card-1", PIN, STORED)
    assert hashed == [PIN]


def test_a_patron_without_a_password_is_refused_without_hashing(pins, hashed):
    assert pins.verify("card-1", PIN, None) is False
    assert pins.verify("card-1", PIN, "") is False
    assert hashed == []
