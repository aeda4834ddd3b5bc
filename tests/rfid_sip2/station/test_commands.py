"""``rfid-sip2 station --headless``: a book drop running its own poll loop."""

from __future__ import annotations

import asyncio
import logging

from rfid_sip2.station.commands import serve_station
from rfid_sip2.station.control import Mode, Outcome
from tests.rfid_sip2.station.conftest import station_config
from tests.rfid_sip2.station.fakes import ISO_IN_LIBRARY, ISO_ON_LOAN, FakeReader
from tests.rfid_sip2.station.scenario import tag_items


def test_the_headless_book_drop_checks_in_what_is_put_on_the_pad(tmp_path, library, caplog, capsys):
    caplog.set_level(logging.INFO, logger="rfid_sip2.station")
    reader = FakeReader()
    uids = tag_items(reader, ["39520000000001", "39520000000002"])  # Olena's loans (seeded)
    for uid in uids:
        reader.tags[uid].afi = ISO_ON_LOAN

    async def scenario() -> int:
        stop = asyncio.Event()
        stations = []
        config = station_config(tmp_path, library.port)
        serving = asyncio.create_task(
            serve_station(config, reader, kiosk=None, stop=stop, started=stations.append)
        )
        while not stations:
            await asyncio.sleep(0.01)
        (station,) = stations
        assert station.screen().mode is Mode.RETURN
        reader.place(*uids)
        while len([line for line in station.screen().items if line.outcome != "working"]) < 2:
            await station.changed(station.screen().version)
        assert {line.outcome for line in station.screen().items} == {Outcome.TRANSFER}
        stop.set()
        return await serving

    assert asyncio.run(scenario()) == 0
    assert {reader.afi(uid) for uid in uids} == {ISO_IN_LIBRARY}
    assert reader.closed
    assert "book drop on fake:" in capsys.readouterr().out
    items = [r.getMessage() for r in caplog.records if r.getMessage().startswith("event=item ")]
    assert len(items) == 2
    assert all("mode=return" in line and "outcome=transfer" in line for line in items)
