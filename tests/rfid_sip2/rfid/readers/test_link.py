"""The serial link: one frame per exchange from partial reads, timeouts, the port reset."""

from __future__ import annotations

import time

import pytest
import serial

from rfid_sip2.rfid.readers import feig_protocol as feig
from rfid_sip2.rfid.readers import threem_protocol as proto
from rfid_sip2.rfid.readers.base import ReaderUnavailable
from rfid_sip2.rfid.readers.link import FEIG_LINE, THREE_M_LINE, SerialLink

REPLY = bytes.fromhex("D6000FFE00000501E00401003123AA26941A")  # captured, one tag


class TricklingPort:
    """A port that hands out its reply a few bytes per read, or nothing at all."""

    def __init__(self, replies: list[bytes], piece: int = 2) -> None:
        self.replies, self.piece = replies, piece
        self.pending = b""
        self.written: list[bytes] = []
        self.written_at: list[float] = []
        self.closed = False

    def reset_input_buffer(self) -> None:
        self.pending = b""

    def write(self, data: bytes) -> int:
        self.written.append(data)
        self.written_at.append(time.monotonic())
        self.pending = self.replies.pop(0) if self.replies else b""
        return len(data)

    def read(self, size: int) -> bytes:
        taken = self.pending[: min(size, self.piece)]
        self.pending = self.pending[len(taken) :]
        return taken

    def close(self) -> None:
        self.closed = True


class Opener:
    def __init__(self, *ports) -> None:
        self.ports, self.opened = list(ports), 0

    def __call__(self, url, settings, timeout):
        self.opened += 1
        if not self.ports:
            raise serial.SerialException(f"could not open port {url}")
        return self.ports.pop(0)


def link(opener: Opener, reset_after: int = 2) -> SerialLink:
    return SerialLink(
        "/dev/ttyUSB0",
        THREE_M_LINE,
        proto.FrameSplitter(),
        proto.decode_frame,
        timeout=0.05,
        reset_after=reset_after,
        opener=opener,
    )


def test_a_reply_arriving_two_bytes_at_a_time_is_read_as_one_frame():
    port = TricklingPort([REPLY])
    answered = link(Opener(port)).exchange(proto.inventory_request())
    assert answered == proto.Frame(0xFE, bytes.fromhex("00000501E00401003123AA26"))
    assert port.written == [proto.inventory_request()]


def test_a_corrupt_reply_is_asked_again():
    corrupt = REPLY[:-1] + b"\x00"
    port = TricklingPort([corrupt, REPLY])
    assert link(Opener(port)).exchange(proto.inventory_request()).command == 0xFE
    assert len(port.written) == 2


def test_silence_resets_the_port_after_repeated_failures_and_the_new_port_answers():
    silent, fresh = TricklingPort([]), TricklingPort([REPLY])
    opener = Opener(silent, fresh)
    assert link(opener, reset_after=2).exchange(proto.inventory_request()).command == 0xFE
    assert (len(silent.written), silent.closed, opener.opened) == (2, True, 2)


def test_silence_after_the_reset_is_reader_unavailable():
    opener = Opener(TricklingPort([]), TricklingPort([]))
    with pytest.raises(ReaderUnavailable, match="does not answer, even after a port reset"):
        link(opener).exchange(proto.inventory_request())


def test_a_port_that_cannot_be_reopened_is_reader_unavailable():
    with pytest.raises(ReaderUnavailable, match="cannot open"):
        link(Opener(TricklingPort([]))).exchange(proto.inventory_request())


def test_a_loop_url_opens_by_pyserial_and_echoes_the_request_as_a_frame():
    # loop:// echoes what is written: a 3M request comes back as a well-formed frame.
    echo = SerialLink("loop://", THREE_M_LINE, proto.FrameSplitter(), proto.decode_frame, 0.1)
    try:
        assert echo.exchange(proto.get_afi_request(bytes(8))) == proto.Frame(0x0A, bytes(8))
    finally:
        echo.close()


def test_a_feig_request_waits_for_the_quiet_gap_after_the_last_reply():
    reply = feig.reply(0)
    port = TricklingPort([reply, reply], piece=100)
    feig_link = SerialLink(
        "/dev/ttyUSB0", FEIG_LINE, feig.FrameSplitter(), feig.decode_frame, 0.05, 2, Opener(port)
    )
    feig_link.exchange(feig.inventory_request())
    feig_link.exchange(feig.inventory_request())
    assert port.written_at[1] - port.written_at[0] >= FEIG_LINE.request_gap


def test_line_settings_are_the_protocols_own():
    assert (THREE_M_LINE.baudrate, THREE_M_LINE.parity) == (19200, serial.PARITY_NONE)
    assert (FEIG_LINE.baudrate, FEIG_LINE.parity, FEIG_LINE.bytesize) == (
        38400,
        serial.PARITY_EVEN,
        8,
    )
