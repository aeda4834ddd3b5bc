"""Plugins add their kinds of contribution to moderation by registering a source: the queue
lists and moderates them, a reader's page shows them, the home panel counts them."""

from __future__ import annotations

import pytest
from django.utils import timezone

from plugins.comments import contributions
from plugins.comments.contributions import (
    Action,
    Contribution,
    ContributionSource,
    QueueFilters,
    ReaderSection,
    State,
    Tally,
)
from tests.html import soup_of

pytestmark = pytest.mark.django_db


class Questions(ContributionSource):
    """A plugin's readers' questions, kept in a list for the test."""

    kind = "question"
    label = "Questions"
    order = 30

    def __init__(self) -> None:
        self.moderated: list[tuple[Action, list[int]]] = []
        self.item = Contribution(
            "question", 7, "Do you lend e-readers?", State.WAITING, timezone.now()
        )

    def queue(self, filters: QueueFilters, limit: int) -> list[Contribution]:
        return [self.item] if filters.state in {"", State.WAITING} else []

    def queue_count(self, filters: QueueFilters) -> int:
        return len(self.queue(filters, 1))

    def moderate(self, action: Action, pks: list[int]) -> int:
        self.moderated.append((action, pks))
        return len(pks)

    def waiting(self) -> list[Tally]:
        return [Tally("Questions waiting", 1, {"kind": self.kind})]

    def of_reader(self, reader) -> list[ReaderSection]:
        return [ReaderSection("Questions", [self.item])]


@pytest.fixture
def questions(monkeypatch):
    source = Questions()
    monkeypatch.setitem(contributions._sources, source.kind, source)
    return source


def test_a_registered_source_is_listed_filtered_and_moderated(client, moderator, questions):
    queue = soup_of(client.get("/admin/moderation/", {"kind": "question"}))

    assert [t.get_text(strip=True) for t in queue.select(".moderation-text")] == [
        "Do you lend e-readers?"
    ]
    assert "Questions" in [o.get_text() for o in queue.select("select[name=kind] option")]

    client.post(
        "/admin/moderation/act/",
        {"action": "reject", "item": "question:7", "confirmed": "yes"},
    )

    assert questions.moderated == [(Action.REJECT, [7])]


def test_a_registered_source_shows_on_readers_pages_and_the_home_panel(
    client, moderator, questions
):
    reader_page = soup_of(client.get(f"/admin/moderation/reader/{moderator.pk}/"))
    home = soup_of(client.get("/admin/"))

    assert "Questions (1)" in [h.get_text(strip=True) for h in reader_page.select("h2")]
    waiting = [a.get_text(" ", strip=True) for a in home.select(".moderation-panel__waiting a")]
    assert "Questions waiting: 1" in waiting


def test_sources_come_in_their_order(questions):
    assert [source.kind for source in contributions.sources()] == ["comment", "tag", "question"]
