"""Time for the sandbox, given rather than read, so tests and replays can set it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def to_api_datetime(value: datetime | None) -> str | None:
    """RFC 3339 as Koha's API writes it: seconds, explicit offset."""
    if value is None:
        return None
    return value.astimezone(UTC).replace(microsecond=0).isoformat()


def parse_api_datetime(text: str) -> datetime:
    """An RFC 3339 date-time (or a plain date, taken as midnight UTC)."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def to_api_date(value: date | None) -> str | None:
    return value.isoformat() if value else None
