"""Helpers to drive a station in a test: tags on the pad, polls, and what the screen says."""

from __future__ import annotations

from rfid_sip2.station.control import Mode, Outcome, Screen
from rfid_sip2.station.station import Station
from tests.rfid_sip2.station.fakes import FakeReader, item_memory

OLENA, OLENA_PIN = "23529001000011", "1111"
ANDREI, ANDREI_PIN = "23529001000012", "2222"
MARIA_CARD_LOST, MARIA_PIN = "23529001000017", "7777"


def tag_items(reader: FakeReader, barcodes: list[str], **memory) -> list[bytes]:
    return [reader.new_tag(item_memory(barcode, **memory)) for barcode in barcodes]


async def sign_in(station: Station, patron: str, pin: str) -> Screen:
    """Sign in at the station's sign-in screen; what the screen shows then."""
    await station.choose(Mode.SIGN_IN)
    await station.sign_in(patron, pin)
    return station.screen()


async def polls(station: Station, count: int = 1) -> None:
    for _ in range(count):
        await station.poll_once()


def outcomes(station: Station) -> dict[str, Outcome]:
    return {line.item_id: line.outcome for line in station.screen().items}


def outcome_list(station: Station) -> list[Outcome]:
    return [line.outcome for line in station.screen().items]
