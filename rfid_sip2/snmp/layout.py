"""Where each value lives under the enterprise subtree: the one table the agent, the
notifications and the MIB's test agree on (LIBRARY20-SIP2-MIB.txt says the same in SMIv2)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from pysnmp.proto import rfc1902

from rfid_sip2.monitor import Event, Snapshot

OBJECTS = (1,)  # lib20Objects
TRANSACTION_ENTRY = (1, 20, 1)  # lib20TransactionTable.lib20TransactionEntry
TRANSACTION_COUNT_COLUMN = 3  # lib20TxCount (1 and 2 are the index columns)
NOTIFICATIONS = (0,)  # lib20Notifications


def _seconds(value: float) -> rfc1902.Gauge32:
    return rfc1902.Gauge32(min(int(value), 2**32 - 1))


@dataclass(frozen=True)
class Scalar:
    name: str  # as in the MIB
    sub_id: int  # under lib20Objects
    value: Callable[[Snapshot], object]

    def oid(self, root: tuple[int, ...]) -> tuple[int, ...]:
        return (*root, *OBJECTS, self.sub_id, 0)


SCALARS = (
    Scalar("lib20Role", 1, lambda s: rfc1902.Integer32(s.role)),
    Scalar("lib20Uptime", 2, lambda s: rfc1902.TimeTicks(min(int(s.uptime * 100), 2**32 - 1))),
    Scalar("lib20UpstreamState", 3, lambda s: rfc1902.Integer32(s.upstream)),
    Scalar("lib20UpstreamStateAge", 4, lambda s: _seconds(s.upstream_age)),
    Scalar("lib20ConnectedDevices", 5, lambda s: rfc1902.Gauge32(s.devices)),
    Scalar("lib20JournalDepth", 6, lambda s: rfc1902.Gauge32(s.journal_depth)),
    Scalar("lib20JournalOldestAge", 7, lambda s: _seconds(s.journal_oldest_age)),
    Scalar("lib20JournalThreshold", 8, lambda s: rfc1902.Gauge32(s.journal_threshold)),
    Scalar("lib20ReaderState", 9, lambda s: rfc1902.Integer32(s.reader)),
    Scalar("lib20ReaderStateAge", 10, lambda s: _seconds(s.reader_age)),
    Scalar("lib20RetryListLength", 11, lambda s: rfc1902.Gauge32(s.retry_list)),
    Scalar("lib20LastErrorText", 12, lambda s: rfc1902.OctetString(s.last_error.encode())),
    Scalar("lib20LastErrorAge", 13, lambda s: _seconds(s.last_error_age)),
)
SCALAR_BY_NAME = {scalar.name: scalar for scalar in SCALARS}
# Each notification carries these, so a manager needs no second request.
NOTIFICATION_OBJECTS = {
    Event.UPSTREAM_DOWN: ("lib20UpstreamState", "lib20LastErrorText"),
    Event.UPSTREAM_UP: ("lib20UpstreamState", "lib20UpstreamStateAge"),
    Event.READER_DOWN: ("lib20ReaderState", "lib20LastErrorText"),
    Event.READER_UP: ("lib20ReaderState", "lib20ReaderStateAge"),
    Event.JOURNAL_BACKLOG: ("lib20JournalDepth", "lib20JournalThreshold"),
    Event.JOURNAL_BACKLOG_CLEARED: ("lib20JournalDepth", "lib20JournalThreshold"),
}
NOTIFICATION_NAMES = {
    Event.UPSTREAM_DOWN: "lib20UpstreamDown",
    Event.UPSTREAM_UP: "lib20UpstreamUp",
    Event.READER_DOWN: "lib20ReaderDown",
    Event.READER_UP: "lib20ReaderUp",
    Event.JOURNAL_BACKLOG: "lib20JournalBacklog",
    Event.JOURNAL_BACKLOG_CLEARED: "lib20JournalBacklogCleared",
}


def command_number(code: str) -> int:
    """A SIP2 command code ("11", "9" for 09) as the table's index."""
    return int(code) if code.isdigit() else 0


def transaction_oid(root: tuple[int, ...], code: str, outcome: int) -> tuple[int, ...]:
    return (*root, *TRANSACTION_ENTRY, TRANSACTION_COUNT_COLUMN, command_number(code), outcome)


def notification_oid(root: tuple[int, ...], event: Event) -> tuple[int, ...]:
    return (*root, *NOTIFICATIONS, int(event))


Row = tuple[tuple[int, ...], Callable[[], object]]


def rows(snapshot: Snapshot, root: tuple[int, ...]) -> list[Row]:
    """Every OID of the snapshot in OID order (as GETNEXT walks them), each with the making of
    its value: a request answers one or two OIDs of them, and a pysnmp value is not cheap."""
    found: list[Row] = [(scalar.oid(root), partial(scalar.value, snapshot)) for scalar in SCALARS]
    found += [
        (transaction_oid(root, code, result), partial(rfc1902.Counter32, count % 2**32))
        for (code, result), count in snapshot.transactions.items()
    ]
    found.sort(key=lambda row: row[0])
    return found
