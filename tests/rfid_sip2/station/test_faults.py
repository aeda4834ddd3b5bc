"""The pad's faults: books lifted early, writes failing, the reader unplugged; and the tags
the station must not circulate (incomplete sets, other libraries' items, unreadable tags)."""

from __future__ import annotations

import asyncio
import dataclasses
import json

from rfid_sip2.station.control import Mode, Notice, Outcome
from rfid_sip2.station.station import Station
from tests.rfid_sip2.gateway.upstreams import free_items
from tests.rfid_sip2.station.conftest import station_config
from tests.rfid_sip2.station.fakes import ISO_IN_LIBRARY, ISO_ON_LOAN, FakeReader, item_memory
from tests.rfid_sip2.station.scenario import (
    ANDREI,
    ANDREI_PIN,
    outcome_list,
    outcomes,
    polls,
    sign_in,
    tag_items,
)


async def signed_in(station: Station) -> Station:
    await sign_in(station, ANDREI, ANDREI_PIN)
    assert station.screen().mode is Mode.CHECKOUT
    return station


def test_a_book_lifted_during_its_security_write_is_borrowed_pending_and_fixed_when_back(
    tmp_path, library
):
    barcodes = free_items(library.sandbox, 3)
    reader = FakeReader()
    uids = tag_items(reader, barcodes)
    alerts = []

    async def scenario() -> None:
        station = await signed_in(Station(station_config(tmp_path, library.port), reader))
        station.alerts.subscribe(lambda kind, fields: alerts.append((kind, fields)))
        reader.lift_on_write.add(uids[1])
        reader.place(*uids)
        await polls(station)
        assert outcome_list(station) == [
            Outcome.BORROWED,
            Outcome.SECURITY_PENDING,
            Outcome.BORROWED,
        ]
        assert reader.afi(uids[1]) == ISO_IN_LIBRARY  # the loan stands; the tag does not know
        assert [kind for kind, _ in alerts] == ["security_write_failed"]
        assert alerts[0][1]["item"] == barcodes[1]
        saved = json.loads(station.config.retry_list_path.read_text())
        assert [(entry["item_id"], entry["wanted"]) for entry in saved] == [
            (barcodes[1], "on_loan")
        ]

        reader.place(uids[1])  # put back: fixed, not checked out again
        await polls(station)
        assert reader.afi(uids[1]) == ISO_ON_LOAN
        assert outcome_list(station) == [Outcome.BORROWED] * 3
        assert json.loads(station.config.retry_list_path.read_text()) == []
        assert [r.CODE for r in library.cable.seen].count("11") == 3
        await station.close()

    asyncio.run(scenario())


def test_a_failed_write_is_remembered_across_a_restart_and_fixed_with_nobody_signed_in(
    tmp_path, library, caplog
):
    (barcode,) = free_items(library.sandbox, 1)
    reader = FakeReader()
    (uid,) = tag_items(reader, [barcode])

    async def scenario() -> None:
        config = station_config(tmp_path, library.port)
        station = await signed_in(Station(config, reader))
        reader.fail_writes = 1
        reader.place(uid)
        await polls(station)
        assert outcome_list(station) == [Outcome.SECURITY_PENDING]
        reader.lift(uid)
        await polls(station)
        await station.close()

        restarted = Station(config, reader)  # the kiosk restarts; nobody is signed in
        assert restarted.screen().mode is Mode.WELCOME
        reader.place(uid)
        await polls(restarted)
        assert reader.afi(uid) == ISO_ON_LOAN
        assert len(restarted.retry) == 0
        assert restarted.screen().items == ()  # nothing circulated at the welcome screen
        await restarted.close()

    asyncio.run(scenario())
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert any("event=alert kind=security_write_failed" in line for line in warnings)
    assert any("event=security_fixed" in line for line in warnings)


def test_a_pending_loan_returned_at_the_desk_meanwhile_is_never_unsecured(tmp_path, library):
    (barcode,) = free_items(library.sandbox, 1)
    reader = FakeReader()
    (uid,) = tag_items(reader, [barcode])

    async def scenario() -> None:
        config = station_config(tmp_path, library.port)
        station = await signed_in(Station(config, reader))
        reader.fail_writes = 1
        reader.place(uid)
        await polls(station)
        assert outcome_list(station) == [Outcome.SECURITY_PENDING]
        await station.done()
        reader.lift(uid)
        await polls(station)
        # The book goes back through another station (the desk's, say) with a good pad.
        desk_reader = FakeReader()
        (desk_uid,) = tag_items(desk_reader, [barcode])
        desk = Station(
            station_config(tmp_path, library.port, retry_list_path=tmp_path / "desk.json"),
            desk_reader,
            home=Mode.RETURN,
        )
        desk_reader.place(desk_uid)
        await polls(desk)
        await desk.close()

        reader.place(uid)  # back on the first pad, nobody signed in
        await polls(station)
        assert reader.afi(uid) == ISO_IN_LIBRARY
        assert "write_afi" not in reader.calls[reader.calls.index("write_afi") + 1 :]
        assert len(station.retry) == 0
        await station.close()

    asyncio.run(scenario())


def test_a_return_whose_write_fails_stays_on_the_retry_list_to_be_secured(tmp_path, library):
    reader = FakeReader()
    (uid,) = tag_items(reader, ["39520000000002"])  # Olena's overdue loan (seeded)

    async def scenario() -> None:
        station = Station(station_config(tmp_path, library.port), reader)
        await station.choose(Mode.RETURN)
        reader.tags[uid].afi = ISO_ON_LOAN
        reader.fail_writes = 5
        reader.place(uid)
        await polls(station)
        assert outcome_list(station) == [Outcome.SECURITY_PENDING]
        assert station.retry.get(uid.hex().upper()).wanted == "in_library"
        await station.close()

    asyncio.run(scenario())


def test_an_unplugged_reader_is_shown_and_the_station_recovers_when_it_is_back(tmp_path, library):
    (barcode,) = free_items(library.sandbox, 1)
    reader = FakeReader()
    (uid,) = tag_items(reader, [barcode])

    async def scenario() -> None:
        station = await signed_in(Station(station_config(tmp_path, library.port), reader))
        reader.unplugged = True
        await polls(station, 3)
        screen = station.screen()
        assert not screen.reader_ok and screen.notice is Notice.READER_DOWN
        assert "port gone" in screen.notice_detail
        await station.choose(Mode.ACCOUNT)  # the kiosk still works; the notice stays
        assert station.screen().notice is Notice.READER_DOWN
        reader.unplugged = False
        reader.place(uid)
        await polls(station)
        screen = station.screen()
        assert screen.reader_ok and screen.notice is None
        assert outcome_list(station) == []  # the account screen circulates nothing
        await station.choose(Mode.CHECKOUT)
        await polls(station)
        assert outcome_list(station) == [Outcome.BORROWED]
        await station.close()

    asyncio.run(scenario())


def test_a_reader_unplugged_during_a_write_leaves_the_tag_pending_until_it_is_back(
    tmp_path, library
):
    (barcode,) = free_items(library.sandbox, 1)
    reader = FakeReader()
    (uid,) = tag_items(reader, [barcode])

    def unplug_on_write(name: str) -> None:
        if name == "write_afi":
            reader.unplugged = True

    async def scenario() -> None:
        station = await signed_in(Station(station_config(tmp_path, library.port), reader))
        reader.on_call = unplug_on_write
        reader.place(uid)
        await polls(station)
        assert outcome_list(station) == [Outcome.SECURITY_PENDING]
        assert station.screen().notice is Notice.READER_DOWN
        assert uid.hex().upper() in station.retry
        reader.on_call = None
        reader.unplugged = False
        await polls(station)  # the tag never left the pad: fixed as the reader is back
        assert reader.afi(uid) == ISO_ON_LOAN
        assert outcome_list(station) == [Outcome.BORROWED]
        assert station.screen().reader_ok and station.screen().notice is None
        await station.close()

    asyncio.run(scenario())


def test_the_poll_loop_keeps_trying_an_unplugged_reader_and_recovers(tmp_path, library):
    reader = FakeReader()

    async def scenario() -> None:
        config = station_config(tmp_path, library.port, reader_retry_seconds=0.01)
        station = Station(config, reader)
        stop = asyncio.Event()
        reader.unplugged = True
        running = asyncio.create_task(station.run(stop))
        while reader.calls.count("inventory") < 3:
            await asyncio.sleep(0.01)
        assert not station.screen().reader_ok
        reader.unplugged = False
        await asyncio.wait_for(station.changed(station.screen().version), timeout=5)
        while not station.screen().reader_ok:
            await station.changed(station.screen().version)
        stop.set()
        await running
        assert reader.closed

    asyncio.run(scenario())


def test_a_set_with_a_part_missing_is_refused_until_the_part_comes(tmp_path, library):
    (barcode,) = free_items(library.sandbox, 1)
    reader = FakeReader()
    first = reader.new_tag(item_memory(barcode, parts=2, part=1))
    second = reader.new_tag(item_memory(barcode, parts=2, part=2))

    async def scenario() -> None:
        station = await signed_in(Station(station_config(tmp_path, library.port), reader))
        reader.place(first)
        await polls(station, 3)
        assert outcome_list(station) == [Outcome.PARTS_MISSING]
        assert "11" not in [r.CODE for r in library.cable.seen]
        assert reader.afi(first) == ISO_IN_LIBRARY
        reader.place(second)
        await polls(station)
        lines = station.screen().items
        assert [(line.part, line.parts, line.outcome) for line in lines] == [
            (1, 2, Outcome.BORROWED),
            (2, 2, Outcome.BORROWED),
        ]
        assert reader.afi(first) == reader.afi(second) == ISO_ON_LOAN
        assert [r.CODE for r in library.cable.seen].count("11") == 1
        await station.close()

    asyncio.run(scenario())


def test_a_site_may_lend_incomplete_sets_with_a_note(tmp_path, library, caplog):
    caplog.set_level("INFO", logger="rfid_sip2.station")
    (barcode,) = free_items(library.sandbox, 1)
    reader = FakeReader()
    first = reader.new_tag(item_memory(barcode, parts=3, part=1))

    async def scenario() -> None:
        config = station_config(tmp_path, library.port, refuse_incomplete_sets=False)
        station = await signed_in(Station(config, reader))
        reader.place(first)
        await polls(station)
        (line,) = station.screen().items
        assert (line.part, line.parts, line.outcome) == (1, 3, Outcome.BORROWED)
        await station.close()

    asyncio.run(scenario())
    assert any("note=parts_missing" in r.getMessage() for r in caplog.records)


def test_another_librarys_item_is_not_ours_and_not_circulated(tmp_path, library):
    barcodes = free_items(library.sandbox, 2)
    reader = FakeReader()
    ours = reader.new_tag(item_memory(barcodes[0], owner="MD-CPL"))
    theirs = reader.new_tag(item_memory(barcodes[1], owner="RO-BUC"))

    async def scenario() -> None:
        config = station_config(tmp_path, library.port, owner_isils=("MD-CPL",))
        station = await signed_in(Station(config, reader))
        reader.place(ours, theirs)
        await polls(station)
        assert outcomes(station) == {
            barcodes[0]: Outcome.BORROWED,
            barcodes[1]: Outcome.NOT_OURS,
        }
        assert reader.afi(theirs) == ISO_IN_LIBRARY
        await station.close()

    asyncio.run(scenario())


def test_an_undecodable_tag_is_shown_as_unreadable_once(tmp_path, library):
    reader = FakeReader()
    blank = reader.new_tag(b"\x00" * 36)
    garbage = reader.new_tag(bytes(range(36)))

    async def scenario() -> None:
        station = await signed_in(Station(station_config(tmp_path, library.port), reader))
        reader.place(blank, garbage)
        await polls(station, 3)
        assert outcome_list(station) == [Outcome.UNREADABLE] * 2
        # Not read again on later polls: the blank once, the other once short and once whole.
        assert reader.calls.count("read_blocks") == 3
        await station.close()

    asyncio.run(scenario())


def test_eas_is_written_with_the_afi_when_the_site_uses_both(tmp_path, library):
    (barcode,) = free_items(library.sandbox, 1)
    reader = FakeReader()
    (uid,) = tag_items(reader, [barcode])

    async def scenario() -> None:
        config = station_config(tmp_path, library.port)
        security = dataclasses.replace(config.security, use_eas=True)
        station = await signed_in(Station(dataclasses.replace(config, security=security), reader))
        reader.place(uid)
        await polls(station)
        assert reader.tags[uid].eas is False and reader.afi(uid) == ISO_ON_LOAN
        await station.close()

    asyncio.run(scenario())
