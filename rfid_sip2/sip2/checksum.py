"""SIP2 error detection: the AZ checksum over the encoded bytes, as the 3M spec defines it."""

from __future__ import annotations


def checksum(prefix: bytes) -> str:
    """Four upper-case hex digits: the two's complement of the 16-bit sum of ``prefix``, which
    runs from the first byte of the message up to and including the ``AZ`` identifier."""
    return f"{(-sum(prefix)) & 0xFFFF:04X}"


def verify(prefix: bytes, given: str) -> bool:
    """True when ``given`` (4 hex digits, either case) is the checksum of ``prefix``."""
    try:
        return (sum(prefix) + int(given, 16)) & 0xFFFF == 0 and len(given) == 4
    except ValueError:
        return False
