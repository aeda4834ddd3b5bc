"""The simulated reader's field: the tags on the pad, their memory and security, and the faults
to inject into the next commands. Protocol-free and thread-safe: the responders ask it, tests
and the control channel change it."""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace

from rfid_sip2.rfid.readers.uid import checked_uid


class FieldError(Exception):
    """What a tag or the reader would answer instead of doing the command."""


class NoTag(FieldError):
    """The addressed tag is not in the field (lifted, or never there)."""


class WriteRefused(FieldError):
    """The write did not take (an injected fault: "not enough power")."""


class BlockLocked(FieldError):
    """A locked block was addressed by a write."""


class OutOfRange(FieldError):
    """Blocks beyond the tag's memory."""


@dataclass(frozen=True)
class SimulatedTag:
    """One tag as the simulator holds it; ``memory`` is in tag-memory order."""

    uid: bytes
    memory: bytes
    afi: int = 0
    dsfid: int = 0
    eas: bool = False
    locked: frozenset[int] = frozenset()
    block_size: int = 4
    on_pad: bool = True

    @property
    def block_count(self) -> int:
        return len(self.memory) // self.block_size

    @property
    def uid_hex(self) -> str:
        return self.uid.hex().upper()


@dataclass
class Answering:
    """How the simulated reader answers inventories; changeable while it serves."""

    duplicates: bool = False  # every tag answers twice, as tags that missed the quiet do
    page_size: int = 24  # Feig: tags per reply before "more data"
    split_replies: bool = False  # each reply sent in two pieces, as slow USB-serial adapters do
    garble_replies: int = 0  # the next N replies get a bit flipped in their CRC (line noise)


@dataclass
class _Faults:
    refuse_writes: int = 0  # the next N writes answer with a write error and change nothing
    drop_writes: int = 0  # the next N writes answer OK and change nothing
    # The next write (to this UID, or to any tag when None) lands this many blocks, then
    # its tag leaves the field.
    lift: tuple[bytes | None, int] | None = None


class TagField:
    """The tags a simulated reader sees. UIDs are 8 bytes, most significant byte first."""

    def __init__(self) -> None:
        self._tags: dict[bytes, SimulatedTag] = {}
        self._faults = _Faults()
        self._lock = threading.Lock()

    # Changed by tests, the demo and the control channel.

    def place(
        self,
        uid: bytes | str,
        memory: bytes | None = None,
        afi: int | None = None,
        dsfid: int | None = None,
        eas: bool | None = None,
        locked: frozenset[int] | set[int] | None = None,
        block_size: int = 4,
    ) -> SimulatedTag:
        """Put a tag on the pad. A tag seen before comes back as it was left, unless told
        otherwise; a new one without ``memory`` has 28 blank blocks."""
        uid = _uid(uid)
        with self._lock:
            known = self._tags.get(uid) or SimulatedTag(uid, bytes(28 * block_size))
            tag = replace(known, on_pad=True, block_size=block_size)
            if memory is not None:
                if len(memory) % block_size:
                    raise ValueError(f"memory must be whole {block_size}-byte blocks")
                tag = replace(tag, memory=bytes(memory))
            if afi is not None:
                tag = replace(tag, afi=afi)
            if dsfid is not None:
                tag = replace(tag, dsfid=dsfid)
            if eas is not None:
                tag = replace(tag, eas=eas)
            if locked is not None:
                tag = replace(tag, locked=frozenset(locked))
            self._tags[uid] = tag
            return tag

    def remove(self, uid: bytes | str) -> None:
        """Lift a tag off the pad; it is remembered, as the book still exists."""
        uid = _uid(uid)
        with self._lock:
            if uid not in self._tags:
                raise KeyError(f"no tag {uid.hex().upper()}")
            self._tags[uid] = replace(self._tags[uid], on_pad=False)

    def clear(self) -> None:
        with self._lock:
            self._tags.clear()

    def tags(self) -> list[SimulatedTag]:
        """Every tag seen, on the pad or lifted, to inspect its AFI, EAS and memory."""
        with self._lock:
            return list(self._tags.values())

    def tag(self, uid: bytes | str) -> SimulatedTag:
        with self._lock:
            return self._tags[_uid(uid)]

    def fail_writes(self, count: int) -> None:
        """The next ``count`` writes (blocks, AFI or EAS) are refused with a write error."""
        with self._lock:
            self._faults.refuse_writes = count

    def drop_writes(self, count: int) -> None:
        """The next ``count`` writes answer OK but do not change the tag."""
        with self._lock:
            self._faults.drop_writes = count

    def lift_during_write(self, after_blocks: int = 0, uid: bytes | str | None = None) -> None:
        """The next write (to ``uid``, or to any tag) lands ``after_blocks`` blocks, then its tag
        leaves the pad and the reader hears nothing more from it. An AFI or EAS write lands
        when ``after_blocks`` is at least 1."""
        with self._lock:
            self._faults.lift = (None if uid is None else _uid(uid), after_blocks)

    # Asked by the responders.

    def present(self, afi: int = 0) -> list[SimulatedTag]:
        with self._lock:
            return [t for t in self._tags.values() if t.on_pad and afi in (0, t.afi)]

    def answering(self, uid: bytes) -> SimulatedTag:
        with self._lock:
            return self._answering(uid)

    def read(self, uid: bytes, first: int, count: int) -> list[tuple[bytes, bool]]:
        """Blocks ``first`` to ``first + count - 1``, each with its lock flag."""
        with self._lock:
            tag = self._answering(uid)
            _in_range(tag, first, count)
            size = tag.block_size
            return [
                (tag.memory[n * size : (n + 1) * size], n in tag.locked)
                for n in range(first, first + count)
            ]

    def write(self, uid: bytes, first: int, data: bytes) -> None:
        with self._lock:
            tag = self._answering(uid)
            size = tag.block_size
            count = len(data) // size
            _in_range(tag, first, count)
            if any(n in tag.locked for n in range(first, first + count)):
                raise BlockLocked()
            if self._write_fault():
                return
            lifted_after = self._lifting(uid)
            landed = count if lifted_after is None else min(count, lifted_after)
            memory = bytearray(tag.memory)
            memory[first * size : (first + landed) * size] = data[: landed * size]
            self._tags[uid] = replace(tag, memory=bytes(memory))
            if lifted_after is not None:
                self._lift(uid)

    def write_afi(self, uid: bytes, afi: int) -> None:
        self._write_setting(uid, afi=afi)

    def write_eas(self, uid: bytes, armed: bool) -> None:
        self._write_setting(uid, eas=armed)

    def _write_setting(self, uid: bytes, **setting: int | bool) -> None:
        """Change one of the tag's settings (AFI, EAS): all or nothing, so a write the fault
        lifts after 0 blocks is lost and one lifted after 1 or more lands."""
        with self._lock:
            tag = self._answering(uid)
            if self._write_fault():
                return
            lifted_after = self._lifting(uid)
            if lifted_after != 0:
                self._tags[uid] = replace(tag, **setting)
            if lifted_after is not None:
                self._lift(uid)

    def _lifting(self, uid: bytes) -> int | None:
        """How many blocks land before this write's tag is lifted, or None: not lifted."""
        if self._faults.lift is None or self._faults.lift[0] not in (None, uid):
            return None
        after, self._faults.lift = self._faults.lift[1], None
        return after

    def _lift(self, uid: bytes) -> None:
        self._tags[uid] = replace(self._tags[uid], on_pad=False)
        raise NoTag()

    def _answering(self, uid: bytes) -> SimulatedTag:
        tag = self._tags.get(bytes(uid))
        if tag is None or not tag.on_pad:
            raise NoTag()
        return tag

    def _write_fault(self) -> bool:
        """Raise WriteRefused, or say the write is silently dropped, as the faults ask."""
        if self._faults.refuse_writes:
            self._faults.refuse_writes -= 1
            raise WriteRefused()
        if self._faults.drop_writes:
            self._faults.drop_writes -= 1
            return True
        return False


def _uid(uid: bytes | str) -> bytes:
    return checked_uid(bytes.fromhex(uid) if isinstance(uid, str) else uid)


def _in_range(tag: SimulatedTag, first: int, count: int) -> None:
    if count < 1 or first + count > tag.block_count:
        raise OutOfRange()
