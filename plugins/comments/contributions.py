"""Readers' contributions as librarians moderate them, whatever plugin keeps them.

Each plugin registers a ``ContributionSource`` from its ``AppConfig.ready``: comments register
their own (``plugins.comments.comment_source``), the catalogue its tags, ratings and what it keeps
for a reader. The moderation queue, the page of one reader's contributions and the admin home
page's panel ask every source and never know the models behind them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class State(StrEnum):
    """Where a contribution stands."""

    WAITING = "waiting"  # held for a librarian
    FLAGGED = "flagged"  # published, and readers asked for it to be removed
    PUBLISHED = "published"
    REJECTED = "rejected"  # hidden by a librarian


STATE_LABELS = {
    State.WAITING: _("waiting"),
    State.FLAGGED: _("flagged for removal"),
    State.PUBLISHED: _("published"),
    State.REJECTED: _("rejected"),
}


class Action(StrEnum):
    """What a librarian does to the contributions they chose."""

    APPROVE = "approve"
    REJECT = "reject"
    DELETE = "delete"


@dataclass(frozen=True)
class QueueFilters:
    """What the queue shows; empty values do not filter."""

    kind: str = ""
    state: str = State.WAITING
    language: str = ""
    content_type_id: int | None = None
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class Contribution:
    """One contribution as the queue and a reader's page list it."""

    kind: str  # its source's kind, e.g. "comment"
    pk: int
    text: str
    state: State
    created: datetime
    reader: Any = None  # the account it came from; None for a visitor
    author: str = ""  # the name it is shown under
    target: str = ""  # what it is about, e.g. a record's title
    url: str = ""  # where it is on the site
    language: str = ""
    flags: int = 0  # readers' requests to remove it
    note: str = ""  # more about it, e.g. how many readers gave a tag

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.pk}"

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])


@dataclass(frozen=True)
class Tally:
    """A count on the admin home page, with the queue's filters that list what it counts."""

    label: str | Promise
    count: int
    filters: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ReaderSection:
    """One kind of contribution on the page of a reader's contributions."""

    title: str | Promise
    contributions: list[Contribution]


class ContributionSource:
    """What a plugin tells librarians about one kind of contribution; every part is optional."""

    kind = ""  # its value in the queue's "kind" filter; empty: not in the queue
    label: str | Promise = ""
    order = 100  # its place among the sources, smallest first

    def content_types(self) -> list:
        """The content types its contributions are about, for the queue's filter."""
        return []

    def queue(self, filters: QueueFilters, limit: int) -> list[Contribution]:
        """The newest ``limit`` contributions that match, newest first."""
        return []

    def queue_count(self, filters: QueueFilters) -> int:
        return 0

    def moderate(self, action: Action, pks: list[int]) -> int:
        """Approve, reject or delete these contributions; how many it changed."""
        return 0

    def waiting(self) -> list[Tally]:
        """What waits for a librarian."""
        return []

    def activity(self, since: datetime) -> list[Tally]:
        """What readers did since ``since``."""
        return []

    def of_reader(self, reader) -> list[ReaderSection]:
        """Everything one reader contributed."""
        return []


_sources: dict[str, ContributionSource] = {}


def register_source(source: ContributionSource, name: str = "") -> None:
    """Add a plugin's contributions to the queue, the reader's page and the home panel."""
    _sources[name or source.kind] = source


def sources() -> list[ContributionSource]:
    return sorted(_sources.values(), key=lambda source: source.order)


def queued_sources() -> list[ContributionSource]:
    """The sources that list contributions in the queue."""
    return [source for source in sources() if source.kind]


def source_of(kind: str) -> ContributionSource | None:
    return next((source for source in queued_sources() if source.kind == kind), None)
