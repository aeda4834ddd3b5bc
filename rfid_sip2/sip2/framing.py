"""Cut a byte stream into SIP2 frames at CR, noting CRLF and bounding a frame's size."""

from __future__ import annotations

from rfid_sip2.sip2.errors import FrameTooLong

DEFAULT_MAX_FRAME = 8192
_LF = 0x0A


# One frame's bytes, terminator removed, and whether the device ended it with CR LF: True, False
# for a lone CR, None when the CR was the last byte received so far (an LF may still come; a frame
# that starts with one says so afterwards). A plain tuple: one is made per request.
Frame = tuple[bytes, bool | None]


class FrameBuffer:
    """Feed it bytes as they arrive; it returns whole frames.

    A line feed after a CR (CRLF devices) or before a frame is dropped. A frame longer than
    ``max_size`` is dropped up to its terminator and reported once as FrameTooLong.
    """

    def __init__(self, max_size: int = DEFAULT_MAX_FRAME) -> None:
        self.max_size = max_size
        self._buffer = bytearray()
        self._dropping = False
        self._dropped = 0

    def feed(self, data: bytes) -> list[Frame | FrameTooLong]:
        frames: list[Frame | FrameTooLong] = []
        buffer = self._buffer
        buffer += data
        while True:
            end = buffer.find(b"\r")
            if end == -1:
                break
            raw = bytes(buffer[:end])
            if end + 1 < len(buffer):
                crlf: bool | None = buffer[end + 1] == _LF
            else:
                crlf = raw[:1] == b"\n" or None  # the LF of the previous frame came late
            frame = raw.strip(b"\n")
            del buffer[: end + 1]
            if self._dropping:
                frames.append(FrameTooLong(self._dropped + end))
                self._dropping, self._dropped = False, 0
            elif len(frame) > self.max_size:
                frames.append(FrameTooLong(len(frame)))
            elif frame:
                frames.append((frame, crlf))
        if len(buffer) > self.max_size:
            self._dropped += len(buffer)
            buffer.clear()
            self._dropping = True
        return frames

    @property
    def pending(self) -> int:
        """Bytes received that are not yet a whole frame."""
        return len(self._buffer)
