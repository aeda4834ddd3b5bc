"""A simulated reader on a pty and a driver opened on it, with short timeouts to stay fast."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rfid_sip2.rfid.readers.base import Reader
from rfid_sip2.rfid.simulator import SimulatedReader
from tests.rfid_sip2.rfid.readers.simulated import opened


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
