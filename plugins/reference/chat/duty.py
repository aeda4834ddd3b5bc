"""Who is on chat duty, and whether the chat is offered to readers now.

A librarian is on duty while their chat console is open: its socket marks them seen every
HEARTBEAT_SECONDS, and they count for ON_DUTY_SECONDS after the last mark (a closed tab or a lost
network takes them off duty within that time, with nothing to clean up).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from plugins.reference import hours
from plugins.reference.models import ChatDuty

HEARTBEAT_SECONDS = 30
ON_DUTY_SECONDS = 90


def keep_on_duty(librarian, now: datetime.datetime | None = None) -> None:
    """The librarian's console is open (as of ``now``)."""
    ChatDuty.objects.update_or_create(
        librarian=librarian, defaults={"last_seen": now or timezone.now()}
    )


def go_off_duty(librarian) -> None:
    """The librarian closed their console."""
    ChatDuty.objects.filter(librarian=librarian).delete()


def someone_on_duty(now: datetime.datetime) -> bool:
    since = now - datetime.timedelta(seconds=ON_DUTY_SECONDS)
    return ChatDuty.objects.filter(last_seen__gte=since, librarian__is_active=True).exists()


@dataclass(frozen=True)
class Offer:
    """Whether a reader may chat now and, if the library is closed, when it opens again."""

    offered: bool
    library_open: bool
    on_duty: bool  # asked only while the library is open
    next_opening: datetime.datetime | None = None


def chat_offer(site, now: datetime.datetime | None = None) -> Offer:
    """The chat is offered while the library is open and a librarian is on duty."""
    now = now or timezone.now()
    opening = hours.opening(site, now)
    on_duty = opening.open and someone_on_duty(now)
    return Offer(
        offered=opening.open and on_duty,
        library_open=opening.open,
        on_duty=on_duty,
        next_opening=opening.next_opening,
    )
