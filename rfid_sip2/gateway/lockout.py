"""Failed logins counted per source address across connections; too many lock it out.

A device that is refused can reconnect at once, so closing its connection after a few guesses
does not slow a password guesser down: counting by address does. Every device behind one NAT
address shares its count.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

MAX_ADDRESSES = 10_000  # counts kept at once; stale ones are dropped first


class Lockout:
    """``failures`` failed logins from one address within ``window`` seconds lock it out for
    ``duration`` seconds (0 failures: never)."""

    def __init__(
        self,
        failures: int,
        window: float,
        duration: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.failures, self.window, self.duration = failures, window, duration
        self.clock = clock
        self._failed: dict[str, deque[float]] = {}
        self._until: dict[str, float] = {}

    def locked(self, address: str) -> bool:
        until = self._until.get(address)
        if until is None:
            return False
        if self.clock() < until:
            return True
        del self._until[address]
        return False

    def failed(self, address: str) -> bool:
        """Count a failed login; True when this one locked the address out (log it then)."""
        if not self.failures or self.locked(address):
            return False
        now = self.clock()
        times = self._failed.setdefault(address, deque())
        times.append(now)
        while times[0] <= now - self.window:
            times.popleft()
        if len(times) < self.failures:
            self._tidy(now)
            return False
        del self._failed[address]
        self._until[address] = now + self.duration
        self._tidy(now)
        return True

    def _tidy(self, now: float) -> None:
        """Drop what no longer counts once many addresses are kept."""
        if len(self._failed) + len(self._until) <= MAX_ADDRESSES:
            return
        self._until = {a: until for a, until in self._until.items() if until > now}
        self._failed = {a: t for a, t in self._failed.items() if t[-1] > now - self.window}
        while len(self._failed) > MAX_ADDRESSES:  # all recent: the oldest counts go
            del self._failed[next(iter(self._failed))]
