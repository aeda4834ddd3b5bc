"""Every fault the simulator injects, handled as the contract says."""

from __future__ import annotations

import time

import pytest

from rfid_sip2.rfid.readers.base import ReaderUnavailable, TagGone, WriteFailed
from tests.rfid_sip2.rfid.readers.simulated import BOOK, FAST, OTHER, opened

MEMORY = bytes(112)
NEW = bytes(range(1, 33))  # 8 blocks


def test_a_write_that_fails_is_retried_and_then_verified(simulator, reader):
    simulator.place(BOOK, MEMORY)
    simulator.fail_writes(FAST.write_attempts - 1)

    reader.write_blocks(BOOK, 0, NEW)

    assert simulator.tag(BOOK).memory[:32] == NEW


def test_an_afi_write_that_fails_is_retried_and_then_verified(simulator, reader):
    simulator.place(BOOK, MEMORY, afi=0x07)
    simulator.fail_writes(FAST.write_attempts - 1)

    reader.write_afi(BOOK, 0xC2)

    assert simulator.tag(BOOK).afi == 0xC2


def test_a_write_that_never_takes_is_write_failed_and_leaves_the_tag_as_it_was(simulator, reader):
    simulator.place(BOOK, MEMORY, afi=0x07)
    simulator.fail_writes(2 * FAST.write_attempts)

    with pytest.raises(WriteFailed):
        reader.write_blocks(BOOK, 0, NEW)
    with pytest.raises(WriteFailed):
        reader.write_afi(BOOK, 0xC2)

    assert simulator.tag(BOOK).memory == MEMORY
    assert simulator.tag(BOOK).afi == 0x07


def test_a_write_the_reader_acknowledged_but_the_tag_lost_is_caught_by_the_read_back(
    simulator, reader
):
    simulator.place(BOOK, MEMORY, afi=0x07)
    simulator.drop_writes(1)

    reader.write_afi(BOOK, 0xC2)

    assert simulator.tag(BOOK).afi == 0xC2


def test_a_write_dropped_every_time_is_write_failed(simulator, reader):
    simulator.place(BOOK, MEMORY)
    simulator.drop_writes(100)

    with pytest.raises(WriteFailed, match="not read back"):
        reader.write_blocks(BOOK, 0, NEW)


def test_a_tag_lifted_mid_write_is_gone_with_the_first_blocks_written(simulator, reader):
    simulator.place(BOOK, MEMORY)
    simulator.lift_during_write(after_blocks=3)

    with pytest.raises(TagGone):
        reader.write_blocks(BOOK, 0, NEW)

    lifted = simulator.tag(BOOK)
    assert not lifted.on_pad
    assert lifted.memory[:12] == NEW[:12]
    assert lifted.memory[12:] == MEMORY[12:]


def test_a_locked_block_is_write_failed_at_once(simulator, reader):
    simulator.place(BOOK, MEMORY, locked={1})

    with pytest.raises(WriteFailed, match="locked"):
        reader.write_blocks(BOOK, 0, NEW)
    assert simulator.tag(BOOK).memory == MEMORY


def test_a_hung_reader_is_unavailable_after_the_port_reset_and_works_once_back(simulator, reader):
    simulator.place(BOOK, MEMORY)
    simulator.hang()

    started = time.monotonic()
    with pytest.raises(ReaderUnavailable, match="even after a port reset"):
        reader.inventory()
    assert time.monotonic() - started < 2

    simulator.plug()
    assert [tag.uid for tag in reader.inventory()] == [BOOK]


def test_an_unplugged_reader_is_unavailable_and_works_again_when_plugged_back(simulator, protocol):
    simulator.place(BOOK, MEMORY)
    path = simulator.serve_pty()  # a stable path, as a udev rule gives /dev/ttyRFID
    reader = opened(path, protocol)
    try:
        assert [tag.uid for tag in reader.inventory()] == [BOOK]
        simulator.unplug()

        with pytest.raises(ReaderUnavailable):
            reader.inventory()
        with pytest.raises(ReaderUnavailable, match="cannot open"):
            reader.read_afi(BOOK)

        simulator.plug()
        assert [tag.uid for tag in reader.inventory()] == [BOOK]
        reader.write_afi(BOOK, 0xC2)
        assert simulator.tag(BOOK).afi == 0xC2
    finally:
        reader.close()


def test_a_reader_over_tcp_survives_unplug_and_plug(simulator, protocol):
    simulator.place(BOOK, MEMORY)
    reader = opened(simulator.serve_tcp(), protocol)
    try:
        simulator.unplug()
        with pytest.raises(ReaderUnavailable):
            reader.inventory()
        simulator.plug()
        assert [tag.uid for tag in reader.inventory()] == [BOOK]
    finally:
        reader.close()


def test_a_reader_that_cannot_be_opened_is_unavailable(protocol, tmp_path):
    with pytest.raises(ReaderUnavailable, match="cannot open the reader"):
        opened(str(tmp_path / "ttyUSB9"), protocol)


def test_a_book_lifted_during_its_security_write_is_gone_with_its_afi_unchanged(simulator, reader):
    simulator.place(BOOK, MEMORY, afi=0x07)
    simulator.place(OTHER, MEMORY, afi=0x07)
    simulator.lift_during_write(after_blocks=0, uid=BOOK)

    reader.write_afi(OTHER, 0xC2)  # another book on the pad is not concerned
    with pytest.raises(TagGone, match="lifted too early"):
        reader.write_afi(BOOK, 0xC2)

    assert (simulator.tag(BOOK).afi, simulator.tag(BOOK).on_pad) == (0x07, False)
    assert simulator.tag(OTHER).afi == 0xC2


def test_a_book_lifted_just_after_its_afi_landed_is_gone_with_the_new_afi(simulator, reader):
    simulator.place(BOOK, MEMORY, afi=0x07)
    simulator.lift_during_write(after_blocks=1, uid=BOOK)

    with pytest.raises(TagGone):
        reader.write_afi(BOOK, 0xC2)

    assert simulator.tag(BOOK).afi == 0xC2


def test_replies_garbled_on_the_line_are_asked_again(simulator, reader):
    simulator.place(BOOK, MEMORY, afi=0x07)
    simulator.garble_replies(1)  # fewer than the link's attempts before a port reset

    assert [tag.uid for tag in reader.inventory()] == [BOOK]
    simulator.garble_replies(1)
    assert reader.read_afi(BOOK) == 0x07
