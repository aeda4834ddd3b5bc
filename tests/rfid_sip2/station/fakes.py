"""A scripted in-memory reader: tags placed and lifted, writes failing, the reader unplugged.

It keeps each tag's memory, AFI and EAS as a real tag would, and counts every call, so tests
can say what reached the tags and what did not. Thread-safe: the station calls it from its
worker thread while the test scripts it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from rfid_sip2.rfid.readers.base import (
    InventoriedTag,
    ReaderError,
    ReaderUnavailable,
    TagGone,
    WriteFailed,
)
from rfid_sip2.rfid.tags import ItemTag, Usage, encode

ISO_IN_LIBRARY, ISO_ON_LOAN = 0x07, 0xC2


@dataclass
class FakeTag:
    uid: bytes
    memory: bytes
    afi: int = ISO_IN_LIBRARY
    eas: bool = True


@dataclass
class FakeReader:
    """The pad. ``fail_writes`` makes the next N security writes fail (WriteFailed);
    ``lift_on_write`` lifts those UIDs as their security is written (TagGone)."""

    eas_supported: bool = True
    tags: dict[bytes, FakeTag] = field(default_factory=dict)
    on_pad: list[bytes] = field(default_factory=list)
    unplugged: bool = False
    fail_writes: int = 0
    lift_on_write: set[bytes] = field(default_factory=set)
    calls: list[str] = field(default_factory=list)
    threads: set[str] = field(default_factory=set)  # the threads the calls came from
    on_call: Callable[[str], None] | None = None  # e.g. to time or to break mid-way
    closed: bool = False

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._next_uid = 1

    # -- the script -----------------------------------------------------------------------

    def new_tag(self, memory: bytes, afi: int = ISO_IN_LIBRARY) -> bytes:
        with self._lock:
            uid = bytes.fromhex("E0040100") + self._next_uid.to_bytes(4, "big")
            self._next_uid += 1
            self.tags[uid] = FakeTag(uid, memory, afi)
            return uid

    def place(self, *uids: bytes) -> None:
        with self._lock:
            for uid in uids:
                if uid not in self.on_pad:
                    self.on_pad.append(uid)

    def lift(self, *uids: bytes) -> None:
        with self._lock:
            for uid in uids:
                if uid in self.on_pad:
                    self.on_pad.remove(uid)

    def clear(self) -> None:
        with self._lock:
            self.on_pad.clear()

    def afi(self, uid: bytes) -> int:
        return self.tags[uid].afi

    # -- the Reader protocol --------------------------------------------------------------

    def _enter(self, name: str) -> None:
        self.calls.append(name)
        self.threads.add(threading.current_thread().name)
        if self.on_call is not None:
            self.on_call(name)
        if self.unplugged:
            raise ReaderUnavailable("no answer from the reader (port gone)")

    def _tag(self, uid: bytes) -> FakeTag:
        if uid not in self.on_pad:
            raise TagGone(f"tag {uid.hex().upper()} did not answer")
        return self.tags[uid]

    def inventory(self, afi: int = 0) -> list[InventoriedTag]:
        with self._lock:
            self._enter("inventory")
            return [
                InventoriedTag(uid) for uid in self.on_pad if afi == 0 or self.tags[uid].afi == afi
            ]

    def read_blocks(self, uid: bytes, first: int, count: int) -> bytes:
        with self._lock:
            self._enter("read_blocks")
            memory = self._tag(uid).memory.ljust((first + count) * 4, b"\0")
            return memory[first * 4 : (first + count) * 4]

    def write_blocks(self, uid: bytes, first: int, data: bytes) -> None:
        with self._lock:
            self._enter("write_blocks")
            tag = self._tag(uid)
            memory = bytearray(tag.memory.ljust(first * 4 + len(data), b"\0"))
            memory[first * 4 : first * 4 + len(data)] = data
            tag.memory = bytes(memory)

    def _before_write(self, uid: bytes) -> FakeTag:
        tag = self._tag(uid)
        if uid in self.lift_on_write:
            self.lift_on_write.discard(uid)
            self.on_pad.remove(uid)
            raise TagGone(f"tag {uid.hex().upper()} left the field during the write")
        if self.fail_writes:
            self.fail_writes -= 1
            raise WriteFailed(f"tag {uid.hex().upper()}: read back differs after 3 tries")
        return tag

    def read_afi(self, uid: bytes) -> int:
        with self._lock:
            self._enter("read_afi")
            return self._tag(uid).afi

    def write_afi(self, uid: bytes, afi: int) -> None:
        with self._lock:
            self._enter("write_afi")
            self._before_write(uid).afi = afi

    def read_eas(self, uid: bytes) -> bool:
        with self._lock:
            self._enter("read_eas")
            if not self.eas_supported:
                raise ReaderError("this reader has no EAS")
            return self._tag(uid).eas

    def write_eas(self, uid: bytes, armed: bool) -> None:
        with self._lock:
            self._enter("write_eas")
            if not self.eas_supported:
                raise ReaderError("this reader has no EAS")
            self._before_write(uid).eas = armed

    def close(self) -> None:
        self.closed = True


def item_memory(
    item_id: str,
    *,
    owner: str | None = "MD-CPL",
    parts: int = 1,
    part: int = 1,
    kind: int = 1,
    qualifier: int = 0,
) -> bytes:
    """An ISO 28560-3 tag's memory for ``item_id`` (kind 8: a patron card)."""
    return encode(
        ItemTag(
            model="iso28560-3",
            item_id=item_id,
            owner_isil=owner,
            parts=parts,
            part=part,
            usage=Usage(kind, qualifier),
        )
    )
