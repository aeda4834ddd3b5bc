"""The Feig ISO host driver (CPR-M02, OBID classic-pro): the ``Reader`` contract over
``feig_protocol``. Security is the AFI only: this reader family has no EAS commands."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from rfid_sip2.rfid.readers import feig_protocol as proto
from rfid_sip2.rfid.readers.base import InventoriedTag
from rfid_sip2.rfid.readers.errors import CorruptFrame, TagNotAnswering
from rfid_sip2.rfid.readers.link import FEIG_LINE, SerialLink
from rfid_sip2.rfid.readers.verified import DEFAULT_POLICY, RetryPolicy, VerifiedReader

log = logging.getLogger(__name__)
# More than this many "more data" replies in a row means a reader that never finishes.
MAX_INVENTORY_PAGES = 64


class FeigReader(VerifiedReader):
    """A Feig reader on one port. ``reverse_block_bytes``: the reader sends each block most
    significant byte first, the reverse of tag-memory order (true for the CPR family)."""

    eas_supported = False

    def __init__(
        self,
        link: SerialLink[proto.Frame],
        policy: RetryPolicy = DEFAULT_POLICY,
        block_size: int = 4,
        blocks_per_read: int = 24,
        blocks_per_write: int = 8,
        reverse_block_bytes: bool = True,
        address: int = proto.ANY_ADDRESS,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__(policy, sleep)
        self._link, self._address = link, address
        self.block_size, self.reverse_block_bytes = block_size, reverse_block_bytes
        self.blocks_per_read, self.blocks_per_write = blocks_per_read, blocks_per_write

    @classmethod
    def open(cls, url: str, timeout: float = 0.5, reset_after: int = 3, **options) -> FeigReader:
        """Open the port at ``url`` (38400 8E1); ReaderUnavailable if it cannot be opened."""
        link = SerialLink(
            url, FEIG_LINE, proto.FrameSplitter(), proto.decode_frame, timeout, reset_after
        )
        link.open()
        return cls(link, **options)

    def close(self) -> None:
        self._link.close()

    def inventory(self, afi: int = 0) -> list[InventoriedTag]:
        tags: dict[bytes, InventoriedTag] = {}
        request = proto.inventory_request(afi=afi, address=self._address)
        for _ in range(MAX_INVENTORY_PAGES):
            try:
                answer = self._request(request)
            except TagNotAnswering:
                break
            for entry in proto.parse_inventory(answer.data):
                tags.setdefault(entry.uid, InventoriedTag(entry.uid, entry.dsfid))
            if answer.status == proto.Status.BUFFER_OVERFLOW:
                log.warning("event=reader_buffer_overflow tags=%d", len(tags))
            if answer.status != proto.Status.MORE_DATA:
                break
            request = proto.inventory_request(more=True, address=self._address)
        return list(tags.values())

    def _request(self, request: bytes) -> proto.Reply:
        return proto.checked(self._link.exchange(request))

    def _memory_order(self, wire: bytes) -> bytes:
        """Tag-memory order from the reader's block order, and back (the same swap)."""
        if not self.reverse_block_bytes:
            return wire
        size = self.block_size
        return b"".join(wire[i : i + size][::-1] for i in range(0, len(wire), size))

    def _read_once(self, uid: bytes, first: int, count: int) -> bytes:
        answer = self._request(proto.read_blocks_request(uid, first, count, self._address))
        size, blocks = proto.parse_blocks(answer.data)
        if size != self.block_size or len(blocks) != count:
            raise CorruptFrame(
                f"asked for {count} blocks of {self.block_size} bytes, got {len(blocks)} of {size}"
            )
        return self._memory_order(b"".join(blocks))

    def _write_once(self, uid: bytes, first: int, data: bytes) -> None:
        wire = self._memory_order(data)
        self._request(proto.write_blocks_request(uid, first, self.block_size, wire, self._address))

    def _read_afi_once(self, uid: bytes) -> int:
        info = proto.parse_system_info(
            self._request(proto.system_info_request(uid, self._address)).data
        )
        if info.uid != uid:
            raise CorruptFrame(f"asked tag {uid.hex().upper()}, {info.uid.hex().upper()} answered")
        return info.afi

    def _write_afi_once(self, uid: bytes, afi: int) -> None:
        self._request(proto.write_afi_request(uid, afi, self._address))
