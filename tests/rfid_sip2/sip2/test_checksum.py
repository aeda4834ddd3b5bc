"""The AZ checksum: the two's complement of the 16-bit sum of the encoded bytes, 4 hex digits."""

from __future__ import annotations

import pytest

from rfid_sip2.sip2.checksum import checksum, verify
from rfid_sip2.sip2.codec import CodecOptions, Decoded, decode, encode
from rfid_sip2.sip2.errors import ChecksumMismatch
from rfid_sip2.sip2.messages import (
    LoginRequest,
    LoginResponse,
    PatronInformationResponse,
    RequestACSResend,
    RequestSCResend,
)
from tests.rfid_sip2.sip2.transcripts import BY_NUMBER


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        # messages.md §2, worked example (= jsip2 SIP2LoginRequestTest, = pysip2.encode_message)
        (b"9300CNuser|COpasswd|CPlocation|AY0AZ", "F2FB"),
        # messages.md §2, Evergreen t/0001_checksum.t: "page 26 of the 3M SIP2 Developers Guide"
        (b"990 402.00AY1AZ", "FCB4"),
        (b"97AZ", "FEF5"),
        (b"96AZ", "FEF6"),
        (b"941AY0AZ", "FDFD"),
    ],
)
def test_the_worked_examples_of_the_reference(prefix: bytes, expected: str) -> None:
    assert checksum(prefix) == expected
    assert verify(prefix, expected)


def test_the_sum_runs_up_to_and_including_the_az_identifier() -> None:
    prefix = b"9300CNuser|COpasswd|CPlocation|AY0AZ"
    assert sum(prefix) == 3333 == 0x0D05
    assert (sum(prefix) + int(checksum(prefix), 16)) & 0xFFFF == 0


def test_the_encoder_appends_the_same_checksums() -> None:
    login = LoginRequest(login_user_id="user", login_password="passwd", location_code="location")
    assert (
        encode(login, sequence_number=0, error_detection=True)
        == b"9300CNuser|COpasswd|CPlocation|AY0AZF2FB\r"
    )
    assert encode(RequestACSResend(), error_detection=True) == b"97AZFEF5\r"
    assert encode(RequestSCResend(), error_detection=True) == b"96AZFEF6\r"
    assert encode(LoginResponse(ok=True), sequence_number=0, error_detection=True) == (
        b"941AY0AZFDFD\r"
    )


def test_a_small_checksum_keeps_its_leading_zero() -> None:
    # transcripts [150]: a 1054-byte 64 whose byte sum wraps, so the checksum is below 0x1000.
    line = BY_NUMBER[150]
    assert line.wire.endswith(b"AZ0FD8")
    assert checksum(line.wire[:-4]) == "0FD8"
    decoded = decode(line.wire)
    assert isinstance(decoded, Decoded)
    assert decoded.checksum == "0FD8"
    assert isinstance(decoded.message, PatronInformationResponse)
    assert decoded.sequence_number == 7


def test_a_checksum_of_zero_is_four_zeros() -> None:
    # 257 x 0xFF + 0x01 sums to exactly 0x10000: php-sip2 would print "   0" here.
    prefix = b"\xff" * 257 + b"\x01"
    assert checksum(prefix) == "0000"
    assert verify(prefix, "0000")


def test_lower_case_hex_is_accepted() -> None:
    assert verify(b"9300CNuser|COpasswd|CPlocation|AY0AZ", "f2fb")
    decoded = decode(b"9300CNuser|COpasswd|CPlocation|AY0AZf2fb")
    assert isinstance(decoded, Decoded)
    assert decoded.message == LoginRequest(
        login_user_id="user", login_password="passwd", location_code="location"
    )


def test_leading_zeros_may_not_be_dropped() -> None:
    # PyPI Sip2 1.1 and invenio-sip2 format with "X" and would send FD8 for 0FD8.
    prefix = BY_NUMBER[150].wire[:-4]
    assert not verify(prefix, "FD8")
    assert not verify(prefix, "0fd8 ")
    assert not verify(prefix, "xyzw")


def test_the_sum_is_over_the_encoded_bytes() -> None:
    # "é" is C3 A9 in UTF-8 and 82 in cp850: one message, two checksums, each right for its
    # account's encoding; the checksum is checked over the bytes, before any decoding.
    message = LoginRequest(login_user_id="élodie", login_password="pw")
    utf8 = encode(message, sequence_number=1, error_detection=True)
    cp850 = encode(
        message, sequence_number=1, error_detection=True, options=CodecOptions(encoding="cp850")
    )
    assert b"\xc3\xa9lodie" in utf8
    assert b"\x82lodie" in cp850
    assert utf8[-5:-1] != cp850[-5:-1]
    assert checksum(utf8[:-5]) == utf8[-5:-1].decode()
    assert checksum(cp850[:-5]) == cp850[-5:-1].decode()
    for frame, encoding in ((utf8, "utf-8"), (cp850, "cp850")):
        decoded = decode(frame[:-1], CodecOptions(encoding=encoding, strict=True))
        assert isinstance(decoded, Decoded)
        assert decoded.message == message


def test_a_checksum_over_code_points_instead_of_bytes_does_not_verify() -> None:
    # transcripts [143]: a real ACS that summed Unicode code points ("ċ" is one code point but
    # two UTF-8 bytes); over the bytes the checksum should be E58D.
    line = BY_NUMBER[143]
    text = line.wire.decode("utf-8")
    assert checksum(text[:-4].encode("utf-8")) == "E58D"
    assert f"{-sum(map(ord, text[:-4])) & 0xFFFF:04X}" == "E5D1" == text[-4:]
    result = decode(line.wire)
    assert isinstance(result, ChecksumMismatch)
    assert "expected E58D" in result.reason
