"""The 3M legacy "RFID501" layout (what 3M-era library tags hold), in 4-byte blocks:

======= ==============================================================
block   content
======= ==============================================================
0       ``04``, part number << 4 | number of parts, ``00``, media type
1-4     barcode, 16 bytes, NUL-padded
5       branch (12 bits) and library (20 bits), big-endian
6       custom field, signed 32-bit, big-endian
7       zero
======= ==============================================================
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from rfid_sip2.rfid.tag_values import THREE_M, ItemTag, UndecodableTag

SIZE = 32
MARKER = 0x04
MEDIA_TYPES = {
    0: "other",
    1: "book",
    2: "magazine",
    3: "bound journal",
    4: "audio tape",
    5: "video",
    6: "CD",
    7: "diskette",
    8: "book with diskette",
    9: "book with CD",
    13: "book with audio tape",
}
# A blank as 3M tags leave the factory: six blocks of 0x55, then zeros.
MANUFACTURING_BLANK = b"\x55" * 24 + b"\0" * 4


@dataclass(frozen=True)
class ThreeMFields:
    """What the 3M layout holds besides the barcode and the set: media type, branch, library
    and a custom field."""

    media_type: int = 0
    branch: int = 0
    library: int = 0
    custom: int = 0


_LAYOUT = struct.Struct(">BBBB16sIi4x")


def decode(memory: bytes) -> ItemTag:
    """The tag in ``memory``; UndecodableTag when it does not have the layout's shape."""
    if len(memory) < SIZE:
        raise UndecodableTag(f"{len(memory)} bytes are too few for the 3M layout")
    marker, pieces, zero, media_type, barcode, owner, custom = _LAYOUT.unpack_from(memory)
    if marker != MARKER or zero != 0:
        raise UndecodableTag("block 0 does not start with 04 and hold 00 in its third byte")
    text = barcode.rstrip(b"\0")
    if not text or not all(0x21 <= byte <= 0x7E for byte in text):
        raise UndecodableTag("the barcode (blocks 1-4) is not printable ASCII padded with NULs")
    return ItemTag(
        model=THREE_M,
        item_id=text.decode("ascii"),
        parts=pieces & 0x0F,
        part=pieces >> 4,
        extensions=(ThreeMFields(media_type, owner >> 20, owner & 0xFFFFF, custom),),
    )


def encode(tag: ItemTag) -> bytes:
    """The tag in the 3M layout (32 bytes)."""
    if tag.owner_isil or tag.usage or tag.media_format or tag.title:
        raise ValueError("the 3M layout has no owner ISIL, type of usage, media format or title")
    if any(not isinstance(item, ThreeMFields) for item in tag.extensions):
        raise ValueError("the 3M layout carries no extension blocks or data elements")
    fields = tag.extensions[0] if tag.extensions else ThreeMFields()
    barcode = tag.item_id.encode("ascii", "replace")
    if not barcode or len(barcode) > 16 or not all(0x21 <= byte <= 0x7E for byte in barcode):
        raise ValueError(f"a 3M barcode is 1 to 16 printable ASCII characters: {tag.item_id!r}")
    if not (0 <= tag.parts <= 15 and 0 <= tag.part <= 15):
        raise ValueError("parts and part number are 0-15 in the 3M layout")
    if not (
        0 <= fields.media_type <= 255
        and 0 <= fields.branch <= 0xFFF
        and 0 <= fields.library <= 0xFFFFF
        and -(2**31) <= fields.custom < 2**31
    ):
        raise ValueError("3M media type is 0-255, branch 0-4095, library 0-1048575")
    return _LAYOUT.pack(
        MARKER,
        tag.part << 4 | tag.parts,
        0,
        fields.media_type,
        barcode,
        fields.branch << 20 | fields.library,
        fields.custom,
    )
