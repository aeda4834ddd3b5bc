"""What ``rfid-sip2 journal list|replay|export`` does, without the argument parsing.

Each function takes an open Journal (and, for replay, the upstream and terminal) and returns
printable lines or the replay's report; the CLI module prints them and picks exit codes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from rfid_sip2.journal.koc import koc_line, write_koc
from rfid_sip2.journal.replay import ReplayReport, replay
from rfid_sip2.journal.store import Entry, Journal, ReplayInProgress, State
from rfid_sip2.upstreams.base import Terminal, Upstream


def _date(moment: datetime) -> str:
    text = moment.isoformat(sep=" ", timespec="seconds")
    return text.replace("+00:00", "Z")


def entry_line(entry: Entry) -> str:
    state = entry.state.value + (" (in doubt)" if entry.in_doubt else "")
    line = (
        f"#{entry.id} {state} {entry.kind} {_date(entry.transaction_date)}"
        f" patron {entry.patron_identifier or '-'} item {entry.item_identifier or '-'}"
        f" via {entry.account}@{entry.peer or '?'} attempts {entry.attempts}"
    )
    return f"{line} - {entry.outcome}" if entry.outcome else line


def counts_line(journal: Journal) -> str:
    counts = journal.counts()
    return ", ".join(f"{counts[state]} {state.value}" for state in State)


def list_lines(
    journal: Journal, state: State | str | None = None, *, limit: int | None = None
) -> list[str]:
    """One line per entry (all, or those in ``state``), oldest first, then the counts."""
    lines = [entry_line(entry) for entry in journal.entries(state, limit=limit)]
    return [*lines, counts_line(journal)] if lines else ["no entries", counts_line(journal)]


async def replay_command(
    journal: Journal,
    upstream: Upstream,
    terminal: Terminal | Callable[[Entry], Terminal],
    *,
    no_block: bool = True,
) -> ReplayReport:
    """Replay the journal; ``terminal`` is one Terminal for every entry, or one per entry."""
    terminal_for = terminal if callable(terminal) else (lambda entry: terminal)
    return await replay(journal, upstream, terminal_for, no_block=no_block)


async def replay_lines(
    journal: Journal,
    upstream: Upstream,
    terminal: Terminal | Callable[[Entry], Terminal],
    *,
    no_block: bool = True,
) -> list[str]:
    """Replay the journal and describe what happened (``replay_command`` gives the report)."""
    try:
        report = await replay_command(journal, upstream, terminal, no_block=no_block)
    except ReplayInProgress as error:
        return [f"not replayed: {error}"]
    return report_lines(report)


def report_lines(report: ReplayReport) -> list[str]:
    lines = [
        f"replayed {report.replayed}, confirmed {report.confirmed}, failed {report.failed}, "
        f"held {report.held}, remaining {report.remaining}"
    ]
    lines += [
        f"{'held' if f.held else 'failed'} #{f.entry_id} {f.kind} "
        f"patron {f.patron_identifier or '-'} item {f.item_identifier or '-'}: {f.reason}"
        for f in report.failures
    ]
    if report.stopped:
        lines.append(f"stopped: {report.stopped}")
    return lines


def export_lines(
    journal: Journal,
    path: str | os.PathLike[str],
    *,
    states: Iterable[State | str] = (State.FAILED,),
    generator: str = "library20",
    version: str | None = None,
) -> list[str]:
    """Write the entries in ``states`` (failed ones by default) to a .koc file, then mark them
    exported.

    Entries a .koc line cannot hold (no patron for an issue, a hold...) and pending entries in
    doubt are skipped and listed; they keep their state. An existing file is never replaced.
    The file is written and synced before the entries are marked, so a crash in between can only
    leave them to be exported again (the first file must then not be uploaded too).
    """
    try:
        with journal.replay_lock():  # no replay sends what is being exported, and vice versa
            return _export(journal, Path(path), states, generator, version)
    except ReplayInProgress as error:
        return [f"not exported: {error}"]


def _export(
    journal: Journal,
    path: Path,
    states: Iterable[State | str],
    generator: str,
    version: str | None,
) -> list[str]:
    chosen: list[Entry] = []
    skipped: list[str] = []
    for state in dict.fromkeys(State(s) for s in states):
        for entry in journal.entries(state):
            if entry.in_doubt:
                skipped.append(f"skipped #{entry.id}: in doubt, replay it first")
                continue
            try:
                koc_line(entry)
            except ValueError as error:
                skipped.append(f"skipped #{entry.id}: {error}")
                continue
            chosen.append(entry)
    if not chosen:
        return ["nothing to export", *skipped]
    chosen.sort(key=lambda entry: entry.id)
    try:
        written = write_koc(path, chosen, generator=generator, version=version, overwrite=False)
    except FileExistsError:
        # An earlier export there may not have been uploaded yet: never replace it.
        return [f"not exported: {path} exists, choose another file name"]
    try:
        journal.mark_exported(entry.id for entry in chosen)
    except BaseException:
        written.unlink(missing_ok=True)  # not marked: the file must not be uploaded
        raise
    return [f"exported {len(chosen)} entries to {written}", *skipped]
