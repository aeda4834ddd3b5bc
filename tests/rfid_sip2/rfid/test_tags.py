"""Tags in the Danish data model (ISO 28560-3), read and written byte for byte."""

import pytest

from rfid_sip2.rfid.tags import (
    BlankTag,
    ItemTag,
    TagSettings,
    UndecodableTag,
    Usage,
    decode,
    encode,
)

# libdanrfid's DDMDataTest vector (a 32-byte tag): PII 11223344, ISIL DE-705, CRC 0x3E51 LSB first.
DANISH_32 = bytes.fromhex(
    "11 01 01 31 31 32 32 33 33 34 34 00 00 00 00 00 00 00 00 51 3E44 45 37 30 35 00 00 00 00 00 00"
)
# The TH Wildau README's values (PII 1000000136, ISIL DK-718500) in the 34-byte basic block.
DANISH_34 = bytes.fromhex(
    "11 01 01 31 30 30 30 30 30 30 31 33 36 00 00 00 00 00 00 36 15"
    "44 4B 37 31 38 35 30 30 00 00 00 00 00"
)


def test_a_32_byte_danish_tag_decodes_to_its_item_and_library():
    tag = decode(DANISH_32)
    assert (tag.model, tag.item_id, tag.owner_isil) == ("iso28560-3", "11223344", "DE-705")
    assert (tag.parts, tag.part, tag.usage) == (1, 1, Usage(1))


def test_a_34_byte_danish_tag_is_written_byte_for_byte():
    tag = ItemTag("iso28560-3", "1000000136", "DK-718500", usage=Usage(1))
    assert decode(DANISH_34) == tag
    assert encode(tag)[:34] == DANISH_34


def test_a_reader_that_reverses_each_block_is_read_by_setting():
    settings = TagSettings(reverse_blocks=True)
    stored = encode(ItemTag("iso28560-3", "39520000000006", "MD-CPL", parts=2, part=1), settings)
    assert decode(stored, settings).item_id == "39520000000006"
    with pytest.raises(UndecodableTag):
        decode(stored)


def test_a_blank_tag_is_named_so():
    with pytest.raises(BlankTag, match="blank"):
        decode(bytes(32))
