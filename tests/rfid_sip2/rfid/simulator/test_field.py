"""The simulated field: tags placed and lifted, and the write faults it injects."""

import pytest

from rfid_sip2.rfid.simulator.field import (
    BlockLocked,
    NoTag,
    OutOfRange,
    TagField,
    WriteRefused,
)

UID = bytes.fromhex("E004010012345678")


def test_a_new_tag_without_memory_has_28_blank_blocks():
    tag = TagField().place(UID)
    assert (tag.memory, tag.block_count, tag.on_pad) == (bytes(112), 28, True)


def test_a_lifted_tag_is_remembered_and_comes_back_as_it_was():
    field = TagField()
    field.place(UID, b"abcd", afi=0xC2, eas=True)
    field.remove(UID)
    assert field.present() == []
    assert not field.tag(UID).on_pad

    back = field.place(UID)
    assert (back.memory, back.afi, back.eas, back.on_pad) == (b"abcd", 0xC2, True, True)


def test_present_filters_on_the_afi():
    field = TagField()
    field.place(UID, afi=0x07)
    assert field.present(0xC2) == [] and len(field.present(0x07)) == 1


def test_refused_writes_count_down_then_writes_land():
    field = TagField()
    field.place(UID, bytes(8))
    field.fail_writes(2)
    for _ in range(2):
        with pytest.raises(WriteRefused):
            field.write(UID, 0, b"abcd")
    field.write(UID, 0, b"abcd")
    assert field.tag(UID).memory == b"abcd" + bytes(4)


def test_a_lift_during_a_write_lands_the_first_blocks_only():
    field = TagField()
    field.place(UID, bytes(16))
    field.lift_during_write(after_blocks=1)
    with pytest.raises(NoTag):
        field.write(UID, 0, b"abcdefgh")
    assert field.tag(UID).memory == b"abcd" + bytes(12)
    with pytest.raises(NoTag):
        field.read(UID, 0, 1)


def test_locked_blocks_and_blocks_beyond_memory_are_refused():
    field = TagField()
    field.place(UID, bytes(8), locked={1})
    with pytest.raises(BlockLocked):
        field.write(UID, 0, bytes(8))
    with pytest.raises(OutOfRange):
        field.read(UID, 1, 2)
    assert field.read(UID, 1, 1) == [(bytes(4), True)]


def test_uids_are_eight_bytes():
    with pytest.raises(ValueError):
        TagField().place("E004")
