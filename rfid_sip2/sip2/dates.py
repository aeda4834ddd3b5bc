"""SIP2's 18-character dates: YYYYMMDDZZZZHHMMSS, four blanks for local time, 'Z' for UTC."""

from __future__ import annotations

from datetime import UTC, datetime

BLANK = " " * 18
UNSUPPORTED = "0" * 18  # date / time sync in 98: the ACS does not support it


def format_date(value: datetime | None) -> str:
    """A date as SIP2 writes it; None becomes 18 blanks (what devices send for "no date")."""
    if value is None:
        return BLANK
    zone = "   Z" if value.tzinfo is not None else "    "
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    # The year by hand: strftime's %Y does not pad years before 1000 on every platform.
    return f"{value.year:04d}{value:%m%d}{zone}{value:%H%M%S}"


def parse_date(text: str) -> datetime | None:
    """The date, naive for local time and aware for UTC; None for blanks, and for the 18 zeros
    with which a 98 says it does not sync the clock.

    Raises ValueError for anything else, which the codec turns into an error value.
    """
    if text.strip() == "" or text == UNSUPPORTED:
        return None
    if len(text) != 18 or not (text[:8].isdigit() and text[12:].isdigit()):
        raise ValueError(f"not a SIP2 date: {text!r}")
    moment = datetime.strptime(text[:8] + text[12:], "%Y%m%d%H%M%S")
    zone = text[8:12]
    if zone[-1] == "Z":
        return moment.replace(tzinfo=UTC)
    # Blanks mean local time; other zone letters are rare and not worth a table: keep the time.
    return moment
