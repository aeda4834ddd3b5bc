"""Whether the library is open, as the site tells it through REFERENCE_OPENING_HOURS.

The plugin knows no library profile: the setting names a callable ``(site, now) -> Opening``
(site may be None). Unset, the library counts as always open, and the chat is offered whenever
a librarian is on duty.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Opening:
    """The library open now, or else when it next opens (None: not in the coming week)."""

    open: bool
    next_opening: datetime.datetime | None = None


ALWAYS_OPEN = Opening(open=True)


def opening(site, now: datetime.datetime) -> Opening:
    """Whether the library of ``site`` is open at ``now`` (an aware datetime)."""
    return _hours()(site, now)


def _hours() -> Callable[[object, datetime.datetime], Opening]:
    path = getattr(settings, "REFERENCE_OPENING_HOURS", "")
    return import_string(path) if path else _always_open


def _always_open(site, now: datetime.datetime) -> Opening:
    return ALWAYS_OPEN
