"""The station against the real gateway (in a thread) on the sandbox, and the scripted pad."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from rfid_sip2.station.config import StationConfig
from tests.rfid_sip2.gateway.harness import LOGIN, PASSWORD, gateway_config, running
from tests.rfid_sip2.gateway.upstreams import Cable, sandbox_cable


@dataclasses.dataclass
class Library:
    """The gateway on the sandbox, with the cable to Koha that tests may cut."""

    port: int
    cable: Cable
    sandbox: object


@pytest.fixture
def library(tmp_path, sandbox) -> Iterator[Library]:
    cable = sandbox_cable(sandbox)
    with running(gateway_config(tmp_path), cable) as gateway:
        yield Library(gateway.port, cable, sandbox)


def station_config(tmp_path: Path, port: int, **changes) -> StationConfig:
    config = StationConfig(
        reader_url="fake:",
        sip2_host="127.0.0.1",
        sip2_port=port,
        sip2_login=LOGIN,
        sip2_password=PASSWORD,
        location="CPL-HALL",
        sip2_timeout=5.0,
        retry_list_path=tmp_path / "station-retry.json",
        ils_retry_seconds=0.05,
        poll_interval=0.01,
    )
    return dataclasses.replace(config, **changes)
