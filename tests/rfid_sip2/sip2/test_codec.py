"""The codec field by field: what goes on the wire, what comes back, and what is tolerated."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from rfid_sip2.sip2.codec import DEFAULT, CodecOptions, Decoded, decode, encode
from rfid_sip2.sip2.errors import (
    ChecksumMismatch,
    FieldTooLong,
    MalformedMessage,
    NotText,
    UnknownCommand,
)
from rfid_sip2.sip2.fields import PatronStatus
from rfid_sip2.sip2.messages import (
    ACSStatus,
    CheckinRequest,
    CheckoutRequest,
    CheckoutResponse,
    HoldRequest,
    ItemInformationResponse,
    LoginRequest,
    PatronInformationResponse,
    PatronStatusRequest,
    RenewAllResponse,
    RequestACSResend,
    RequestSCResend,
    SCStatus,
)

STRICT = CodecOptions(strict=True)
WHEN = datetime(2025, 8, 25, 14, 30)


def decoded(frame: bytes, options: CodecOptions = DEFAULT) -> Decoded:
    result = decode(frame, options)
    assert isinstance(result, Decoded), result
    return result


# -- repeated fields ----------------------------------------------------------------------


def test_repeated_fields_come_back_as_tuples_in_wire_order() -> None:
    counts = b"0000" + b"0000" + b"0003" + b"0000" * 3  # hold, overdue, charged, fine...
    frame = (
        b"64" + b"Y".ljust(14) + b"001" + b"20250825    143000" + counts + b"AOMAIN|AA2352|"
        b"AEAda Lovelace|AUbook 1|ASheld 1|AUbook 2|AFPlease|AFsee the desk|AUbook 3|"
    )
    message = decoded(frame, STRICT).message
    assert isinstance(message, PatronInformationResponse)
    assert message.charged_items == ("book 1", "book 2", "book 3")
    assert message.hold_items == ("held 1",)
    assert message.screen_messages == ("Please", "see the desk")
    assert message.overdue_items == ()
    assert message.patron_status == PatronStatus(charge_privileges_denied=True)
    assert message.charged_items_count == 3


def test_repeated_fields_are_written_one_field_per_value() -> None:
    message = RenewAllResponse(
        ok=True,
        renewed_count=2,
        unrenewed_count=1,
        transaction_date=WHEN,
        institution_id="MAIN",
        renewed_items=("a", "b"),
        unrenewed_items=("c: on hold",),
        screen_messages=("Two renewed",),
    )
    assert encode(message) == (
        b"66100020001" + b"20250825    143000" + b"AOMAIN|BMa|BMb|BNc: on hold|AFTwo renewed|\r"
    )


def test_a_field_that_may_not_repeat_keeps_its_first_value() -> None:
    result = decoded(b"9300CNfirst|COpw|CNsecond|")
    assert result.message == LoginRequest(login_user_id="first", login_password="pw")
    assert result.warnings == ("field CN repeated; the first is kept",)


# -- unknown field codes ------------------------------------------------------------------


def test_unknown_field_codes_are_kept_in_order_and_written_back() -> None:
    frame = b"1720250825    143000ZZfirst|AOMAIN|ABitem 1|PBsecond|ZZthird|"
    message = decoded(frame, STRICT).message
    assert message.extra_fields == (("ZZ", "first"), ("PB", "second"), ("ZZ", "third"))
    # Known fields in the spec's order first, then the unknown ones as they came.
    again = encode(message)
    assert again == b"1720250825    143000AOMAIN|ABitem 1|ZZfirst|PBsecond|ZZthird|\r"
    assert decoded(again[:-1], STRICT).message == message


def test_a_field_code_unknown_to_one_message_is_kept_even_if_another_knows_it() -> None:
    # CS (call number) is an Evergreen extension; AA is 3M but not part of a 17.
    message = decoded(b"1720250825    143000AOMAIN|ABi|AAp|CSPB LP|").message
    assert message.extra_fields == (("AA", "p"), ("CS", "PB LP"))


# -- values the wire cannot carry ---------------------------------------------------------


def test_the_delimiter_and_control_characters_in_values_become_blanks() -> None:
    message = CheckoutResponse(
        ok=True,
        transaction_date=WHEN,
        institution_id="MA|N",
        patron_identifier="p",
        item_identifier="i\r1",
        title_identifier="Title\nwith a line\x00feed",
        due_date="tomorrow",
        screen_messages=("a|b",),
        extra_fields=(("ZZ", "x|y\r"),),
    )
    frame = encode(message)
    assert frame.count(b"\r") == 1 and b"\n" not in frame and b"\x00" not in frame
    assert frame == (
        b"121NUU20250825    143000AOMA N|AAp|ABi 1|AJTitle with a line feed|AHtomorrow|"
        b"AFa b|ZZx y |\r"
    )
    back = decoded(frame[:-1], STRICT).message
    assert back.institution_id == "MA N"
    assert back.screen_messages == ("a b",)


def test_del_becomes_a_blank_and_other_unprintable_letters_are_kept() -> None:
    # Not printable for str.isprintable, yet no control character: the wire carries them as sent.
    message = LoginRequest(login_user_id="a\x7fb", login_password="no\xa0break\u2028line")
    frame = encode(message)
    assert frame == "9300CNa b|COno\xa0break\u2028line|\r".encode()
    assert decoded(frame[:-1]).message == LoginRequest(
        login_user_id="a b", login_password="no\xa0break\u2028line"
    )


def test_a_field_cut_to_one_letter_takes_the_next_delimiter_into_its_code() -> None:
    message = decoded(b"9300CNkiosk|X|COsecret|").message
    assert message.login_user_id == "kiosk"
    assert message.login_password == ""
    assert message.extra_fields == (("X|", "COsecret"),)


def test_fixed_text_is_padded_or_cut_to_its_length() -> None:
    status = SCStatus(status_code="0", max_print_width="40", protocol_version="2.00.1")
    assert encode(status) == b"99040 2.00\r"


def test_another_delimiter_makes_the_bar_ordinary_data() -> None:
    options = CodecOptions(delimiter="^")
    message = LoginRequest(login_user_id="a|b", login_password="c^d")
    frame = encode(message, options=options)
    assert frame == b"9300CNa|b^COc d^\r"
    assert decoded(frame, options).message == LoginRequest(
        login_user_id="a|b", login_password="c d"
    )


# -- per-account character sets -----------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "wire"),
    [("utf-8", b"\xc3\x89mile Zola"), ("cp850", b"\x90mile Zola"), ("latin-1", b"\xc9mile Zola")],
)
def test_each_account_reads_and_writes_its_own_character_set(encoding: str, wire: bytes) -> None:
    options = CodecOptions(encoding=encoding, strict=True)
    frame = b"1720250825    143000AOMAIN|AB" + wire + b"|"
    message = decoded(frame, options).message
    assert message.item_identifier == "Émile Zola"
    assert encode(message, options=options) == frame + b"\r"


def test_bytes_the_account_cannot_decode_are_replaced_and_noted() -> None:
    # A cp850 device on an account set to UTF-8: 0x82 is "é" in cp850, not UTF-8.
    frame = b"1720250825    143000AOMAIN|ABm\x82lodie|"
    result = decoded(frame)
    assert result.message.item_identifier == "m\ufffdlodie"
    assert result.warnings == ("bytes that are not utf-8 replaced",)
    refused = decode(frame, STRICT)
    assert isinstance(refused, NotText)
    assert refused.command == "17"


def test_what_the_account_cannot_encode_is_written_as_a_question_mark() -> None:
    message = LoginRequest(login_user_id="Анна", login_password="pw")
    assert encode(message, options=CodecOptions(encoding="latin-1")) == b"9300CN????|COpw|\r"


# -- lengths ------------------------------------------------------------------------------


def test_a_field_over_255_characters_is_noted_or_refused_in_strict_mode() -> None:
    frame = b"9300CN" + b"u" * 256 + b"|COpw|"
    result = decoded(frame)
    assert result.message.login_user_id == "u" * 256
    assert result.warnings == ("field CN is longer than 255 characters",)
    refused = decode(frame, STRICT)
    assert isinstance(refused, FieldTooLong)
    assert "CN" in refused.reason
    assert isinstance(decode(b"9300CN" + b"u" * 255 + b"|COpw|", STRICT), Decoded)


def test_fixed_length_identified_fields_must_have_their_length_in_strict_mode() -> None:
    frame = b"11NN20250825    14300020250908    143000AOMAIN|AAp|ABi|AC|BOYES|"
    assert decoded(frame).message.fee_acknowledged is True
    assert isinstance(decode(frame, STRICT), MalformedMessage)


def test_a_fixed_part_that_is_too_short_is_malformed() -> None:
    result = decode(b"2300020250825")
    assert isinstance(result, MalformedMessage)
    assert "fixed part" in result.reason


# -- required fields ----------------------------------------------------------------------


def test_missing_required_fields_are_noted_or_refused_in_strict_mode() -> None:
    frame = b"2300020250825    143000AOMAIN|AA2352|"
    result = decoded(frame)
    assert result.message.terminal_password == ""
    assert result.warnings == ("required fields missing: AC, AD",)
    refused = decode(frame, STRICT)
    assert isinstance(refused, MalformedMessage)
    assert refused.reason == "required fields missing: AC, AD"


def test_required_fields_are_written_even_when_empty() -> None:
    # The spec: the terminal password AC is required in 23; a library without one sends "AC|".
    message = PatronStatusRequest(transaction_date=WHEN, institution_id="MAIN")
    assert encode(message) == b"2300020250825    143000AOMAIN|AA|AC|AD|\r"


def test_optional_fields_that_are_none_are_left_out() -> None:
    message = CheckoutRequest(transaction_date=WHEN, nb_due_date=WHEN, patron_identifier="p")
    assert encode(message) == (b"11NN20250825    14300020250825    143000AO|AAp|AB|AC|\r")


# -- flags, counts, patron status ---------------------------------------------------------


def test_flags_and_counts_as_the_spec_writes_them() -> None:
    status = b" Y  x  N".ljust(14)  # Y and x set, N and blanks clear
    counts = b"0002" + b"    " + b"0010" + b"abcd" + b"0000" + b"0000"
    frame = b"64" + status + b"001" + b"20250825    143000" + counts + b"AOM|AAp|AEn|BLy|CQN|"
    message = decoded(frame).message
    assert message.patron_status == PatronStatus(
        renewal_privileges_denied=True, card_reported_lost=True
    )
    assert message.hold_items_count == 2
    assert message.overdue_items_count is None  # four blanks: unknown
    assert message.charged_items_count == 10
    assert message.fine_items_count is None  # unreadable, noted below
    assert message.valid_patron is True  # lower case accepted
    assert message.valid_patron_password is False


def test_unreadable_flags_and_counts_are_noted_or_refused() -> None:
    frame = b"94X"
    result = decoded(frame)
    assert result.message.ok is False
    assert result.warnings == ("ok: unexpected 'X' read as no",)
    assert isinstance(decode(frame, STRICT), MalformedMessage)
    counts = b"0002" + b"    " + b"0010" + b"abcd" + b"0000" + b"0000"
    count = b"64" + b" " * 14 + b"001" + b"20250825    143000" + counts + b"AOM|AAp|AEn|"
    assert decoded(count).warnings == ("fine_items_count: unreadable count 'abcd' taken as none",)
    assert isinstance(decode(count, STRICT), MalformedMessage)


def test_magnetic_media_and_desensitize_take_u_for_unknown() -> None:
    message = decoded(b"121YUN20250825    143000AOM|AAp|ABi|AJt|AH|").message
    assert (message.magnetic_media, message.desensitize) == (None, False)
    assert encode(message).startswith(b"121YUN")


# -- dates --------------------------------------------------------------------------------


def test_local_time_is_written_with_four_blanks_and_read_as_naive() -> None:
    message = CheckinRequest(transaction_date=WHEN, return_date=datetime(2025, 1, 2, 3, 4, 5))
    frame = encode(message)
    assert frame.startswith(b"09N20250825    14300020250102    030405")
    back = decoded(frame[:-1], STRICT).message
    assert back.return_date == datetime(2025, 1, 2, 3, 4, 5)
    assert back.return_date.tzinfo is None


def test_universal_time_is_written_with_a_z_and_read_as_utc() -> None:
    paris = timezone(timedelta(hours=2))
    message = CheckinRequest(
        transaction_date=datetime(2025, 8, 25, 16, 30, tzinfo=paris),
        return_date=datetime(2025, 8, 25, 14, 30, tzinfo=UTC),
    )
    frame = encode(message)
    assert frame.startswith(b"09N20250825   Z14300020250825   Z143000")
    back = decoded(frame[:-1], STRICT).message
    assert back.transaction_date == back.return_date == datetime(2025, 8, 25, 14, 30, tzinfo=UTC)
    assert back.transaction_date.tzinfo is UTC


def test_other_zone_letters_keep_the_time_as_sent() -> None:
    # The spec's example: Q for Atlantic Standard Time; not worth a table of zones.
    message = decoded(b"1720250825   Q143000AOM|ABi|", STRICT).message
    assert message.transaction_date == datetime(2025, 8, 25, 14, 30)


def test_years_before_1000_keep_four_digits() -> None:
    message = CheckinRequest(transaction_date=datetime(999, 1, 2, 3, 4, 5), return_date=WHEN)
    frame = encode(message)
    assert frame.startswith(b"09N09990102    030405")
    assert decoded(frame[:-1], STRICT).message == message


def test_eighteen_blanks_mean_no_date_and_are_noted_or_refused_in_strict_mode() -> None:
    # Devices send 18 blanks for an unused nb due date; the spec says fixed fields are never blank.
    frame = b"11YN20250825    143000                  AOMAIN|AAp|ABi|AC|"
    result = decoded(frame)
    assert result.message.nb_due_date is None
    assert result.warnings == ("nb_due_date: blank date taken as none",)
    refused = decode(frame, STRICT)
    assert isinstance(refused, MalformedMessage)
    assert "blank date" in refused.reason


def test_no_date_is_written_as_eighteen_blanks() -> None:
    frame = encode(CheckoutRequest(transaction_date=WHEN))
    assert frame.startswith(b"11NN20250825    143000" + b" " * 18 + b"AO|")


def test_a_blank_identified_date_is_noted_too() -> None:
    frame = b"15+20250825    143000BW" + b" " * 18 + b"|AOM|AAp|"
    result = decoded(frame)
    assert result.message.expiration_date is None
    assert result.warnings == ("BW: blank date taken as none",)
    assert isinstance(decode(frame, STRICT), MalformedMessage)
    dated = decoded(b"15+20250825    143000BW20251231    235959|AOM|AAp|", STRICT).message
    assert dated == HoldRequest(
        transaction_date=WHEN,
        expiration_date=datetime(2025, 12, 31, 23, 59, 59),
        institution_id="M",
        patron_identifier="p",
    )


def test_eighteen_zeros_in_an_acs_status_mean_no_clock_sync() -> None:
    # The spec: date / time sync 000000000000000000 = the ACS does not support it.
    frame = b"98YYYYNN030003" + b"0" * 18 + b"2.00AOMAIN|BXYYYYYYYYYYYYYYYY|"
    result = decoded(frame, STRICT)
    assert result.message.date_time_sync is None
    assert result.warnings == ()


def test_an_unreadable_date_is_noted_or_refused() -> None:
    frame = b"1720251325    143000AOM|ABi|"  # month 13
    result = decoded(frame)
    assert result.message.transaction_date is None
    assert result.warnings == (
        "transaction_date: unreadable date '20251325    143000' taken as none",
    )
    assert isinstance(decode(frame, STRICT), MalformedMessage)


def test_the_due_date_of_a_checkout_is_free_text() -> None:
    # AH is "any format the ACS wishes": Evergreen writes 2011-10-28 23:59:59.
    message = decoded(b"121NNY20250825    143000AOM|AAp|ABi|AJt|AH2011-10-28 23:59:59|").message
    assert message.due_date == "2011-10-28 23:59:59"


# -- resend messages, trailers ------------------------------------------------------------


def test_resend_requests_carry_a_checksum_but_no_sequence_number() -> None:
    for message, frame in ((RequestACSResend(), b"97AZFEF5\r"), (RequestSCResend(), b"96AZFEF6\r")):
        assert encode(message, sequence_number=7, error_detection=True) == frame
        result = decoded(frame[:-1])
        assert result.message == message
        assert result.sequence_number is None and result.checksum == frame[4:8].decode()
        assert encode(message) == frame[:2] + b"\r"


def test_the_trailer_is_found_from_the_end_not_in_the_data() -> None:
    message = ItemInformationResponse(
        transaction_date=WHEN, item_identifier="AY1AZ0000", title_identifier="HAZY DAYS AY"
    )
    frame = encode(message, sequence_number=4, error_detection=True)
    result = decoded(frame[:-1], STRICT)
    assert result.message == message
    assert result.sequence_number == 4


def test_a_checksum_with_its_leading_zeros_dropped_is_a_mismatch() -> None:
    # A checksum below 0x1000, as PyPI Sip2 1.1 and invenio-sip2 write it: "CAC" for "0CAC".
    frame = b"9300CN" + b"\xfe" * 240 + b"|COpw|AY1AZ"
    latin1 = CodecOptions(encoding="latin-1")
    assert decode(frame + b"CAC", latin1) == ChecksumMismatch(
        "checksum CAC does not match (expected 0CAC)", "93", 1
    )
    assert isinstance(decode(frame + b"0CAC", latin1), Decoded)


def test_a_frame_may_arrive_with_its_terminator() -> None:
    assert decoded(b"9300CNu|COp|\r", STRICT).message == LoginRequest(
        login_user_id="u", login_password="p"
    )


def test_a_line_feed_is_part_of_the_terminator_only_where_the_account_says_so() -> None:
    frame = b"9300CNu|COp|\r\n"
    assert decoded(frame).warnings == (
        "line feed around the frame taken as part of the terminator",
    )
    assert isinstance(decode(frame, STRICT), MalformedMessage)
    crlf = CodecOptions(terminator=b"\r\n", strict=True)
    assert decoded(frame, crlf).warnings == ()
    assert encode(LoginRequest(login_user_id="u", login_password="p"), options=crlf) == frame


# -- what is not a message ----------------------------------------------------------------


@pytest.mark.parametrize("frame", [b"XX0123", b"", b"9", b"\xff\xfe01"])
def test_unknown_commands_are_reported_as_such(frame: bytes) -> None:
    assert isinstance(decode(frame), UnknownCommand)


def test_a_nul_byte_makes_a_frame_malformed() -> None:
    assert decode(b"9300CNu\x00|COp|") == MalformedMessage("NUL byte in frame", "93")


def test_a_field_code_cut_short_is_malformed() -> None:
    assert isinstance(decode(b"9300CNu|C"), MalformedMessage)


# -- the 99 of real devices ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("frame", "width", "version"),
    [
        (b"990401.00|", "40", "1.00"),  # node-sip2: a 2-character width
        (b"990401.00", "40", "1.00"),
        (b"9900302.0E|", "030", "2.0E"),  # a real ACS log: version 2.0E
        (b"9900002.00|", "000", "2.00"),  # jsip2: an extra delimiter
    ],
)
def test_odd_sc_status_layouts_are_read_leniently(frame: bytes, width: str, version: str) -> None:
    result = decoded(frame)
    assert result.message == SCStatus(
        status_code="0", max_print_width=width, protocol_version=version
    )
    assert result.warnings
    assert isinstance(decode(frame, STRICT), MalformedMessage)


def test_a_standard_sc_status_keeps_its_vendor_fields() -> None:
    # The lenient reader is for odd fixed parts only: here the last value looks like a version.
    result = decoded(b"9900802.00XYv1.00|")
    assert result.warnings == ()
    assert result.message == SCStatus(
        status_code="0",
        max_print_width="080",
        protocol_version="2.00",
        extra_fields=(("XY", "v1.00"),),
    )


def test_an_acs_status_says_which_messages_it_supports() -> None:
    message = ACSStatus(
        date_time_sync=WHEN, institution_id="MAIN", supported_messages="YYYYYYYYYYYYYYYY"
    )
    frame = encode(message)
    assert frame == b"98YYYYNN030003" + b"20250825    143000" + b"2.00AOMAIN|BXYYYYYYYYYYYYYYYY|\r"
    assert decoded(frame[:-1], STRICT).message == message
