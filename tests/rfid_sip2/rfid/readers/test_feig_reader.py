"""What only the Feig driver does: "more data" inventories, per-block byte order, no EAS."""

from __future__ import annotations

import pytest

from rfid_sip2.rfid.readers.base import ReaderError
from tests.rfid_sip2.rfid.readers.simulated import BOOK, opened


@pytest.fixture
def protocol() -> str:
    return "feig"


def uid(number: int) -> bytes:
    return bytes.fromhex("E0040100") + number.to_bytes(4, "big")


def test_more_data_is_followed_until_every_tag_is_listed_once(simulator, reader):
    simulator.page_size = 3
    simulator.duplicates = True
    for number in range(10):
        simulator.place(uid(number), bytes(112))

    found = reader.inventory()

    assert [tag.uid for tag in found] == [uid(number) for number in range(10)]


def test_the_inventory_reports_each_tags_dsfid(simulator, reader):
    simulator.place(BOOK, bytes(112), dsfid=0x06)
    assert [(tag.uid, tag.dsfid) for tag in reader.inventory()] == [(BOOK, 0x06)]


def test_blocks_sent_most_significant_byte_first_come_back_in_tag_memory_order(simulator, reader):
    simulator.place(BOOK, b"ABCDEFGH" + bytes(104))

    assert reader.read_blocks(BOOK, 0, 2) == b"ABCDEFGH"
    reader.write_blocks(BOOK, 2, b"IJKL")
    assert simulator.tag(BOOK).memory[8:12] == b"IJKL"


def test_a_reader_configured_for_memory_order_blocks_leaves_them_as_sent(simulator):
    simulator.place(BOOK, b"ABCDEFGH" + bytes(104))
    reader = opened(simulator.serve_tcp(), "feig", reverse_block_bytes=False)
    try:
        assert reader.read_blocks(BOOK, 0, 2) == b"DCBAHGFE"
    finally:
        reader.close()


def test_the_feig_reader_has_no_eas(simulator, reader):
    simulator.place(BOOK, bytes(112), eas=True)
    assert not reader.eas_supported
    with pytest.raises(ReaderError, match="use the AFI"):
        reader.read_eas(BOOK)
    with pytest.raises(ReaderError, match="use the AFI"):
        reader.write_eas(BOOK, False)
    assert simulator.tag(BOOK).eas is True
