"""ISO 28560-3 (Danish data model) extension blocks: what follows the basic block.

A block is ``length`` (counting every byte of the block), a data block ID (16-bit LSB first; a
high byte of 0xFF announces a 24-bit ID: LSB, FF, middle, MSB), an XOR checksum making the XOR of
the whole block zero, then the payload. Length 0 ends the data; length 1 is a filler byte.
The checksum sits right after the ID, in the data model's order; a verifier that checks the XOR
of the whole block also accepts blocks written with the checksum last.

Blocks whose layout is known (library extension, title, ILL) are decoded when writing them back
gives the very same bytes; every other block is kept as stored (``RawBlock``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import xor

LIBRARY_EXTENSION, ACQUISITION, LIBRARY_SUPPLEMENT, TITLE, ILL = 1, 2, 3, 4, 5

MEDIA_FORMATS = {
    0: "undefined",
    1: "book",
    2: "CD/DVD",
    3: "magnetic tape",
    4: "other",
    5: "other, careful handling",
    6: "very small item",
}


@dataclass(frozen=True)
class LibraryExtension:
    """Block 1: media format (``MEDIA_FORMATS``), an alternative item id and owner."""

    media_format: int = 0
    alternative_item_id: str = ""
    alternative_owner: str = ""

    def payload(self) -> bytes:
        if not 0 <= self.media_format <= 255:
            raise ValueError("the library extension's media format is one byte")
        return bytes([self.media_format]) + _text_fields(
            self.alternative_item_id, self.alternative_owner
        )


@dataclass(frozen=True)
class TitleBlock:
    """Block 4: the item's title."""

    title: str

    def payload(self) -> bytes:
        return _text_fields(self.title)


@dataclass(frozen=True)
class IllBlock:
    """Block 5: interlibrary loan: borrowing institution, transaction number, alternative
    borrowing institution."""

    borrowing_institution: str = ""
    transaction_number: str = ""
    alternative_borrowing_institution: str = ""

    def payload(self) -> bytes:
        return _text_fields(
            self.borrowing_institution,
            self.transaction_number,
            self.alternative_borrowing_institution,
        )


@dataclass(frozen=True)
class RawBlock:
    """A block kept exactly as stored: an unknown ID, or a layout that would not re-encode."""

    raw: bytes

    @property
    def block_id(self) -> int:
        if len(self.raw) >= 5 and self.raw[2] == 0xFF:
            return self.raw[1] | self.raw[3] << 8 | self.raw[4] << 16
        return self.raw[1] | self.raw[2] << 8

    @property
    def checksum_ok(self) -> bool:
        return reduce(xor, self.raw, 0) == 0


@dataclass(frozen=True)
class Filler:
    """A filler byte (length 1) between blocks."""


ExtensionBlock = LibraryExtension | TitleBlock | IllBlock | RawBlock | Filler

_TYPED: dict[int, type[LibraryExtension | TitleBlock | IllBlock]] = {
    LIBRARY_EXTENSION: LibraryExtension,
    TITLE: TitleBlock,
    ILL: IllBlock,
}
_IDS = {kind: block_id for block_id, kind in _TYPED.items()}


def _text_fields(*fields: str) -> bytes:
    """NUL-separated UTF-8 fields, trailing empty fields left out (as writers truncate them)."""
    values = list(fields)
    while values and not values[-1]:
        values.pop()
    encoded = [value.encode("utf-8") for value in values]
    if any(b"\0" in value for value in encoded):
        raise ValueError("an extension block's text cannot hold a NUL character")
    return b"\0".join(encoded)


def encode_block(block: ExtensionBlock) -> bytes:
    """One block as stored on the tag."""
    if isinstance(block, Filler):
        return b"\x01"
    if isinstance(block, RawBlock):
        return block.raw
    block_id, payload = _IDS[type(block)], block.payload()
    header = bytes([block_id & 0xFF, block_id >> 8])
    length = 1 + len(header) + 1 + len(payload)
    if length > 255:
        raise ValueError(f"an extension block holds at most 255 bytes, not {length}")
    body = bytes([length]) + header + b"\0" + payload
    return body[:3] + bytes([reduce(xor, body, 0)]) + body[4:]


def decode_blocks(data: bytes) -> tuple[ExtensionBlock, ...]:
    """The blocks from the byte after the basic block to the end of data. A block running past
    the memory given (a partial read) ends the list."""
    blocks: list[ExtensionBlock] = []
    pos = 0
    while pos < len(data) and data[pos] != 0:
        length = data[pos]
        if length == 1:
            blocks.append(Filler())
        elif length < 4 or pos + length > len(data):
            break
        else:
            blocks.append(_typed(data[pos : pos + length]))
        pos += length
    return tuple(blocks)


def _typed(raw: bytes) -> ExtensionBlock:
    kept = RawBlock(raw)
    kind = _TYPED.get(kept.block_id) if raw[2] != 0xFF else None
    if kind is None or not kept.checksum_ok:
        return kept
    payload = raw[4:]
    try:
        if kind is LibraryExtension:
            fields = payload[1:].decode("utf-8").split("\0") if payload else []
            block: ExtensionBlock = LibraryExtension(payload[0], *fields) if payload else kept
        else:
            block = kind(*payload.decode("utf-8").split("\0"))
        return block if encode_block(block) == raw else kept
    except (UnicodeDecodeError, TypeError, IndexError, ValueError):
        return kept
