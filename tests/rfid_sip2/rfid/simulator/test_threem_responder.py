"""The simulated 3M reader answers captured requests with the bytes the real reader sent
(frames from dpavlin/Biblio-RFID scripts/3m-810.pl)."""

from rfid_sip2.rfid.readers import threem_protocol as proto
from rfid_sip2.rfid.simulator.field import TagField
from rfid_sip2.rfid.simulator.threem_responder import ThreeMResponder

TAG_1 = "E00401003123AA26"
CARD = "E0040100017C0C38"


def frame(text: str) -> bytes:
    return bytes.fromhex(text.replace(" ", ""))


def responder(*uids: str) -> ThreeMResponder:
    field = TagField()
    for uid in uids:
        field.place(uid, bytes(32))
    return ThreeMResponder(field)


def test_the_captured_scan_of_an_empty_pad_gets_the_captured_answer():
    assert responder().receive(frame("D6 00 05 FE 00 05 FA 40")) == frame(
        "D6 00 07 FE 00 00 05 00 C97B"
    )


def test_the_captured_scan_gets_the_captured_answer_for_one_tag_and_for_two():
    scan = frame("D6 00 05 FE 00 05 FA 40")
    assert responder(TAG_1).receive(scan) == frame("D6 00 0F FE 00 00 05 01 E00401003123AA26 941A")
    assert responder(TAG_1, CARD).receive(scan) == frame(
        "D6 00 17 FE 00 00 05 02 E00401003123AA26 E0040100017C0C38 CADB"
    )


def test_the_captured_afi_and_block_writes_get_the_captured_acknowledgements():
    simulated = responder(TAG_1)
    assert simulated.receive(frame("D6 00 0C 09 E00401003123AA26 D7 3AF0")) == frame(
        "D6 00 0C 09 00 E00401003123AA26 6A44"
    )
    assert simulated.field.tag(TAG_1).afi == 0xD7
    blank = frame("D6 00 26 04 E00401003123AA26 00 06 00" + "55" * 24 + "A98B")
    assert simulated.receive(blank) == frame("D6 00 0D 04 00 E00401003123AA26 06 DFD0")
    assert simulated.field.tag(TAG_1).memory[:24] == bytes([0x55]) * 24


def test_a_request_in_pieces_is_answered_once_whole():
    simulated = responder(TAG_1)
    scan = frame("D6 00 05 FE 00 05 FA 40")
    assert simulated.receive(scan[:3]) == b""
    assert simulated.receive(scan[3:]) != b""


def test_a_garbled_request_gets_no_answer():
    assert responder(TAG_1).receive(frame("D6 00 05 FE 00 05 FA 41")) == b""


def test_a_tag_not_on_the_pad_is_answered_no_transponder_with_its_uid():
    reply = responder().receive(proto.get_afi_request(bytes.fromhex(TAG_1)))
    assert reply[:5] == frame("D6 00 0C 0A 06") and reply[5:13] == bytes.fromhex(TAG_1)


def test_an_unknown_command_is_answered_not_implemented():
    reply = proto.decode_frame(responder().receive(proto.encode_frame(0x14, b"\x00")))
    assert reply == proto.Frame(0x14, bytes([proto.Status.NOT_IMPLEMENTED]))
