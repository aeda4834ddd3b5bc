"""What a library item's tag says, whatever data model wrote it: the station's one entry point.

``decode`` finds the model (ISO 28560-3 by its CRC); ``encode`` writes a tag in its model.
"""

from __future__ import annotations

from dataclasses import dataclass

from rfid_sip2.rfid.crc import crc16_ibm_3740


class UndecodableTag(ValueError):
    """The memory decodes under none of the configured models; the message says what was tried."""


class BlankTag(UndecodableTag):
    """A tag that holds no library data yet (as it comes from the manufacturer)."""


@dataclass(frozen=True)
class Usage:
    """ISO 28560-1 type of usage: a class (0-15) and its sub-qualifier (0-15)."""

    kind: int
    qualifier: int = 0

    @property
    def is_patron_card(self) -> bool:
        return self.kind == 8

    @property
    def not_for_issue_offline(self) -> bool:
        return self.kind == 1 and self.qualifier in (3, 5)

    @property
    def not_for_return_offline(self) -> bool:
        return self.kind == 1 and self.qualifier in (4, 5)


@dataclass(frozen=True)
class ItemTag:
    model: str  # "iso28560-3", "iso28560-2" or "3m"
    item_id: str
    owner_isil: str | None = None
    parts: int = 1
    part: int = 1
    usage: Usage | None = None


@dataclass(frozen=True)
class TagSettings:
    """How this site's tags and readers deviate from the standard."""

    reverse_blocks: bool = False  # the reader gives each block's bytes in reverse order
    block_size: int = 4


BASIC_BLOCK = 34
VERSION = 1


def decode(
    memory: bytes, settings: TagSettings = TagSettings(), dsfid: int | None = None
) -> ItemTag:
    memory = _as_stored(memory, settings)
    if not any(memory):
        raise BlankTag("the tag is blank: it holds no library data")
    if len(memory) >= 32 and _crc_matches(memory):
        return _decode_28560_3(memory)
    raise UndecodableTag("the tag decodes as no known data model (tried ISO 28560-3)")


def encode(tag: ItemTag, settings: TagSettings = TagSettings()) -> bytes:
    if tag.model != "iso28560-3":
        raise ValueError(f"cannot encode the {tag.model} model")
    item_id = tag.item_id.encode()
    isil = (tag.owner_isil or "").replace("-", "", 1).encode()
    if len(item_id) > 16 or len(isil) > 13:
        raise ValueError("the item id holds at most 16 bytes and the ISIL 13")
    usage = tag.usage.kind if tag.usage else 1
    head = bytes([VERSION << 4 | usage, tag.parts, tag.part]) + item_id.ljust(16, b"\0")
    tail = isil.ljust(13, b"\0")
    crc = crc16_ibm_3740(head + tail)
    memory = head + crc.to_bytes(2, "little") + tail
    memory = memory.ljust(-(-len(memory) // settings.block_size) * settings.block_size, b"\0")
    return _as_stored(memory, settings)


def _as_stored(memory: bytes, settings: TagSettings) -> bytes:
    if not settings.reverse_blocks:
        return memory
    size = settings.block_size
    return b"".join(memory[i : i + size][::-1] for i in range(0, len(memory), size))


def _crc_matches(memory: bytes) -> bool:
    covered = memory[:19] + memory[21:BASIC_BLOCK].ljust(13, b"\0")
    return crc16_ibm_3740(covered) == int.from_bytes(memory[19:21], "little")


def _decode_28560_3(memory: bytes) -> ItemTag:
    isil = memory[21:BASIC_BLOCK].rstrip(b"\0").decode("ascii", "replace")
    return ItemTag(
        model="iso28560-3",
        item_id=memory[3:19].rstrip(b"\0").decode("utf-8", "replace"),
        owner_isil=f"{isil[:2]}-{isil[2:]}" if len(isil) > 2 else (isil or None),
        parts=memory[1],
        part=memory[2],
        usage=Usage(memory[0] & 0x0F),
    )
