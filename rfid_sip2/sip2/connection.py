"""SIP2 connections as state machines, one for each side, with the spec's error handling.

``AcsConnection`` is the server's side: one request at a time (later ones wait for the answer),
login first when required, 96 for a bad checksum, the previous response again for 97 (even when
it was a 96), the last response again for a duplicate (same AY and AZ) without running the
transaction twice, and answers ending in CR or CRLF as the device's frames do.
``ScConnection`` is the device's side: sequence numbers, retransmission on timeouts, 97 after a
bad checksum, and giving up at the retry limit.
Neither does I/O or keeps time: callers feed bytes and report timeouts.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache

from rfid_sip2.sip2.codec import DEFAULT, CodecOptions, Decoded, decode, encode
from rfid_sip2.sip2.errors import (
    ChecksumMismatch,
    DecodeError,
    FrameTooLong,
    UnknownCommand,
)
from rfid_sip2.sip2.framing import DEFAULT_MAX_FRAME, Frame, FrameBuffer
from rfid_sip2.sip2.messages import (
    LoginRequest,
    LoginResponse,
    Message,
    RequestACSResend,
    RequestSCResend,
    SCStatus,
)


class ErrorDetection(StrEnum):
    """Whether responses carry AY/AZ: always, never, or as the device's request did."""

    ON = "on"
    OFF = "off"
    AUTO = "auto"


# -- events -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MessageReceived:
    """A request to act on; answer it with ``AcsConnection.respond``."""

    message: Message
    sequence_number: int | None = None
    warnings: tuple[str, ...] = ()
    # AZ, when the frame had error detection: it tells this frame from others, not the message.
    checksum: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Reply:
    """Bytes the protocol itself answers with (96, a replayed response); send them as they are."""

    data: bytes
    reason: str


@dataclass(frozen=True)
class Ignored:
    """Nothing to answer (an unknown command, as the spec says)."""

    reason: str


@dataclass(frozen=True)
class LoginRequired:
    """A request before a successful login where one is required: close the connection."""

    message: Message


@dataclass(frozen=True)
class Malformed:
    """A frame that is not a usable request; answered with 96, and counted by the caller."""

    error: DecodeError | FrameTooLong
    reply: bytes


@dataclass(frozen=True)
class ResponseReceived:
    """The device side got the answer to its request."""

    message: Message
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Failed:
    """The device side gives up: retries exhausted, or 96 in answer to 97."""

    reason: str


Event = MessageReceived | Reply | Ignored | LoginRequired | Malformed
ScEvent = ResponseReceived | Reply | Ignored | Failed


# -- server side --------------------------------------------------------------------------


class NothingToAnswer(RuntimeError):
    """``respond`` was called with no request waiting for an answer: a bug in the caller."""


# What was last sent, kept to send it again for a 97: the message, its sequence number, whether it
# had AY/AZ, and its bytes. A plain tuple: one is made per answer.
_Sent = tuple[Message, int | None, bool, bytes]


@lru_cache(maxsize=32)
def _ending_with(options: CodecOptions, terminator: bytes) -> CodecOptions:
    return replace(options, terminator=terminator)


@dataclass
class AcsConnection:
    """The ACS (server) side of one SIP2 connection, one request at a time, like h11.

    ``receive_data`` buffers bytes; ``next_event`` hands out what they hold, in order. After a
    ``MessageReceived`` it hands out nothing more until ``respond`` answered that request, so a
    device that sends several requests at once gets each answer, with its own AY, in order.
    """

    options: CodecOptions = DEFAULT
    error_detection: ErrorDetection = ErrorDetection.AUTO
    follow_terminator: bool = True  # answer with CR or CRLF as the device ends its frames
    login_required: bool = True
    status_before_login: bool = False  # some kiosks send 99 first (Evergreen allows it)
    max_frame: int = DEFAULT_MAX_FRAME
    logged_in: bool = False
    _frames: FrameBuffer = field(init=False)
    _pending: deque[Frame | FrameTooLong] = field(default_factory=deque, init=False)
    _crlf: bool | None = field(default=None, init=False)  # as the device ends its frames
    _answering: tuple[int | None, bool] | None = field(default=None, init=False)
    _last_response: bytes | None = field(default=None, init=False)  # for duplicates
    _last_sent: _Sent | None = field(default=None, init=False)  # a response or a 96, for 97
    _last_request: tuple[int | None, str | None] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self._frames = FrameBuffer(self.max_frame)

    def receive_data(self, data: bytes) -> None:
        """Bytes from the device; ``next_event`` hands out what they hold."""
        self._pending.extend(self._frames.feed(data))

    def next_event(self) -> Event | None:
        """The next frame's event; None when more bytes are needed or a request awaits
        ``respond``."""
        if self._answering is not None or not self._pending:
            return None
        frame = self._pending.popleft()
        if isinstance(frame, FrameTooLong):
            return Malformed(frame, self._resend_request(self._checksums_for(False)))
        data, crlf = frame
        if crlf is not None:
            self._crlf = crlf
        return self._one(data)

    def _send(self, message: Message, sequence: int | None, checksum: bool) -> bytes:
        """The bytes of ``message``, remembered as the last thing sent (a 97 asks for it)."""
        options = self.options
        if self.follow_terminator and self._crlf is not None:
            terminator = b"\r\n" if self._crlf else b"\r"
            if terminator != options.terminator:
                options = _ending_with(options, terminator)
        data = encode(message, sequence_number=sequence, error_detection=checksum, options=options)
        self._last_sent = (message, sequence, checksum, data)
        return data

    def _resend_request(self, with_checksum: bool) -> bytes:
        """A 96; the spec answers a 97 after it with it again."""
        return self._send(RequestSCResend(), None, with_checksum)

    def _one(self, frame: bytes) -> Event:
        decoded = decode(frame, self.options)
        if isinstance(decoded, UnknownCommand):
            return Ignored(decoded.reason)
        if isinstance(decoded, DecodeError):
            with_checksum = isinstance(decoded, ChecksumMismatch) or self._checksums_for(False)
            reply = self._resend_request(with_checksum)
            if isinstance(decoded, ChecksumMismatch):
                return Reply(reply, decoded.reason)
            return Malformed(decoded, reply)
        return self._decoded(decoded)

    def _decoded(self, decoded: Decoded) -> Event:
        message, has_checksum = decoded.message, decoded.checksum is not None
        if isinstance(message, RequestACSResend):
            if self._last_sent is None:
                return Reply(self._resend_request(has_checksum), "97 before any response")
            return Reply(self._again(self._last_sent, has_checksum), "97: previous response again")
        key = (decoded.sequence_number, decoded.checksum)
        if has_checksum and key == self._last_request and self._last_response is not None:
            return Reply(self._last_response, "duplicate request: last response again")
        if self._needs_login(message):
            return LoginRequired(message)
        self._last_request = key if has_checksum else None
        self._answering = (decoded.sequence_number, has_checksum)
        return MessageReceived(message, decoded.sequence_number, decoded.warnings, decoded.checksum)

    def _again(self, sent: _Sent, request_had_checksum: bool) -> bytes:
        """What was sent, for a 97: byte for byte, or with AY/AZ added or taken off as the 97
        has them (Koha turns error detection on and off with each request, 97 too)."""
        checksum = self._checksums_for(request_had_checksum)
        message, sequence, had_checksum, data = sent
        if checksum == had_checksum:
            return data
        return self._send(message, sequence, checksum)

    def _needs_login(self, message: Message) -> bool:
        if not self.login_required or self.logged_in or isinstance(message, LoginRequest):
            return False
        return not (self.status_before_login and isinstance(message, SCStatus))

    def _checksums_for(self, request_had_checksum: bool) -> bool:
        if self.error_detection is ErrorDetection.AUTO:
            return request_had_checksum
        return self.error_detection is ErrorDetection.ON

    def respond(self, message: Message) -> bytes:
        """The bytes answering the request ``next_event`` handed out; remembered for 97 and
        duplicates. After it, ``next_event`` goes on with what the device sent next."""
        if self._answering is None:
            raise NothingToAnswer(f"no request is waiting for {message.CODE}")
        (sequence, had_checksum), self._answering = self._answering, None
        if isinstance(message, RequestSCResend):
            # Not an answer: the device will send the same request again, and it must then be
            # taken as new, not replayed the previous request's response as a duplicate.
            self._last_request = None
            return self._resend_request(self._checksums_for(had_checksum))
        data = self._send(message, sequence, self._checksums_for(had_checksum))
        if isinstance(message, LoginResponse):
            self.logged_in = message.ok
        self._last_response = data
        return data


# -- device side --------------------------------------------------------------------------


@dataclass
class ScConnection:
    """The SC (device or gateway-as-client) side: one request at a time, per the spec."""

    options: CodecOptions = DEFAULT
    error_detection: bool = True
    retry_limit: int = 3
    max_frame: int = DEFAULT_MAX_FRAME
    _frames: FrameBuffer = field(init=False)
    _sequence: int = field(default=-1, init=False)
    _request: bytes | None = field(default=None, init=False)
    _last_sent_resend: bool = field(default=False, init=False)
    _tries: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        self._frames = FrameBuffer(self.max_frame)

    def request(self, message: Message) -> bytes:
        """The bytes of a new request (the next sequence number)."""
        self._sequence = (self._sequence + 1) % 10
        self._request = encode(
            message,
            sequence_number=self._sequence,
            error_detection=self.error_detection,
            options=self.options,
        )
        self._tries, self._last_sent_resend = 0, False
        return self._request

    def timed_out(self) -> Reply | Failed:
        """No answer in time: send the request again, or give up at the limit."""
        if self._request is None:
            return Failed("nothing was sent")
        self._tries += 1
        if self._tries > self.retry_limit:
            return Failed(f"no answer after {self.retry_limit} retries")
        self._last_sent_resend = False
        return Reply(self._request, "timeout: request sent again")

    def receive_data(self, data: bytes) -> list[ScEvent]:
        return [self._one(frame) for frame in self._frames.feed(data)]

    def _one(self, frame: Frame | FrameTooLong) -> ScEvent:
        if isinstance(frame, FrameTooLong):
            return self._ask_again(frame.reason)
        decoded = decode(frame[0], self.options)
        if isinstance(decoded, ChecksumMismatch):
            return self._ask_again(decoded.reason)
        if isinstance(decoded, DecodeError):
            return Ignored(decoded.reason)
        if isinstance(decoded.message, RequestSCResend):
            if self._last_sent_resend:
                return Failed("the ACS asked for a resend in answer to our 97")
            return self._retry(self._request or b"", "ACS asked for a resend")
        if (
            self.error_detection
            and decoded.sequence_number is not None
            and decoded.sequence_number != self._sequence
        ):
            return Ignored(f"response for sequence {decoded.sequence_number}, not ours")
        self._request = None
        return ResponseReceived(decoded.message, decoded.warnings)

    def _ask_again(self, reason: str) -> Reply | Failed:
        resend = encode(
            RequestACSResend(), error_detection=self.error_detection, options=self.options
        )
        reply = self._retry(resend, f"{reason}: 97 sent")
        if isinstance(reply, Reply):
            self._last_sent_resend = True
        return reply

    def _retry(self, data: bytes, reason: str) -> Reply | Failed:
        self._tries += 1
        if self._tries > self.retry_limit:
            return Failed(f"{reason}; gave up after {self.retry_limit} retries")
        self._last_sent_resend = False
        return Reply(data, reason)
