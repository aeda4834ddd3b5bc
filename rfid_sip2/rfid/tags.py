"""What a library item's tag says, whatever data model wrote it: the station's one entry point.

``decode`` finds the model: ISO 28560-3 by its CRC, ISO 28560-2 by its DSFID (0x06) or its
structure, the 3M layout by its shape. ``encode`` writes a tag in its model, padded to whole
blocks. Vendor quirks (block byte order, nibble order, CRC byte order, block size) come from
``TagSettings``; ``suggest_settings`` finds them from a tag whose item id is known.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from itertools import product

from rfid_sip2.rfid import iso28560_2, iso28560_3, three_m
from rfid_sip2.rfid.tag_values import (
    ISO28560_2,
    ISO28560_3,
    MODELS,
    THREE_M,
    BlankTag,
    ItemTag,
    TagSettings,
    UndecodableTag,
    Usage,
)

__all__ = [
    "MODELS",
    "STANDARD",
    "BlankTag",
    "ItemTag",
    "TagSettings",
    "UndecodableTag",
    "Usage",
    "decode",
    "encode",
    "suggest_settings",
]

_DECODERS: dict[str, Callable[[bytes, TagSettings], ItemTag]] = {
    ISO28560_3: lambda memory, settings: iso28560_3.decode(memory, settings.swap_nibbles),
    ISO28560_2: lambda memory, settings: iso28560_2.decode(memory),
    THREE_M: lambda memory, settings: three_m.decode(memory),
}
STANDARD = TagSettings()  # what the standards say, with 4-byte blocks
_QUIRKS = ("reverse_blocks", "swap_nibbles", "crc_msb_first")


def _reordered(memory: bytes, settings: TagSettings) -> bytes:
    """Memory as the reader gives it <-> memory in tag order (the same operation both ways)."""
    if not settings.reverse_blocks:
        return memory
    size = settings.block_size
    return b"".join(memory[i : i + size][::-1] for i in range(0, len(memory), size))


def _is_blank(memory: bytes) -> bool:
    # Generic blanks have their first three blocks zero; 3M's leave the factory with 0x55s.
    return not any(memory[:12]) or memory.startswith(three_m.MANUFACTURING_BLANK)


def _models_to_try(settings: TagSettings, dsfid: int | None) -> list[str]:
    models = list(settings.models)
    if dsfid == iso28560_2.DSFID and ISO28560_2 in models:
        models.remove(ISO28560_2)
        models.insert(0, ISO28560_2)
    return models


def _decode_strictly(memory: bytes, settings: TagSettings, dsfid: int | None) -> ItemTag:
    stored = _reordered(memory, settings)
    if _is_blank(stored):
        raise BlankTag("the tag is blank: it holds no library data")
    reasons = []
    for model in _models_to_try(settings, dsfid):
        try:
            return _DECODERS[model](stored, settings)
        except UndecodableTag as why:
            reasons.append(f"{model}: {why}")
    raise UndecodableTag(f"the tag decodes as no known data model (tried {'; '.join(reasons)})")


def decode(memory: bytes, settings: TagSettings = STANDARD, dsfid: int | None = None) -> ItemTag:
    """The item ``memory`` describes (memory as the reader gives it, from block 0).

    Raises ``BlankTag`` for a blank tag, ``UndecodableTag`` (saying what was tried, and which
    settings would read it if other settings would) for anything else it cannot read.
    """
    try:
        return _decode_strictly(memory, settings, dsfid)
    except BlankTag:
        raise
    except UndecodableTag as error:
        hint = _other_settings_that_read(memory, settings, dsfid)
        if hint is None:
            raise
        raise UndecodableTag(f"{error}; it reads with {_describe(hint)}") from None


def encode(tag: ItemTag, settings: TagSettings = STANDARD) -> bytes:
    """The bytes to write from block 0, in the reader's order, padded to whole blocks.

    Raises ValueError when the model cannot hold the tag (or it does not fit ``memory_size``).
    """
    if tag.model == ISO28560_3:
        memory = iso28560_3.encode(
            tag, settings.swap_nibbles, settings.crc_msb_first, settings.memory_size
        )
    elif tag.model == ISO28560_2:
        memory = iso28560_2.encode(tag, settings.block_size)
    elif tag.model == THREE_M:
        memory = three_m.encode(tag)
    else:
        raise ValueError(f"unknown tag data model {tag.model!r}: choose from {', '.join(MODELS)}")
    memory = memory.ljust(-(-len(memory) // settings.block_size) * settings.block_size, b"\0")
    if settings.memory_size is not None and len(memory) > settings.memory_size:
        raise ValueError(f"{len(memory)} bytes do not fit a {settings.memory_size}-byte tag")
    return _reordered(memory, settings)


def _candidates(base: TagSettings) -> list[TagSettings]:
    """Every quirk combination, fewest quirks first."""
    options = []
    for reverse, swap, msb, size in product((False, True), (False, True), (False, True), (4, 8)):
        options.append(
            replace(
                base, reverse_blocks=reverse, swap_nibbles=swap, crc_msb_first=msb, block_size=size
            )
        )
    return sorted(options, key=_quirk_count)


def _quirk_count(settings: TagSettings) -> int:
    return sum(getattr(settings, name) for name in _QUIRKS) + (settings.block_size != 4)


def _describe(settings: TagSettings) -> str:
    changed = [
        f"{name}={getattr(settings, name)}"
        for name in (*_QUIRKS, "block_size")
        if getattr(settings, name) != getattr(STANDARD, name)
    ]
    return ", ".join(changed) or "the standard settings"


def _other_settings_that_read(
    memory: bytes, settings: TagSettings, dsfid: int | None
) -> TagSettings | None:
    for candidate in _candidates(settings):
        if candidate == settings:
            continue
        try:
            _decode_strictly(memory, candidate, dsfid)
        except UndecodableTag:
            continue
        return candidate
    return None


def _writes_back(memory: bytes, tag: ItemTag, settings: TagSettings) -> bool:
    try:
        written = encode(tag, settings)
    except ValueError:
        return False
    size = min(len(written), len(memory))
    return written[:size] == memory[:size]


def suggest_settings(
    memory: bytes, known_item_id: str, base: TagSettings = STANDARD
) -> list[TagSettings]:
    """The settings under which ``memory`` (read from a tag whose item id is known) decodes to
    that item id, fewest quirks first. When some of them also write the tag back byte for byte,
    only those; a quirk that changes nothing for this tag is left out."""
    found: dict[TagSettings, tuple[ItemTag, bool]] = {}
    for candidate in _candidates(base):
        try:
            tag = _decode_strictly(memory, candidate, None)
        except UndecodableTag:
            continue
        if tag.item_id == known_item_id:
            found[candidate] = tag, _writes_back(memory, tag, candidate)
    if any(exact for _, exact in found.values()):
        found = {settings: outcome for settings, outcome in found.items() if outcome[1]}
    useful = [
        settings
        for settings, outcome in found.items()
        if not any(found.get(simpler) == outcome for simpler in _simpler(settings))
    ]
    return sorted(useful, key=_quirk_count)


def _simpler(settings: TagSettings) -> list[TagSettings]:
    """The settings with one quirk fewer."""
    simpler = [replace(settings, **{name: False}) for name in _QUIRKS if getattr(settings, name)]
    if settings.block_size != 4:
        simpler.append(replace(settings, block_size=4))
    return simpler
