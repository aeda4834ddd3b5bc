"""Journal entries as Koha's offline circulation file (.koc), for Tools > Upload offline circ.

The format, as Koha's ``offline_circ/process_koc.pl`` reads it: a header line of TAB-separated
``key=value`` pairs (it checks ``Version`` is ``1.0``), then one TAB-separated line per
transaction::

    Version=1.0<TAB>Generator=library20<TAB>GeneratorVersion=0.1.0
    2024-03-01 10:15:00 7<TAB>issue<TAB><cardnumber><TAB><barcode>
    2024-03-01 10:16:30 8<TAB>return<TAB><barcode>
    2024-03-01 10:17:00 9<TAB>payment<TAB><cardnumber><TAB><amount>

The timestamp is split on whitespace into date, time and an id (here the journal entry's id).
A renewal is written as an ``issue`` of the same patron and item: process_koc renews an item
already on loan to that patron. Lines end with LF only.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable
from datetime import datetime
from importlib import metadata
from pathlib import Path

from rfid_sip2.journal.store import Entry

KOC_FILE_VERSION = "1.0"
_AMOUNT = re.compile(r"\d+(\.\d+)?")
_FORBIDDEN = re.compile(r"[\t\r\n]")


def _generator_version() -> str:
    try:
        return metadata.version("library20")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0"


def _timestamp(entry: Entry) -> str:
    """The original transaction date and the entry id: naive dates are local time, written
    as they are; dates with a zone are written in this machine's local time."""
    moment: datetime = entry.transaction_date
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return f"{moment:%Y-%m-%d %H:%M:%S} {entry.id}"


def _field(entry: Entry, what: str, value: str | None) -> str:
    text = (value or "").strip()
    if not text:
        raise ValueError(f"journal entry {entry.id} ({entry.kind}) has no {what}")
    if _FORBIDDEN.search(text):
        raise ValueError(
            f"journal entry {entry.id} ({entry.kind}): the {what} {text!r} holds a tab or line "
            "break, which a .koc line cannot carry"
        )
    return text


def koc_line(entry: Entry) -> str:
    """One transaction line (without its line ending); ValueError if the entry cannot be one."""
    stamp = _timestamp(entry)
    if entry.kind in ("checkout", "renew"):
        patron = _field(entry, "patron (cardnumber)", entry.patron_identifier)
        item = _field(entry, "item (barcode)", entry.item_identifier)
        return f"{stamp}\tissue\t{patron}\t{item}"
    if entry.kind == "checkin":
        return f"{stamp}\treturn\t{_field(entry, 'item (barcode)', entry.item_identifier)}"
    if entry.kind == "fee_paid":
        patron = _field(entry, "patron (cardnumber)", entry.patron_identifier)
        amount = _field(entry, "amount", getattr(entry.request, "fee_amount", None))
        if not _AMOUNT.fullmatch(amount):
            raise ValueError(
                f"journal entry {entry.id} (fee_paid): amount {amount!r} is not a plain "
                "decimal number such as 2.50"
            )
        return f"{stamp}\tpayment\t{patron}\t{amount}"
    raise ValueError(
        f"journal entry {entry.id} is a {entry.kind}: Koha's offline circulation file only "
        "holds checkouts, checkins, renewals and payments"
    )


def export_koc(
    entries: Iterable[Entry], generator: str = "library20", version: str | None = None
) -> str:
    """The whole .koc text: header, then one line per entry in the order given."""
    version = _generator_version() if version is None else version
    for name, value in (("generator", generator), ("version", version)):
        if not value or re.search(r"[\t\r\n=]", value):
            raise ValueError(f".koc header {name} {value!r} must be non-empty, without = or tabs")
    lines = [f"Version={KOC_FILE_VERSION}\tGenerator={generator}\tGeneratorVersion={version}"]
    lines += [koc_line(entry) for entry in entries]
    return "\n".join(lines) + "\n"


def write_koc(
    path: str | os.PathLike[str],
    entries: Iterable[Entry],
    generator: str = "library20",
    version: str | None = None,
    *,
    overwrite: bool = True,
) -> Path:
    """Write the .koc file durably (a temporary file synced, then moved into place).

    The text is built first, so an entry that cannot be written leaves no file behind. With
    ``overwrite=False`` an existing file is never replaced (FileExistsError), atomically.
    """
    text = export_koc(entries, generator=generator, version=version)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        if overwrite:
            os.replace(temporary, target)
        else:
            os.link(temporary, target)  # fails if the target exists, even in a race
            os.unlink(temporary)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_directory(target.parent)
    return target


def _sync_directory(folder: Path) -> None:
    """Make the rename itself durable (POSIX; a no-op where folders cannot be opened)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows
        return
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
