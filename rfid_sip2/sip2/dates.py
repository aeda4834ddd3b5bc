"""SIP2's 18-character dates: YYYYMMDDZZZZHHMMSS, four blanks for local time, 'Z' for UTC."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache

BLANK = " " * 18
UNSUPPORTED = "0" * 18  # date / time sync in 98: the ACS does not support it


# A device sends the same dates again and again (this second, a due date): both directions are
# cached, which is safe as datetimes are immutable and equal ones write the same characters.
@lru_cache(maxsize=1024)
def format_date(value: datetime | None) -> str:
    """A date as SIP2 writes it; None becomes 18 blanks (what devices send for "no date")."""
    if value is None:
        return BLANK
    zone = "   Z" if value.tzinfo is not None else "    "
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    # By hand: strftime's %Y does not pad years before 1000 on every platform, and is slow.
    return (
        f"{value.year:04d}{value.month:02d}{value.day:02d}{zone}"
        f"{value.hour:02d}{value.minute:02d}{value.second:02d}"
    )


@lru_cache(maxsize=1024)
def parse_date(text: str) -> datetime | None:
    """The date, naive for local time and aware for UTC; None for blanks, and for the 18 zeros
    with which a 98 says it does not sync the clock.

    Raises ValueError for anything else, which the codec turns into an error value.
    """
    if text.strip() == "" or text == UNSUPPORTED:
        return None
    digits = text[:8] + text[12:]
    if len(text) != 18 or not (digits.isdigit() and digits.isascii()):
        raise ValueError(f"not a SIP2 date: {text!r}")
    # fromisoformat reads the digits in C, three times as fast as int() on each slice, and
    # refuses what datetime() refuses (month 13, hour 24...). Not strptime: it was a fifth of
    # the codec's decoding time.
    try:
        moment = datetime.fromisoformat(f"{text[:8]}T{text[12:]}")
    except ValueError:
        raise ValueError(f"not a SIP2 date: {text!r}") from None
    # Blanks mean local time; other zone letters are rare and not worth a table: keep the time.
    return moment.replace(tzinfo=UTC) if text[11] == "Z" else moment
