"""The Feig ISO host protocol (CPR-M02 / OBID classic-pro), sans-IO: frames and typed replies.

Frame: ``LEN | COM-ADR | CMD | data | CRC (LSB first)``, where LEN counts the whole frame and
the CRC is CRC-16/MCRF4XX over LEN to the last data byte. A reply's data starts with a status
byte. ISO 15693 commands are CMD 0xB0 followed by a sub-command and a MODE byte. Replies in the
"advanced" form (``STX | 2-byte length | …``) are cut and checked too.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from rfid_sip2.rfid.crc import crc16_mcrf4xx
from rfid_sip2.rfid.readers.errors import (
    CorruptFrame,
    MemoryLocked,
    StatusError,
    TagNotAnswering,
)
from rfid_sip2.rfid.readers.uid import UID_LENGTH, checked_uid

ANY_ADDRESS = 0xFF
ISO_HOST = 0xB0
STX = 0x02
ISO_15693 = 0x03  # TR-TYPE of an ISO 15693 tag in inventory replies

MODE_NON_ADDRESSED = 0x00
MODE_ADDRESSED = 0x01
MODE_SECURITY_STATUS = 0x08  # read replies carry each block's security status byte
MODE_AFI = 0x10  # inventory: an AFI byte follows, only tags with that AFI answer
MODE_MORE = 0x80  # inventory: the rest of the last inventory's tags
ISO_BLOCK_LOCKED = 0x12  # ISO 15693 error code, carried after status 0x95


class SubCommand(IntEnum):
    INVENTORY = 0x01
    READ_BLOCKS = 0x23
    WRITE_BLOCKS = 0x24
    WRITE_AFI = 0x27
    SYSTEM_INFO = 0x2B


class Status(IntEnum):
    OK = 0x00
    NO_TRANSPONDER = 0x01
    DATA_FALSE = 0x02
    WRITE_ERROR = 0x03
    ADDRESS_ERROR = 0x04
    WRONG_TRANSPONDER_TYPE = 0x05
    UNKNOWN_COMMAND = 0x80
    LENGTH_ERROR = 0x81
    NOT_AVAILABLE = 0x82
    RF_ERROR = 0x83
    BUFFER_OVERFLOW = 0x93
    MORE_DATA = 0x94
    ISO_ERROR = 0x95


MEANINGS = {
    Status.NO_TRANSPONDER: "no transponder",
    Status.DATA_FALSE: "data false",
    Status.WRITE_ERROR: "write error",
    Status.ADDRESS_ERROR: "address error",
    Status.WRONG_TRANSPONDER_TYPE: "wrong transponder type",
    Status.UNKNOWN_COMMAND: "unknown command",
    Status.LENGTH_ERROR: "length error",
    Status.NOT_AVAILABLE: "command not available",
    Status.RF_ERROR: "RF communication error",
    Status.BUFFER_OVERFLOW: "buffer overflow",
    Status.MORE_DATA: "more data",
    Status.ISO_ERROR: "ISO 15693 error",
}
# ISO 15693 error codes, carried after status 0x95.
ISO_ERRORS = {
    0x01: "command not supported",
    0x02: "command not recognised",
    0x03: "option not supported",
    0x0F: "unknown error",
    0x10: "block not available",
    0x11: "block already locked",
    0x12: "block locked",
    0x13: "block not written",
    0x14: "block not locked",
}
# Statuses whose reply still carries data to use.
CARRYING_DATA = {Status.OK, Status.MORE_DATA, Status.BUFFER_OVERFLOW}


def encode_frame(command: int, data: bytes = b"", address: int = ANY_ADDRESS) -> bytes:
    """One frame in the standard form, request or reply (a reply's data starts with status)."""
    length = 3 + len(data) + 2
    if length > 255:
        raise ValueError(f"a Feig frame holds at most 255 bytes, not {length}")
    covered = bytes([length, address, command]) + data
    return covered + crc16_mcrf4xx(covered).to_bytes(2, "little")


@dataclass(frozen=True)
class Frame:
    address: int
    command: int
    data: bytes


def decode_frame(frame: bytes) -> Frame:
    """Check a whole frame (as ``FrameSplitter`` cut it) and split it; CorruptFrame if bad."""
    header = 3 if frame[:1] == bytes([STX]) else 1
    if len(frame) < header + 4 or _length(frame) != len(frame):
        raise CorruptFrame(f"not a Feig frame: {frame.hex(' ')}")
    if crc16_mcrf4xx(frame[:-2]) != int.from_bytes(frame[-2:], "little"):
        raise CorruptFrame(f"Feig frame CRC mismatch: {frame.hex(' ')}")
    return Frame(frame[header], frame[header + 1], frame[header + 2 : -2])


def _length(buffer: bytes | bytearray) -> int:
    if buffer[0] == STX:
        return int.from_bytes(buffer[1:3], "big")
    return buffer[0]


class FrameSplitter:
    """Cuts a byte stream into frames: the length byte(s) come first, the rest may arrive in
    pieces. Feig frames have no start byte, so a corrupt length is resynchronised by the
    caller clearing the splitter before its next request."""

    def __init__(self) -> None:
        self._buffer = bytearray()

    def feed(self, data: bytes) -> None:
        self._buffer += data

    def clear(self) -> None:
        self._buffer.clear()

    def missing(self) -> int:
        """At least how many more bytes the frame in progress needs."""
        header = self._header()
        if len(self._buffer) < header:
            return header - len(self._buffer)
        return max(1, _length(self._buffer) - len(self._buffer))

    def pop(self) -> bytes | None:
        header = self._header()
        if len(self._buffer) < header:
            return None
        length = _length(self._buffer)
        if length < header + 4:
            self._buffer.clear()
            raise CorruptFrame(f"impossible Feig frame length {length}")
        if len(self._buffer) < length:
            return None
        frame = bytes(self._buffer[:length])
        del self._buffer[:length]
        return frame

    def _header(self) -> int:
        if not self._buffer:
            return 1
        return 3 if self._buffer[0] == STX else 1


# Requests.


def inventory_request(more: bool = False, afi: int = 0, address: int = ANY_ADDRESS) -> bytes:
    """A new inventory (of tags with ``afi`` when not 0), or with ``more`` the rest of the last
    one, which the reader still holds."""
    if more:
        return encode_frame(ISO_HOST, bytes([SubCommand.INVENTORY, MODE_MORE]), address)
    if afi:
        body = bytes([SubCommand.INVENTORY, MODE_AFI, afi])
    else:
        body = bytes([SubCommand.INVENTORY, MODE_NON_ADDRESSED])
    return encode_frame(ISO_HOST, body, address)


def read_blocks_request(uid: bytes, first: int, count: int, address: int = ANY_ADDRESS) -> bytes:
    mode = MODE_ADDRESSED | MODE_SECURITY_STATUS
    body = bytes([SubCommand.READ_BLOCKS, mode]) + checked_uid(uid) + bytes([first, count])
    return encode_frame(ISO_HOST, body, address)


def write_blocks_request(
    uid: bytes, first: int, block_size: int, wire_data: bytes, address: int = ANY_ADDRESS
) -> bytes:
    """``wire_data`` is already in the reader's per-block byte order."""
    if not wire_data or len(wire_data) % block_size:
        raise ValueError(f"Feig writes whole {block_size}-byte blocks, not {len(wire_data)} bytes")
    count = len(wire_data) // block_size
    body = bytes([SubCommand.WRITE_BLOCKS, MODE_ADDRESSED]) + checked_uid(uid)
    return encode_frame(ISO_HOST, body + bytes([first, count, block_size]) + wire_data, address)


def write_afi_request(uid: bytes, afi: int, address: int = ANY_ADDRESS) -> bytes:
    body = bytes([SubCommand.WRITE_AFI, MODE_ADDRESSED]) + checked_uid(uid) + bytes([afi])
    return encode_frame(ISO_HOST, body, address)


def system_info_request(uid: bytes, address: int = ANY_ADDRESS) -> bytes:
    body = bytes([SubCommand.SYSTEM_INFO, MODE_ADDRESSED]) + checked_uid(uid)
    return encode_frame(ISO_HOST, body, address)


# Replies.


def reply(status: int, data: bytes = b"", address: int = ANY_ADDRESS) -> bytes:
    return encode_frame(ISO_HOST, bytes([status]) + data, address)


@dataclass(frozen=True)
class Reply:
    status: int
    data: bytes


def checked(frame: Frame) -> Reply:
    """The reply's status and data, or the status as a named error. "More data" and "buffer
    overflow" carry tags, so they come back as replies, not errors."""
    if frame.command != ISO_HOST or not frame.data:
        raise CorruptFrame(f"expected an ISO host reply, got command 0x{frame.command:02X}")
    status, data = frame.data[0], frame.data[1:]
    if status in CARRYING_DATA:
        return Reply(status, data)
    raise status_error(status, data)


def status_error(status: int, data: bytes) -> StatusError:
    meaning = MEANINGS.get(status, "undocumented status")  # type: ignore[call-overload]
    detail = data[0] if status == Status.ISO_ERROR and data else None
    if status == Status.NO_TRANSPONDER:
        return TagNotAnswering(ISO_HOST, status, meaning)
    if detail is not None:
        meaning = f"{meaning}, {ISO_ERRORS.get(detail, 'undocumented')}"
    if detail == ISO_BLOCK_LOCKED:
        return MemoryLocked(ISO_HOST, status, meaning, detail)
    return StatusError(ISO_HOST, status, meaning, detail)


@dataclass(frozen=True)
class InventoryEntry:
    transponder_type: int
    dsfid: int
    uid: bytes


def parse_inventory(data: bytes) -> tuple[InventoryEntry, ...]:
    """``DATA-SETS | N x [TR-TYPE, DSFID, UID (8, MSB first)]``."""
    if not data:
        raise CorruptFrame("empty Feig inventory reply")
    count, rest = data[0], data[1:]
    if len(rest) != count * (2 + UID_LENGTH):
        raise CorruptFrame(f"Feig inventory says {count} tags but carries {len(rest)} bytes")
    step = 2 + UID_LENGTH
    return tuple(
        InventoryEntry(rest[i], rest[i + 1], bytes(rest[i + 2 : i + step]))
        for i in range(0, len(rest), step)
    )


def inventory_data(entries: list[InventoryEntry]) -> bytes:
    parts = [bytes([len(entries)])]
    parts += [bytes([e.transponder_type, e.dsfid]) + e.uid for e in entries]
    return b"".join(parts)


def parse_blocks(data: bytes) -> tuple[int, tuple[bytes, ...]]:
    """``DB-N | DB-SIZE | N x [security status, block]``: the block size and each block as
    the reader sent it (a Feig sends each block most significant byte first)."""
    if len(data) < 2:
        raise CorruptFrame("short Feig read reply")
    count, size, rest = data[0], data[1], data[2:]
    if len(rest) != count * (1 + size):
        raise CorruptFrame(f"Feig read reply says {count} blocks but carries {len(rest)} bytes")
    return size, tuple(bytes(rest[i + 1 : i + 1 + size]) for i in range(0, len(rest), 1 + size))


def blocks_data(size: int, blocks: list[bytes], locked: list[bool]) -> bytes:
    parts = [bytes([len(blocks), size])]
    parts += [bytes([int(lock)]) + block for block, lock in zip(blocks, locked, strict=True)]
    return b"".join(parts)


@dataclass(frozen=True)
class SystemInfo:
    dsfid: int
    uid: bytes
    afi: int
    block_size: int
    block_count: int
    ic_reference: int


def parse_system_info(data: bytes) -> SystemInfo:
    """``DSFID | UID | AFI | MEM-SIZE (block size - 1, blocks - 1) | IC-REF``."""
    if len(data) < 13:
        raise CorruptFrame(f"short Feig system information: {data.hex(' ')}")
    return SystemInfo(
        dsfid=data[0],
        uid=bytes(data[1:9]),
        afi=data[9],
        block_size=(data[10] & 0x1F) + 1,
        block_count=data[11] + 1,
        ic_reference=data[12],
    )


def system_info_data(info: SystemInfo) -> bytes:
    return (
        bytes([info.dsfid])
        + info.uid
        + bytes([info.afi, (info.block_size - 1) & 0x1F, info.block_count - 1, info.ic_reference])
    )
