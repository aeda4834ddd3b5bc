"""ISO 15693 tag UIDs as the reader protocols and the simulator carry them: 8 bytes."""

from __future__ import annotations

UID_LENGTH = 8


def checked_uid(uid: bytes) -> bytes:
    """``uid`` as bytes; ValueError if it is not a whole UID."""
    if len(uid) != UID_LENGTH:
        raise ValueError(f"a tag UID has {UID_LENGTH} bytes, not {len(uid)}")
    return bytes(uid)


def leading_uid(body: bytes) -> bytes:
    """The UID a request's body starts with; ValueError if the body is too short for one."""
    if len(body) < UID_LENGTH:
        raise ValueError("no UID")
    return bytes(body[:UID_LENGTH])
