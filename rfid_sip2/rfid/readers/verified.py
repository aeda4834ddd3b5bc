"""What both drivers do the same way: chunked reads, and writes read back and retried.

A driver subclass supplies single attempts (``_read_once``, ``_write_once``, ``_read_afi_once``…)
that raise the codec's errors; this class turns them into the contract's behaviour: a tag that
keeps saying "no transponder" is ``TagGone``, a write never read back equal is ``WriteFailed``.
"""

from __future__ import annotations

import logging
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from rfid_sip2.rfid.readers.base import (
    ReaderError,
    ReaderUnavailable,
    TagGone,
    WriteFailed,
)
from rfid_sip2.rfid.readers.errors import MemoryLocked, TagNotAnswering

log = logging.getLogger(__name__)
Value = TypeVar("Value")


@dataclass(frozen=True)
class RetryPolicy:
    """How hard a driver tries before it gives up on a tag."""

    tag_attempts: int = 3  # reads of a tag that says "no transponder" (it may be sliding)
    write_attempts: int = 5  # writes and read-backs until equal
    pause: float = 0.02  # seconds between attempts: long enough for a tag to settle


DEFAULT_POLICY = RetryPolicy()


def no_eas() -> ReaderError:
    return ReaderError("this reader cannot read or write EAS: use the AFI for security")


class VerifiedReader(ABC):
    """The contract's reads and verified writes over a driver's single attempts."""

    eas_supported: bool = False
    block_size: int = 4
    blocks_per_read: int = 8
    blocks_per_write: int = 8

    def __init__(self, policy: RetryPolicy, sleep: Callable[[float], None] = time.sleep) -> None:
        self.policy, self._sleep = policy, sleep

    # What a driver supplies: one attempt each, raising the codec's errors.

    @abstractmethod
    def _read_once(self, uid: bytes, first: int, count: int) -> bytes: ...

    @abstractmethod
    def _write_once(self, uid: bytes, first: int, data: bytes) -> None: ...

    @abstractmethod
    def _read_afi_once(self, uid: bytes) -> int: ...

    @abstractmethod
    def _write_afi_once(self, uid: bytes, afi: int) -> None: ...

    def _read_eas_once(self, uid: bytes) -> bool:
        raise no_eas()

    def _write_eas_once(self, uid: bytes, armed: bool) -> None:
        raise no_eas()

    # The contract.

    def read_blocks(self, uid: bytes, first: int, count: int) -> bytes:
        chunks = []
        for start in range(first, first + count, self.blocks_per_read):
            size = min(self.blocks_per_read, first + count - start)
            chunks.append(self._answered(uid, lambda s=start, n=size: self._read_once(uid, s, n)))
        return b"".join(chunks)

    def write_blocks(self, uid: bytes, first: int, data: bytes) -> None:
        if not data or len(data) % self.block_size:
            raise ValueError(f"write whole {self.block_size}-byte blocks, not {len(data)} bytes")
        count = len(data) // self.block_size

        def write() -> None:
            step = self.blocks_per_write * self.block_size
            for offset in range(0, len(data), step):
                start = first + offset // self.block_size
                self._write_once(uid, start, data[offset : offset + step])

        def read_back() -> bytes:
            return b"".join(
                self._read_once(uid, start, min(self.blocks_per_read, first + count - start))
                for start in range(first, first + count, self.blocks_per_read)
            )

        self._write_verified(uid, f"blocks {first}-{first + count - 1}", write, read_back, data)

    def read_afi(self, uid: bytes) -> int:
        return self._answered(uid, lambda: self._read_afi_once(uid))

    def write_afi(self, uid: bytes, afi: int) -> None:
        self._write_verified(
            uid,
            f"AFI 0x{afi:02X}",
            lambda: self._write_afi_once(uid, afi),
            lambda: self._read_afi_once(uid),
            afi,
        )

    def read_eas(self, uid: bytes) -> bool:
        if not self.eas_supported:
            raise no_eas()
        return self._answered(uid, lambda: self._read_eas_once(uid))

    def write_eas(self, uid: bytes, armed: bool) -> None:
        if not self.eas_supported:
            raise no_eas()
        self._write_verified(
            uid,
            f"EAS {'armed' if armed else 'disarmed'}",
            lambda: self._write_eas_once(uid, armed),
            lambda: self._read_eas_once(uid),
            armed,
        )

    # How.

    def _answered(self, uid: bytes, attempt: Callable[[], Value]) -> Value:
        """``attempt``'s value, retried while the tag says "no transponder"; TagGone after."""
        for number in range(1, self.policy.tag_attempts + 1):
            try:
                return attempt()
            except TagNotAnswering:
                log.info("event=tag_not_answering uid=%s attempt=%d", uid.hex().upper(), number)
                if number < self.policy.tag_attempts:
                    self._sleep(self.policy.pause)
        raise TagGone(f"tag {uid.hex().upper()} does not answer: is it still on the pad?")

    def _write_verified(
        self,
        uid: bytes,
        what: str,
        write: Callable[[], None],
        read_back: Callable[[], Value],
        expected: Value,
    ) -> None:
        tag = uid.hex().upper()
        gone = False
        for number in range(1, self.policy.write_attempts + 1):
            try:
                write()
                if read_back() == expected:
                    if number > 1:
                        log.info(
                            "event=tag_write_verified uid=%s what=%r attempts=%d", tag, what, number
                        )
                    return
                reason, gone = "read back differs", False
            except ReaderUnavailable:
                raise
            except MemoryLocked as error:
                raise WriteFailed(f"cannot write {what} to tag {tag}: {error}") from None
            except TagNotAnswering:
                reason, gone = "no transponder", True
            except ReaderError as error:
                reason, gone = str(error), False
            log.warning(
                "event=tag_write_retry uid=%s what=%r attempt=%d reason=%r",
                tag,
                what,
                number,
                reason,
            )
            if number < self.policy.write_attempts:
                self._sleep(self.policy.pause)
        if gone:
            raise TagGone(f"tag {tag} stopped answering while writing {what}: lifted too early?")
        raise WriteFailed(
            f"could not write {what} to tag {tag}: not read back after "
            f"{self.policy.write_attempts} attempts ({reason})"
        )
