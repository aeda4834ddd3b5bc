"""The 3M 810 / Model 210 reader protocol, sans-IO: frames and typed replies.

Frame: ``D6 | LEN (2 bytes, big-endian) | CMD | body | CRC (2 bytes, big-endian)``, where LEN
counts the bytes after itself (CMD to CRC) and the CRC is CRC-16/GENIBUS over LEN to the last
body byte. A reply's body starts with a status byte (0x00 OK). UIDs travel most significant
byte first. The same framing carries requests and replies, so the simulator uses this module too.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from rfid_sip2.rfid.crc import crc16_genibus
from rfid_sip2.rfid.readers.errors import (
    CorruptFrame,
    MemoryLocked,
    StatusError,
    TagNotAnswering,
)
from rfid_sip2.rfid.readers.uid import UID_LENGTH, checked_uid

START = 0xD6
BLOCK_SIZE = 4
# Response options of the inventory as Biblio-RFID captured them: UIDs only, no DSFID.
INVENTORY_OPTIONS = 0x05
OPTION_DSFID = 0x02


class Command(IntEnum):
    INVENTORY = 0xFE
    READ_BLOCKS = 0x02
    CHECK_EAS = 0x03
    WRITE_BLOCKS = 0x04
    WRITE_AFI = 0x09
    GET_AFI = 0x0A
    EAS_CONTROL = 0x0C
    VERSION = 0x11


class Status(IntEnum):
    OK = 0x00
    NOT_IMPLEMENTED = 0x02
    NO_TRANSPONDER = 0x06
    UNKNOWN = 0x0F
    MEMORY_NOT_AVAILABLE = 0x11
    MEMORY_LOCKED = 0x12
    MEMORY_NOT_READ = 0x15
    MEMORY_NOT_WRITTEN = 0x16
    ISO_ERROR_1 = 0x21
    ISO_ERROR_2 = 0x22
    ISO_ERROR_3 = 0x23
    NOT_SUPPORTED = 0x30
    OPTION_NOT_SUPPORTED = 0x31
    PARAMETER_ERROR = 0x32
    USER_CANCEL = 0xFD
    NOT_ENOUGH_MEMORY = 0xFE


MEANINGS = {
    Status.NOT_IMPLEMENTED: "command not implemented",
    Status.NO_TRANSPONDER: "no transponder",
    Status.UNKNOWN: "unknown error",
    Status.MEMORY_NOT_AVAILABLE: "memory not available",
    Status.MEMORY_LOCKED: "memory locked",
    Status.MEMORY_NOT_READ: "memory not read",
    Status.MEMORY_NOT_WRITTEN: "memory not written",
    Status.ISO_ERROR_1: "ISO error 1",
    Status.ISO_ERROR_2: "ISO error 2",
    Status.ISO_ERROR_3: "ISO error 3",
    Status.NOT_SUPPORTED: "not supported",
    Status.OPTION_NOT_SUPPORTED: "option not supported",
    Status.PARAMETER_ERROR: "parameter error",
    Status.USER_CANCEL: "cancelled",
    Status.NOT_ENOUGH_MEMORY: "reader out of memory",
}


def encode_frame(command: int, body: bytes = b"") -> bytes:
    """One frame, request or reply (a reply's body starts with its status)."""
    length = (1 + len(body) + 2).to_bytes(2, "big")
    covered = length + bytes([command]) + body
    return bytes([START]) + covered + crc16_genibus(covered).to_bytes(2, "big")


@dataclass(frozen=True)
class Frame:
    """A frame whose CRC checked: its command byte and the bytes between it and the CRC."""

    command: int
    body: bytes


def decode_frame(frame: bytes) -> Frame:
    """Check a whole frame (as ``FrameSplitter`` cut it) and split it; CorruptFrame if bad."""
    if len(frame) < 6 or frame[0] != START:
        raise CorruptFrame(f"not a 3M frame: {frame.hex(' ')}")
    if int.from_bytes(frame[1:3], "big") != len(frame) - 3:
        raise CorruptFrame(f"3M frame length does not match: {frame.hex(' ')}")
    if crc16_genibus(frame[1:-2]) != int.from_bytes(frame[-2:], "big"):
        raise CorruptFrame(f"3M frame CRC mismatch: {frame.hex(' ')}")
    return Frame(frame[3], frame[4:-2])


class FrameSplitter:
    """Cuts a byte stream into frames; the length arrives before the body, so partial reads
    are kept until the rest comes. Bytes before a start byte are line noise and dropped."""

    def __init__(self) -> None:
        self._buffer = bytearray()

    def feed(self, data: bytes) -> None:
        self._buffer += data

    def clear(self) -> None:
        self._buffer.clear()

    def missing(self) -> int:
        """At least how many more bytes the frame in progress needs (1 when unknown)."""
        self._skip_noise()
        if len(self._buffer) < 3:
            return 3 - len(self._buffer)
        return max(1, 3 + int.from_bytes(self._buffer[1:3], "big") - len(self._buffer))

    def pop(self) -> bytes | None:
        """The next whole frame, or None until enough bytes arrived."""
        self._skip_noise()
        if len(self._buffer) < 3:
            return None
        end = 3 + int.from_bytes(self._buffer[1:3], "big")
        if len(self._buffer) < end:
            return None
        frame = bytes(self._buffer[:end])
        del self._buffer[:end]
        return frame

    def _skip_noise(self) -> None:
        start = self._buffer.find(START)
        del self._buffer[: start if start >= 0 else len(self._buffer)]


# Requests (what a driver sends, and what the simulator parses).


def inventory_request(afi: int = 0) -> bytes:
    return encode_frame(Command.INVENTORY, bytes([afi, INVENTORY_OPTIONS]))


def read_blocks_request(uid: bytes, first: int, count: int) -> bytes:
    return encode_frame(Command.READ_BLOCKS, checked_uid(uid) + bytes([first, count]))


def write_blocks_request(uid: bytes, first: int, data: bytes) -> bytes:
    if not data or len(data) % BLOCK_SIZE:
        raise ValueError(f"3M writes whole {BLOCK_SIZE}-byte blocks, not {len(data)} bytes")
    count = len(data) // BLOCK_SIZE
    return encode_frame(Command.WRITE_BLOCKS, checked_uid(uid) + bytes([first, count, 0]) + data)


def get_afi_request(uid: bytes) -> bytes:
    return encode_frame(Command.GET_AFI, checked_uid(uid))


def write_afi_request(uid: bytes, afi: int) -> bytes:
    return encode_frame(Command.WRITE_AFI, checked_uid(uid) + bytes([afi]))


def check_eas_request(uid: bytes) -> bytes:
    return encode_frame(Command.CHECK_EAS, checked_uid(uid))


def eas_control_request(uid: bytes, armed: bool) -> bytes:
    return encode_frame(Command.EAS_CONTROL, checked_uid(uid) + bytes([int(armed)]))


# Replies (what the simulator sends, and what a driver parses).


def reply(command: int, status: int, body: bytes = b"") -> bytes:
    return encode_frame(command, bytes([status]) + body)


def checked(frame: Frame, command: int) -> bytes:
    """The reply's body after its status, or the status as a named error."""
    if frame.command != command or not frame.body:
        raise CorruptFrame(f"expected a reply to 0x{command:02X}, got 0x{frame.command:02X}")
    status = frame.body[0]
    if status == Status.OK:
        return frame.body[1:]
    raise status_error(command, status)


def status_error(command: int, status: int) -> StatusError:
    meaning = MEANINGS.get(status, "undocumented status")  # type: ignore[call-overload]
    if status == Status.NO_TRANSPONDER:
        return TagNotAnswering(command, status, meaning)
    if status == Status.MEMORY_LOCKED:
        return MemoryLocked(command, status, meaning)
    return StatusError(command, status, meaning)


@dataclass(frozen=True)
class Inventory:
    afi: int
    options: int
    uids: tuple[bytes, ...]
    dsfids: tuple[int | None, ...]


def parse_inventory(body: bytes) -> Inventory:
    """``AFI | options | N | N x [DSFID if option bit 1] UID``; duplicates kept as sent."""
    if len(body) < 3:
        raise CorruptFrame(f"short 3M inventory reply: {body.hex(' ')}")
    afi, options, count = body[0], body[1], body[2]
    step = UID_LENGTH + (1 if options & OPTION_DSFID else 0)
    entries = body[3:]
    if len(entries) != count * step:
        raise CorruptFrame(f"3M inventory says {count} tags but carries {len(entries)} bytes")
    uids, dsfids = [], []
    for offset in range(0, len(entries), step):
        entry = entries[offset : offset + step]
        dsfids.append(entry[0] if step > UID_LENGTH else None)
        uids.append(bytes(entry[-UID_LENGTH:]))
    return Inventory(afi, options, tuple(uids), tuple(dsfids))


def inventory_body(afi: int, uids: list[bytes]) -> bytes:
    return bytes([afi, INVENTORY_OPTIONS, len(uids)]) + b"".join(uids)


@dataclass(frozen=True)
class Block:
    number: int
    lock_status: int
    data: bytes


def parse_blocks(body: bytes) -> tuple[bytes, tuple[Block, ...]]:
    """``UID | N | N x [block number, lock/error byte, 4 data bytes]``: each field one byte,
    unlike Biblio-RFID's 16-bit block number that swallowed the lock byte."""
    if len(body) < UID_LENGTH + 1:
        raise CorruptFrame(f"short 3M read reply: {body.hex(' ')}")
    uid, count, rest = body[:UID_LENGTH], body[UID_LENGTH], body[UID_LENGTH + 1 :]
    step = 2 + BLOCK_SIZE
    if len(rest) != count * step:
        raise CorruptFrame(f"3M read reply says {count} blocks but carries {len(rest)} bytes")
    blocks = tuple(
        Block(rest[i], rest[i + 1], bytes(rest[i + 2 : i + step]))
        for i in range(0, len(rest), step)
    )
    return bytes(uid), blocks


def blocks_body(uid: bytes, blocks: list[Block]) -> bytes:
    parts = [uid, bytes([len(blocks)])]
    parts += [bytes([block.number, block.lock_status]) + block.data for block in blocks]
    return b"".join(parts)


def parse_afi(body: bytes) -> tuple[bytes, int]:
    """``UID | AFI``."""
    if len(body) < UID_LENGTH + 1:
        raise CorruptFrame(f"short 3M AFI reply: {body.hex(' ')}")
    return bytes(body[:UID_LENGTH]), body[UID_LENGTH]


def parse_uid(body: bytes) -> bytes:
    """The UID that opens the replies to writes and EAS commands."""
    if len(body) < UID_LENGTH:
        raise CorruptFrame(f"short 3M reply: {body.hex(' ')}")
    return bytes(body[:UID_LENGTH])
