"""The RFID pad as the station's asyncio code sees it: every driver call in one worker thread.

Drivers are blocking (pyserial) and own one port, so their calls are queued on a single thread,
never run on the event loop, and never two at once. Each call's time counts as reader time.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from rfid_sip2.rfid.readers.base import (
    InventoriedTag,
    Reader,
    ReaderError,
    ReaderUnavailable,
    TagGone,
)
from rfid_sip2.rfid.security import Security
from rfid_sip2.rfid.tags import BlankTag, ItemTag, TagSettings, UndecodableTag, decode
from rfid_sip2.station.retry import Wanted
from rfid_sip2.station.timings import Timings

T = TypeVar("T")
WHOLE_TAG_BLOCKS = 28  # the user memory of the usual library tag (ICODE SLIX, 112 bytes)


class Pad:
    """The reader and the site's tag and security settings."""

    def __init__(
        self,
        reader: Reader,
        *,
        security: Security,
        tag_settings: TagSettings,
        tag_blocks: int,
        timings: Timings,
    ) -> None:
        self.reader = reader
        self.security = security
        self.tag_settings = tag_settings
        self.tag_blocks = tag_blocks
        self.timings = timings
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rfid-reader")

    @property
    def writes_eas(self) -> bool:
        return self.security.use_eas and self.reader.eas_supported

    async def _call(self, function: Callable[..., T], *args: object) -> T:
        loop = asyncio.get_running_loop()
        with self.timings.spent("reader"):
            return await loop.run_in_executor(self._worker, functools.partial(function, *args))

    async def inventory(self) -> list[InventoriedTag]:
        return await self._call(self.reader.inventory)

    async def read_tag(self, tag: InventoriedTag) -> ItemTag:
        """The tag's data; UndecodableTag when no model fits, ReaderError when unreadable.

        The first blocks hold an ISO 28560-3 tag; a tag they do not decode is read again whole
        (ISO 28560-2 data runs on), once, before it is called undecodable.
        """
        memory = await self._call(self.reader.read_blocks, tag.uid, 0, self.tag_blocks)
        try:
            return decode(memory, self.tag_settings, tag.dsfid)
        except BlankTag:
            raise
        except UndecodableTag as short:
            if self.tag_blocks >= WHOLE_TAG_BLOCKS:
                raise
            try:
                memory = await self._call(self.reader.read_blocks, tag.uid, 0, WHOLE_TAG_BLOCKS)
            except (TagGone, ReaderUnavailable):
                raise
            except ReaderError:  # a smaller tag: what was read is all there is
                raise short from None
            return decode(memory, self.tag_settings, tag.dsfid)

    async def secure(self, uid: bytes, wanted: Wanted) -> None:
        """Write the security state (AFI and/or EAS), each verified by the driver."""
        in_library = wanted is Wanted.IN_LIBRARY
        if self.security.use_afi:
            afi = self.security.afi_in_library if in_library else self.security.afi_on_loan
            await self._call(self.reader.write_afi, uid, afi)
        if self.writes_eas:
            await self._call(self.reader.write_eas, uid, in_library)

    async def close(self) -> None:
        try:
            await self._call(self.reader.close)
        finally:
            self._worker.shutdown(wait=False)
