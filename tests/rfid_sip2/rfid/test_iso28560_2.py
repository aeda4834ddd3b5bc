"""ISO 28560-2 tags: data elements with relative OIDs, byte for byte with the real tag."""

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rfid_sip2.rfid import iso28560_2
from rfid_sip2.rfid.iso28560_2 import (
    DataElement,
    Placement,
    content_parameter,
    encode_length,
    read_length,
)
from rfid_sip2.rfid.tag_values import ItemTag, UndecodableTag, Usage
from rfid_sip2.rfid.tags import TagSettings, decode, encode

# A real tag (Hypernova iso28560 tests test_iso28560_2_mv): DSFID 06, 4-byte blocks, 28 blocks.
# PII 1620168259 (integer, padded to block 2), content parameter A8 (OIDs 3, 5, 7), usage 10,
# ONIX media format "BA" as an octet string, then owner ISIL FI-Mamk-M last: not in OID order.
REAL = bytes.fromhex(
    "91 01 04 60 91 CE 43 80 02 01 A8 05 01 10 67 02 42 41 03 07 32 40 DE 05 AB 07 5B 00"
).ljust(28 * 4, b"\0")
REAL_TAG = ItemTag(
    "iso28560-2",
    "1620168259",
    "FI-Mamk-M",
    usage=Usage(1, 0),
    media_format="BA",
)


def without_layout(tag: ItemTag) -> ItemTag:
    return dataclasses.replace(tag, layout=())


def test_the_real_tag_decodes_to_its_item_library_usage_and_media_format():
    tag = decode(REAL, dsfid=0x06)
    assert without_layout(tag) == REAL_TAG
    assert [placement.oid for placement in tag.layout] == [1, 2, 5, 7, 3]


def test_the_real_tag_is_found_without_its_dsfid_by_its_structure():
    assert decode(REAL).model == "iso28560-2"


def test_the_real_tag_is_written_back_byte_for_byte():
    assert encode(decode(REAL)) == REAL[:28]


def test_a_new_tag_with_the_real_tags_values_pads_the_item_id_to_a_block_and_sorts_oids():
    written = encode(REAL_TAG)
    assert written.hex(" ").upper() == (
        "91 01 04 60 91 CE 43 80 02 01 A8 03 07 32 40 DE 05 AB 07 5B 05 01 10 67 02 42 41 00"
    )
    assert without_layout(decode(written)) == REAL_TAG


def test_padding_follows_the_block_size():
    tag = ItemTag("iso28560-2", "39520000000006")  # 6 bytes as an integer: 9 with its header
    assert encode(tag, TagSettings(block_size=4))[1] == 3  # 9 + 3 pad bytes = 3 blocks
    written = encode(tag, TagSettings(block_size=8))
    assert written[1] == 7  # 9 + 7 pad bytes = 2 blocks
    assert written[9:16] == b"\x80" * 7 and written[16] == 0


def test_stray_pad_bytes_between_elements_are_skipped():
    memory = bytes.fromhex("11 02 30 39 80 80 05 01 10 00")
    assert decode(memory, dsfid=6).item_id == "12345"
    assert decode(memory, dsfid=6).usage == Usage(1)


def test_an_oid_above_14_takes_an_extension_byte():
    tag = ItemTag("iso28560-2", "12", title="Hamlet")
    written = encode(tag)
    assert written[:8] == bytes.fromhex("91 00 01 0C 02 02 00 02")  # OID 17: 2nd byte, bit 6
    assert written[8:11] == bytes.fromhex("6F 02 06")  # octet string, OID 15 + 2 = 17
    assert decode(written).title == "Hamlet"


def test_a_long_element_has_a_multi_byte_length():
    tag = ItemTag("iso28560-2", "12", title="a" * 200)  # 175 bytes in 7-bit compaction
    written = encode(tag)
    assert written[8:12] == bytes.fromhex("5F 02 81 2F")  # 175 = 1 * 128 + 47
    assert decode(written).title == "a" * 200
    upper = encode(ItemTag("iso28560-2", "12", title="A" * 200))  # 125 bytes in 5-bit
    assert upper[8:11] == bytes.fromhex("3F 02 7D")
    assert decode(upper).title == "A" * 200


@pytest.mark.parametrize(
    ("length", "stored"),
    # Length vectors from the Hypernova iso15692 tests.
    [(127, "7F"), (128, "81 00"), (129, "81 01"), (16383, "FF 7F"), (16384, "81 80 00")],
)
def test_lengths_are_7_bit_groups_with_a_more_bit(length, stored):
    assert encode_length(length) == bytes.fromhex(stored)
    assert read_length(bytes.fromhex(stored) + b"\x55", 0) == (length, len(stored) // 3 + 1)


def test_set_information_and_a_usage_sub_qualifier_are_written_and_read():
    tag = ItemTag("iso28560-2", "3952", parts=12, part=3, usage=Usage(1, 5))
    written = encode(tag)
    assert bytes.fromhex("24 02 12 03") in written  # numeric "1203"
    back = decode(written)
    assert (back.parts, back.part, back.usage) == (12, 3, Usage(1, 5))
    assert back.usage.not_for_issue_offline and back.usage.not_for_return_offline


def test_set_information_found_as_two_bytes_is_written_back_as_two_bytes():
    memory = bytes.fromhex("11 02 30 39 04 02 03 02 00")
    tag = decode(memory, dsfid=6)
    assert (tag.parts, tag.part) == (3, 2)
    assert encode(tag)[:9] == memory


def test_the_content_parameter_maps_oid_3_to_the_first_bit():
    assert content_parameter({1, 2, 3, 5, 7}) == bytes([0xA8])
    assert content_parameter({1, 11}) == bytes([0x00, 0x80])
    assert content_parameter({1, 17}) == bytes([0x00, 0x02])
    assert content_parameter({1}) == b""


def test_a_content_parameter_that_disagrees_is_kept_as_found():
    memory = bytes.fromhex("11 02 30 39 02 01 FF 05 01 10 00")
    tag = decode(memory, dsfid=6)
    assert DataElement(2, b"\xff") in tag.extensions
    assert encode(tag)[:11] == memory


def test_other_elements_are_kept_as_data_elements():
    tag = ItemTag(
        "iso28560-2",
        "39520000000006",
        "MD-CPL",
        extensions=(
            DataElement(6, "Fiction F12"),
            DataElement(11, "FI-He"),
            DataElement(26, b"\1"),
        ),
    )
    back = decode(encode(tag))
    assert without_layout(back) == tag
    assert Placement(11, 0) in back.layout  # the ILL borrower's ISIL in ISIL compaction


@pytest.mark.parametrize(
    ("memory", "reason"),
    [
        ("05 01 10 11 01 0C 00", "first data element"),
        ("11 05 30 39 00", "past the end"),
        ("11 01 0C 11 01 0C 00", "twice"),
        ("01 01 0C 00", "application-defined"),
        ("91 01 04 60 91 CE 43 80 50 01 41 00", "OID 0"),
    ],
)
def test_broken_structures_are_refused_with_the_reason(memory, reason):
    with pytest.raises(UndecodableTag, match=reason):
        iso28560_2.decode(bytes.fromhex(memory))


def test_a_value_that_no_longer_fits_its_compaction_gets_the_best_one():
    tag = dataclasses.replace(decode(REAL), item_id="B-1620")
    assert decode(encode(tag)).item_id == "B-1620"


digits = st.text(alphabet="0123456789", min_size=1, max_size=20)
texts = st.text(min_size=1, max_size=30).filter(lambda text: "\0" not in text)
isils = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-:/")
other_oids = st.sampled_from([6, 8, 9, 10, 12, 13, 14, 15, 16, 18, 19, 20, 21, 22, 24, 26, 40])


@st.composite
def tags(draw):
    extensions = draw(st.dictionaries(other_oids, texts, max_size=3))
    return ItemTag(
        "iso28560-2",
        draw(st.one_of(digits, texts)),
        draw(st.none() | isils.filter(bool)),
        parts=draw(st.integers(1, 99)),
        part=draw(st.integers(1, 99)),
        usage=draw(st.none() | st.builds(Usage, st.integers(0, 15), st.integers(0, 15))),
        media_format=draw(st.none() | texts),
        title=draw(st.none() | texts),
        extensions=tuple(DataElement(oid, value) for oid, value in sorted(extensions.items())),
    )


@settings(deadline=None)
@given(tags(), st.sampled_from([4, 8]), st.booleans())
def test_any_tag_comes_back_from_its_bytes_and_is_written_the_same_again(tag, size, reverse):
    quirks = TagSettings(block_size=size, reverse_blocks=reverse)
    written = encode(tag, quirks)
    assert len(written) % size == 0
    back = decode(written, quirks, dsfid=0x06)
    assert without_layout(back) == tag
    assert encode(back, quirks) == written
