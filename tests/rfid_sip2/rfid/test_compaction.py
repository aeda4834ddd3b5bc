"""ISO/IEC 15962 compaction schemes and ISO 28560-2's ISIL compaction, byte for byte."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rfid_sip2.rfid.compaction import (
    Compaction,
    CompactionError,
    compact,
    compact_as,
    compact_isil,
    expand,
    expand_isil,
)

# Compaction vectors from the Hypernova iso15692 tests (the integer one checked arithmetically).
VECTORS = [
    (Compaction.INTEGER, "123456789012", "1C BE 99 1A 14"),
    (Compaction.NUMERIC, "410", "41 0F"),
    (Compaction.FIVE_BIT, "JPN", "54 1C"),
    (Compaction.SIX_BIT, "ABC123456", "04 20 F1 CB 3D 35 DA"),
]


@pytest.mark.parametrize(("scheme", "text", "stored"), VECTORS)
def test_each_scheme_writes_and_reads_the_reference_vector(scheme, text, stored):
    assert compact_as(text, scheme) == bytes.fromhex(stored)
    assert expand(bytes.fromhex(stored), scheme) == text


def test_the_real_tags_isil_reads_and_is_written_back_with_one_bits_as_padding():
    # FI-Mamk-M from the real ISO 28560-2 tag (Hypernova iso28560 tests): upper, latch lower
    # for "amk", shift upper for the final "M", one pad bit set to 1.
    stored = bytes.fromhex("32 40 DE 05 AB 07 5B")
    assert expand_isil(stored) == "FI-Mamk-M"
    assert compact_isil("FI-Mamk-M") == stored


def test_an_isil_with_digits_latches_to_the_numeric_set():
    stored = compact_isil("DK-718500")
    assert len(stored) == 6  # D K - (15 bits) + latch (5) + six digits (24) = 44 bits
    assert expand_isil(stored) == "DK-718500"


def test_an_isil_with_a_character_outside_its_sets_is_refused():
    with pytest.raises(CompactionError, match="ISIL"):
        compact_isil("DK_7")


def test_the_shortest_scheme_is_chosen_and_octets_win_a_tie():
    assert compact("1620168259") == (Compaction.INTEGER, bytes.fromhex("60 91 CE 43"))
    assert compact("0012") == (Compaction.NUMERIC, bytes.fromhex("00 12"))
    assert compact("BA") == (Compaction.OCTET, b"BA")
    assert compact("ABCDEFGH")[0] is Compaction.FIVE_BIT
    assert compact("Ærø")[0] is Compaction.OCTET
    assert compact("Київ")[0] is Compaction.UTF8


def test_a_scheme_refuses_what_it_cannot_hold():
    with pytest.raises(CompactionError):
        compact_as("0123", Compaction.INTEGER)  # a leading zero would be lost
    with pytest.raises(CompactionError):
        compact_as("abc", Compaction.FIVE_BIT)
    with pytest.raises(CompactionError):
        compact_as("Київ", Compaction.OCTET)
    with pytest.raises(CompactionError):
        expand(b"\xff\xfe", Compaction.UTF8)


def test_padding_that_fills_a_whole_code_is_not_read_as_a_character():
    assert compact_as("AB", Compaction.FIVE_BIT) == bytes.fromhex("08 80")  # 6 zero bits
    assert expand(bytes.fromhex("08 80"), Compaction.FIVE_BIT) == "AB"
    assert expand(compact_as("ABC", Compaction.SIX_BIT), Compaction.SIX_BIT) == "ABC"
    assert expand(compact_as("abcdefg", Compaction.SEVEN_BIT), Compaction.SEVEN_BIT) == "abcdefg"


@settings(deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_any_text_comes_back_from_its_best_compaction(text):
    scheme, data = compact(text)
    assert expand(data, scheme) == text


@settings(deadline=None)
@given(
    st.sampled_from(list(Compaction)[1:]),
    st.text(alphabet=st.characters(max_codepoint=0x7E), min_size=1, max_size=30),
)
def test_text_comes_back_from_every_scheme_that_holds_it(scheme, text):
    try:
        data = compact_as(text, scheme)
    except CompactionError:
        return
    assert expand(data, scheme) == text


@settings(deadline=None)
@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-:/"))
def test_any_isil_comes_back_from_isil_compaction(isil):
    assert expand_isil(compact_isil(isil)) == isil
