"""Stacks checked out and returned through the real gateway on the sandbox."""

from __future__ import annotations

import asyncio
import threading

from rfid_sip2.station.control import Mode, Notice, Outcome
from rfid_sip2.station.station import Station
from tests.rfid_sip2.gateway.upstreams import free_items
from tests.rfid_sip2.station.conftest import station_config
from tests.rfid_sip2.station.fakes import ISO_IN_LIBRARY, ISO_ON_LOAN, FakeReader
from tests.rfid_sip2.station.scenario import (
    ANDREI,
    ANDREI_PIN,
    OLENA,
    OLENA_PIN,
    outcome_list,
    outcomes,
    polls,
    sign_in,
    tag_items,
)


def loans_of(sandbox, cardnumber: str) -> set[str]:
    with sandbox.store.reading() as db:
        rows = db.execute(
            "SELECT items.external_id FROM checkouts JOIN items USING (item_id) "
            "JOIN patrons USING (patron_id) WHERE patrons.cardnumber = ?",
            (cardnumber,),
        ).fetchall()
    return {row[0] for row in rows}


def homes(sandbox, barcodes: list[str]) -> dict[str, str]:
    with sandbox.store.reading() as db:
        return {
            barcode: db.execute(
                "SELECT home_library_id FROM items WHERE external_id = ?", (barcode,)
            ).fetchone()[0]
            for barcode in barcodes
        }


def test_a_ten_book_stack_is_checked_out_and_returned_with_security_following_the_ils(
    tmp_path, library
):
    barcodes = free_items(library.sandbox, 10)
    reader = FakeReader()
    # Andrei has no loans: ten more is the sandbox's limit for adults.
    uids = tag_items(reader, barcodes)

    async def scenario() -> None:
        station = Station(station_config(tmp_path, library.port), reader)
        await sign_in(station, ANDREI, ANDREI_PIN)
        assert station.screen().mode is Mode.CHECKOUT
        assert station.screen().patron.language is None  # the sandbox echoes 000
        reader.place(*uids)
        await polls(station)
        assert outcome_list(station) == [Outcome.BORROWED] * 10
        assert all(line.due is not None and line.title for line in station.screen().items)
        assert loans_of(library.sandbox, ANDREI) >= set(barcodes)
        assert {reader.afi(uid) for uid in uids} == {ISO_ON_LOAN}
        await station.finish()
        assert station.screen().mode is Mode.RECEIPT
        await station.done()
        assert station.screen().mode is Mode.WELCOME and station.screen().patron is None

        reader.clear()
        await polls(station)
        await station.choose(Mode.RETURN)
        reader.place(*uids)
        await polls(station)
        # Items of the other branches go home: set aside with their destination.
        expected = {
            barcode: (Outcome.RETURNED, "") if home == "CPL" else (Outcome.TRANSFER, home)
            for barcode, home in homes(library.sandbox, barcodes).items()
        }
        assert {
            line.item_id: (line.outcome, line.destination) for line in station.screen().items
        } == expected
        assert not loans_of(library.sandbox, ANDREI) & set(barcodes)
        assert {reader.afi(uid) for uid in uids} == {ISO_IN_LIBRARY}
        await station.close()

    asyncio.run(scenario())


def test_a_tag_lying_on_the_pad_is_circulated_once_even_when_lifted_and_put_back(tmp_path, library):
    (barcode,) = free_items(library.sandbox, 1)
    reader = FakeReader()
    (uid,) = tag_items(reader, [barcode])

    async def scenario() -> None:
        station = Station(station_config(tmp_path, library.port), reader)
        await sign_in(station, OLENA, OLENA_PIN)
        reader.place(uid)
        await polls(station, 5)
        reader.lift(uid)
        await polls(station)
        reader.place(uid)
        await polls(station, 3)
        assert outcome_list(station) == [Outcome.BORROWED]
        # Every driver call in the one worker thread, never on the event loop's.
        assert len(reader.threads) == 1
        assert threading.current_thread().name not in reader.threads
        checkouts = [r for r in library.cable.seen if r.CODE == "11"]
        assert len(checkouts) == 1
        assert reader.calls.count("write_afi") == 1
        await station.close()

    asyncio.run(scenario())


def test_a_refused_checkout_leaves_the_tag_secured_and_says_why(tmp_path, library):
    reader = FakeReader()
    # Item 1 is on loan to Olena already (seeding): Andrei cannot borrow it.
    (uid,) = tag_items(reader, ["39520000000001"])

    async def scenario() -> None:
        station = Station(station_config(tmp_path, library.port), reader)
        await sign_in(station, ANDREI, ANDREI_PIN)
        reader.place(uid)
        await polls(station)
        (line,) = station.screen().items
        assert line.outcome is Outcome.REFUSED and line.ils_message
        assert reader.afi(uid) == ISO_IN_LIBRARY
        assert "write_afi" not in reader.calls
        await station.close()

    asyncio.run(scenario())


def test_items_on_the_pad_before_sign_in_wait_until_checkout_mode(tmp_path, library):
    barcodes = free_items(library.sandbox, 2)
    reader = FakeReader()
    uids = tag_items(reader, barcodes)

    async def scenario() -> None:
        station = Station(station_config(tmp_path, library.port), reader)
        reader.place(*uids)
        await polls(station, 2)
        assert station.screen().items == ()
        await sign_in(station, OLENA, OLENA_PIN)
        await polls(station)
        assert outcome_list(station) == [Outcome.BORROWED] * 2
        await station.close()

    asyncio.run(scenario())


def test_returns_on_hold_for_another_library_are_set_aside_with_their_destination(
    tmp_path, library
):
    reader = FakeReader()
    # Seeded: Olena has item 1 (biblio 1), on which Andrei waits at Riverside.
    (uid,) = tag_items(reader, ["39520000000001"])

    async def scenario() -> None:
        station = Station(station_config(tmp_path, library.port), reader)
        await station.choose(Mode.RETURN)
        reader.place(uid)
        await polls(station)
        (line,) = station.screen().items
        assert line.outcome is Outcome.TRANSFER
        assert line.destination == "RIV"
        assert reader.afi(uid) == ISO_IN_LIBRARY
        assert reader.calls.count("write_afi") == 1  # resensitized: it stays in the building
        await station.close()

    asyncio.run(scenario())


def test_a_return_someone_waits_for_here_goes_to_the_hold_shelf(tmp_path, library):
    (barcode,) = free_items(library.sandbox, 1)
    reader = FakeReader()
    (uid,) = tag_items(reader, [barcode])

    async def scenario() -> None:
        station = Station(station_config(tmp_path, library.port), reader)
        await sign_in(station, ANDREI, ANDREI_PIN)
        reader.place(uid)
        await polls(station)
        await station.finish()
        await station.done()
        reader.clear()
        await polls(station)
        # Olena, of the library where the station stands, asks for it.
        await sign_in(station, OLENA, OLENA_PIN)
        await station.place_hold(barcode)
        assert station.screen().notice is Notice.HOLD_PLACED, station.screen().notice_detail
        await station.finish()
        await station.done()
        await station.choose(Mode.RETURN)
        reader.place(uid)
        await polls(station)
        assert outcomes(station) == {barcode: Outcome.HOLD_SHELF}
        assert reader.afi(uid) == ISO_IN_LIBRARY
        await station.done()
        await sign_in(station, OLENA, OLENA_PIN)
        await station.choose(Mode.ACCOUNT)
        (hold,) = station.screen().patron.holds
        assert hold.item_id == barcode and hold.ready and hold.title
        await station.close()

    asyncio.run(scenario())
