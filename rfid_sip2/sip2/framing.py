"""Cut a byte stream into SIP2 frames at CR, tolerating CRLF and bounding a frame's size."""

from __future__ import annotations

from rfid_sip2.sip2.errors import FrameTooLong

DEFAULT_MAX_FRAME = 8192


class FrameBuffer:
    """Feed it bytes as they arrive; it returns whole frames, terminator removed.

    A line feed after a CR (CRLF devices) or before a frame is dropped. A frame longer than
    ``max_size`` is dropped up to its terminator and reported once as FrameTooLong.
    """

    def __init__(self, max_size: int = DEFAULT_MAX_FRAME) -> None:
        self.max_size = max_size
        self._buffer = bytearray()
        self._dropping = False
        self._dropped = 0

    def feed(self, data: bytes) -> list[bytes | FrameTooLong]:
        frames: list[bytes | FrameTooLong] = []
        self._buffer += data
        while True:
            end = self._buffer.find(b"\r")
            if end == -1:
                break
            frame = bytes(self._buffer[:end]).strip(b"\n")
            del self._buffer[: end + 1]
            if self._dropping:
                frames.append(FrameTooLong(self._dropped + end))
                self._dropping, self._dropped = False, 0
            elif len(frame) > self.max_size:
                frames.append(FrameTooLong(len(frame)))
            elif frame:
                frames.append(frame)
        if len(self._buffer) > self.max_size:
            self._dropped += len(self._buffer)
            self._buffer.clear()
            self._dropping = True
        return frames

    @property
    def pending(self) -> int:
        """Bytes received that are not yet a whole frame."""
        return len(self._buffer)
