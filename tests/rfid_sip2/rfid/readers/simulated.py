"""Tags and a fast driver for the tests that run drivers against the simulated reader."""

from __future__ import annotations

from rfid_sip2.rfid.readers import open_reader
from rfid_sip2.rfid.readers.base import Reader
from rfid_sip2.rfid.readers.verified import RetryPolicy

FAST = RetryPolicy(tag_attempts=2, write_attempts=3, pause=0.001)
BOOK = bytes.fromhex("E004010012345601")
CARD = bytes.fromhex("E0040100017C0C38")
OTHER = bytes.fromhex("E004010012345602")


def opened(url: str, protocol: str, **options) -> Reader:
    """A driver with short timeouts, so that faults are found fast (long enough for a busy CI)."""
    return open_reader(url, protocol, timeout=0.5, reset_after=2, policy=FAST, **options)
