"""The sandbox ILS as one object: its database, its clock and its REST application."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from koha_bridge.sandbox import seeding
from koha_bridge.sandbox.clock import Clock, system_clock
from koha_bridge.sandbox.store import Store

if TYPE_CHECKING:
    from koha_bridge.sandbox.api.app import SandboxApp


class Sandbox:
    """A Koha-compatible ILS on SQLite, seeded with the demo library on first use."""

    def __init__(self, path: str | Path, clock: Clock = system_clock, *, seed: bool = True):
        self.store = Store(path)
        self.clock = clock
        if seed and not seeding.is_seeded(self.store):
            seeding.seed(self.store, clock())
        elif seed:
            seeding.add_missing(self.store)

    @cached_property
    def app(self) -> SandboxApp:
        # Imported here: the REST application brings MARC (pymarc) with it, which the SIP2
        # gateway, using the store and circulation only, never needs.
        from koha_bridge.sandbox.api.app import SandboxApp

        return SandboxApp(self.store, self.clock)
