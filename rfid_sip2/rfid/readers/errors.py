"""Errors of the frame codecs, beside the contract's own (``base.py``).

A codec raises these on bytes it cannot accept; drivers turn them into retries or into the
contract's ``TagGone``, ``WriteFailed`` and ``ReaderUnavailable``.
"""

from __future__ import annotations

from rfid_sip2.rfid.readers.base import ReaderError


class CorruptFrame(ReaderError):
    """A frame whose CRC, start byte or length does not add up: noise on the line."""


class StatusError(ReaderError):
    """The reader answered with a status other than OK: ``code`` and its documented name."""

    def __init__(self, command: int, code: int, meaning: str, detail: int | None = None) -> None:
        self.command, self.code, self.meaning, self.detail = command, code, meaning, detail
        extra = f" 0x{detail:02X}" if detail is not None else ""
        super().__init__(
            f"the reader refused command 0x{command:02X}: {meaning} (0x{code:02X}{extra})"
        )


class TagNotAnswering(StatusError):
    """Status "no transponder": the addressed tag did not answer (3M 0x06, Feig 0x01)."""


class MemoryLocked(StatusError):
    """The tag refused to write a locked block (or a locked AFI): retrying cannot help."""
