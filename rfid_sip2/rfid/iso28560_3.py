"""ISO 28560-3 (the Danish data model): the fixed-length basic block and its extension blocks.

Basic block, 34 bytes (32 on a 32-byte tag):

====== =====================================================================
byte   field
====== =====================================================================
0      high nibble: data model version (1, or 2); low nibble: usage class
1      number of parts in the item
2      ordinal part number
3-18   primary item identifier, NUL-padded
19-20  CRC-16/IBM-3740 of bytes 0-18 and 21-33, low byte first
21-33  owner ISIL, NUL-padded, stored without the hyphen after a country code
====== =====================================================================

On a 32-byte tag the ISIL has bytes 21-31 and the CRC covers two zero bytes in place of 32-33.
"""

from __future__ import annotations

from rfid_sip2.rfid.crc import crc16_ibm_3740
from rfid_sip2.rfid.iso28560_3_blocks import decode_blocks, encode_block
from rfid_sip2.rfid.tag_values import ISO28560_3, ItemTag, UndecodableTag, Usage

BASIC_BLOCK, SHORT_BASIC_BLOCK = 34, 32
VERSIONS = (1, 2)


def _swap(byte: int) -> int:
    return (byte << 4 | byte >> 4) & 0xFF


def _covered(memory: bytes) -> bytes:
    return memory[:19] + memory[21:BASIC_BLOCK].ljust(13, b"\0")


def crc_matches(memory: bytes) -> bool:
    """The stored CRC matches the basic block, in either byte order."""
    if len(memory) < SHORT_BASIC_BLOCK:
        return False
    crc = crc16_ibm_3740(_covered(memory))
    return crc in (int.from_bytes(memory[19:21], "little"), int.from_bytes(memory[19:21], "big"))


def decode(memory: bytes, swap_nibbles: bool = False) -> ItemTag:
    """The tag in ``memory`` (in tag-memory order); UndecodableTag if its CRC does not match."""
    if len(memory) < SHORT_BASIC_BLOCK:
        raise UndecodableTag(f"{len(memory)} bytes are too few for a basic block")
    if not crc_matches(memory):
        raise UndecodableTag("the basic block's CRC does not match")
    first = _swap(memory[0]) if swap_nibbles else memory[0]
    version, usage = first >> 4, first & 0x0F
    if version not in VERSIONS:
        raise UndecodableTag(f"data model version {version} is unknown (byte 0 is {first:02X})")
    try:
        item_id = memory[3:19].rstrip(b"\0").decode("utf-8")
        isil = memory[21:BASIC_BLOCK].rstrip(b"\0").decode("ascii")
    except UnicodeDecodeError:
        raise UndecodableTag("the item id or the ISIL is not text") from None
    if not item_id or "\0" in item_id:
        raise UndecodableTag("the item id is empty or has a NUL inside")
    return ItemTag(
        model=ISO28560_3,
        item_id=item_id,
        owner_isil=_with_hyphen(isil),
        parts=memory[1],
        part=memory[2],
        usage=Usage(usage),
        extensions=decode_blocks(memory[BASIC_BLOCK:]),
        version=version,
    )


def _with_hyphen(stored: str) -> str | None:
    """ISILs are stored without the hyphen after their country code: put it back."""
    if not stored:
        return None
    if "-" in stored or len(stored) <= 2:
        return stored
    return f"{stored[:2]}-{stored[2:]}"


def _without_hyphen(isil: str | None) -> bytes:
    if not isil:
        return b""
    if len(isil) > 2 and isil[2] == "-":
        isil = isil[:2] + isil[3:]
    try:
        return isil.encode("ascii")
    except UnicodeEncodeError:
        raise ValueError(f"an ISIL is ASCII: {isil!r}") from None


def encode(
    tag: ItemTag,
    swap_nibbles: bool = False,
    crc_msb_first: bool = False,
    memory_size: int | None = None,
) -> bytes:
    """The tag's bytes: the basic block, the extension blocks and an end-of-data byte (when it
    fits). ``memory_size`` 32 writes the 32-byte basic block. A tag without a type of usage is
    written as an item for circulation (class 1)."""
    if tag.media_format is not None or tag.title is not None:
        raise ValueError(
            "ISO 28560-3 carries a title and media format in extension blocks "
            "(TitleBlock, LibraryExtension), not in the basic block"
        )
    short = memory_size is not None and memory_size < BASIC_BLOCK
    item_id, isil = tag.item_id.encode("utf-8"), _without_hyphen(tag.owner_isil)
    isil_room = SHORT_BASIC_BLOCK - 21 if short else BASIC_BLOCK - 21
    if not item_id or b"\0" in item_id or len(item_id) > 16:
        raise ValueError(f"the item id holds 1 to 16 bytes, not {len(item_id)}: {tag.item_id!r}")
    if len(isil) > isil_room:
        raise ValueError(f"the ISIL holds at most {isil_room} bytes here: {tag.owner_isil!r}")
    usage = tag.usage or Usage(1)
    if usage.qualifier:
        raise ValueError("ISO 28560-3 keeps the usage class only, not a sub-qualifier")
    if tag.version not in VERSIONS:
        raise ValueError(f"data model version {tag.version} is unknown")
    if not (0 <= tag.parts <= 255 and 0 <= tag.part <= 255):
        raise ValueError("parts and part number are 0-255 in ISO 28560-3")
    first = tag.version << 4 | usage.kind
    head = bytes([_swap(first) if swap_nibbles else first, tag.parts, tag.part])
    head += item_id.ljust(16, b"\0")
    tail = isil.ljust(isil_room, b"\0")
    crc = crc16_ibm_3740(head + tail.ljust(13, b"\0"))
    memory = head + crc.to_bytes(2, "big" if crc_msb_first else "little") + tail
    blocks = b"".join(encode_block(block) for block in tag.extensions)
    if short and blocks:
        raise ValueError("a 32-byte tag has no room for extension blocks")
    memory += blocks
    if memory_size is None or len(memory) < memory_size:
        memory += b"\0"  # end of data, so that old blocks further on are not read
    if memory_size is not None and len(memory) > memory_size:
        raise ValueError(f"{len(memory)} bytes do not fit a {memory_size}-byte tag")
    return memory
