"""Feig ISO host frames: LEN counting the whole frame, CRC-16/MCRF4XX sent low byte first, the
B0 sub-commands, and statuses 0x94 (more data), 0x93 (overflow) and 0x95 (with its ISO byte)."""

import pytest

from rfid_sip2.rfid.crc import crc16_mcrf4xx
from rfid_sip2.rfid.readers import feig_protocol as proto
from rfid_sip2.rfid.readers.errors import CorruptFrame, MemoryLocked, StatusError, TagNotAnswering

UID = bytes.fromhex("E00401003123AA26")


def test_biblio_rfids_inventory_command_framed_with_length_and_crc_low_byte_first():
    # Biblio-RFID CPRM02.pm sends "FF B0 01 00": LEN = payload + 3, CRC over LEN..data.
    request = proto.inventory_request()
    assert request[:5] == bytes.fromhex("07 FF B0 01 00")
    assert request[5:] == crc16_mcrf4xx(request[:5]).to_bytes(2, "little")


def test_more_asks_for_the_rest_and_an_afi_filter_follows_its_mode_bit():
    assert proto.inventory_request(more=True)[3:5] == bytes([0x01, 0x80])
    assert proto.inventory_request(afi=0x07)[3:6] == bytes([0x01, 0x10, 0x07])


def test_addressed_requests_carry_mode_uid_and_block_numbers():
    read = proto.read_blocks_request(UID, 2, 3)
    assert read[2:][:13] == bytes([0xB0, 0x23, 0x09]) + UID + bytes([2, 3])
    write = proto.write_blocks_request(UID, 4, 4, b"abcdefgh")
    assert write[3:][:14] == bytes([0x24, 0x01]) + UID + bytes([4, 2, 4]) + b"a"
    assert proto.write_afi_request(UID, 0xC2)[3:-2] == bytes([0x27, 0x01]) + UID + b"\xc2"
    assert proto.system_info_request(UID)[3:-2] == bytes([0x2B, 0x01]) + UID


def test_an_inventory_reply_lists_type_dsfid_and_uid_per_tag():
    entries = [proto.InventoryEntry(3, 6, UID), proto.InventoryEntry(3, 0, bytes(8))]
    reply = proto.checked(proto.decode_frame(proto.reply(0, proto.inventory_data(entries))))
    assert proto.parse_inventory(reply.data) == tuple(entries)


@pytest.mark.parametrize("status", [0x94, 0x93])
def test_more_data_and_overflow_carry_tags_and_are_not_errors(status):
    data = proto.inventory_data([proto.InventoryEntry(3, 0, UID)])
    reply = proto.checked(proto.decode_frame(proto.reply(status, data)))
    assert reply.status == status
    assert proto.parse_inventory(reply.data)[0].uid == UID


def test_status_0x95_names_the_iso_error_in_its_extra_byte():
    with pytest.raises(StatusError, match="block not available") as raised:
        proto.checked(proto.decode_frame(proto.reply(0x95, b"\x10")))
    assert (raised.value.code, raised.value.detail) == (0x95, 0x10)
    with pytest.raises(MemoryLocked):
        proto.checked(proto.decode_frame(proto.reply(0x95, b"\x12")))


def test_no_transponder_and_write_error_are_named():
    with pytest.raises(TagNotAnswering):
        proto.checked(proto.decode_frame(proto.reply(0x01)))
    with pytest.raises(StatusError, match="write error"):
        proto.checked(proto.decode_frame(proto.reply(0x03)))


def test_read_replies_give_each_block_as_sent_after_its_security_byte():
    data = proto.blocks_data(4, [b"DCBA", b"HGFE"], [False, True])
    assert data == bytes([2, 4, 0]) + b"DCBA" + b"\x01HGFE"
    assert proto.parse_blocks(data) == (4, (b"DCBA", b"HGFE"))


def test_system_information_carries_the_afi():
    info = proto.SystemInfo(0x06, UID, 0xC2, 4, 28, 1)
    assert proto.parse_system_info(proto.system_info_data(info)) == info


def test_a_frame_with_a_bad_crc_is_corrupt():
    good = proto.reply(0)
    with pytest.raises(CorruptFrame):
        proto.decode_frame(good[:-1] + bytes([good[-1] ^ 1]))


@pytest.mark.parametrize("cut", range(1, 12))
def test_a_reply_split_anywhere_is_cut_whole(cut):
    whole = proto.reply(0, proto.system_info_data(proto.SystemInfo(0, UID, 7, 4, 28, 1)))
    splitter = proto.FrameSplitter()
    splitter.feed(whole[:cut])
    assert splitter.pop() is None
    splitter.feed(whole[cut:])
    assert splitter.pop() == whole


def test_the_advanced_form_with_a_two_byte_length_is_cut_and_checked():
    body = bytes([0xFF, 0xB0, 0x00])
    length = 3 + len(body) + 2
    covered = bytes([0x02]) + length.to_bytes(2, "big") + body
    whole = covered + crc16_mcrf4xx(covered).to_bytes(2, "little")
    splitter = proto.FrameSplitter()
    splitter.feed(whole[:2])
    assert splitter.pop() is None
    splitter.feed(whole[2:])
    assert proto.decode_frame(splitter.pop()) == proto.Frame(0xFF, 0xB0, b"\x00")
