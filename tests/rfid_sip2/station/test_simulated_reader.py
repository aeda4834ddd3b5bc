"""The station on the simulated reader over a pty, with the real 3M and Feig drivers: the
10-book stack out and back, and a book lifted during its security write."""

from __future__ import annotations

import asyncio

import pytest

from rfid_sip2.rfid.readers import open_reader
from rfid_sip2.rfid.simulator import SimulatedReader
from rfid_sip2.station.control import Mode, Outcome
from rfid_sip2.station.station import Station
from tests.rfid_sip2.gateway.upstreams import free_items
from tests.rfid_sip2.station.conftest import station_config
from tests.rfid_sip2.station.fakes import ISO_IN_LIBRARY, ISO_ON_LOAN, item_memory
from tests.rfid_sip2.station.scenario import ANDREI, ANDREI_PIN, outcome_list, polls, sign_in


@pytest.fixture(params=["3m", "feig"])
def pad(request):
    with SimulatedReader(request.param) as simulator:
        simulator.serve_pty()
        reader = open_reader(simulator.device, request.param)
        yield simulator, reader
        reader.close()


def uids_for(simulator: SimulatedReader, barcodes: list[str]) -> list[str]:
    uids = [f"E0040100{n:08X}" for n in range(1, len(barcodes) + 1)]
    for uid, barcode in zip(uids, barcodes, strict=True):
        simulator.place(uid, memory=item_memory(barcode), afi=ISO_IN_LIBRARY)
        simulator.remove(uid)
    return uids


def test_a_ten_book_stack_goes_out_and_back_on_the_real_drivers(tmp_path, library, pad):
    simulator, reader = pad
    barcodes = free_items(library.sandbox, 10)
    uids = uids_for(simulator, barcodes)

    async def scenario() -> None:
        station = Station(station_config(tmp_path, library.port), reader)
        await sign_in(station, ANDREI, ANDREI_PIN)
        for uid in uids:
            simulator.place(uid)
        await polls(station)
        assert outcome_list(station) == [Outcome.BORROWED] * 10
        assert {simulator.tag(uid).afi for uid in uids} == {ISO_ON_LOAN}
        await station.finish()
        await station.done()
        for uid in uids:
            simulator.remove(uid)
        await polls(station)
        await station.choose(Mode.RETURN)
        for uid in uids:
            simulator.place(uid)
        await polls(station)
        assert Outcome.BORROWED not in outcome_list(station)
        assert len(station.screen().items) == 10
        assert {simulator.tag(uid).afi for uid in uids} == {ISO_IN_LIBRARY}
        await station.close()

    asyncio.run(scenario())


def test_a_book_lifted_during_its_write_on_a_real_driver_is_fixed_when_back(tmp_path, library, pad):
    simulator, reader = pad
    (barcode,) = free_items(library.sandbox, 1)
    (uid,) = uids_for(simulator, [barcode])

    async def scenario() -> None:
        station = Station(station_config(tmp_path, library.port), reader)
        await sign_in(station, ANDREI, ANDREI_PIN)
        simulator.place(uid)
        simulator.lift_during_write(0)
        await polls(station)
        assert outcome_list(station) == [Outcome.SECURITY_PENDING]
        assert uid in station.retry
        simulator.place(uid)
        await polls(station)
        assert outcome_list(station) == [Outcome.BORROWED]
        assert simulator.tag(uid).afi == ISO_ON_LOAN
        await station.close()

    asyncio.run(scenario())
