"""What the gateway and the station count and know about their health, for the SNMP agent and
the Prometheus endpoint to read. Plain Python: no SNMP, no HTTP, no event loop.

Whoever watches (notifications) subscribes to the changes that matter: the upstream or a reader
going down or coming back, and the journal backlog passing its threshold.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import IntEnum

from rfid_sip2.sip2.messages import Message

log = logging.getLogger(__name__)


class Role(IntEnum):
    GATEWAY = 1
    STATION = 2


class UpstreamState(IntEnum):
    UP = 1  # reached, and requests go to it
    DOWN = 2  # unreachable: answered by the offline policy
    OFFLINE = 3  # reached, but answers still come from the offline policy (journal to replay,
    # or, for a station, the gateway saying the ILS is offline)


class ReaderState(IntEnum):
    UP = 1
    DOWN = 2
    NONE = 4  # no reader here (the gateway); 3 is the upstream's "offline"


class Outcome(IntEnum):
    """What became of a transaction (the MIB's Sip2Outcome)."""

    OK = 1  # the ILS said yes
    DENIED = 2  # the ILS said no
    OFFLINE = 3  # accepted by the offline policy (journaled)
    REFUSED = 4  # refused by the offline policy
    GATEWAY = 5  # answered by the gateway itself (status)
    IN_DOUBT = 6  # sent, answer lost: answered by the policy and held or journaled in doubt
    REPEAT = 7  # a device's resent frame, given the first answer
    UNREACHABLE = 8  # (station) nothing answered


class Event(IntEnum):
    """The changes a subscriber hears about (the MIB's notifications, by number)."""

    UPSTREAM_DOWN = 1
    UPSTREAM_UP = 2
    READER_DOWN = 3
    READER_UP = 4
    JOURNAL_BACKLOG = 5
    JOURNAL_BACKLOG_CLEARED = 6


_MODES = {
    "offline": Outcome.OFFLINE,
    "refused": Outcome.REFUSED,
    "gateway": Outcome.GATEWAY,
    "repeat": Outcome.REPEAT,
}


def outcome(mode: str, response: Message | None) -> Outcome:
    """The outcome of a gateway transaction from its log mode and its answer."""
    if mode.endswith("in doubt"):
        return Outcome.IN_DOUBT
    if mode in _MODES:
        return _MODES[mode]
    said = getattr(response, "ok", getattr(response, "payment_accepted", True))
    return Outcome.DENIED if said is False else Outcome.OK


@dataclass(frozen=True)
class Snapshot:
    """Every value at one moment; ages in seconds (0: nothing to be old)."""

    role: Role
    uptime: float
    upstream: UpstreamState
    upstream_age: float
    devices: int
    transactions: dict[tuple[str, int], int]  # (command code, Outcome value): count
    journal_depth: int
    journal_oldest_age: float
    journal_threshold: int
    reader: ReaderState
    reader_age: float
    retry_list: int
    last_error: str
    last_error_age: float


Subscriber = Callable[[Event, Snapshot], None]


@dataclass(frozen=True)
class Counts:
    """What one process counted, or several added up: a gateway's workers each count their own
    (rfid_sip2.gateway.worker_counts)."""

    devices: int = 0
    transactions: dict[tuple[str, int], int] = field(default_factory=dict)
    last_error: str = ""
    last_error_at: float | None = None  # on time.monotonic, which every process shares


def added_up(counts: Iterable[Counts]) -> Counts:
    """Devices and transactions summed; the latest error, whoever had it."""
    devices, transactions = 0, {}
    latest = Counts()
    for each in counts:
        devices += each.devices
        for key, count in each.transactions.items():
            transactions[key] = transactions.get(key, 0) + count
        if each.last_error_at is not None and (
            latest.last_error_at is None or each.last_error_at > latest.last_error_at
        ):
            latest = each
    return Counts(devices, transactions, latest.last_error, latest.last_error_at)


class Monitor:
    """Counters and states of one gateway or station.

    Gauges that the owner already keeps (connected devices, the retry list) are read through
    probes when a snapshot is taken, so nothing is counted twice.
    """

    def __init__(
        self,
        role: Role,
        *,
        journal_threshold: int = 100,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.role = role
        self.journal_threshold = journal_threshold
        self.clock = clock
        self.started = clock()
        self.transactions: dict[tuple[str, int], int] = {}
        self.upstream = UpstreamState.UP
        self.upstream_since = self.started
        self.reader = ReaderState.NONE if role is Role.GATEWAY else ReaderState.UP
        self.reader_since = self.started
        self.journal_depth = 0
        self.journal_oldest: float | None = None  # on this clock
        self.last_error = ""
        self.last_error_at: float | None = None
        self.devices: Callable[[], int] = lambda: 0
        self.retry_list: Callable[[], int] = lambda: 0
        # The other workers' counts, added to this process's in every snapshot.
        self.elsewhere: Callable[[], Counts] = Counts
        self._subscribers: list[Subscriber] = []

    def subscribe(self, callback: Subscriber) -> None:
        self._subscribers.append(callback)

    # -- what the gateway and the station tell it ----------------------------------------

    def transaction(self, command: str, result: Outcome) -> None:
        key = command, int(result)  # a plain int hashes in C; an enum member's hash is Python
        self.transactions[key] = self.transactions.get(key, 0) + 1

    def upstream_is(self, state: UpstreamState) -> None:
        if state is self.upstream:
            return
        was, self.upstream, self.upstream_since = self.upstream, state, self.clock()
        if state is UpstreamState.DOWN:
            self._tell(Event.UPSTREAM_DOWN)
        elif state is UpstreamState.UP and was is not UpstreamState.UP:
            self._tell(Event.UPSTREAM_UP)

    def reader_is(self, up: bool) -> None:
        state = ReaderState.UP if up else ReaderState.DOWN
        if state is self.reader:
            return
        self.reader, self.reader_since = state, self.clock()
        self._tell(Event.READER_UP if up else Event.READER_DOWN)

    def journal_recorded(self) -> None:
        """One more transaction waits in the journal."""
        if self.journal_depth == 0:
            self.journal_oldest = self.clock()
        self._journal(self.journal_depth + 1, self.journal_oldest)

    def journal_is(self, depth: int, oldest_age: float | None) -> None:
        """The journal as counted on disk: ``depth`` waiting, the oldest this many seconds old."""
        # An entry dated ahead of this clock (a clock set back) is as old as can be told: 0 s.
        oldest = None if oldest_age is None or not depth else self.clock() - max(oldest_age, 0)
        self._journal(depth, oldest)

    def error(self, text: str) -> None:
        """The last error worth an operator's look (never a secret: callers pass reasons)."""
        self.last_error, self.last_error_at = text[:255], self.clock()

    # -- what the agent and the exporter read --------------------------------------------

    def counts(self) -> Counts:
        """This process's own counts."""
        return Counts(self.devices(), dict(self.transactions), self.last_error, self.last_error_at)

    def snapshot(self) -> Snapshot:
        now = self.clock()
        counts = added_up([self.counts(), self.elsewhere()])
        return Snapshot(
            role=self.role,
            uptime=now - self.started,
            upstream=self.upstream,
            upstream_age=now - self.upstream_since,
            devices=counts.devices,
            transactions=counts.transactions,
            journal_depth=self.journal_depth,
            journal_oldest_age=0.0 if self.journal_oldest is None else now - self.journal_oldest,
            journal_threshold=self.journal_threshold,
            reader=self.reader,
            reader_age=now - self.reader_since,
            retry_list=self.retry_list(),
            last_error=counts.last_error,
            last_error_age=0.0 if counts.last_error_at is None else now - counts.last_error_at,
        )

    def _journal(self, depth: int, oldest: float | None) -> None:
        was = self.journal_depth
        self.journal_depth, self.journal_oldest = depth, oldest if depth else None
        threshold = self.journal_threshold
        if threshold <= 0:
            return
        if was < threshold <= depth:
            self._tell(Event.JOURNAL_BACKLOG)
        elif depth < threshold <= was:
            self._tell(Event.JOURNAL_BACKLOG_CLEARED)

    def _tell(self, event: Event) -> None:
        if not self._subscribers:
            return
        snapshot = self.snapshot()
        for callback in self._subscribers:
            try:
                callback(event, snapshot)
            except Exception:  # a watcher's fault must not stop circulation
                log.exception("monitor subscriber failed event=%s", event.name)
