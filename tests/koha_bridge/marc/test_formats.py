"""The format facet from the leader, in both flavours."""

import pytest

from koha_bridge.marc.formats import format_of
from koha_bridge.marc.record import Flavour


def leader(record_type: str, level: str) -> str:
    return f"00000n{record_type}{level} a2200000 a 4500"


@pytest.mark.parametrize(
    ("record_type", "level", "flavour", "expected"),
    [
        ("a", "m", Flavour.MARC21, "book"),
        ("a", "s", Flavour.MARC21, "serial"),
        ("a", "b", Flavour.MARC21, "article"),
        ("t", "m", Flavour.MARC21, "manuscript"),
        ("b", "m", Flavour.UNIMARC, "manuscript"),
        ("c", "m", Flavour.MARC21, "score"),
        ("e", "m", Flavour.UNIMARC, "map"),
        ("g", "m", Flavour.MARC21, "video"),
        ("i", "m", Flavour.MARC21, "audiobook"),
        ("j", "m", Flavour.UNIMARC, "music"),
        ("k", "m", Flavour.MARC21, "image"),
        ("m", "m", Flavour.MARC21, "electronic"),
        ("l", "m", Flavour.UNIMARC, "electronic"),
        ("m", "m", Flavour.UNIMARC, "kit"),  # UNIMARC's "m" is multimedia
        ("r", "m", Flavour.MARC21, "object"),
    ],
)
def test_the_leader_tells_the_format(record_type, level, flavour, expected):
    assert format_of(leader(record_type, level), flavour) == expected


def test_a_leader_that_says_nothing_usable_is_a_book():
    assert format_of("", Flavour.MARC21) == "book"
    assert format_of("00000n##  2200000   4500", Flavour.UNIMARC) == "book"
