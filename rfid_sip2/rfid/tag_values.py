"""What a library item's tag says, as typed values shared by every data model.

The models (``iso28560_3``, ``iso28560_2``, ``three_m``) read memory into an ``ItemTag`` and write
one back; ``tags`` chooses between them. Nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rfid_sip2.rfid.iso28560_2 import DataElement, Placement
    from rfid_sip2.rfid.iso28560_3_blocks import ExtensionBlock
    from rfid_sip2.rfid.three_m import ThreeMFields

ISO28560_3, ISO28560_2, THREE_M = "iso28560-3", "iso28560-2", "3m"
MODELS = (ISO28560_3, ISO28560_2, THREE_M)


class UndecodableTag(ValueError):
    """The memory decodes under none of the configured models; the message says what was tried."""


class BlankTag(UndecodableTag):
    """A tag that holds no library data yet (as it comes from the manufacturer)."""


USAGE_CLASSES = {
    0: "acquisition item",
    1: "item for circulation",
    2: "item not for circulation",
    3: "local use",
    4: "local use",
    6: "no information about usage on the tag",
    7: "discarded item",
    8: "patron card",
    9: "library equipment",
}


@dataclass(frozen=True)
class Usage:
    """ISO 28560-1 type of usage: a class (0-15) and its sub-qualifier (0-15)."""

    kind: int
    qualifier: int = 0

    def __post_init__(self) -> None:
        if not (0 <= self.kind <= 15 and 0 <= self.qualifier <= 15):
            raise ValueError("a type of usage is a class 0-15 and a sub-qualifier 0-15")

    @property
    def is_patron_card(self) -> bool:
        return self.kind == 8

    @property
    def is_for_circulation(self) -> bool:
        return self.kind == 1

    @property
    def not_for_issue_offline(self) -> bool:
        return self.kind == 1 and self.qualifier in (3, 5)

    @property
    def not_for_return_offline(self) -> bool:
        return self.kind == 1 and self.qualifier in (4, 5)

    @property
    def description(self) -> str:
        return USAGE_CLASSES.get(self.kind, "for future use")


@dataclass(frozen=True)
class ItemTag:
    """One tag's library data. The first six fields mean the same in every model; the others are
    what a model carries beyond them, kept so that a decoded tag is written back byte for byte.

    - ``media_format``: ONIX media format (ISO 28560-2 OID 7), e.g. ``"BA"`` for a book.
    - ``title``: ISO 28560-2 OID 17 (ISO 28560-3 carries its title in a ``TitleBlock``).
    - ``extensions``: ISO 28560-3 extension blocks, ISO 28560-2 data elements without a field of
      their own, or the 3M layout's ``ThreeMFields``, in the order they are on the tag.
    - ``layout``: ISO 28560-2 only: each element's place, compaction and padding as found.
    - ``version``: ISO 28560-3 only: the data model version (byte 0's high nibble).
    """

    model: str  # "iso28560-3", "iso28560-2" or "3m"
    item_id: str
    owner_isil: str | None = None
    parts: int = 1
    part: int = 1
    usage: Usage | None = None
    media_format: str | None = None
    title: str | None = None
    extensions: tuple[ExtensionBlock | DataElement | ThreeMFields, ...] = ()
    layout: tuple[Placement, ...] = ()
    version: int = 1


@dataclass(frozen=True)
class TagSettings:
    """How this site's tags and readers deviate from the standard (set by configuration).

    - ``reverse_blocks``: the reader gives each block's bytes in reverse order (Feig in ISO host
      mode, some others).
    - ``swap_nibbles``: ISO 28560-3 byte 0 has the usage in the high nibble and the version in
      the low one (some vendors).
    - ``crc_msb_first``: ISO 28560-3 CRC stored high byte first.
    - ``block_size``: the tag's block size in bytes (4, or 8 on some tags).
    - ``models``: the data models to try, in order.
    - ``memory_size``: the tag's user memory in bytes, when known: ``encode`` refuses what does
      not fit, and writes the 32-byte ISO 28560-3 basic block on a 32-byte tag.
    """

    reverse_blocks: bool = False
    block_size: int = 4
    swap_nibbles: bool = False
    crc_msb_first: bool = False
    models: tuple[str, ...] = MODELS
    memory_size: int | None = None

    def __post_init__(self) -> None:
        if self.block_size not in (4, 8):
            raise ValueError(f"block size must be 4 or 8 bytes, not {self.block_size}")
        unknown = [model for model in self.models if model not in MODELS]
        if unknown or not self.models:
            raise ValueError(
                f"unknown tag data model {', '.join(unknown) or '(none given)'}: "
                f"choose from {', '.join(MODELS)}"
            )
        if self.memory_size is not None and self.memory_size < 32:
            raise ValueError(f"a tag memory of {self.memory_size} bytes holds no item tag")
