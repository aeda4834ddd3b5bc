"""The CRC catalogue's check values, and frames and tags whose CRCs were checked by others."""

from rfid_sip2.rfid.crc import crc16_genibus, crc16_ibm_3740, crc16_mcrf4xx


def test_each_crc_gives_its_catalogue_check_value():
    assert crc16_ibm_3740(b"123456789") == 0x29B1
    assert crc16_genibus(b"123456789") == 0xD64E
    assert crc16_mcrf4xx(b"123456789") == 0x6F91


def test_the_danish_data_model_reference_string():
    # libdanrfid's reference: CRC("RFID tag data model") = 0x1AEE.
    assert crc16_ibm_3740(b"RFID tag data model") == 0x1AEE


def test_3m_reader_frames_carry_genibus_over_length_to_last_parameter():
    # Frames captured from a 3M 810 by Biblio-RFID, and the Model 210 spec's own example.
    assert crc16_genibus(bytes.fromhex("0005040011")) == 0x8C66
    assert crc16_genibus(bytes.fromhex("00090400110A050002")) == 0x7250
    assert crc16_genibus(bytes.fromhex("000903000200000003")) == 0x12E6


def test_rl866_frames_carry_mcrf4xx_sent_low_byte_first():
    # Lainuri's captured RL866 frame FA 05 FF C0 | 42 39: CRC over LEN..INF, LSB first.
    assert crc16_mcrf4xx(bytes.fromhex("05FFC0")).to_bytes(2, "little") == bytes.fromhex("4239")
