"""The gateway's offline store-and-forward: nothing accepted is lost, nothing applied twice.

``store.Journal`` keeps every transaction accepted while Koha is away (committed before the
device gets its answer); ``replay.replay`` sends them to Koha in order once it is back;
``koc.export_koc`` writes what could not be replayed as Koha's offline circulation file.
"""

from rfid_sip2.journal.koc import export_koc, write_koc
from rfid_sip2.journal.replay import Failure, ReplayReport, rebuild_request, replay
from rfid_sip2.journal.store import (
    Entry,
    Journal,
    JournalError,
    JournalStateError,
    ReplayInProgress,
    State,
)

__all__ = [
    "Entry",
    "Failure",
    "Journal",
    "JournalError",
    "JournalStateError",
    "ReplayInProgress",
    "ReplayReport",
    "State",
    "export_koc",
    "rebuild_request",
    "replay",
    "write_koc",
]
