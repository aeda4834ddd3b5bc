"""Tags whose security write failed, kept on disk so that a restart does not forget them.

Each entry is the state the tag must get (on loan or in the library); the station writes it
the next time the tag is on the pad, whatever the screen shows.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path


class Wanted(StrEnum):
    ON_LOAN = "on_loan"
    IN_LIBRARY = "in_library"


@dataclass(frozen=True)
class PendingTag:
    uid: str  # hex, as InventoriedTag.uid_hex
    item_id: str
    wanted: Wanted
    since: str  # ISO date-time (UTC) of the failed write
    reason: str = ""


class RetryList:
    """A small JSON file: written whole (via a temporary file and a rename) on every change."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._entries: dict[str, PendingTag] = {}
        if path.exists():
            for raw in json.loads(path.read_text(encoding="utf-8")):
                entry = PendingTag(**{**raw, "wanted": Wanted(raw["wanted"])})
                self._entries[entry.uid] = entry

    def __contains__(self, uid: str) -> bool:
        return uid in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, uid: str) -> PendingTag | None:
        return self._entries.get(uid)

    def entries(self) -> list[PendingTag]:
        return list(self._entries.values())

    def add(self, entry: PendingTag) -> None:
        self._entries[entry.uid] = entry
        self._save()

    def remove(self, uid: str) -> None:
        if self._entries.pop(uid, None) is not None:
            self._save()

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps([asdict(entry) for entry in self._entries.values()], indent=1)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".retry-")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, self.path)
