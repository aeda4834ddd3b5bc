"""The simulated reader's 3M 810 side, sans-IO: request bytes in, reply bytes out."""

from __future__ import annotations

from collections.abc import Callable

from rfid_sip2.rfid.readers import threem_protocol as proto
from rfid_sip2.rfid.readers.errors import CorruptFrame
from rfid_sip2.rfid.readers.threem_protocol import Command, Status
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

STATUS_OF = {
    NoTag: Status.NO_TRANSPONDER,
    WriteRefused: Status.MEMORY_NOT_WRITTEN,
    BlockLocked: Status.MEMORY_LOCKED,
    OutOfRange: Status.MEMORY_NOT_AVAILABLE,
}
UID = proto.UID_LENGTH


class ThreeMResponder:
    """Answers 3M requests from a ``TagField``. With ``answering.duplicates`` every tag answers
    the inventory's second poll too, as tags that missed the quiet command do on a real pad."""

    def __init__(self, field: TagField, answering: Answering | None = None) -> None:
        self.field, self.answering = field, answering or Answering()
        self._splitter = proto.FrameSplitter()
        self._handlers: dict[int, Callable[[bytes], bytes]] = {
            Command.INVENTORY: self._inventory,
            Command.READ_BLOCKS: self._read,
            Command.WRITE_BLOCKS: self._write,
            Command.GET_AFI: self._get_afi,
            Command.WRITE_AFI: self._write_afi,
            Command.CHECK_EAS: self._check_eas,
            Command.EAS_CONTROL: self._eas_control,
            Command.VERSION: lambda body: bytes([0x0A, 5, 0, 2]),
        }

    def receive(self, data: bytes) -> bytes:
        """The replies to every whole request in ``data`` (and what came before it)."""
        self._splitter.feed(data)
        replies = []
        while (frame := self._splitter.pop()) is not None:
            try:
                request = proto.decode_frame(frame)
            except CorruptFrame:
                continue  # a garbled request gets no answer; the host times out and retries
            replies.append(self.answer(request))
        return b"".join(replies)

    def answer(self, request: proto.Frame) -> bytes:
        handler = self._handlers.get(request.command)
        if handler is None:
            return proto.reply(request.command, Status.NOT_IMPLEMENTED)
        try:
            return proto.reply(request.command, Status.OK, handler(request.body))
        except FieldError as error:
            return proto.reply(request.command, STATUS_OF[type(error)], request.body[:UID])
        except (IndexError, ValueError):
            return proto.reply(request.command, Status.PARAMETER_ERROR)

    def _inventory(self, body: bytes) -> bytes:
        uids = [tag.uid for tag in self.field.present(body[0])]
        if self.answering.duplicates:
            uids += uids
        return proto.inventory_body(body[0], uids)

    def _read(self, body: bytes) -> bytes:
        uid, first, count = leading_uid(body), body[UID], body[UID + 1]
        blocks = [
            proto.Block(first + n, int(locked), data)
            for n, (data, locked) in enumerate(self.field.read(uid, first, count))
        ]
        return proto.blocks_body(uid, blocks)

    def _write(self, body: bytes) -> bytes:
        uid, first, count = leading_uid(body), body[UID], body[UID + 1]
        data = body[UID + 3 :]
        if len(data) != count * proto.BLOCK_SIZE:
            raise ValueError("block count and data disagree")
        self.field.write(uid, first, data)
        return uid + bytes([first + count])

    def _get_afi(self, body: bytes) -> bytes:
        uid = leading_uid(body)
        return uid + bytes([self.field.answering(uid).afi])

    def _write_afi(self, body: bytes) -> bytes:
        uid = leading_uid(body)
        self.field.write_afi(uid, body[UID])
        return uid

    def _check_eas(self, body: bytes) -> bytes:
        # Only tags with EAS set answer the air command: a disarmed tag looks absent.
        uid = leading_uid(body)
        if not self.field.answering(uid).eas:
            raise NoTag()
        return uid

    def _eas_control(self, body: bytes) -> bytes:
        uid = leading_uid(body)
        self.field.write_eas(uid, bool(body[UID]))
        return uid
