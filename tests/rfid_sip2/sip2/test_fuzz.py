"""Whatever bytes arrive, nothing raises: the codec and the connections answer with values."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from rfid_sip2.sip2.codec import CodecOptions, Decoded, decode
from rfid_sip2.sip2.connection import (
    AcsConnection,
    ErrorDetection,
    Failed,
    Ignored,
    LoginRequired,
    Malformed,
    MessageReceived,
    Reply,
    ResponseReceived,
    ScConnection,
)
from rfid_sip2.sip2.errors import DecodeError, FrameTooLong
from rfid_sip2.sip2.framing import FrameBuffer
from rfid_sip2.sip2.messages import PatronStatusRequest, SCStatus
from tests.rfid_sip2.sip2.transcripts import LINES, SESSION

EXAMPLES = settings(max_examples=100, deadline=None)
WIRES = [line.wire for line in LINES] + [wire for _, wire in SESSION]
OPTIONS = st.builds(
    CodecOptions,
    encoding=st.sampled_from(["utf-8", "cp850", "latin-1"]),
    delimiter=st.sampled_from("|^"),
    terminator=st.sampled_from([b"\r", b"\r\n"]),
    strict=st.booleans(),
)


@st.composite
def mangled(draw: st.DrawFn) -> bytes:
    """A real wire line with a slice replaced by random bytes: near misses, not noise."""
    wire = draw(st.sampled_from(WIRES))
    start = draw(st.integers(0, len(wire)))
    end = draw(st.integers(start, len(wire)))
    return wire[:start] + draw(st.binary(max_size=12)) + wire[end:]


FRAMES = st.binary(max_size=300) | mangled()


@st.composite
def chunked(draw: st.DrawFn, data: bytes) -> list[bytes]:
    """``data`` cut at random places."""
    cuts = sorted(draw(st.lists(st.integers(0, len(data)), max_size=8)))
    edges = [0, *cuts, len(data)]
    return [data[a:b] for a, b in pairwise(edges)]


@EXAMPLES
@given(frame=FRAMES, options=OPTIONS)
def test_decode_returns_a_message_or_an_error_value(frame: bytes, options: CodecOptions) -> None:
    assert isinstance(decode(frame, options), Decoded | DecodeError)


@EXAMPLES
@given(chunks=st.lists(st.binary(max_size=120) | mangled(), max_size=8), limit=st.integers(8, 200))
def test_the_frame_buffer_never_holds_more_than_its_limit(chunks: list[bytes], limit: int) -> None:
    frames = FrameBuffer(limit)
    for chunk in chunks:
        for frame in frames.feed(chunk):
            if isinstance(frame, tuple):
                data, _crlf = frame
                assert 0 < len(data) <= limit and b"\r" not in data
            else:
                assert isinstance(frame, FrameTooLong) and frame.size > limit
        assert frames.pending <= limit


@EXAMPLES
@given(data=st.data(), size=st.integers(0, 300), limit=st.integers(8, 100))
def test_a_frame_over_the_limit_is_reported_once_as_too_long(
    data: st.DataObject, size: int, limit: int
) -> None:
    frame = b"9" * size
    frames = FrameBuffer(limit)
    out = []
    for chunk in data.draw(chunked(frame + b"\r" + b"99\r")):
        out += [
            piece if isinstance(piece, FrameTooLong) else piece[0] for piece in frames.feed(chunk)
        ]
    first = [frame] if 0 < size <= limit else [] if size == 0 else [FrameTooLong(size)]
    assert out == [*first, b"99"]


@EXAMPLES
@given(
    data=st.data(),
    frames=st.lists(st.sampled_from(WIRES), min_size=1, max_size=5),
    terminator=st.sampled_from([b"\r", b"\r\n"]),
)
def test_frames_split_anywhere_come_out_whole(
    data: st.DataObject, frames: list[bytes], terminator: bytes
) -> None:
    stream = b"".join(frame + terminator for frame in frames)
    whole = [frame for frame, _crlf in FrameBuffer().feed(stream)]
    split = FrameBuffer()
    pieces = [frame for chunk in data.draw(chunked(stream)) for frame, _crlf in split.feed(chunk)]
    assert pieces == whole == frames
    # The LF of a CRLF stays until the next frame comes, and goes with it.
    assert split.pending == len(terminator) - 1


@EXAMPLES
@given(
    chunks=st.lists(FRAMES.map(lambda frame: frame + b"\r") | st.binary(max_size=40), max_size=6),
    options=OPTIONS,
    mode=st.sampled_from(list(ErrorDetection)),
    login_required=st.booleans(),
)
def test_the_acs_side_turns_any_bytes_into_events(
    chunks: list[bytes], options: CodecOptions, mode: ErrorDetection, login_required: bool
) -> None:
    acs = AcsConnection(
        options=options, error_detection=mode, login_required=login_required, max_frame=256
    )
    kinds = MessageReceived | Reply | Ignored | LoginRequired | Malformed
    for chunk in chunks:
        acs.receive_data(chunk)
        while (event := acs.next_event()) is not None:
            assert isinstance(event, kinds)
            if isinstance(event, MessageReceived):
                # Whatever arrived can be answered, ending as the device's frames do.
                assert acs.respond(SCStatus()).endswith((b"\r", b"\r\n"))


@EXAMPLES
@given(
    chunks=st.lists(FRAMES.map(lambda frame: frame + b"\r") | st.binary(max_size=40), max_size=6),
    options=OPTIONS,
    error_detection=st.booleans(),
    timeouts=st.lists(st.booleans(), max_size=6),
)
def test_the_sc_side_turns_any_bytes_into_events(
    chunks: list[bytes], options: CodecOptions, error_detection: bool, timeouts: list[bool]
) -> None:
    sc = ScConnection(options=options, error_detection=error_detection, max_frame=256)
    sc.request(PatronStatusRequest())
    kinds = ResponseReceived | Reply | Ignored | Failed
    for chunk, timeout in zip(chunks, timeouts + [False] * len(chunks), strict=False):
        assert all(isinstance(event, kinds) for event in sc.receive_data(chunk))
        if timeout:
            assert isinstance(sc.timed_out(), Reply | Failed)
