"""3M 810 frames byte for byte with the frames Biblio-RFID captured from a real reader
(dpavlin/Biblio-RFID, scripts/3m-810.pl and Reader/3M810.pm), and replies cut from any split."""

import pytest

from rfid_sip2.rfid.readers import threem_protocol as proto
from rfid_sip2.rfid.readers.errors import CorruptFrame, MemoryLocked, StatusError, TagNotAnswering

TAG_1 = bytes.fromhex("E00401003123AA26")
CARD = bytes.fromhex("E0040100017C0C38")


def frame(text: str) -> bytes:
    return bytes.fromhex(text.replace(" ", ""))


def test_the_inventory_request_is_the_captured_scan():
    assert proto.inventory_request() == frame("D6 00 05 FE 00 05 FA 40")


def test_write_afi_requests_are_the_captured_ones():
    assert proto.write_afi_request(TAG_1, 0xD7) == frame("D6 00 0C 09 E00401003123AA26 D7 3AF0")
    assert proto.write_afi_request(TAG_1, 0xDA) == frame("D6 00 0C 09 E00401003123AA26 DA EB5D")


def test_write_blocks_requests_are_the_captured_ones():
    blank = bytes([0x55]) * 24
    assert proto.write_blocks_request(TAG_1, 0, blank) == frame(
        "D6 00 26 04 E00401003123AA26 00 06 00" + "55" * 24 + "A98B"
    )
    content = bytes.fromhex("04110001") + b"0" * 10 + bytes(14)
    assert proto.write_blocks_request(TAG_1, 0, content) == frame(
        "D6 00 2A 04 E00401003123AA26 00 07 00 04 11 00 01" + "30" * 10 + "00" * 14 + "8843"
    )


def test_writes_of_partial_blocks_are_refused_before_they_reach_the_wire():
    with pytest.raises(ValueError):
        proto.write_blocks_request(TAG_1, 0, b"abc")


def test_a_captured_inventory_of_two_tags_lists_both_uids_most_significant_byte_first():
    reply = proto.decode_frame(
        frame("D6 00 17 FE 00 00 05 02 E00401003123AA26 E0040100017C0C38 CADB")
    )
    found = proto.parse_inventory(proto.checked(reply, proto.Command.INVENTORY))
    assert found.uids == (TAG_1, CARD)
    assert found.dsfids == (None, None)


def test_a_captured_empty_inventory_lists_no_tags():
    reply = proto.decode_frame(frame("D6 00 07 FE 00 00 05 00 C97B"))
    assert proto.parse_inventory(proto.checked(reply, proto.Command.INVENTORY)).uids == ()


def test_captured_write_acknowledgements_name_the_tag():
    afi = proto.decode_frame(frame("D6 00 0C 09 00 E00401003123AA26 6A44"))
    assert proto.parse_uid(proto.checked(afi, proto.Command.WRITE_AFI)) == TAG_1
    blocks = proto.decode_frame(frame("D6 00 0D 04 00 E00401003123AA26 06 DFD0"))
    assert proto.checked(blocks, proto.Command.WRITE_BLOCKS) == TAG_1 + bytes([6])


def test_a_read_reply_gives_one_byte_block_numbers_and_lock_bytes_then_four_data_bytes():
    # The layout of Biblio-RFID's captured read reply (3m-810.pl), with our own CRC.
    body = bytes([0]) + TAG_1 + frame("03 00 00 04110001 01 00 31323334 02 01 35363738")
    uid, blocks = proto.parse_blocks(proto.checked(proto.Frame(0x02, body), 0x02))
    assert uid == TAG_1
    assert [(b.number, b.lock_status, b.data) for b in blocks] == [
        (0, 0, frame("04110001")),
        (1, 0, b"1234"),
        (2, 1, b"5678"),
    ]


def test_no_transponder_is_a_named_error_that_drivers_treat_as_a_tag_not_answering():
    reply = proto.decode_frame(proto.reply(0x0A, 0x06, TAG_1))
    with pytest.raises(TagNotAnswering, match="no transponder"):
        proto.checked(reply, proto.Command.GET_AFI)


def test_other_statuses_are_named_errors_with_their_code():
    with pytest.raises(StatusError, match=r"memory not written \(0x16\)") as raised:
        proto.checked(proto.decode_frame(proto.reply(0x04, 0x16, TAG_1)), 0x04)
    assert raised.value.code == 0x16
    with pytest.raises(MemoryLocked):
        proto.checked(proto.decode_frame(proto.reply(0x04, 0x12, TAG_1)), 0x04)


def test_a_reply_with_a_wrong_crc_is_corrupt():
    with pytest.raises(CorruptFrame, match="CRC"):
        proto.decode_frame(frame("D6 00 0C 09 00 E00401003123AA26 6A45"))


def test_a_reply_to_another_command_is_not_taken_for_this_one():
    with pytest.raises(CorruptFrame):
        proto.checked(proto.decode_frame(frame("D6 00 07 FE 00 00 05 00 C97B")), 0x0A)


@pytest.mark.parametrize("cut", range(1, 15))
def test_a_reply_split_anywhere_is_cut_whole_once_the_rest_arrives(cut):
    whole = frame("D6 00 0F FE 00 00 05 01 E00401003123AA26 941A")
    splitter = proto.FrameSplitter()
    splitter.feed(whole[:cut])
    assert splitter.pop() is None
    assert splitter.missing() >= 1
    splitter.feed(whole[cut:])
    assert splitter.pop() == whole
    assert splitter.pop() is None


def test_the_splitter_asks_for_the_body_once_it_has_the_length():
    splitter = proto.FrameSplitter()
    splitter.feed(frame("D6 00 0F"))
    assert splitter.missing() == 15


def test_line_noise_before_a_frame_is_skipped_and_two_frames_in_one_read_are_both_cut():
    splitter = proto.FrameSplitter()
    empty = frame("D6 00 07 FE 00 00 05 00 C97B")
    splitter.feed(b"\x00\xff" + empty + empty)
    assert splitter.pop() == empty
    assert splitter.pop() == empty


def test_a_reply_longer_than_255_bytes_is_cut_by_its_two_byte_length():
    # Biblio-RFID read only the low length byte; 64 blocks of 6 bytes need both.
    blocks = [proto.Block(n, 0, bytes([n]) * 4) for n in range(64)]
    whole = proto.reply(proto.Command.READ_BLOCKS, 0, proto.blocks_body(TAG_1, blocks))
    assert whole[1:3] == (len(whole) - 3).to_bytes(2, "big") and len(whole) > 255 + 3
    splitter = proto.FrameSplitter()
    splitter.feed(whole[:3])
    assert splitter.missing() == len(whole) - 3
    splitter.feed(whole[3:])
    uid, parsed = proto.parse_blocks(proto.checked(proto.decode_frame(splitter.pop()), 0x02))
    assert uid == TAG_1
    assert [block.data for block in parsed] == [block.data for block in blocks]


def test_an_inventory_whose_count_and_uids_disagree_is_corrupt():
    # Biblio-RFID's check used "=!" (an assignment) and never fired.
    with pytest.raises(CorruptFrame, match="says 2 tags"):
        proto.parse_inventory(bytes([0, 5, 2]) + TAG_1)
