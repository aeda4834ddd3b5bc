"""What can be wrong with a frame, as values: the codec never raises on bad input."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DecodeError:
    """A frame that could not be turned into a message, and why."""

    reason: str
    command: str | None = None
    sequence_number: int | None = None


@dataclass(frozen=True)
class ChecksumMismatch(DecodeError):
    """The AZ trailer does not match the bytes before it."""


@dataclass(frozen=True)
class UnknownCommand(DecodeError):
    """Not one of SIP2's command identifiers: the spec says to ignore it."""


@dataclass(frozen=True)
class MalformedMessage(DecodeError):
    """A known command whose fixed part or fields do not fit its layout."""


@dataclass(frozen=True)
class FieldTooLong(DecodeError):
    """A field longer than SIP2 allows (255 characters), refused in strict mode."""


@dataclass(frozen=True)
class NotText(DecodeError):
    """Bytes that the account's character set cannot decode (strict mode)."""


@dataclass(frozen=True)
class FrameTooLong:
    """More bytes than the size limit without a terminator; they are dropped."""

    size: int
    reason: str = "frame longer than the size limit"
