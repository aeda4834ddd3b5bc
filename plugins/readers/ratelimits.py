"""Rate limits on the readers' own forms, counted in Django's cache (allauth limits its own).

Rates are written as allauth writes them, e.g. ``"5/15m/user,20/h/ip"``: at most 5 in 15 minutes
per account and 20 an hour per address. Windows are fixed: a count starts again when its window
ends.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

_RATE = re.compile(r"^(\d+)/(\d*)([smhd])/(ip|user)$")
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    amount: int
    seconds: int
    per: str  # "ip" or "user"


def rates(action: str) -> list[Rate]:
    """The rates settings.READERS_RATE_LIMITS gives ``action``; none when it gives none."""
    written = settings.READERS_RATE_LIMITS.get(action) or ""
    parsed = []
    for part in filter(None, (piece.strip() for piece in written.split(","))):
        found = _RATE.match(part)
        if found is None:
            raise ValueError(f"READERS_RATE_LIMITS[{action!r}]: cannot read {part!r}")
        amount, count, unit, per = found.groups()
        parsed.append(Rate(int(amount), int(count or 1) * _SECONDS[unit], per))
    return parsed


def _key(action: str, rate: Rate, request: HttpRequest) -> str | None:
    if rate.per == "user":
        if not request.user.is_authenticated:
            return None
        who = str(request.user.pk)
    else:
        who = get_adapter(request).get_client_ip(request)  # allauth's, behind trusted proxies too
    window = int(time.time() // rate.seconds)
    return f"readers:ratelimit:{action}:{rate.per}:{rate.seconds}:{who}:{window}"


def is_limited(request: HttpRequest, action: str) -> bool:
    """Whether any of the action's rates is used up for this request's account or address."""
    for rate in rates(action):
        key = _key(action, rate, request)
        if key is not None and cache.get(key, 0) >= rate.amount:
            return True
    return False


def count(request: HttpRequest, action: str) -> None:
    """One more use of the action by this request's account and address."""
    for rate in rates(action):
        key = _key(action, rate, request)
        if key is not None:
            cache.add(key, 0, timeout=rate.seconds)
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr: this use opens a new window
                cache.set(key, 1, timeout=rate.seconds)


def take(request: HttpRequest, action: str) -> bool:
    """Count a use of the action unless its limit is reached; whether it may go ahead."""
    if is_limited(request, action):
        return False
    count(request, action)
    return True


def too_many_requests(request: HttpRequest) -> HttpResponse:
    """The site's 429 page, the one allauth shows for its own limits."""
    return render(request, "429.html", status=429)
