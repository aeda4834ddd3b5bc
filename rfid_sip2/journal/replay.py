"""Replaying the journal to the ILS once it is back: in order, and never twice.

Each entry is sent as the request the device made, with no block and the original dates, after
``applying`` has been committed. An entry in doubt (sent before without a recorded answer: the
process died, or the answer was lost) is settled first, with an Item Information request:

- a checkout whose item is charged, or a checkin whose item is not, is done: not sent again;
- a renewal is done if the item's due date moved past the one noted before it was sent, not
  done if the due date is still that one;
- anything else (a payment, a hold, a renewal with no due date noted) cannot be settled: it is
  held for the staff (``State.HELD``), never sent again and never exported.

Koha dates a loan when it makes it (SIP2's transaction date and no-block date do not change
that) but a return by its return date. So a return whose loan was made by this journal's replay
is dated no earlier than that loan was applied (the ILS's own time in its answer); a return of a
loan from before the outage keeps its original date, which is what fines are counted by.

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
from rfid_sip2.sip2.dates import parse_date
from rfid_sip2.sip2.messages import (
    CheckinRequest,
    ItemInformationRequest,
    ItemInformationResponse,
    Message,
)
from rfid_sip2.upstreams.base import Terminal, Upstream, UpstreamInDoubt, UpstreamUnavailable

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
    """An entry the replay could not apply: refused by the ILS, or held for the staff."""

    entry_id: int
    kind: str
    patron_identifier: str | None
    item_identifier: str | None
    reason: str
    held: bool = False


@dataclass
class ReplayReport:
    """What a replay did. ``replayed``, ``confirmed`` and ``failed`` count distinct entries."""

    replayed: int = 0  # sent and accepted by the ILS
    confirmed: int = 0  # in doubt, and the item status showed it had been applied
    failed: int = 0  # refused by the ILS
    held: int = 0  # in doubt and not checkable: kept for the staff
    remaining: int = 0  # still pending or applying when the replay ended
    failures: list[Failure] = field(default_factory=list)
    stopped: str | None = None  # why the replay ended before the journal's end

    @property
    def complete(self) -> bool:
        return self.stopped is None and self.remaining == 0


def rebuild_request(
    entry: Entry, *, no_block: bool = True, loan_made_at: datetime | None = None
) -> Message:
    """The entry's request as it goes to the ILS: no block, the original transaction date.

    A checkin also gets the original date as its return date (unless the device gave one), or
    ``loan_made_at`` if that is later: when the ILS made the loan this return closes, if the
    replay made it. A checkout or renewal keeps the no-block due date the device was given.
    """
    request = entry.request
    names = {f.name for f in dataclasses.fields(request)}
    changes: dict[str, object] = {}
    if "transaction_date" in names:
        changes["transaction_date"] = entry.transaction_date
    if "no_block" in names:
        changes["no_block"] = no_block
    if isinstance(request, CheckinRequest):
        returned = request.return_date or entry.transaction_date
        if loan_made_at is not None and _local(loan_made_at) > _local(returned):
            returned = _local(loan_made_at)
        changes["return_date"] = returned
    return dataclasses.replace(request, **changes)


def _local(moment: datetime) -> datetime:
    """A SIP2 date as the library's clock shows it (naive); aware ones are converted."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo is not None else moment


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


async def _item(
    entry: Entry, upstream: Upstream, terminal: Terminal, now: Callable[[], datetime]
) -> Message:
    """The ILS's Item Information answer for the entry's item (UpstreamUnavailable goes up)."""
    question = ItemInformationRequest(
        transaction_date=now(),
        institution_id=getattr(entry.request, "institution_id", "") or terminal.institution_id,
        item_identifier=entry.item_identifier,
    )
    return await upstream.handle(question, terminal)


@dataclass(frozen=True)
class _Settled:
    verdict: _Verdict
    why: str
    applied_at: datetime | None = None  # DONE: by when the ILS had applied it


async def _settle(
    entry: Entry, upstream: Upstream, terminal: Terminal, now: Callable[[], datetime]
) -> _Settled:
    """Whether an entry in doubt reached the ILS, as the item's status or due date shows."""
    if entry.kind not in ("checkout", "checkin", "renew"):
        return _Settled(
            _Verdict.UNKNOWN,
            f"in doubt: this {entry.kind} may have reached the ILS, and nothing the gateway can "
            "ask shows whether it did; not sent again: check in Koha",
        )
    if not entry.item_identifier:
        return _Settled(_Verdict.UNKNOWN, "in doubt and without an item to check; not sent again")
    if entry.kind == "renew" and entry.due_before is None:
        return _Settled(
            _Verdict.UNKNOWN,
            "in doubt: this renewal may have reached the ILS, and its due date before is "
            "unknown; not sent again: check the due date in Koha",
        )
    answer = await _item(entry, upstream, terminal, now)
    if not isinstance(answer, ItemInformationResponse):
        return _Settled(
            _Verdict.UNKNOWN,
            f"in doubt, and the item status could not be read (response {answer.CODE}); "
            "not sent again: check in Koha",
        )
    when = answer.transaction_date or now()
    if entry.kind == "renew":
        return _renewal_settled(entry, answer, when)
    status = answer.circulation_status
    charged = status in CHARGED
    if (entry.kind == "checkout") == charged:
        state = "charged" if charged else "not charged"
        return _Settled(
            _Verdict.DONE, f"confirmed by item status {status} ({state}); not sent again", when
        )
    return _Settled(_Verdict.NOT_DONE, f"item status {status}: not applied, sent again")


def _renewal_settled(entry: Entry, answer: ItemInformationResponse, when: datetime) -> _Settled:
    before, now_due = _due(entry.due_before), _due(answer.due_date)
    if answer.circulation_status in CHARGED and before is not None and now_due is not None:
        if now_due > before:
            return _Settled(
                _Verdict.DONE,
                f"confirmed by the due date, moved from {entry.due_before} to "
                f"{answer.due_date}; not sent again",
                when,
            )
        if now_due == before:
            return _Settled(
                _Verdict.NOT_DONE, f"due date still {answer.due_date}: not renewed, sent again"
            )
    return _Settled(
        _Verdict.UNKNOWN,
        f"in doubt: due date {entry.due_before or '-'} before, {answer.due_date or '-'} now "
        f"(item status {answer.circulation_status}); not sent again: check in Koha",
    )


def _due(text: str | None) -> datetime | None:
    """A due date as SIP2 writes it (Koha: its timestamp format); None if it is not one."""
    try:
        return parse_date(text) if text else None
    except ValueError:
        return None


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
        settled = await _settle(entry, upstream, terminal, now)
        if settled.verdict is _Verdict.DONE:
            await asyncio.to_thread(
                journal.mark_replayed, entry.id, settled.why, applied_at=settled.applied_at
            )
            report.confirmed += 1
            return
        if settled.verdict is _Verdict.UNKNOWN:
            await asyncio.to_thread(journal.mark_held, entry.id, settled.why)
            report.held += 1
            report.failures.append(_failure(entry, settled.why, held=True))
            return
    if entry.kind == "renew" and entry.item_identifier:
        # Noted first: should its answer be lost, the due date tells whether it was renewed.
        before = await _item(entry, upstream, terminal, now)
        due = before.due_date if isinstance(before, ItemInformationResponse) else None
        await asyncio.to_thread(journal.note_due_before, entry.id, due)
    loan_made_at = None
    if entry.kind == "checkin" and entry.item_identifier:
        loan_made_at = await asyncio.to_thread(
            journal.loan_made_at, entry.item_identifier, entry.id
        )
    request = rebuild_request(entry, no_block=no_block, loan_made_at=loan_made_at)
    try:
        await asyncio.to_thread(journal.mark_applying, entry.id)
    except JournalStateError:
        return  # settled elsewhere since it was read (exported by hand): not ours to send
    try:
        response = await upstream.handle(request, terminal)
    except UpstreamInDoubt as error:
        # It may have reached the ILS: back to pending with the attempt counted, so the next
        # replay settles it before sending it again.
        await asyncio.to_thread(journal.mark_pending, entry.id, f"answer lost: {error}")
        raise
    except UpstreamUnavailable as error:
        await asyncio.to_thread(journal.mark_unsent, entry.id, f"upstream unavailable: {error}")
        raise
    ok, outcome = _judge(entry, response)
    answer = _wire_text(response)
    if ok:
        applied_at = getattr(response, "transaction_date", None) or now()
        await asyncio.to_thread(
            journal.mark_replayed, entry.id, outcome, answer=answer, applied_at=applied_at
        )
        report.replayed += 1
    else:
        await _fail(journal, entry, outcome, answer, report)


async def _fail(
    journal: Journal, entry: Entry, reason: str, answer: str | None, report: ReplayReport
) -> None:
    await asyncio.to_thread(journal.mark_failed, entry.id, reason, answer=answer)
    report.failed += 1
    report.failures.append(_failure(entry, reason))


def _failure(entry: Entry, reason: str, *, held: bool = False) -> Failure:
    return Failure(
        entry.id, entry.kind, entry.patron_identifier, entry.item_identifier, reason, held
    )
