"""SIP2's 18-character dates: read as their digits say, refused when they name no date."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rfid_sip2.sip2.dates import format_date, parse_date

EXAMPLES = settings(max_examples=300, deadline=None)
DIGITS = st.text(st.sampled_from("0123456789"), min_size=14, max_size=14)
# Near the edges of each part, where a date stops being one: month 13, day 31, hour 24...
EDGY = st.tuples(
    st.sampled_from(["0000", "0001", "1900", "2000", "2024", "2025", "9999"]),
    st.sampled_from(["00", "01", "02", "12", "13"]),
    st.sampled_from(["00", "01", "28", "29", "30", "31", "32"]),
    st.sampled_from(["00", "23", "24"]),
    st.sampled_from(["00", "59", "60"]),
    st.sampled_from(["00", "59", "60"]),
).map("".join)


def named_by(digits: str) -> datetime | None:
    """The date the digits name, read one part at a time; None when they name none."""
    parts = (digits[0:4], digits[4:6], digits[6:8], digits[8:10], digits[10:12], digits[12:14])
    try:
        return datetime(*map(int, parts))
    except ValueError:
        return None


@EXAMPLES
@given(digits=DIGITS | EDGY, zone=st.sampled_from(["    ", "   Z"]))
def test_a_date_is_read_as_its_digits_say_or_refused(digits: str, zone: str) -> None:
    text = digits[:8] + zone + digits[8:]
    expected = named_by(digits)
    if text == "0" * 18:
        assert parse_date(text) is None  # a 98 that does not sync the clock
    elif expected is None:
        with pytest.raises(ValueError, match="not a SIP2 date"):
            parse_date(text)
    else:
        assert parse_date(text) == (expected.replace(tzinfo=UTC) if zone[-1] == "Z" else expected)


@pytest.mark.parametrize(
    "text",
    ["٢٠٢٥٠٨٢٥    ١٤٣٠٠٥", "20250825    14300", "2025-08-25  14:30:05", "20250825T   143005x"],
)
def test_anything_but_ascii_digits_in_place_is_not_a_date(text: str) -> None:
    with pytest.raises(ValueError, match="not a SIP2 date"):
        parse_date(text)


@pytest.mark.parametrize("text", [" " * 18, "0" * 18, ""])
def test_blanks_and_zeros_are_no_date(text: str) -> None:
    assert parse_date(text) is None


@EXAMPLES
@given(
    moment=st.datetimes(min_value=datetime(1, 1, 1), timezones=st.sampled_from([None, UTC])).map(
        lambda moment: moment.replace(microsecond=0)
    )
)
def test_a_date_written_is_read_back(moment: datetime) -> None:
    assert parse_date(format_date(moment)) == moment
