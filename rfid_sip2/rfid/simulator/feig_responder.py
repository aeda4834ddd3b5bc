"""The simulated reader's Feig ISO host side, sans-IO: request bytes in, reply bytes out.

Blocks travel most significant byte first, as a CPR reader sends them; inventories longer than
``page_size`` tags come in pages with status 0x94 "more data"."""

from __future__ import annotations

from collections.abc import Callable

from rfid_sip2.rfid.readers import feig_protocol as proto
from rfid_sip2.rfid.readers.errors import CorruptFrame
from rfid_sip2.rfid.readers.feig_protocol import Status, SubCommand
from rfid_sip2.rfid.readers.uid import leading_uid
from rfid_sip2.rfid.simulator.field import (
    Answering,
    BlockLocked,
    FieldError,
    NoTag,
    OutOfRange,
    TagField,
    WriteRefused,
)

ISO_BLOCK_NOT_AVAILABLE = 0x10
ERROR_OF: dict[type[FieldError], tuple[int, bytes]] = {
    NoTag: (Status.NO_TRANSPONDER, b""),
    WriteRefused: (Status.WRITE_ERROR, b""),
    BlockLocked: (Status.ISO_ERROR, bytes([proto.ISO_BLOCK_LOCKED])),
    OutOfRange: (Status.ISO_ERROR, bytes([ISO_BLOCK_NOT_AVAILABLE])),
}
UID = proto.UID_LENGTH
NXP_ICODE_SLI = 0x01  # IC reference reported in system information
# Tags in one reply: 24 ten-byte entries fill a 255-byte frame.
MOST_TAGS_PER_REPLY = 24


class FeigResponder:
    """Answers Feig ISO host requests from a ``TagField``."""

    def __init__(self, field: TagField, answering: Answering | None = None) -> None:
        self.field, self.answering = field, answering or Answering()
        self._splitter = proto.FrameSplitter()
        self._pending: list[proto.InventoryEntry] = []
        self._handlers: dict[int, Callable[[int, bytes], bytes]] = {
            SubCommand.INVENTORY: self._inventory,
            SubCommand.READ_BLOCKS: self._read,
            SubCommand.WRITE_BLOCKS: self._write,
            SubCommand.WRITE_AFI: self._write_afi,
            SubCommand.SYSTEM_INFO: self._system_info,
        }

    def receive(self, data: bytes) -> bytes:
        """The replies to every whole request in ``data``; a corrupt frame gets no reply."""
        self._splitter.feed(data)
        replies = []
        while True:
            try:
                frame = self._splitter.pop()
                if frame is None:
                    break
                request = proto.decode_frame(frame)
            except CorruptFrame:
                self._splitter.clear()
                continue
            replies.append(self.answer(request))
        return b"".join(replies)

    def answer(self, request: proto.Frame) -> bytes:
        address = request.address
        if request.command != proto.ISO_HOST or len(request.data) < 2:
            return proto.encode_frame(request.command, bytes([Status.UNKNOWN_COMMAND]), address)
        handler = self._handlers.get(request.data[0])
        if handler is None:
            return proto.reply(Status.UNKNOWN_COMMAND, address=address)
        try:
            return handler(request.data[1], request.data[2:])
        except FieldError as error:
            status, detail = ERROR_OF[type(error)]
            return proto.reply(status, detail, address)
        except (IndexError, ValueError):
            return proto.reply(Status.LENGTH_ERROR, address=address)

    def _inventory(self, mode: int, rest: bytes) -> bytes:
        if not mode & proto.MODE_MORE:
            afi = rest[0] if mode & proto.MODE_AFI else 0
            tags = self.field.present(afi)
            self._pending = [proto.InventoryEntry(proto.ISO_15693, t.dsfid, t.uid) for t in tags]
            if self.answering.duplicates:
                self._pending += self._pending
        if not self._pending:
            return proto.reply(Status.NO_TRANSPONDER)
        size = max(1, min(self.answering.page_size, MOST_TAGS_PER_REPLY))
        page, self._pending = self._pending[:size], self._pending[size:]
        status = Status.MORE_DATA if self._pending else Status.OK
        return proto.reply(status, proto.inventory_data(page))

    def _read(self, mode: int, rest: bytes) -> bytes:
        uid, first, count = leading_uid(rest), rest[UID], rest[UID + 1]
        blocks = self.field.read(uid, first, count)
        size = len(blocks[0][0])
        return proto.reply(
            Status.OK,
            proto.blocks_data(
                size, [data[::-1] for data, _ in blocks], [lock for _, lock in blocks]
            ),
        )

    def _write(self, mode: int, rest: bytes) -> bytes:
        uid, first, count, size = leading_uid(rest), rest[UID], rest[UID + 1], rest[UID + 2]
        wire = rest[UID + 3 :]
        if len(wire) != count * size or not size:
            raise ValueError("block count, size and data disagree")
        memory_order = b"".join(wire[i : i + size][::-1] for i in range(0, len(wire), size))
        self.field.write(uid, first, memory_order)
        return proto.reply(Status.OK)

    def _write_afi(self, mode: int, rest: bytes) -> bytes:
        self.field.write_afi(leading_uid(rest), rest[UID])
        return proto.reply(Status.OK)

    def _system_info(self, mode: int, rest: bytes) -> bytes:
        tag = self.field.answering(leading_uid(rest))
        info = proto.SystemInfo(
            tag.dsfid, tag.uid, tag.afi, tag.block_size, tag.block_count, NXP_ICODE_SLI
        )
        return proto.reply(Status.OK, proto.system_info_data(info))
