"""A station serves its own values (role, reader, retry list, its SIP2 transactions) and tells
managers when its reader goes down and comes back."""

from __future__ import annotations

import asyncio
import dataclasses

from rfid_sip2.monitor import Event, Outcome, ReaderState, UpstreamState
from rfid_sip2.snmp import config as monitoring_config
from rfid_sip2.snmp import layout
from rfid_sip2.station.commands import serve_station
from tests.rfid_sip2.snmp.manager import ENV, Receiver, free_udp_port, v2c, walk
from tests.rfid_sip2.station.conftest import station_config
from tests.rfid_sip2.station.fakes import ISO_ON_LOAN, FakeReader
from tests.rfid_sip2.station.scenario import tag_items

ROOT = monitoring_config.DEFAULT_ENTERPRISE


def value(found: dict, name: str) -> int:
    return int(found[layout.SCALAR_BY_NAME[name].oid(ROOT)])


def test_a_book_drop_serves_its_values_and_tells_when_its_reader_goes_down(tmp_path, library):
    reader = FakeReader()
    (uid,) = tag_items(reader, ["39520000000001"])  # on loan to Olena (seeded)
    reader.tags[uid].afi = ISO_ON_LOAN
    agent_port = free_udp_port()

    async def scenario():
        receiver = Receiver(asyncio.get_running_loop())
        receiver.start()
        snmp = {"listen": f"127.0.0.1:{agent_port}", "managers": [f"127.0.0.1:{receiver.port}"]}
        monitoring = monitoring_config.from_mapping({"snmp": snmp}, ENV)
        config = station_config(tmp_path, library.port, monitoring=monitoring)
        config = dataclasses.replace(config, reader_retry_seconds=0.05)
        stop, stations = asyncio.Event(), []
        serving = asyncio.create_task(
            serve_station(config, reader, kiosk=None, stop=stop, started=stations.append)
        )
        while not stations:
            await asyncio.sleep(0.01)
        (station,) = stations
        reader.place(uid)
        while not any(line.outcome != "working" for line in station.screen().items):
            await station.changed(station.screen().version)
        returned = await asyncio.to_thread(walk, agent_port, v2c(), ROOT)
        reader.unplugged = True
        await receiver.wait_for(1)
        down = await asyncio.to_thread(walk, agent_port, v2c(), ROOT)
        reader.unplugged = False
        await receiver.wait_for(2)
        stop.set()
        assert await serving == 0
        receiver.stop()
        return returned, down, receiver.received

    returned, down, heard = asyncio.run(scenario())
    assert value(returned, "lib20Role") == 2  # station
    assert value(returned, "lib20ReaderState") == ReaderState.UP
    assert value(returned, "lib20UpstreamState") == UpstreamState.UP
    assert value(returned, "lib20RetryListLength") == 0
    assert int(returned[layout.transaction_oid(ROOT, "09", Outcome.OK)]) == 1
    assert value(down, "lib20ReaderState") == ReaderState.DOWN
    assert "reader" in str(down[layout.SCALAR_BY_NAME["lib20LastErrorText"].oid(ROOT)])
    assert [notification.notification for notification in heard] == [
        layout.notification_oid(ROOT, Event.READER_DOWN),
        layout.notification_oid(ROOT, Event.READER_UP),
    ]
