"""A file that hands out its bytes a few at a time and notes how far it has been read."""

from __future__ import annotations

import io


class TrickleFile(io.RawIOBase):
    """Binary data read at most ``step`` bytes per read, as from a slow disk or a pipe.

    ``read_so_far`` says how many bytes have been handed out: a reader that streams has read
    little of a large file when it gives its first record.
    """

    def __init__(self, data: bytes, step: int = 7) -> None:
        self._data, self._step = data, step
        self.read_so_far = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        piece = self._data[self.read_so_far : self.read_so_far + min(self._step, len(buffer))]
        buffer[: len(piece)] = piece
        self.read_so_far += len(piece)
        return len(piece)
