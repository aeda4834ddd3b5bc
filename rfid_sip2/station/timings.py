"""Where the time per item goes: reader calls, SIP2 calls and the rest (for the benchmark)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass
class ItemTiming:
    item_id: str
    reader: float = 0.0  # seconds
    sip2: float = 0.0
    total: float = 0.0

    @property
    def rest(self) -> float:
        return max(0.0, self.total - self.reader - self.sip2)


class Timings:
    """Accumulates per item; calls outside an item go to ``unattributed`` (polling)."""

    def __init__(self) -> None:
        self.items: dict[str, ItemTiming] = {}
        self.unattributed = ItemTiming("")
        # Per task: a kiosk request running beside the pad's loop is not counted in its item.
        self._current: ContextVar[ItemTiming | None] = ContextVar("item", default=None)

    @contextmanager
    def item(self, item_id: str) -> Iterator[ItemTiming]:
        """Count the block as time spent on ``item_id`` (added to what it already had)."""
        timing = self.items.setdefault(item_id, ItemTiming(item_id))
        token = self._current.set(timing)
        started = time.perf_counter()
        try:
            yield timing
        finally:
            timing.total += time.perf_counter() - started
            self._current.reset(token)

    @contextmanager
    def spent(self, kind: str) -> Iterator[None]:
        """Add the time of the block to ``kind`` ("reader" or "sip2") of the current item."""
        started = time.perf_counter()
        try:
            yield
        finally:
            bucket = self._current.get() or self.unattributed
            setattr(bucket, kind, getattr(bucket, kind) + time.perf_counter() - started)

    def merge(self, key: str, into: str) -> None:
        """Count what was spent under ``key`` (a tag's UID, before its item was known) as
        spent on ``into``."""
        if key == into or key not in self.items:
            return
        spent = self.items.pop(key)
        timing = self.items.setdefault(into, ItemTiming(into))
        timing.reader += spent.reader
        timing.sip2 += spent.sip2
        timing.total += spent.total

    def clear(self) -> None:
        self.items.clear()
        self.unattributed = ItemTiming("")
