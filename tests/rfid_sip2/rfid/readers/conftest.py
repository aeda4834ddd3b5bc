"""A simulated reader on a pty and a driver opened on it, with short timeouts to stay fast."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rfid_sip2.rfid.readers import open_reader
from rfid_sip2.rfid.readers.base import Reader
from rfid_sip2.rfid.readers.verified import RetryPolicy
from rfid_sip2.rfid.simulator import SimulatedReader

FAST = RetryPolicy(tag_attempts=2, write_attempts=3, pause=0.001)
BOOK = bytes.fromhex("E004010012345601")
CARD = bytes.fromhex("E0040100017C0C38")
OTHER = bytes.fromhex("E004010012345602")


def opened(url: str, protocol: str, **options) -> Reader:
    return open_reader(url, protocol, timeout=0.1, reset_after=2, policy=FAST, **options)


@pytest.fixture(params=["3m", "feig"])
def protocol(request) -> str:
    return request.param


@pytest.fixture
def simulator(protocol) -> Iterator[SimulatedReader]:
    with SimulatedReader(protocol) as reader:
        yield reader


@pytest.fixture
def reader(simulator, protocol) -> Iterator[Reader]:
    simulator.serve_pty()
    # The pty device itself, as a driver opens /dev/ttyUSB0.
    driver = opened(simulator.device, protocol)
    yield driver
    driver.close()
