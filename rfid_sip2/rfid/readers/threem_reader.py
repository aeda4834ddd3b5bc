"""The 3M 810 / Model 210 reader driver: the ``Reader`` contract over ``threem_protocol``."""

from __future__ import annotations

import time
from collections.abc import Callable

from rfid_sip2.rfid.readers import threem_protocol as proto
from rfid_sip2.rfid.readers.base import InventoriedTag
from rfid_sip2.rfid.readers.errors import CorruptFrame, TagNotAnswering
from rfid_sip2.rfid.readers.link import THREE_M_LINE, SerialLink
from rfid_sip2.rfid.readers.verified import DEFAULT_POLICY, RetryPolicy, VerifiedReader


class ThreeMReader(VerifiedReader):
    """A 3M 810 (or Model 210 pad) on one port. EAS is the NXP EAS bit (ICODE SLI tags)."""

    eas_supported = True
    block_size = proto.BLOCK_SIZE

    def __init__(
        self,
        link: SerialLink[proto.Frame],
        policy: RetryPolicy = DEFAULT_POLICY,
        blocks_per_read: int = 8,
        blocks_per_write: int = 8,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__(policy, sleep)
        self._link = link
        self.blocks_per_read, self.blocks_per_write = blocks_per_read, blocks_per_write

    @classmethod
    def open(cls, url: str, timeout: float = 0.5, reset_after: int = 3, **options) -> ThreeMReader:
        """Open the port at ``url`` (19200 8N1); ReaderUnavailable if it cannot be opened."""
        link = SerialLink(
            url, THREE_M_LINE, proto.FrameSplitter(), proto.decode_frame, timeout, reset_after
        )
        link.open()
        return cls(link, **options)

    def close(self) -> None:
        self._link.close()

    def inventory(self, afi: int = 0) -> list[InventoriedTag]:
        try:
            body = self._request(proto.inventory_request(afi), proto.Command.INVENTORY)
        except TagNotAnswering:
            return []
        found = proto.parse_inventory(body)
        # A tag that missed the quiet command answers the second poll too: one entry each.
        tags: dict[bytes, InventoriedTag] = {}
        for uid, dsfid in zip(found.uids, found.dsfids, strict=True):
            tags.setdefault(uid, InventoriedTag(uid, dsfid))
        return list(tags.values())

    def _request(self, request: bytes, command: int) -> bytes:
        return proto.checked(self._link.exchange(request), command)

    def _read_once(self, uid: bytes, first: int, count: int) -> bytes:
        body = self._request(
            proto.read_blocks_request(uid, first, count), proto.Command.READ_BLOCKS
        )
        answered, blocks = proto.parse_blocks(body)
        _same_tag(uid, answered)
        by_number = {block.number: block.data for block in blocks}
        wanted = range(first, first + count)
        if set(by_number) != set(wanted):
            raise CorruptFrame(
                f"asked for blocks {first}-{first + count - 1}, got {sorted(by_number)}"
            )
        return b"".join(by_number[number] for number in wanted)

    def _write_once(self, uid: bytes, first: int, data: bytes) -> None:
        request = proto.write_blocks_request(uid, first, data)
        _same_tag(uid, proto.parse_uid(self._request(request, proto.Command.WRITE_BLOCKS)))

    def _read_afi_once(self, uid: bytes) -> int:
        body = self._request(proto.get_afi_request(uid), proto.Command.GET_AFI)
        answered, afi = proto.parse_afi(body)
        _same_tag(uid, answered)
        return afi

    def _write_afi_once(self, uid: bytes, afi: int) -> None:
        body = self._request(proto.write_afi_request(uid, afi), proto.Command.WRITE_AFI)
        _same_tag(uid, proto.parse_uid(body))

    def _read_eas_once(self, uid: bytes) -> bool:
        # Only tags with EAS set answer Check EAS, so "no transponder" is also what a disarmed
        # tag says: Get AFI tells the two apart (it answers, or the tag is really gone).
        try:
            self._request(proto.check_eas_request(uid), proto.Command.CHECK_EAS)
        except TagNotAnswering:
            self._read_afi_once(uid)
            return False
        return True

    def _write_eas_once(self, uid: bytes, armed: bool) -> None:
        body = self._request(proto.eas_control_request(uid, armed), proto.Command.EAS_CONTROL)
        _same_tag(uid, proto.parse_uid(body))


def _same_tag(asked: bytes, answered: bytes) -> None:
    if asked != answered:
        raise CorruptFrame(f"asked tag {asked.hex().upper()}, {answered.hex().upper()} answered")
