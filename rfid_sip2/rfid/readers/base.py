"""What every reader driver offers the station: the contract between drivers and their users.

Drivers are blocking (pyserial) and hold one port; callers in asyncio run them in one worker
thread. Every method either does what it says, verified where it writes, or raises a
``ReaderError``: nothing is half done silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class InventoriedTag:
    """A tag in the reader's field: its UID (8 bytes, most significant byte first, ``E0 …``)."""

    uid: bytes
    dsfid: int | None = None

    @property
    def uid_hex(self) -> str:
        return self.uid.hex().upper()


class ReaderError(Exception):
    """The reader could not do what was asked; the message says why, for staff and logs."""


class TagGone(ReaderError):
    """The tag did not answer: lifted off the pad, or out of the field (3M 0x06, Feig 0x01)."""


class WriteFailed(ReaderError):
    """A write was not confirmed by reading it back after every retry."""


class ReaderUnavailable(ReaderError):
    """The reader does not answer at all, or its port is gone (unplugged), even after a reset."""


class Reader(Protocol):
    """A reader on one port. ``block_size`` is the tag's block size in bytes (4 for ISO 15693
    library tags)."""

    eas_supported: bool

    def inventory(self, afi: int = 0) -> list[InventoriedTag]:
        """The tags in the field, each once (duplicates removed, "more data" followed);
        ``afi`` other than 0 asks only tags with that AFI to answer."""
        ...

    def read_blocks(self, uid: bytes, first: int, count: int) -> bytes:
        """``count`` blocks from block ``first``, in tag-memory order."""
        ...

    def write_blocks(self, uid: bytes, first: int, data: bytes) -> None:
        """Write whole blocks from ``first``, read them back, retry; WriteFailed if never equal."""
        ...

    def read_afi(self, uid: bytes) -> int: ...

    def write_afi(self, uid: bytes, afi: int) -> None:
        """Write the AFI and read it back, retrying; WriteFailed or TagGone otherwise."""
        ...

    def read_eas(self, uid: bytes) -> bool:
        """Raises ReaderError when ``eas_supported`` is false."""
        ...

    def write_eas(self, uid: bytes, armed: bool) -> None:
        """Arm (alarm at the gate) or disarm EAS, verified; ReaderError when not supported."""
        ...

    def close(self) -> None: ...
