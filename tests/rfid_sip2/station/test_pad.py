"""The pad reads a tag's first blocks, and the whole tag when they do not decode."""

from __future__ import annotations

import asyncio

import pytest

from rfid_sip2.rfid.readers.base import InventoriedTag
from rfid_sip2.rfid.security import ISO
from rfid_sip2.rfid.tags import STANDARD, ItemTag, UndecodableTag, Usage, encode
from rfid_sip2.station.pad import Pad
from rfid_sip2.station.timings import Timings
from tests.rfid_sip2.station.fakes import FakeReader, item_memory


def read(reader: FakeReader, uid: bytes):
    reader.place(uid)
    pad = Pad(reader, security=ISO, tag_settings=STANDARD, tag_blocks=9, timings=Timings())

    async def reading():
        try:
            return await pad.read_tag(InventoriedTag(uid))
        finally:
            await pad.close()

    return asyncio.run(reading())


def test_a_danish_tag_is_read_in_one_short_read():
    reader = FakeReader()
    uid = reader.new_tag(item_memory("39520000000001"))

    assert read(reader, uid).item_id == "39520000000001"
    assert reader.calls.count("read_blocks") == 1


def test_an_iso_28560_2_tag_longer_than_the_first_read_is_read_whole():
    long_tag = ItemTag(
        "iso28560-2",
        "1620168259",
        "FI-Mamk-M",
        usage=Usage(1),
        title="The Master and Margarita, a novel in two books",
    )
    reader = FakeReader()
    uid = reader.new_tag(encode(long_tag).ljust(28 * 4, b"\0"))

    tag = read(reader, uid)

    assert (tag.model, tag.item_id, tag.title) == ("iso28560-2", "1620168259", long_tag.title)
    assert reader.calls.count("read_blocks") == 2


def test_a_tag_no_model_reads_is_still_undecodable_after_the_whole_read():
    reader = FakeReader()
    uid = reader.new_tag(bytes.fromhex("DEADBEEF") * 28)

    with pytest.raises(UndecodableTag):
        read(reader, uid)
