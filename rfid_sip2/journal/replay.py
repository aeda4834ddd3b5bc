"""Replaying the journal to the ILS once it is back: in order, and never twice.

Each entry is sent as the request the device made, with no block and the original dates, after
``applying`` has been committed. An entry in doubt (sent before without a recorded answer: the
process died, or the ILS went away mid-send) is first checked with an Item Information request:
a checkout whose item is charged, or a checkin whose item is not, is taken as done and not sent
again. Entries whose effect the item status cannot show (renewals, payments...) are not re-sent
when in doubt: they are marked failed for the staff to check in Koha.

Only one replay runs at a time per journal (``Journal.replay_lock``).
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from rfid_sip2.journal.store import Entry, Journal, JournalStateError, State
from rfid_sip2.sip2.codec import encode
from rfid_sip2.sip2.messages import (
    CheckinRequest,
    ItemInformationRequest,
    ItemInformationResponse,
    Message,
)
from rfid_sip2.upstreams.base import Terminal, Upstream, UpstreamUnavailable

# Circulation statuses that mean "on loan": charged, charged not to be recalled, recalled.
CHARGED = frozenset({"04", "05", "07"})

# The response each journaled request is answered with.
RESPONSE_CODES = {
    "11": "12",
    "09": "10",
    "29": "30",
    "37": "38",
    "65": "66",
    "15": "16",
    "19": "20",
    "01": "24",
    "25": "26",
}

_BATCH = 100


@dataclass(frozen=True)
class Failure:
    entry_id: int
    kind: str
    patron_identifier: str | None
    item_identifier: str | None
    reason: str


@dataclass
class ReplayReport:
    """What a replay did. ``replayed``, ``confirmed`` and ``failed`` count distinct entries."""

    replayed: int = 0  # sent and accepted by the ILS
    confirmed: int = 0  # in doubt, and the item status showed it had been applied
    failed: int = 0  # refused by the ILS, or in doubt and not checkable
    remaining: int = 0  # still pending or applying when the replay ended
    failures: list[Failure] = field(default_factory=list)
    stopped: str | None = None  # why the replay ended before the journal's end

    @property
    def complete(self) -> bool:
        return self.stopped is None and self.remaining == 0


def rebuild_request(entry: Entry, *, no_block: bool = True) -> Message:
    """The entry's request as it goes to the ILS: no block, the original transaction date.

    A checkin also gets the original date as its return date (unless the device gave one); a
    checkout or renewal keeps the no-block due date the device gave, if any.
    """
    request = entry.request
    names = {f.name for f in dataclasses.fields(request)}
    changes: dict[str, object] = {}
    if "transaction_date" in names:
        changes["transaction_date"] = entry.transaction_date
    if "no_block" in names:
        changes["no_block"] = no_block
    if isinstance(request, CheckinRequest):
        changes["return_date"] = request.return_date or entry.transaction_date
    return dataclasses.replace(request, **changes)


class _Verdict(Enum):
    DONE = "done"
    NOT_DONE = "not done"
    UNKNOWN = "unknown"


def _messages(response: Message) -> str:
    return "; ".join(m for m in getattr(response, "screen_messages", ()) if m.strip())


def _wire_text(message: Message) -> str:
    return encode(message).rstrip(b"\r").decode("utf-8", errors="replace")


def _judge(entry: Entry, response: Message) -> tuple[bool, str]:
    """Whether the ILS applied the request, and the outcome text to keep."""
    expected = RESPONSE_CODES.get(entry.code)
    answered = response.CODE
    if answered != expected:
        return False, f"unexpected response {answered} (expected {expected})"
    text = _messages(response)
    if hasattr(response, "ok"):
        accepted = bool(response.ok)
    elif hasattr(response, "payment_accepted"):
        accepted = bool(response.payment_accepted)
    elif hasattr(response, "item_properties_ok"):
        accepted = bool(response.item_properties_ok)
    else:  # block patron, patron enable: answered with a patron status, nothing to refuse
        accepted = True
    if not accepted:
        return False, text or "refused by the ILS (no message)"
    outcome = "applied"
    due = getattr(response, "due_date", None)
    if due:
        outcome += f", due {due}"
    return True, f"{outcome}: {text}" if text else outcome


async def _item_status(
    entry: Entry, upstream: Upstream, terminal: Terminal, now: Callable[[], datetime]
) -> tuple[_Verdict, str]:
    """Whether an entry in doubt reached the ILS, as the item's circulation status shows."""
    if entry.kind not in ("checkout", "checkin"):
        return _Verdict.UNKNOWN, (
            f"in doubt: a {entry.kind} may have reached the ILS before the replay was "
            "interrupted, and the item status cannot show it; not sent again, check in Koha"
        )
    if not entry.item_identifier:
        return _Verdict.UNKNOWN, "in doubt and without an item to check; not sent again"
    question = ItemInformationRequest(
        transaction_date=now(),
        institution_id=getattr(entry.request, "institution_id", "") or terminal.institution_id,
        item_identifier=entry.item_identifier,
    )
    answer = await upstream.handle(question, terminal)  # UpstreamUnavailable goes up
    if not isinstance(answer, ItemInformationResponse):
        return _Verdict.UNKNOWN, (
            f"in doubt, and the item status could not be read (response {answer.CODE}); "
            "not sent again, check in Koha"
        )
    status = answer.circulation_status
    charged = status in CHARGED
    if (entry.kind == "checkout") == charged:
        state = "charged" if charged else "not charged"
        return _Verdict.DONE, f"confirmed by item status {status} ({state}); not sent again"
    return _Verdict.NOT_DONE, f"item status {status}: not applied, sent again"


async def replay(
    journal: Journal,
    upstream: Upstream,
    terminal_for: Callable[[Entry], Terminal],
    *,
    now: Callable[[], datetime] = datetime.now,
    no_block: bool = True,
) -> ReplayReport:
    """Send the journal's pending entries to the upstream, in order; stop if it goes away.

    ``now`` dates the Item Information requests that check entries in doubt (naive: local
    time). Raises ``ReplayInProgress`` if another replay holds the journal. Anything raised by
    the upstream other than ``UpstreamUnavailable`` propagates, leaving the entry being sent
    ``applying``: the next replay treats it as in doubt.
    """
    report = ReplayReport()
    with journal.replay_lock():
        if not await _healthy(upstream):
            report.stopped = "upstream unavailable: nothing sent"
        last = 0
        while report.stopped is None:
            batch = await asyncio.to_thread(journal.pending, after=last, limit=_BATCH)
            if not batch:
                break
            for entry in batch:
                last = entry.id
                try:
                    await _replay_entry(
                        journal, upstream, terminal_for(entry), entry, now, report, no_block
                    )
                except UpstreamUnavailable as error:
                    report.stopped = f"upstream unavailable at entry {entry.id}: {error}"
                    break
        counts = await asyncio.to_thread(journal.counts)
    report.remaining = counts[State.PENDING] + counts[State.APPLYING]
    return report


async def _healthy(upstream: Upstream) -> bool:
    """Ask first, if the upstream can tell: a replay against a dead ILS should touch nothing
    (an entry sent into a failing connection becomes in doubt, and costs a check later)."""
    healthy = getattr(upstream, "healthy", None)
    if healthy is None:
        return True
    try:
        return bool(await healthy())
    except UpstreamUnavailable:
        return False


async def _replay_entry(
    journal: Journal,
    upstream: Upstream,
    terminal: Terminal,
    entry: Entry,
    now: Callable[[], datetime],
    report: ReplayReport,
    no_block: bool,
) -> None:
    if entry.in_doubt:
        verdict, why = await _item_status(entry, upstream, terminal, now)
        if verdict is _Verdict.DONE:
            await asyncio.to_thread(journal.mark_replayed, entry.id, why)
            report.confirmed += 1
            return
        if verdict is _Verdict.UNKNOWN:
            await _fail(journal, entry, why, None, report)
            return
    request = rebuild_request(entry, no_block=no_block)
    try:
        await asyncio.to_thread(journal.mark_applying, entry.id)
    except JournalStateError:
        return  # settled elsewhere since it was read (exported by hand): not ours to send
    try:
        response = await upstream.handle(request, terminal)
    except UpstreamUnavailable as error:
        # It may have reached the ILS: back to pending, but with an attempt counted, so the
        # next replay checks the item before sending it again.
        await asyncio.to_thread(journal.mark_pending, entry.id, f"upstream unavailable: {error}")
        raise
    ok, outcome = _judge(entry, response)
    answer = _wire_text(response)
    if ok:
        await asyncio.to_thread(journal.mark_replayed, entry.id, outcome, answer=answer)
        report.replayed += 1
    else:
        await _fail(journal, entry, outcome, answer, report)


async def _fail(
    journal: Journal, entry: Entry, reason: str, answer: str | None, report: ReplayReport
) -> None:
    await asyncio.to_thread(journal.mark_failed, entry.id, reason, answer=answer)
    report.failed += 1
    report.failures.append(
        Failure(entry.id, entry.kind, entry.patron_identifier, entry.item_identifier, reason)
    )
