"""The 3M legacy "RFID501" layout: recognised, read and written, and its blanks."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rfid_sip2.rfid import three_m
from rfid_sip2.rfid.tag_values import BlankTag, ItemTag, UndecodableTag, Usage
from rfid_sip2.rfid.tags import decode, encode
from rfid_sip2.rfid.three_m import ThreeMFields

# Biblio-RFID t/05-RFID501.t: set 1/1, type 0, barcode 200901010123, branch FFF, library FFFFF,
# custom 7FFFFFFF.
VECTOR = bytes.fromhex(
    "04 11 00 00 32 30 30 39 30 31 30 31 30 31 32 33 "
    "00 00 00 00 FF FF FF FF 7F FF FF FF 00 00 00 00"
)
VECTOR_TAG = ItemTag(
    "3m", "200901010123", extensions=(ThreeMFields(0, 0xFFF, 0xFFFFF, 0x7FFFFFFF),)
)


def test_the_reference_vector_reads_and_is_written_byte_for_byte():
    assert decode(VECTOR) == VECTOR_TAG
    assert encode(VECTOR_TAG) == VECTOR


def test_the_set_is_part_in_the_high_nibble_and_parts_in_the_low():
    tag = ItemTag("3m", "1300001", parts=3, part=2, extensions=(ThreeMFields(media_type=9),))
    written = encode(tag)
    assert written[:4] == bytes.fromhex("04 23 00 09")
    assert decode(written) == tag


@pytest.mark.parametrize(
    "blank",
    [three_m.MANUFACTURING_BLANK + bytes(4), bytes(32), bytes(12) + b"\x55" * 20],
    ids=["3M manufacturing blank", "all zeros", "three zero blocks"],
)
def test_blank_tags_are_named_blank(blank):
    with pytest.raises(BlankTag, match="blank"):
        decode(blank)


def test_what_is_not_the_layout_is_refused():
    with pytest.raises(UndecodableTag, match="04"):
        three_m.decode(b"\x05" + VECTOR[1:])
    with pytest.raises(UndecodableTag, match="printable"):
        three_m.decode(VECTOR[:4] + b"\x01" * 16 + VECTOR[20:])


def test_the_layout_refuses_what_it_cannot_hold():
    with pytest.raises(ValueError, match="ISIL"):
        encode(ItemTag("3m", "1", "DK-718500"))
    with pytest.raises(ValueError, match="ISIL"):
        encode(ItemTag("3m", "1", usage=Usage(1)))
    with pytest.raises(ValueError, match="0-15"):
        encode(ItemTag("3m", "1", parts=16))


PRINTABLE = st.characters(min_codepoint=0x21, max_codepoint=0x7E)


@settings(deadline=None)
@given(
    st.text(
        alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=16
    ),
    st.integers(0, 15),
    st.integers(0, 15),
    st.builds(
        ThreeMFields,
        st.integers(0, 255),
        st.integers(0, 0xFFF),
        st.integers(0, 0xFFFFF),
        st.integers(-(2**31), 2**31 - 1),
    ),
)
def test_any_tag_in_the_layout_comes_back(barcode, parts, part, fields):
    tag = ItemTag("3m", barcode, parts=parts, part=part, extensions=(fields,))
    assert three_m.decode(encode(tag)) == tag
