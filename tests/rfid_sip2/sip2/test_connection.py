"""The two state machines: what the ACS and the SC do with each frame, by the spec's rules."""

from __future__ import annotations

from datetime import datetime

import pytest

from rfid_sip2.sip2.checksum import verify
from rfid_sip2.sip2.codec import CodecOptions, decode, encode
from rfid_sip2.sip2.connection import (
    AcsConnection,
    ErrorDetection,
    Event,
    Failed,
    Ignored,
    LoginRequired,
    Malformed,
    MessageReceived,
    NothingToAnswer,
    Reply,
    ResponseReceived,
    ScConnection,
)
from rfid_sip2.sip2.errors import FrameTooLong, MalformedMessage
from rfid_sip2.sip2.messages import (
    ACSStatus,
    LoginRequest,
    LoginResponse,
    Message,
    PatronStatusRequest,
    PatronStatusResponse,
    RequestACSResend,
    RequestSCResend,
    SCStatus,
)
from tests.rfid_sip2.sip2.transcripts import BY_NUMBER, SESSION

WHEN = datetime(2025, 8, 25, 14, 30)
LOGIN = LoginRequest(login_user_id="term1", login_password="secret", location_code="Desk1")
STATUS = SCStatus(max_print_width="080")
PATRON = PatronStatusRequest(transaction_date=WHEN, institution_id="MAIN", patron_identifier="p1")
ANSWER = PatronStatusResponse(
    transaction_date=WHEN, institution_id="MAIN", patron_identifier="p1", personal_name="Ada"
)


def wire(message: Message, sequence: int | None = None) -> bytes:
    """A request as a device sends it: with AY/AZ when given a sequence number."""
    return encode(message, sequence_number=sequence, error_detection=sequence is not None)


def events(acs: AcsConnection, data: bytes = b"") -> list[Event]:
    """What ``data`` brings, in order, as far as the connection goes without an answer."""
    acs.receive_data(data)
    out = []
    while (event := acs.next_event()) is not None:
        out.append(event)
    return out


def open_acs(**settings) -> AcsConnection:
    """An ACS connection on which the device has logged in."""
    acs = AcsConnection(**settings)
    assert events(acs, wire(LOGIN)) == [MessageReceived(LOGIN)]
    acs.respond(LoginResponse(ok=True))
    return acs


def corrupt(frame: bytes) -> bytes:
    """The frame with one byte of its data changed in transit, its terminator intact."""
    return frame[:3] + bytes([frame[3] ^ 0x01]) + frame[4:]


ANSWERS: dict[type[Message], Message] = {
    LoginRequest: LoginResponse(ok=True),
    SCStatus: ACSStatus(date_time_sync=WHEN, institution_id="MAIN"),
    PatronStatusRequest: ANSWER,
}


def serve(acs: AcsConnection, data: bytes) -> bytes:
    """What a small ACS sends back for ``data``: answers to requests, the protocol's replies."""
    out = b""
    acs.receive_data(data)
    while (event := acs.next_event()) is not None:
        if isinstance(event, MessageReceived):
            out += acs.respond(ANSWERS[type(event.message)])
        elif isinstance(event, Reply):
            out += event.data
        elif isinstance(event, Malformed):
            out += event.reply
    return out


# -- ACS: login -----------------------------------------------------------------------------


def test_a_request_before_login_is_refused_when_login_is_required() -> None:
    acs = AcsConnection()
    assert events(acs, wire(PATRON)) == [LoginRequired(PATRON)]
    assert not acs.logged_in


def test_an_sc_status_before_login_is_refused_too_unless_allowed() -> None:
    assert events(AcsConnection(), wire(STATUS)) == [LoginRequired(STATUS)]
    lenient = AcsConnection(status_before_login=True)
    assert events(lenient, wire(STATUS)) == [MessageReceived(STATUS)]
    lenient.respond(ANSWERS[SCStatus])
    assert events(lenient, wire(PATRON)) == [LoginRequired(PATRON)]


def test_an_accepted_login_lets_requests_through() -> None:
    acs = AcsConnection()
    assert events(acs, wire(LOGIN)) == [MessageReceived(LOGIN)]
    assert acs.respond(LoginResponse(ok=True)) == b"941\r"
    assert acs.logged_in
    assert events(acs, wire(PATRON)) == [MessageReceived(PATRON)]


def test_a_refused_login_leaves_the_connection_logged_out() -> None:
    acs = AcsConnection()
    events(acs, wire(LOGIN))
    assert acs.respond(LoginResponse(ok=False)) == b"940\r"
    assert not acs.logged_in
    assert events(acs, wire(PATRON)) == [LoginRequired(PATRON)]


def test_no_login_is_needed_where_the_account_does_not_require_one() -> None:
    acs = AcsConnection(login_required=False)
    assert events(acs, wire(PATRON)) == [MessageReceived(PATRON)]


# -- ACS: error detection -------------------------------------------------------------------


def test_in_auto_mode_responses_carry_ay_az_as_the_request_did() -> None:
    acs = open_acs()
    assert events(acs, wire(PATRON, sequence=3)) == [MessageReceived(PATRON, 3)]
    response = acs.respond(ANSWER)
    assert response[-10:-7] == b"AY3"
    assert verify(response[:-5], response[-5:-1].decode())
    assert events(acs, wire(PATRON)) == [MessageReceived(PATRON)]
    assert b"AY" not in acs.respond(ANSWER)


def test_error_detection_on_adds_ay_az_to_every_response() -> None:
    acs = open_acs(error_detection=ErrorDetection.ON)
    events(acs, wire(PATRON))
    response = acs.respond(ANSWER)
    assert response[-10:-7] == b"AY0"
    assert verify(response[:-5], response[-5:-1].decode())


def test_error_detection_off_leaves_it_out_even_when_the_request_had_it() -> None:
    acs = open_acs(error_detection=ErrorDetection.OFF)
    events(acs, wire(PATRON, sequence=5))
    assert acs.respond(ANSWER).endswith(b"AEAda|\r")


def test_a_bad_checksum_is_answered_with_96() -> None:
    acs = open_acs()
    [event] = events(acs, corrupt(wire(PATRON, sequence=1)))
    assert isinstance(event, Reply)
    assert event.data == b"96AZFEF6\r"
    assert "does not match (expected" in event.reason


def test_97_before_any_response_is_answered_with_96() -> None:
    assert events(AcsConnection(), b"97AZFEF5\r") == [
        Reply(b"96AZFEF6\r", "97 before any response")
    ]
    assert events(AcsConnection(), b"97\r") == [Reply(b"96\r", "97 before any response")]


def test_97_is_answered_with_the_previous_response_byte_for_byte() -> None:
    acs = open_acs()
    events(acs, wire(PATRON, sequence=2))
    response = acs.respond(ANSWER)
    assert events(acs, b"97AZFEF5\r") == [Reply(response, "97: previous response again")]


def test_97_after_a_96_gets_the_96_again() -> None:
    # The spec: re-transmit the previous response "even if it was a 96".
    acs = open_acs()
    events(acs, wire(PATRON, sequence=2))
    acs.respond(ANSWER)
    [resend] = events(acs, corrupt(wire(PATRON, sequence=3)))
    assert resend.data == b"96AZFEF6\r"
    assert events(acs, b"97AZFEF5\r") == [Reply(b"96AZFEF6\r", "97: previous response again")]


def test_a_97_with_a_checksum_after_a_login_without_one_gets_the_answer_with_ay_az() -> None:
    # Koha: a 97 with AZ turns error detection on (C4/SIP/Sip/MsgType.pm, handle).
    acs = AcsConnection()
    assert serve(acs, wire(LOGIN)) == b"941\r"
    assert events(acs, b"97AZFEF5\r") == [Reply(b"941AY0AZFDFD\r", "97: previous response again")]
    assert events(acs, b"97\r") == [Reply(b"941\r", "97: previous response again")]


def test_a_97_keeps_the_sequence_number_of_the_response_it_asks_for_again() -> None:
    acs = open_acs()
    events(acs, wire(PATRON, sequence=7))
    response = acs.respond(ANSWER)
    assert events(acs, b"97\r") == [Reply(encode(ANSWER), "97: previous response again")]
    assert events(acs, b"97AZFEF5\r") == [Reply(response, "97: previous response again")]


def test_a_duplicate_request_gets_the_last_response_without_a_new_transaction() -> None:
    acs = open_acs()
    request = wire(PATRON, sequence=4)
    assert events(acs, request) == [MessageReceived(PATRON, 4)]
    response = acs.respond(ANSWER)
    assert events(acs, request) == [Reply(response, "duplicate request: last response again")]
    # The next sequence number is a new request, though its fields are the same.
    assert events(acs, wire(PATRON, sequence=5)) == [MessageReceived(PATRON, 5)]


def test_without_error_detection_a_repeated_request_is_a_new_one() -> None:
    acs = open_acs()
    assert events(acs, wire(PATRON)) == [MessageReceived(PATRON)]
    acs.respond(ANSWER)
    assert events(acs, wire(PATRON)) == [MessageReceived(PATRON)]


# -- ACS: framing ---------------------------------------------------------------------------


def test_frames_sent_together_are_handed_out_one_request_at_a_time() -> None:
    acs = AcsConnection()
    sent = wire(LOGIN, 0) + wire(STATUS, 1) + b"XX\r" + b"97\r"
    assert events(acs, sent) == [MessageReceived(LOGIN, 0)]
    assert events(acs) == []  # nothing more until the login is answered
    acs.respond(LoginResponse(ok=True))
    # Logged in now: the 99 that came with the login is no request before login.
    assert events(acs) == [MessageReceived(STATUS, 1)]
    status = acs.respond(ANSWERS[SCStatus])
    assert events(acs) == [
        Ignored("unknown command 'XX'"),
        # This 97 has no AZ: the response again without the AY/AZ it had (as Koha does).
        Reply(encode(ANSWERS[SCStatus]), "97: previous response again"),
    ]
    assert status == encode(ANSWERS[SCStatus], sequence_number=1, error_detection=True)


def test_each_of_several_requests_sent_together_is_answered_with_its_own_sequence_number() -> None:
    sent = wire(LOGIN, 1) + wire(STATUS, 2) + wire(PATRON, 3) + b"97AZFEF5\r"
    expected = b"".join(
        encode(ANSWERS[type(request)], sequence_number=number, error_detection=True)
        for number, request in [(1, LOGIN), (2, STATUS), (3, PATRON), (3, PATRON)]
    )
    assert serve(AcsConnection(), sent) == expected
    for cut in range(len(sent) + 1):
        acs = AcsConnection()
        assert serve(acs, sent[:cut]) + serve(acs, sent[cut:]) == expected, cut
    acs = AcsConnection()
    assert b"".join(serve(acs, bytes([byte])) for byte in sent) == expected


def test_responding_with_no_request_waiting_is_refused() -> None:
    acs = open_acs()
    with pytest.raises(NothingToAnswer):
        acs.respond(ANSWER)
    events(acs, wire(PATRON, 1) + wire(PATRON, 2))
    acs.respond(ANSWER)
    with pytest.raises(NothingToAnswer):
        acs.respond(ANSWER)  # the second request is not handed out yet: nothing to answer


def test_a_request_sent_after_the_login_is_read_as_the_account_speaks() -> None:
    acs = AcsConnection()
    patron = PatronStatusRequest(transaction_date=WHEN, patron_identifier="Zoë")
    latin = CodecOptions(encoding="latin-1")
    assert events(acs, wire(LOGIN) + encode(patron, options=latin)) == [MessageReceived(LOGIN)]
    acs.options = latin  # what the gateway does once it knows the account
    acs.respond(LoginResponse(ok=True))
    assert events(acs) == [MessageReceived(patron)]


def test_a_frame_split_across_reads_waits_for_its_terminator() -> None:
    acs = AcsConnection()
    data = wire(LOGIN, 0)
    for byte in data[:-1]:
        assert events(acs, bytes([byte])) == []
    assert events(acs, data[-1:]) == [MessageReceived(LOGIN, 0)]


def test_crlf_devices_get_an_answer_to_every_frame() -> None:
    # pysip2 0.1.0 answers only the first frame of a CRLF device (transcripts probe).
    acs = AcsConnection(status_before_login=True)
    answer = encode(ANSWERS[SCStatus], options=CodecOptions(terminator=b"\r\n"))
    assert serve(acs, b"9900802.00\r\n9900802.00\r\n") == answer * 2


def test_answers_end_in_cr_or_crlf_as_the_devices_frames_do() -> None:
    cr, crlf = encode(LoginResponse(ok=True)), b"941\r\n"
    assert serve(AcsConnection(), wire(LOGIN) + b"\n") == crlf
    assert serve(AcsConnection(), wire(LOGIN) + wire(STATUS)[:1]) == cr
    # A device that changes its mind is followed.
    acs = AcsConnection(status_before_login=True)
    assert serve(acs, b"9900802.00\r\n9900802.00\r9") == (
        encode(ANSWERS[SCStatus], options=CodecOptions(terminator=b"\r\n"))
        + encode(ANSWERS[SCStatus])
    )


def test_a_crlf_cut_between_its_cr_and_lf_is_answered_with_cr_until_the_lf_comes() -> None:
    # The CR ends the frame; waiting for an LF that a CR device never sends would hang it.
    acs = AcsConnection(status_before_login=True)
    assert serve(acs, b"9900802.00\r") == encode(ANSWERS[SCStatus])
    assert serve(acs, b"\n9900802.00\r") == encode(
        ANSWERS[SCStatus], options=CodecOptions(terminator=b"\r\n")
    )


def test_a_fixed_terminator_is_kept_whatever_the_device_sends() -> None:
    crlf = CodecOptions(terminator=b"\r\n")
    assert serve(AcsConnection(options=crlf, follow_terminator=False), wire(LOGIN)) == b"941\r\n"
    cr = AcsConnection(follow_terminator=False)
    assert serve(cr, wire(LOGIN) + b"\n") == b"941\r"


def test_a_malformed_request_is_reported_with_a_96_to_send() -> None:
    acs = open_acs(options=CodecOptions(strict=True))
    [event] = events(acs, BY_NUMBER[48].wire + b"\r")  # no final delimiter
    assert event == Malformed(MalformedMessage("field AD has no delimiter", "23"), b"96\r")


def test_a_frame_over_the_size_limit_is_dropped_and_reported() -> None:
    acs = open_acs(max_frame=64)
    got = events(acs, b"23" + b"x" * 100)
    got += events(acs, b"yyy\r" + wire(PATRON))
    assert got == [Malformed(FrameTooLong(105), b"96\r"), MessageReceived(PATRON)]


def test_the_recorded_session_is_answered_byte_for_byte() -> None:
    # The pysip2 toy ACS's answers, decoded and re-encoded through our ACS side.
    acs = AcsConnection()
    for (_, request), (_, answer) in zip(SESSION[::2], SESSION[1::2], strict=True):
        [event] = events(acs, request + b"\r")
        assert isinstance(event, MessageReceived)
        result = decode(answer)
        assert acs.respond(result.message) == answer + b"\r"


# -- SC ---------------------------------------------------------------------------------------


def test_the_sc_numbers_its_requests_0_to_9_and_round_again() -> None:
    sc = ScConnection()
    sequences = [decode(sc.request(STATUS)[:-1]).sequence_number for _ in range(12)]
    assert sequences == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]
    assert ScConnection(error_detection=False).request(STATUS) == b"9900802.00\r"


def test_a_timeout_sends_the_same_bytes_again_up_to_the_retry_limit() -> None:
    sc = ScConnection(retry_limit=2)
    request = sc.request(PATRON)
    assert sc.timed_out() == Reply(request, "timeout: request sent again")
    assert sc.timed_out() == Reply(request, "timeout: request sent again")
    assert sc.timed_out() == Failed("no answer after 2 retries")


def test_a_timeout_with_nothing_sent_fails() -> None:
    assert ScConnection().timed_out() == Failed("nothing was sent")


def test_a_response_with_a_bad_checksum_is_answered_with_97() -> None:
    sc = ScConnection()
    sc.request(PATRON)
    good = encode(ANSWER, sequence_number=0, error_detection=True)
    [event] = sc.receive_data(corrupt(good))
    assert isinstance(event, Reply)
    assert event.data == b"97AZFEF5\r"
    assert sc.receive_data(good) == [ResponseReceived(ANSWER)]


def test_bad_checksums_past_the_retry_limit_fail() -> None:
    sc = ScConnection(retry_limit=2)
    sc.request(PATRON)
    bad = corrupt(encode(ANSWER, sequence_number=0, error_detection=True))
    events = sc.receive_data(bad * 3)
    assert [type(event) for event in events] == [Reply, Reply, Failed]


def test_96_is_answered_with_the_original_request() -> None:
    sc = ScConnection()
    request = sc.request(PATRON)
    assert sc.receive_data(b"96AZFEF6\r") == [Reply(request, "ACS asked for a resend")]


def test_96_in_answer_to_our_97_fails() -> None:
    sc = ScConnection()
    sc.request(PATRON)
    [resend] = sc.receive_data(corrupt(encode(ANSWER, sequence_number=0, error_detection=True)))
    assert resend.data == b"97AZFEF5\r"
    assert sc.receive_data(b"96AZFEF6\r") == [
        Failed("the ACS asked for a resend in answer to our 97")
    ]


def test_a_response_for_another_sequence_number_is_ignored() -> None:
    sc = ScConnection()
    sc.request(STATUS)
    sc.request(PATRON)  # sequence 1
    stale = encode(ANSWER, sequence_number=0, error_detection=True)
    assert sc.receive_data(stale) == [Ignored("response for sequence 0, not ours")]
    ours = encode(ANSWER, sequence_number=1, error_detection=True)
    assert sc.receive_data(ours) == [ResponseReceived(ANSWER)]


def test_a_response_without_ay_az_is_taken() -> None:
    # transcripts [145]: a real ACS answering a checksummed login without AY/AZ.
    sc = ScConnection()
    sc.request(LOGIN)
    assert sc.receive_data(BY_NUMBER[145].wire + b"\r") == [
        ResponseReceived(LoginResponse(ok=True))
    ]


# -- both sides -----------------------------------------------------------------------------


@pytest.mark.parametrize("mode", list(ErrorDetection))
def test_an_sc_and_an_acs_talk_through_noise(mode: ErrorDetection) -> None:
    sc, acs = ScConnection(), AcsConnection(error_detection=mode)
    assert sc.receive_data(serve(acs, sc.request(LOGIN))) == [
        ResponseReceived(LoginResponse(ok=True))
    ]
    assert acs.logged_in

    # A request damaged on the way: the ACS asks for it again, the SC sends it again.
    request = sc.request(PATRON)
    assert serve(acs, corrupt(request)) == b"96AZFEF6\r"
    [again] = sc.receive_data(b"96AZFEF6\r")
    assert again == Reply(request, "ACS asked for a resend")
    answer = serve(acs, again.data)
    if mode is ErrorDetection.OFF:
        assert sc.receive_data(answer) == [ResponseReceived(ANSWER)]
        return

    # An answer damaged on the way: the SC sends 97, the ACS sends the answer again.
    [ask] = sc.receive_data(corrupt(answer))
    assert ask.data == b"97AZFEF5\r"
    assert serve(acs, ask.data) == answer
    assert sc.receive_data(answer) == [ResponseReceived(ANSWER)]
    # The answer lost altogether: the SC times out and repeats itself; the ACS replays.
    request = sc.request(STATUS)
    first = serve(acs, request)
    assert serve(acs, sc.timed_out().data) == first
    assert sc.receive_data(first) == [ResponseReceived(decode(first[:-1]).message)]


def test_a_request_repeated_reaches_the_application_once() -> None:
    acs = open_acs()
    request = wire(PATRON, sequence=6)
    received = [e for e in events(acs, request) if isinstance(e, MessageReceived)]
    acs.respond(ANSWER)
    received += [e for e in events(acs, request * 3) if isinstance(e, MessageReceived)]
    assert received == [MessageReceived(PATRON, 6)]


def test_the_resend_messages_carry_no_sequence_number() -> None:
    assert decode(encode(RequestACSResend(), error_detection=True)[:-1]).sequence_number is None
    assert decode(encode(RequestSCResend(), error_detection=True)[:-1]).sequence_number is None


def test_asking_for_a_resend_leaves_the_request_unanswered() -> None:
    # When the ACS cannot answer (it sends 96), the device's identical retry is a new request,
    # not a duplicate to be given the previous request's response.
    acs = open_acs()
    events(acs, wire(PATRON, sequence=4))
    acs.respond(ANSWER)
    retried = wire(PATRON, sequence=5)
    events(acs, retried)
    assert acs.respond(RequestSCResend()) == b"96AZFEF6\r"
    assert events(acs, b"97AZFEF5\r") == [Reply(b"96AZFEF6\r", "97: previous response again")]
    assert events(acs, retried) == [MessageReceived(PATRON, 5)]
