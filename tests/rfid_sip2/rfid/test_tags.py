"""The station's entry point: each model recognised, quirks set and suggested, clear refusals."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rfid_sip2.rfid.tags import (
    BlankTag,
    ItemTag,
    TagSettings,
    UndecodableTag,
    Usage,
    decode,
    encode,
    suggest_settings,
)
from tests.rfid_sip2.rfid.vectors import DANISH_32, DANISH_34


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


# The real ISO 28560-2 tag from the Hypernova iso28560 tests (PII 1620168259, ISIL FI-Mamk-M).
REAL_28560_2 = bytes.fromhex(
    "91 01 04 60 91 CE 43 80 02 01 A8 05 01 10 67 02 42 41 03 07 32 40 DE 05 AB 07 5B 00"
).ljust(112, b"\0")
# Biblio-RFID t/05-RFID501.t.
THREE_M_501 = bytes.fromhex(
    "04 11 00 00 32 30 30 39 30 31 30 31 30 31 32 33 "
    "00 00 00 00 FF FF FF FF 7F FF FF FF 00 00 00 00"
)


@pytest.mark.parametrize(
    ("memory", "model", "item_id"),
    [
        (DANISH_34, "iso28560-3", "1000000136"),
        (REAL_28560_2, "iso28560-2", "1620168259"),
        (THREE_M_501, "3m", "200901010123"),
    ],
)
def test_each_model_is_recognised_without_being_told(memory, model, item_id):
    tag = decode(memory)
    assert (tag.model, tag.item_id) == (model, item_id)


def test_a_dsfid_of_06_tries_iso_28560_2_first_but_the_crc_still_finds_a_danish_tag():
    assert decode(DANISH_34, dsfid=0x06).model == "iso28560-3"
    assert decode(REAL_28560_2, dsfid=0x06).model == "iso28560-2"


def test_only_the_configured_models_are_tried():
    with pytest.raises(UndecodableTag, match=r"tried 3m: .*04"):
        decode(DANISH_34, TagSettings(models=("3m",)))


def test_undecodable_memory_says_what_each_model_found():
    with pytest.raises(UndecodableTag) as raised:
        decode(bytes(range(1, 41)))
    message = str(raised.value)
    assert "tried iso28560-3: the basic block's CRC does not match" in message
    assert "iso28560-2: " in message and "3m: " in message


def test_a_tag_read_with_the_wrong_block_order_says_which_setting_reads_it():
    reversed_tag = encode(decode(REAL_28560_2), TagSettings(reverse_blocks=True))
    with pytest.raises(UndecodableTag, match="reads with reverse_blocks=True"):
        decode(reversed_tag)


@pytest.mark.parametrize(
    "settings",
    [
        TagSettings(),
        TagSettings(reverse_blocks=True),
        TagSettings(reverse_blocks=True, block_size=8),
        TagSettings(swap_nibbles=True),
        TagSettings(crc_msb_first=True),
    ],
)
def test_reading_a_known_danish_tag_suggests_the_settings_that_wrote_it(settings):
    tag = ItemTag("iso28560-3", "39520000000006", "MD-CPL", usage=Usage(8))
    memory = encode(tag, settings).ljust(112, b"\0")
    assert suggest_settings(memory, "39520000000006") == [settings]


def test_reading_a_known_iso_28560_2_tag_reversed_in_8_byte_blocks_suggests_so():
    settings = TagSettings(reverse_blocks=True, block_size=8)
    memory = encode(decode(REAL_28560_2), settings)
    assert suggest_settings(memory, "1620168259") == [settings]


def test_a_known_tag_under_another_item_id_suggests_nothing():
    assert suggest_settings(DANISH_34, "1000000137") == []
    assert suggest_settings(bytes(32), "1000000136") == []


def test_settings_refuse_what_no_tag_has():
    with pytest.raises(ValueError, match="block size"):
        TagSettings(block_size=16)
    with pytest.raises(ValueError, match="unknown tag data model iso15693"):
        TagSettings(models=("iso15693",))
    with pytest.raises(ValueError, match="unknown tag data model"):
        encode(ItemTag("rfid501", "1"))


def test_a_tag_too_big_for_the_memory_is_refused():
    tag = ItemTag("iso28560-2", "1620168259", title="A title longer than this tag holds")
    with pytest.raises(ValueError, match="do not fit a 32-byte tag"):
        encode(tag, TagSettings(memory_size=32))


def test_usage_classes_say_what_the_station_must_know():
    assert Usage(8, 1).is_patron_card
    assert Usage(1, 3).not_for_issue_offline and not Usage(1, 3).not_for_return_offline
    assert Usage(1, 4).not_for_return_offline and not Usage(1, 4).not_for_issue_offline
    assert not Usage(2, 5).not_for_issue_offline  # the offline qualifiers belong to class 1
    assert Usage(7, 2).description == "discarded item"
    with pytest.raises(ValueError, match="0-15"):
        Usage(16)


@settings(deadline=None)
@given(st.binary(max_size=120), st.booleans(), st.sampled_from([None, 0, 6]))
def test_any_memory_decodes_or_is_refused_as_undecodable(memory, reverse, dsfid):
    try:
        tag = decode(memory, TagSettings(reverse_blocks=reverse), dsfid)
    except UndecodableTag:
        return
    assert tag.item_id


@settings(deadline=None)
@given(st.binary(min_size=1, max_size=80))
def test_any_memory_behind_a_valid_item_id_decodes_or_is_refused(noise):
    # An ISO 28560-2 item id followed by random elements, and a Danish basic block followed by
    # random extension blocks: the parsers behind the first element must not crash either.
    heads = ((bytes.fromhex("91 01 04 60 91 CE 43 80"), "1620168259"), (DANISH_34, "1000000136"))
    for head, item_id in heads:
        try:
            tag = decode(head + noise, dsfid=6)
        except UndecodableTag:
            assert head != DANISH_34  # the basic block's CRC holds whatever follows it
            continue
        assert tag.item_id == item_id
