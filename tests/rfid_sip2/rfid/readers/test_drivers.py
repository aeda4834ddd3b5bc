"""Each driver against the simulated reader over a pty, as it would run against /dev/ttyUSB0."""

from __future__ import annotations

import pytest

from rfid_sip2.rfid.readers.base import ReaderError, TagGone
from tests.rfid_sip2.rfid.readers.simulated import BOOK, CARD, OTHER

MEMORY = bytes(range(112))  # 28 blocks of 4 bytes


def test_inventory_lists_every_tag_on_the_pad_once(simulator, reader):
    for uid in (BOOK, CARD, OTHER):
        simulator.place(uid, MEMORY)
    simulator.duplicates = True  # every tag answers the second poll too

    found = reader.inventory()

    assert sorted(tag.uid for tag in found) == sorted([BOOK, CARD, OTHER])


def test_inventory_of_an_empty_pad_is_empty(reader):
    assert reader.inventory() == []


def test_inventory_with_an_afi_lists_only_the_tags_with_that_afi(simulator, reader):
    simulator.place(BOOK, MEMORY, afi=0x07)
    simulator.place(OTHER, MEMORY, afi=0xC2)

    assert [tag.uid for tag in reader.inventory(afi=0x07)] == [BOOK]


def test_a_lifted_tag_is_no_longer_listed(simulator, reader):
    simulator.place(BOOK, MEMORY)
    simulator.place(OTHER, MEMORY)
    simulator.remove(BOOK)

    assert [tag.uid for tag in reader.inventory()] == [OTHER]


def test_read_blocks_returns_tag_memory_in_order_across_several_requests(simulator, reader):
    simulator.place(BOOK, MEMORY)

    assert reader.read_blocks(BOOK, 0, 28) == MEMORY
    assert reader.read_blocks(BOOK, 3, 2) == MEMORY[12:20]


def test_written_blocks_are_on_the_tag_and_read_back(simulator, reader):
    simulator.place(BOOK, MEMORY)
    data = bytes.fromhex("11010131313232333334340000000000000000513E444537303500000000000000")[:32]

    reader.write_blocks(BOOK, 0, data)

    assert simulator.tag(BOOK).memory == data + MEMORY[32:]
    assert reader.read_blocks(BOOK, 0, 8) == data


def test_a_write_of_part_of_a_block_is_refused(simulator, reader):
    simulator.place(BOOK, MEMORY)
    with pytest.raises(ValueError):
        reader.write_blocks(BOOK, 0, b"abc")


def test_the_afi_is_written_and_read_back(simulator, reader):
    simulator.place(BOOK, MEMORY, afi=0x07)

    reader.write_afi(BOOK, 0xC2)

    assert simulator.tag(BOOK).afi == 0xC2
    assert reader.read_afi(BOOK) == 0xC2


def test_reading_a_tag_that_was_lifted_says_the_tag_is_gone(simulator, reader):
    simulator.place(BOOK, MEMORY)
    simulator.remove(BOOK)

    with pytest.raises(TagGone):
        reader.read_blocks(BOOK, 0, 4)
    with pytest.raises(TagGone):
        reader.read_afi(BOOK)


def test_a_tag_put_back_answers_again_with_what_it_held(simulator, reader):
    simulator.place(BOOK, MEMORY, afi=0xC2)
    simulator.remove(BOOK)
    simulator.place(BOOK)

    assert reader.read_afi(BOOK) == 0xC2
    assert reader.read_blocks(BOOK, 0, 1) == MEMORY[:4]


def test_reading_beyond_the_tag_memory_is_a_reader_error(simulator, reader):
    simulator.place(BOOK, MEMORY)
    with pytest.raises(ReaderError) as raised:
        reader.read_blocks(BOOK, 26, 4)
    assert not isinstance(raised.value, TagGone)


def test_replies_that_arrive_in_pieces_are_read_whole(simulator, reader):
    simulator.place(BOOK, MEMORY, afi=0x07)
    simulator.place(OTHER, MEMORY)
    simulator.split_replies = True

    assert sorted(tag.uid for tag in reader.inventory()) == sorted([BOOK, OTHER])
    assert reader.read_blocks(BOOK, 0, 28) == MEMORY
    reader.write_afi(BOOK, 0xC2)
    assert simulator.tag(BOOK).afi == 0xC2


def test_every_byte_value_crosses_the_pty_unchanged(simulator, reader):
    # Raw mode: CR, LF, XON/XOFF, ^C, ^D and high bytes are data, never line discipline.
    simulator.place(BOOK, bytes(112))
    data = bytes(range(144, 256))

    reader.write_blocks(BOOK, 0, data)

    assert simulator.tag(BOOK).memory == data
    assert reader.read_blocks(BOOK, 0, 28) == data
