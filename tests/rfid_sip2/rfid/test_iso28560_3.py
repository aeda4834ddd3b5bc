"""ISO 28560-3 (Danish data model): the basic block and the extension blocks after it."""

from functools import reduce
from operator import xor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rfid_sip2.rfid import iso28560_3
from rfid_sip2.rfid.iso28560_3_blocks import (
    Filler,
    IllBlock,
    LibraryExtension,
    RawBlock,
    TitleBlock,
    decode_blocks,
    encode_block,
)
from rfid_sip2.rfid.tag_values import ItemTag, UndecodableTag, Usage
from rfid_sip2.rfid.tags import TagSettings, decode, encode
from tests.rfid_sip2.rfid.vectors import DANISH_32, DANISH_34

TAG_34 = ItemTag("iso28560-3", "1000000136", "DK-718500", usage=Usage(1))


def test_the_32_byte_vector_is_written_byte_for_byte_on_a_32_byte_tag():
    tag = decode(DANISH_32)
    assert tag == ItemTag("iso28560-3", "11223344", "DE-705", usage=Usage(1))
    assert encode(tag, TagSettings(memory_size=32)) == DANISH_32


def test_the_34_byte_vector_is_written_with_an_end_of_data_byte_after_it():
    assert encode(TAG_34) == DANISH_34 + b"\0\0"


def test_a_crc_stored_high_byte_first_is_read_and_written_by_setting():
    swapped = DANISH_34[:19] + DANISH_34[19:21][::-1] + DANISH_34[21:]
    assert decode(swapped) == TAG_34
    assert encode(TAG_34, TagSettings(crc_msb_first=True))[:34] == swapped


def test_a_corrupted_byte_fails_the_crc():
    corrupted = bytearray(DANISH_34)
    corrupted[5] ^= 0x01
    with pytest.raises(UndecodableTag, match="CRC"):
        iso28560_3.decode(bytes(corrupted))


def test_a_vendor_that_swaps_byte_0s_nibbles_is_read_by_setting():
    patron_card = ItemTag("iso28560-3", "23529001000011", "MD-CPL", usage=Usage(8))
    swapped = encode(patron_card, TagSettings(swap_nibbles=True))
    assert swapped[0] == 0x81
    assert decode(swapped, TagSettings(swap_nibbles=True)).usage.is_patron_card
    with pytest.raises(UndecodableTag, match="swap_nibbles=True"):
        decode(swapped)  # version 8 is unknown: never read a patron card as an item


def test_an_isil_without_a_country_hyphen_keeps_its_own():
    tag = ItemTag("iso28560-3", "1", "O-OCLC", usage=Usage(1))
    assert encode(tag)[21:27] == b"O-OCLC"
    assert decode(encode(tag)).owner_isil == "O-OCLC"


def test_what_the_basic_block_cannot_hold_is_refused():
    with pytest.raises(ValueError, match="16 bytes"):
        encode(ItemTag("iso28560-3", "12345678901234567"))
    with pytest.raises(ValueError, match="ISIL"):
        encode(ItemTag("iso28560-3", "1", "DK-7185001234567"))
    with pytest.raises(ValueError, match="sub-qualifier"):
        encode(ItemTag("iso28560-3", "1", usage=Usage(1, 3)))
    with pytest.raises(ValueError, match="32-byte tag"):
        encode(
            ItemTag("iso28560-3", "1", extensions=(TitleBlock("Hamlet"),)),
            TagSettings(memory_size=32),
        )


def test_extension_blocks_carry_their_length_id_and_a_checksum_after_the_id():
    block = encode_block(TitleBlock("Hamlet"))
    assert block == bytes([10, 4, 0, block[3]]) + b"Hamlet"
    assert reduce(xor, block) == 0


def test_known_blocks_decode_and_the_tag_is_written_back_byte_for_byte():
    tag = ItemTag(
        "iso28560-3",
        "1000000136",
        "DK-718500",
        parts=2,
        part=1,
        usage=Usage(1),
        extensions=(
            LibraryExtension(2, "1000000137", "DK-718500"),
            Filler(),
            TitleBlock("Brand"),
            IllBlock("DK-710100", "ILL-77"),
        ),
    )
    memory = encode(tag)
    assert decode(memory) == tag
    assert encode(decode(memory)) == memory


def test_unknown_blocks_and_24_bit_ids_are_kept_as_stored():
    unknown = bytes([6, 100, 0, 0, 0xAB, 0xCD])
    unknown = unknown[:3] + bytes([reduce(xor, unknown)]) + unknown[4:]
    wide = bytes([7, 0x01, 0xFF, 0x02, 0x03, 0x00, 0x42])
    wide = wide[:5] + bytes([reduce(xor, wide)]) + wide[6:]
    blocks = decode_blocks(unknown + wide + b"\0")
    assert blocks == (RawBlock(unknown), RawBlock(wide))
    assert blocks[0].block_id == 100 and blocks[0].checksum_ok
    assert blocks[1].block_id == 0x030201


def test_a_block_with_a_bad_checksum_is_kept_and_flagged():
    block = bytearray(encode_block(TitleBlock("Brand")))
    block[-1] ^= 0x20
    (kept,) = decode_blocks(bytes(block))
    assert isinstance(kept, RawBlock) and not kept.checksum_ok


def test_a_block_written_with_its_checksum_last_is_kept_byte_for_byte():
    # je4's writer puts the checksum at the end: XOR still zero, the bytes still come back.
    body = bytes([10, 4, 0]) + b"Brand\0"
    block = body + bytes([reduce(xor, body)])
    memory = encode(TAG_34)[:34] + block + b"\0" * 4  # 48 bytes: 12 blocks
    assert encode(decode(memory)) == memory


def test_a_block_cut_off_by_a_short_read_ends_the_list():
    block = encode_block(TitleBlock("A long title"))
    assert decode_blocks(encode_block(TitleBlock("X")) + block[:6]) == (TitleBlock("X"),)


isils = st.builds(
    lambda country, rest: f"{country}-{rest}",
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2),
    st.text(
        alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
        min_size=1,
        max_size=11,
    ),
)
item_ids = st.text(min_size=1, max_size=16).filter(
    lambda text: "\0" not in text and len(text.encode()) <= 16 and text == text.rstrip("\0")
)
fields = st.text(max_size=20).filter(lambda text: "\0" not in text)
unknown_blocks = st.builds(
    lambda block_id, payload: RawBlock(
        bytes([4 + len(payload), block_id, 0, reduce(xor, payload, 4 + len(payload) ^ block_id)])
        + payload
    ),
    st.integers(6, 254),
    st.binary(max_size=20),
)
blocks = st.one_of(
    st.builds(LibraryExtension, st.integers(0, 6), fields, fields),
    st.builds(TitleBlock, fields),
    st.builds(IllBlock, fields, fields, fields),
    st.just(Filler()),
    unknown_blocks,
)


@settings(deadline=None)
@given(
    st.builds(
        ItemTag,
        st.just("iso28560-3"),
        item_ids,
        st.none() | isils,
        st.integers(0, 255),
        st.integers(0, 255),
        st.builds(Usage, st.integers(0, 15)),
        extensions=st.lists(blocks, max_size=4).map(tuple),
        version=st.sampled_from([1, 2]),
    ),
    st.builds(
        TagSettings,
        reverse_blocks=st.booleans(),
        block_size=st.sampled_from([4, 8]),
        swap_nibbles=st.booleans(),
        crc_msb_first=st.booleans(),
    ),
)
def test_any_tag_comes_back_from_its_bytes_under_any_settings(tag, quirks):
    written = encode(tag, quirks)
    assert len(written) % quirks.block_size == 0
    assert decode(written, quirks) == tag
