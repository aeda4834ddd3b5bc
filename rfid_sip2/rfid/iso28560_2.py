"""ISO 28560-2: data elements with relative OIDs, encoded by the ISO/IEC 15962 rules.

Each element is a precursor (bit 7: offset follows; bits 6-4: compaction; bits 3-0: relative OID,
15 meaning "OID 15 + the next byte"), an offset byte when flagged (the number of 0x80 pad bytes
after the data), the data length (7-bit groups, high bit = more), and the compacted data. A zero
byte ends the data; stray 0x80 bytes between elements are skipped. The elements need not be in
OID order.

Decoding records each element's place, compaction and padding (``Placement``), so the tag is
written back byte for byte; a new tag gets the primary item identifier first, padded to a block
boundary (so its blocks can be locked alone), then the content parameter, then the rest in OID
order, each in the shortest compaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from rfid_sip2.rfid.compaction import (
    Compaction,
    CompactionError,
    compact,
    compact_as,
    compact_isil,
    expand,
    expand_isil,
)
from rfid_sip2.rfid.tag_values import ISO28560_2, ItemTag, UndecodableTag, Usage

DSFID = 0x06
PAD, TERMINATOR = 0x80, 0x00
ITEM_ID, CONTENT_PARAMETER, OWNER, SET_INFO, USAGE, MEDIA_FORMAT, TITLE = 1, 2, 3, 4, 5, 7, 17
ISIL_OIDS = frozenset({3, 11, 23, 25})  # owner, ILL borrower and their alternatives
LAST_OID = 15 + 255


@dataclass(frozen=True)
class DataElement:
    """A data element without a field of its own in ``ItemTag``: text, or bytes when its
    compaction is application-defined."""

    oid: int
    value: str | bytes


@dataclass(frozen=True)
class Placement:
    """Where an element was on the tag: its OID, compaction, and whether pad bytes followed it
    up to a block boundary."""

    oid: int
    compaction: int
    padded: bool = False


# Reading


def read_length(memory: bytes, pos: int) -> tuple[int, int]:
    """The length at ``pos`` and the position after it."""
    value = 0
    while True:
        if pos >= len(memory):
            raise UndecodableTag("an element's length runs past the end of memory")
        byte = memory[pos]
        value, pos = value << 7 | byte & 0x7F, pos + 1
        if not byte & 0x80:
            return value, pos


def _element(memory: bytes, pos: int) -> tuple[Placement, bytes, int]:
    precursor = memory[pos]
    oid, pos = precursor & 0x0F, pos + 1
    if oid == 0:
        raise UndecodableTag(f"precursor {precursor:02X} names relative OID 0")
    if oid == 15:
        if pos >= len(memory):
            raise UndecodableTag("an OID extension byte is missing")
        oid, pos = 15 + memory[pos], pos + 1
    padding = 0
    if precursor & 0x80:
        if pos >= len(memory):
            raise UndecodableTag("an offset byte is missing")
        padding, pos = memory[pos], pos + 1
    length, pos = read_length(memory, pos)
    end = pos + length
    if length == 0 or end + padding > len(memory):
        raise UndecodableTag(f"OID {oid}'s data ({length} bytes) runs past the end of memory")
    placement = Placement(oid, precursor >> 4 & 0x07, bool(precursor & 0x80))
    return placement, memory[pos:end], end + padding


def _text(placement: Placement, data: bytes) -> str:
    if placement.compaction == Compaction.APPLICATION_DEFINED:
        if placement.oid in ISIL_OIDS:
            return expand_isil(data)
        raise UndecodableTag(f"OID {placement.oid} holds application-defined data, not text")
    return expand(data, Compaction(placement.compaction))


def _set_info(placement: Placement, data: bytes) -> tuple[int, int]:
    if placement.compaction == Compaction.APPLICATION_DEFINED:
        if len(data) != 2:
            raise UndecodableTag("set information is two bytes: parts, part")
        return data[0], data[1]
    digits = _text(placement, data)
    half = len(digits) // 2
    if not digits.isdigit() or len(digits) % 2:
        raise UndecodableTag(f"set information {digits!r} is not two numbers of equal width")
    return int(digits[:half]), int(digits[half:])


def content_parameter(oids: set[int]) -> bytes:
    """OID 2's bitmap: the first byte's high bit for OID 3, the next for OID 4, and so on."""
    present = [oid for oid in oids if oid >= 3]
    if not present:
        return b""
    size = (max(present) - 3) // 8 + 1
    bits = 0
    for oid in present:
        bits |= 1 << (size * 8 - 1 - (oid - 3))
    return bits.to_bytes(size, "big")


def decode(memory: bytes) -> ItemTag:
    """The tag in ``memory`` (tag-memory order); UndecodableTag when the elements do not parse
    or do not start with the primary item identifier (which ISO 28560-2 puts first, so that its
    blocks can be locked)."""
    elements: dict[int, tuple[Placement, bytes]] = {}
    pos = 0
    while pos < len(memory) and memory[pos] != TERMINATOR:
        if memory[pos] == PAD:
            pos += 1
            continue
        placement, data, pos = _element(memory, pos)
        if placement.oid in elements:
            raise UndecodableTag(f"OID {placement.oid} appears twice")
        elements[placement.oid] = placement, data
    if next(iter(elements), None) != ITEM_ID:
        raise UndecodableTag("the first data element is not the primary item identifier (OID 1)")
    try:
        return _tag(elements)
    except CompactionError as error:
        raise UndecodableTag(str(error)) from None


def _tag(elements: dict[int, tuple[Placement, bytes]]) -> ItemTag:
    values: dict[str, object] = {}
    others: list[DataElement] = []
    for oid, (placement, data) in elements.items():
        if oid == ITEM_ID:
            values["item_id"] = _text(placement, data)
        elif oid == CONTENT_PARAMETER:
            if placement.compaction != 0 or data != content_parameter(set(elements)):
                others.append(DataElement(oid, data))  # kept as found: it disagrees
        elif oid == OWNER:
            values["owner_isil"] = _text(placement, data)
        elif oid == SET_INFO:
            values["parts"], values["part"] = _set_info(placement, data)
        elif oid == USAGE and placement.compaction == 0 and len(data) == 1:
            values["usage"] = Usage(data[0] >> 4, data[0] & 0x0F)
        elif oid == MEDIA_FORMAT and placement.compaction:
            values["media_format"] = _text(placement, data)
        elif oid == TITLE and placement.compaction:
            values["title"] = _text(placement, data)
        elif placement.compaction or oid in ISIL_OIDS:
            others.append(DataElement(oid, _text(placement, data)))
        else:
            others.append(DataElement(oid, data))
    return ItemTag(
        model=ISO28560_2,
        extensions=tuple(others),
        layout=tuple(placement for placement, _ in elements.values()),
        **values,  # type: ignore[arg-type]
    )


# Writing


def _values(tag: ItemTag) -> dict[int, str | bytes]:
    """Each OID's value: text, or bytes already in their application-defined form."""
    values: dict[int, str | bytes] = {ITEM_ID: tag.item_id}
    placed = {placement.oid: placement.compaction for placement in tag.layout}
    if tag.owner_isil:
        values[OWNER] = tag.owner_isil
    if placed.get(SET_INFO) == Compaction.APPLICATION_DEFINED and max(tag.parts, tag.part) < 256:
        values[SET_INFO] = bytes([tag.parts, tag.part])  # as found: two bytes
    elif (tag.parts, tag.part) != (1, 1) or SET_INFO in placed:
        width = max(len(str(tag.parts)), len(str(tag.part)))
        values[SET_INFO] = f"{tag.parts:0{width}d}{tag.part:0{width}d}"
    if tag.usage is not None:
        values[USAGE] = bytes([tag.usage.kind << 4 | tag.usage.qualifier])
    if tag.media_format:
        values[MEDIA_FORMAT] = tag.media_format
    if tag.title:
        values[TITLE] = tag.title
    for element in tag.extensions:
        if not isinstance(element, DataElement) or not 1 <= element.oid <= LAST_OID:
            raise ValueError("ISO 28560-2 extensions are DataElements with OIDs 1-270")
        if element.oid in values:
            raise ValueError(f"OID {element.oid} is given twice")
        values[element.oid] = element.value
    return values


def _compacted(oid: int, value: str | bytes, wanted: int | None) -> tuple[int, bytes]:
    if isinstance(value, bytes):
        return Compaction.APPLICATION_DEFINED, value
    if oid in ISIL_OIDS and wanted in (None, Compaction.APPLICATION_DEFINED):
        return Compaction.APPLICATION_DEFINED, compact_isil(value)
    if oid == SET_INFO and wanted is None:
        return Compaction.NUMERIC, compact_as(value, Compaction.NUMERIC)
    if wanted:
        try:
            return wanted, compact_as(value, Compaction(wanted))
        except CompactionError:
            pass  # the value changed since it was read: take the best scheme instead
    return compact(value)


def encode_length(length: int) -> bytes:
    """A length in 7-bit groups, most significant first, the high bit set on all but the last."""
    groups = [length & 0x7F]
    while length > 0x7F:
        length >>= 7
        groups.append(length & 0x7F | 0x80)
    return bytes(reversed(groups))


def _element_bytes(
    oid: int, compaction: int, data: bytes, padded: bool, start: int, block_size: int
) -> bytes:
    precursor = compaction << 4 | min(oid, 15)
    head = bytes([precursor]) + (bytes([oid - 15]) if oid >= 15 else b"")
    body = encode_length(len(data)) + data
    if not padded:
        return head + body
    padding = -(start + len(head) + 1 + len(body)) % block_size
    return bytes([precursor | 0x80]) + head[1:] + bytes([padding]) + body + bytes([PAD]) * padding


def encode(tag: ItemTag, block_size: int = 4) -> bytes:
    """The tag's elements and the terminator."""
    if tag.version != 1:
        raise ValueError("ISO 28560-2 has no data model version byte")
    values = _values(tag)
    if not tag.item_id:
        raise ValueError("the primary item identifier is empty")
    placements = {placement.oid: placement for placement in tag.layout}
    if CONTENT_PARAMETER not in values and (
        CONTENT_PARAMETER in placements or (not placements and content_parameter(set(values)))
    ):
        values[CONTENT_PARAMETER] = content_parameter(set(values))
    order = [oid for oid in placements if oid in values]
    order += sorted(oid for oid in values if oid not in placements)
    memory = b""
    for oid in order:
        placement = placements.get(oid)
        wanted = placement.compaction if placement else None
        compaction, data = _compacted(oid, values[oid], wanted)
        if not data:
            raise ValueError(f"OID {oid} is empty")
        padded = placement.padded if placement else oid == ITEM_ID
        memory += _element_bytes(oid, compaction, data, padded, len(memory), block_size)
    return memory + bytes([TERMINATOR])
