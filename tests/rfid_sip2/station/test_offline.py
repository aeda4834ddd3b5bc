"""Koha down: the gateway's offline mode, and the gateway itself unreachable."""

from __future__ import annotations

import asyncio
import dataclasses
import socket

from rfid_sip2.rfid.tags import Usage
from rfid_sip2.station import pad
from rfid_sip2.station.control import Mode, Notice, Outcome
from rfid_sip2.station.station import Station
from tests.rfid_sip2.gateway.harness import gateway_config, running
from tests.rfid_sip2.gateway.upstreams import free_items, sandbox_cable
from tests.rfid_sip2.station.conftest import station_config
from tests.rfid_sip2.station.fakes import ISO_IN_LIBRARY, ISO_ON_LOAN, FakeReader
from tests.rfid_sip2.station.scenario import (
    ANDREI,
    ANDREI_PIN,
    outcome_list,
    polls,
    sign_in,
    tag_items,
)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_loans_recorded_offline_keep_their_security_by_default(tmp_path, library):
    barcodes = free_items(library.sandbox, 2)
    reader = FakeReader()
    uids = tag_items(reader, barcodes)

    async def scenario() -> None:
        station = Station(station_config(tmp_path, library.port), reader)
        library.cable.cut = True
        await sign_in(station, ANDREI, ANDREI_PIN)
        screen = station.screen()
        assert screen.mode is Mode.CHECKOUT and screen.offline
        assert screen.notice is Notice.OFFLINE
        assert not station.offline_loans_unsecured
        reader.place(*uids)
        await polls(station)
        assert outcome_list(station) == [Outcome.RECORDED_OFFLINE] * 2
        assert all(line.due is not None for line in station.screen().items)
        assert all(line.show_at_desk for line in station.screen().items)
        assert {reader.afi(uid) for uid in uids} == {ISO_IN_LIBRARY}
        assert "write_afi" not in reader.calls
        await station.close()

    asyncio.run(scenario())


def test_a_site_may_unsecure_loans_recorded_offline(tmp_path, library):
    (barcode,) = free_items(library.sandbox, 1)
    reader = FakeReader()
    (uid,) = tag_items(reader, [barcode])

    async def scenario() -> None:
        config = station_config(tmp_path, library.port, unsecure_offline_loans=True)
        station = Station(config, reader)
        library.cable.cut = True
        await sign_in(station, ANDREI, ANDREI_PIN)
        reader.place(uid)
        await polls(station)
        assert outcome_list(station) == [Outcome.RECORDED_OFFLINE]
        assert reader.afi(uid) == ISO_ON_LOAN
        await station.close()

    asyncio.run(scenario())


def test_returns_recorded_offline_are_resensitized(tmp_path, library):
    reader = FakeReader()
    (uid,) = tag_items(reader, ["39520000000002"])  # on loan to Olena (seeded)

    async def scenario() -> None:
        station = Station(station_config(tmp_path, library.port), reader)
        reader.tags[uid].afi = ISO_ON_LOAN
        library.cable.cut = True
        await station.choose(Mode.RETURN)
        reader.place(uid)
        await polls(station)
        assert outcome_list(station) == [Outcome.RECORDED_OFFLINE]
        assert station.screen().offline
        assert reader.afi(uid) == ISO_IN_LIBRARY
        await station.close()

    asyncio.run(scenario())


def test_items_not_for_issue_offline_are_refused_while_the_ils_is_offline(
    tmp_path, library, monkeypatch
):
    (barcode,) = free_items(library.sandbox, 1)
    reader = FakeReader()
    (uid,) = tag_items(reader, [barcode])
    decode = pad.decode

    def with_offline_restriction(*args, **kwargs):  # ISO 28560-1 usage 1, sub-qualifier 3
        return dataclasses.replace(decode(*args, **kwargs), usage=Usage(1, 3))

    monkeypatch.setattr(pad, "decode", with_offline_restriction)

    async def scenario() -> None:
        station = Station(station_config(tmp_path, library.port), reader)
        await sign_in(station, ANDREI, ANDREI_PIN)
        library.cable.cut = True
        # The gateway learns that Koha is down at the first request that fails to reach it.
        await station.choose(Mode.ACCOUNT)
        await station.choose(Mode.CHECKOUT)
        reader.place(uid)
        await polls(station)
        assert outcome_list(station) == [Outcome.REFUSED]
        assert "11" not in [r.CODE for r in library.cable.seen]
        assert reader.afi(uid) == ISO_IN_LIBRARY
        await station.close()

    asyncio.run(scenario())


def test_an_unreachable_gateway_is_said_and_nothing_is_written_to_tags(tmp_path):
    reader = FakeReader()
    (uid,) = tag_items(reader, ["39520000000002"])

    async def scenario() -> None:
        station = Station(station_config(tmp_path, closed_port()), reader)
        await sign_in(station, ANDREI, ANDREI_PIN)
        assert station.screen().notice is Notice.ILS_UNREACHABLE
        assert station.screen().mode is Mode.SIGN_IN
        await station.done()
        await station.choose(Mode.RETURN)
        reader.place(uid)
        await polls(station, 3)
        assert station.screen().notice is Notice.ILS_UNREACHABLE
        assert station.screen().items == ()
        assert "write_afi" not in reader.calls
        await station.close()

    asyncio.run(scenario())


def test_a_gateway_lost_mid_session_leaves_the_tags_alone_until_it_is_back(tmp_path, sandbox):
    barcodes = free_items(sandbox, 2)
    reader = FakeReader()
    uids = tag_items(reader, barcodes)
    config = gateway_config(tmp_path)

    async def scenario() -> None:
        with running(config, sandbox_cable(sandbox)) as gateway:
            port = gateway.port
            station = Station(station_config(tmp_path, port), reader)
            await sign_in(station, ANDREI, ANDREI_PIN)
            reader.place(uids[0])
            await polls(station)
            assert outcome_list(station) == [Outcome.BORROWED]
        reader.place(uids[1])
        await polls(station, 2)
        assert station.screen().notice is Notice.ILS_UNREACHABLE
        assert outcome_list(station) == [Outcome.BORROWED]
        assert reader.afi(uids[1]) == ISO_IN_LIBRARY
        await station.close()

    asyncio.run(scenario())


def test_a_connection_the_gateway_closed_while_idle_is_reopened_without_a_notice(tmp_path, sandbox):
    barcodes = free_items(sandbox, 2)
    reader = FakeReader()
    uids = tag_items(reader, barcodes)
    config = gateway_config(tmp_path, idle_timeout=0.3)

    async def scenario() -> None:
        with running(config, sandbox_cable(sandbox)) as gateway:
            station = Station(station_config(tmp_path, gateway.port), reader)
            await sign_in(station, ANDREI, ANDREI_PIN)
            reader.place(uids[0])
            await polls(station)
            await asyncio.sleep(0.6)  # the gateway drops the idle connection
            reader.place(uids[1])
            await polls(station)
            assert outcome_list(station) == [Outcome.BORROWED] * 2
            assert station.screen().notice is None
            await station.close()

    asyncio.run(scenario())


def test_a_server_that_drops_every_request_is_not_hammered_by_the_polls(tmp_path):
    reader = FakeReader()
    (uid,) = tag_items(reader, ["39520000000002"])
    connections = []

    async def drop(_reader, writer) -> None:
        connections.append(writer)
        writer.close()

    async def scenario() -> None:
        server = await asyncio.start_server(drop, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        config = station_config(tmp_path, port, sip2_login="", ils_retry_seconds=30)
        station = Station(config, reader)
        await station.choose(Mode.RETURN)
        reader.place(uid)
        await polls(station, 5)
        assert station.screen().notice is Notice.ILS_UNREACHABLE
        assert len(connections) == 1  # a return whose answer was lost is not sent again
        assert "write_afi" not in reader.calls
        await station.close()
        server.close()

    asyncio.run(scenario())
