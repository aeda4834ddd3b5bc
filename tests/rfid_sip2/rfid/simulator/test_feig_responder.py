"""The simulated Feig reader, sans-IO: pages of tags with "more data", blocks most significant
byte first, ISO errors after status 0x95, and silence on a corrupt frame."""

from rfid_sip2.rfid.readers import feig_protocol as proto
from rfid_sip2.rfid.simulator.feig_responder import FeigResponder
from rfid_sip2.rfid.simulator.field import Answering, TagField

UID = bytes.fromhex("E004010012345678")


def uid(number: int) -> bytes:
    return bytes.fromhex("E0040100") + number.to_bytes(4, "big")


def answer(responder: FeigResponder, request: bytes) -> proto.Frame:
    return proto.decode_frame(responder.receive(request))


def test_an_inventory_longer_than_a_page_says_more_data_until_the_last_page():
    field = TagField()
    for number in range(5):
        field.place(uid(number))
    responder = FeigResponder(field, Answering(page_size=2))

    statuses, uids = [], []
    request = proto.inventory_request()
    for _ in range(3):
        reply = answer(responder, request)
        statuses.append(reply.data[0])
        uids += [entry.uid for entry in proto.parse_inventory(reply.data[1:])]
        request = proto.inventory_request(more=True)

    assert statuses == [0x94, 0x94, 0x00]
    assert uids == [uid(number) for number in range(5)]


def test_an_empty_field_answers_no_transponder():
    assert answer(FeigResponder(TagField()), proto.inventory_request()).data == b"\x01"


def test_blocks_go_out_most_significant_byte_first_with_their_lock_status():
    field = TagField()
    field.place(UID, b"ABCDEFGH", locked={1})
    reply = answer(FeigResponder(field), proto.read_blocks_request(UID, 0, 2))
    assert reply.data == b"\x00" + proto.blocks_data(4, [b"DCBA", b"HGFE"], [False, True])


def test_a_write_to_a_locked_block_is_iso_error_0x12_after_status_0x95():
    field = TagField()
    field.place(UID, bytes(8), locked={0})
    reply = answer(FeigResponder(field), proto.write_blocks_request(UID, 0, 4, b"abcd"))
    assert reply.data == bytes([0x95, 0x12])


def test_system_information_gives_the_afi_and_memory_size():
    field = TagField()
    field.place(UID, bytes(112), afi=0xC2, dsfid=0x06)
    reply = answer(FeigResponder(field), proto.system_info_request(UID))
    info = proto.parse_system_info(reply.data[1:])
    assert (info.afi, info.dsfid, info.block_size, info.block_count) == (0xC2, 0x06, 4, 28)


def test_a_corrupt_frame_gets_no_reply_and_the_next_one_is_answered():
    responder = FeigResponder(TagField())
    good = proto.inventory_request()
    assert responder.receive(good[:-1] + bytes([good[-1] ^ 0xFF])) == b""
    assert responder.receive(good) != b""


def test_an_unknown_sub_command_is_answered_unknown_command():
    request = proto.encode_frame(proto.ISO_HOST, bytes([0x22, 0x01]) + UID)
    assert answer(FeigResponder(TagField()), request).data == b"\x80"
