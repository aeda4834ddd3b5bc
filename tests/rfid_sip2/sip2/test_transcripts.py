"""Real wire lines (tests/rfid_sip2/sip2/transcripts.py) decode as their sources say they should."""

from __future__ import annotations

from datetime import datetime

import pytest

from rfid_sip2.sip2.codec import DEFAULT, CodecOptions, Decoded, decode
from rfid_sip2.sip2.errors import ChecksumMismatch, DecodeError, MalformedMessage
from rfid_sip2.sip2.fields import PatronStatus
from rfid_sip2.sip2.messages import (
    MESSAGE_TYPES,
    ACSStatus,
    CheckinRequest,
    CheckinResponse,
    CheckoutRequest,
    FeePaidRequest,
    HoldRequest,
    ItemInformationResponse,
    PatronInformationRequest,
    PatronInformationResponse,
    PatronStatusRequest,
    SCStatus,
)
from tests.rfid_sip2.sip2.transcripts import BY_NUMBER, LINES, SESSION, Line

STRICT = CodecOptions(strict=True)


def lines(status: str) -> list[Line]:
    return [line for line in LINES if line.status == status]


def label(line: Line) -> str:
    return f"[{line.number:03d}]"


def decoded(wire: bytes, options: CodecOptions = DEFAULT) -> Decoded:
    result = decode(wire, options)
    assert isinstance(result, Decoded), result
    return result


def test_the_copied_lines_cover_every_status() -> None:
    assert len(LINES) == 76
    assert {line.status for line in LINES} == {"AZ-OK", "AZ-BAD", "no-AZ"}
    assert len(lines("AZ-BAD")) == 15


@pytest.mark.parametrize("line", lines("AZ-OK"), ids=label)
def test_lines_with_a_good_checksum_decode_with_their_sequence_number(line: Line) -> None:
    result = decoded(line.wire)
    assert type(result.message) is MESSAGE_TYPES[line.wire[:2].decode()]
    assert result.checksum == line.wire[-4:].decode()
    if line.wire[:2] in (b"96", b"97"):
        assert result.sequence_number is None
    else:
        assert line.wire[-9:-7] == b"AY"
        assert result.sequence_number == int(line.wire[-7:-6])


@pytest.mark.parametrize("line", lines("AZ-BAD"), ids=label)
def test_lines_with_a_bad_checksum_are_refused_naming_the_right_one(line: Line) -> None:
    for options in (CodecOptions(), STRICT):
        result = decode(line.wire, options)
        assert isinstance(result, ChecksumMismatch)
        assert result.reason == (
            f"checksum {line.wire[-4:].decode()} does not match (expected {line.expected})"
        )
        assert result.command == line.wire[:2].decode()
        assert result.sequence_number == int(line.wire[-7:-6])


@pytest.mark.parametrize("line", lines("no-AZ"), ids=label)
def test_lines_without_error_detection_decode(line: Line) -> None:
    result = decoded(line.wire)
    assert type(result.message) is MESSAGE_TYPES[line.wire[:2].decode()]
    assert result.checksum is None and result.sequence_number is None


@pytest.mark.parametrize("line", LINES, ids=label)
@pytest.mark.parametrize("encoding", ["utf-8", "cp850", "latin-1"])
@pytest.mark.parametrize("strict", [False, True])
def test_nothing_raises(line: Line, encoding: str, strict: bool) -> None:
    for wire in (line.wire, line.wire + b"\r\n", line.wire[: len(line.wire) // 2]):
        result = decode(wire, CodecOptions(encoding=encoding, strict=strict))
        assert isinstance(result, Decoded | DecodeError)


# -- fields, for a sample of lines --------------------------------------------------------


def test_001_the_3m_guide_example_is_an_sc_status() -> None:
    result = decoded(BY_NUMBER[1].wire, STRICT)
    assert result.message == SCStatus(
        status_code="0", max_print_width=" 40", protocol_version="2.00"
    )
    assert (result.sequence_number, result.checksum) == (1, "FCB4")


def test_005_a_patron_status_request_without_error_detection() -> None:
    assert decoded(BY_NUMBER[5].wire, STRICT).message == PatronStatusRequest(
        language="001",
        transaction_date=datetime(2006, 1, 1, 8, 42, 35),
        institution_id="UWOLS",
        patron_identifier="djfiander",
        terminal_password="terminal password",
        patron_password="user password",
    )


def test_015_a_hold_with_an_expiration_date() -> None:
    assert decoded(BY_NUMBER[15].wire, STRICT).message == HoldRequest(
        hold_mode="+",
        transaction_date=datetime(2006, 4, 15, 11, 1, 58),
        expiration_date=datetime(2006, 8, 15, 11, 1, 58),
        pickup_location="Taylor",
        hold_type="2",
        institution_id="UWOLS",
        patron_identifier="djfiander",
        item_identifier="1565921879",
    )


def test_020_an_nfd_title_keeps_its_combining_accent() -> None:
    result = decoded(BY_NUMBER[20].wire, STRICT)
    message = result.message
    assert isinstance(message, ItemInformationResponse)
    assert message.title_identifier == "Le Pie\u0300ge de Bogota"  # e + combining grave
    assert (message.circulation_status, message.security_marker, message.fee_type) == (
        "04",
        "02",
        "01",
    )
    assert message.due_date == "2011-10-28 23:59:59"
    assert message.media_type == "001"
    assert (message.owner, message.permanent_location, message.current_location) == (
        "OSUL",
        "OSUL",
        "OSUL",
    )
    assert message.extra_fields == (("CS", "PB LP DAL"),)
    assert (result.sequence_number, result.checksum) == (7, "DCF8")


def test_126_a_checkin_response_with_every_optional_field() -> None:
    assert decoded(BY_NUMBER[126].wire, STRICT).message == CheckinResponse(
        ok=True,
        resensitize=True,
        magnetic_media=False,
        alert=False,
        transaction_date=datetime(1998, 8, 21, 8, 57, 21),
        institution_id="Certification Institute ID",
        item_identifier="CheckInBook",
        permanent_location="Permanent Location for CheckinBook, Language 1",
        title_identifier="Title For CheckinBook",
        patron_identifier="GoodPatron1",
        media_type="001",
        item_properties="CheckinBook Properties",
        sort_bin="sort bin A1",
        screen_messages=("Screen Message for CheckInBook",),
        print_lines=("Print Line for CheckInBook",),
    )


def test_133_a_patron_information_request_pages_through_holds() -> None:
    assert decoded(BY_NUMBER[133].wire, STRICT).message == PatronInformationRequest(
        language="001",
        transaction_date=datetime(1998, 7, 23, 9, 19, 5),
        summary="Y         ",
        institution_id="InstitutionID",
        patron_identifier="PatronID",
        start_item="00001",
        end_item="00005",
    )


def test_137_a_checkout_with_an_nb_due_date() -> None:
    message = decoded(BY_NUMBER[137].wire, STRICT).message
    assert isinstance(message, CheckoutRequest)
    assert (message.sc_renewal_policy, message.no_block) == (True, False)
    assert message.nb_due_date == datetime(1996, 2, 12, 10, 5, 14)
    assert message.item_identifier == "000000000005792"
    assert message.terminal_password == ""


def test_139_a_fee_paid() -> None:
    assert decoded(BY_NUMBER[139].wire, STRICT).message == FeePaidRequest(
        transaction_date=datetime(1998, 7, 23, 9, 32, 11),
        fee_type="04",
        payment_type="01",
        currency_type="USD",
        fee_amount="111.11",
        institution_id="Certification Institute ID",
        patron_identifier="PatronID",
        transaction_id="TransactionID",
    )


def test_147_an_acs_status_with_version_2_0e() -> None:
    message = decoded(BY_NUMBER[147].wire, STRICT).message
    assert isinstance(message, ACSStatus)
    assert message.protocol_version == "2.0E"
    assert (message.timeout_period, message.retries_allowed) == ("020", "003")
    assert message.supported_messages == "YYYYYYYYYYYNNNNN"
    assert message.terminal_location == ""


def test_150_a_long_patron_information_response() -> None:
    message = decoded(BY_NUMBER[150].wire, STRICT).message
    assert isinstance(message, PatronInformationResponse)
    assert message.patron_status == PatronStatus()
    assert message.charged_items_count == 54
    assert message.charged_items == tuple(f"3952900000{n:04d}" for n in range(54))
    assert (message.personal_name, message.valid_patron) == ("Leading Zero, Checksum", True)
    assert message.screen_messages == ("xxxxxxxxx",)


# -- what real devices send that the spec does not allow ----------------------------------

# The line with the checksum the transcript gives as right: [049] as printed has a wrong one.
STRAY_DELIMITER = BY_NUMBER[49].wire.replace(b"AZEC96", b"AZDD92")
# node-sip2's test strings end in CRLF.
CRLF = BY_NUMBER[129].wire + b"\r\n"

TOLERATED = [
    pytest.param(BY_NUMBER[7].wire, "nb_due_date: blank date taken as none", id="[007] blank"),
    pytest.param(BY_NUMBER[17].wire, "nb_due_date: blank date taken as none", id="[017] blank"),
    pytest.param(BY_NUMBER[138].wire, "return_date: blank date taken as none", id="[138] blank"),
    pytest.param(BY_NUMBER[48].wire, "field AD has no delimiter", id="[048] no final |"),
    pytest.param(BY_NUMBER[146].wire, "stray delimiter after the fixed part", id="[146] 2.0E|"),
    pytest.param(BY_NUMBER[130].wire, "SC status read leniently: '990401.00|'", id="[130] 40"),
    pytest.param(STRAY_DELIMITER, "stray delimiter after the fixed part", id="[049] stray |"),
    pytest.param(CRLF, "line feed around the frame taken as part", id="[129] CRLF"),
]


@pytest.mark.parametrize(("wire", "warning"), TOLERATED)
def test_tolerated_lines_decode_with_a_warning(wire: bytes, warning: str) -> None:
    result = decoded(wire)
    assert any(note.startswith(warning) for note in result.warnings), result.warnings


@pytest.mark.parametrize(("wire", "warning"), TOLERATED)
def test_tolerated_lines_are_refused_in_strict_mode(wire: bytes, warning: str) -> None:
    assert isinstance(decode(wire, STRICT), MalformedMessage)


def test_the_tolerated_values_are_the_ones_meant() -> None:
    checkout = decoded(BY_NUMBER[7].wire).message
    assert isinstance(checkout, CheckoutRequest)
    assert checkout.nb_due_date is None
    assert checkout.item_identifier == "1565921879"
    checkin = decoded(BY_NUMBER[138].wire).message
    assert isinstance(checkin, CheckinRequest)
    assert (checkin.return_date, checkin.cancel) == (None, False)
    patron = decoded(BY_NUMBER[48].wire).message
    assert isinstance(patron, PatronStatusRequest)
    assert patron.patron_password == "patron_pwd"
    assert decoded(BY_NUMBER[146].wire).message == SCStatus(
        status_code="0", max_print_width="030", protocol_version="2.0E"
    )
    assert decoded(BY_NUMBER[130].wire).message == SCStatus(
        status_code="0", max_print_width="40", protocol_version="1.00"
    )
    fee = decoded(STRAY_DELIMITER).message
    assert isinstance(fee, FeePaidRequest)
    assert (fee.currency_type, fee.fee_amount, fee.fee_identifier) == (
        "EUR",
        "2.50",
        "fee_identifier",
    )
    assert decoded(CRLF).message == decoded(BY_NUMBER[129].wire, STRICT).message


def test_a_crlf_account_takes_the_line_feed_as_its_terminator() -> None:
    assert decoded(CRLF, CodecOptions(terminator=b"\r\n", strict=True)).warnings == ()


# -- the recorded session -----------------------------------------------------------------


def test_the_recorded_session_decodes_and_each_answer_echoes_its_request_ay() -> None:
    requests = [decoded(wire, STRICT) for side, wire in SESSION if side == "SC"]
    answers = [decoded(wire, STRICT) for side, wire in SESSION if side == "ACS"]
    assert [r.message.CODE for r in requests] == ["93", "99", "63", "11", "09", "17"]
    assert [a.message.CODE for a in answers] == ["94", "98", "64", "12", "10", "18"]
    assert [r.sequence_number for r in requests] == [0, 1, 2, 3, 4, 5]
    assert [a.sequence_number for a in answers] == [0, 1, 2, 3, 4, 5]
