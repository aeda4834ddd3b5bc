"""The catalogue's part in moderation: a blocked reader's ratings and tags leave averages, the
recommendations' input, the cloud and records until they are unblocked; a deleted reader's go
with the account; their tags wait in the librarians' queue."""

from __future__ import annotations

import pytest

from plugins.comments.contributions import QueueFilters, State, source_of
from plugins.opac import ratings
from plugins.opac.cards import cards_of
from plugins.opac.models import Rating, SimilarRecord, Tagging, TagTerm
from plugins.opac.recommendations.stored import recompute
from tests.html import soup_of
from tests.plugins.opac.contributions import OLIVER_TWIST, make_reader, record_page

pytestmark = pytest.mark.django_db

OTHER = 5  # another sandbox record


def block(user) -> None:
    user.is_active = False
    user.save()


def unblock(user) -> None:
    user.is_active = True
    user.save()


@pytest.fixture
def readers(catalogue):
    return make_reader("kind"), make_reader("troll")


def average_label(client) -> str | None:
    stars = record_page(client).select_one("#rating .stars")
    return stars["aria-label"] if stars else None


def test_a_blocked_readers_rating_leaves_the_average_until_they_are_unblocked(client, readers):
    kind, troll = readers
    Rating.objects.create(reader=kind, record_id=OLIVER_TWIST, stars=5)
    Rating.objects.create(reader=troll, record_id=OLIVER_TWIST, stars=1)
    assert average_label(client) == "Rated 3.0 out of 5 by 2 readers"

    block(troll)

    assert average_label(client) == "Rated 5.0 out of 5 by 1 reader"
    assert ratings.summaries([OLIVER_TWIST])[OLIVER_TWIST].count == 1
    [card] = cards_of([OLIVER_TWIST])
    assert (card.rating.average, card.rating.count) == (5, 1)

    unblock(troll)

    assert average_label(client) == "Rated 3.0 out of 5 by 2 readers"


def test_a_blocked_readers_ratings_are_not_the_recommendations_input(readers):
    _kind, troll = readers
    third = make_reader("third")
    for reader in (troll, third):
        Rating.objects.create(reader=reader, record_id=OLIVER_TWIST, stars=5)
        Rating.objects.create(reader=reader, record_id=OTHER, stars=5)
        Rating.objects.create(reader=reader, record_id=1, stars=1)
    recompute()
    assert SimilarRecord.objects.filter(record_id=OLIVER_TWIST).exists()

    block(troll)
    recompute()

    assert not SimilarRecord.objects.exists()  # one reader left: no two readers in common


def test_a_blocked_readers_tags_leave_the_cloud_and_the_record(client, readers):
    _kind, troll = readers
    term = TagTerm.objects.create(term="boring", status=TagTerm.Status.APPROVED)
    Tagging.objects.create(reader=troll, record_id=OLIVER_TWIST, tag=term, language="en")

    def cloud() -> list[str]:
        return [
            a.get_text() for a in soup_of(client.get("/en/catalogue/tags/")).select(".tag-cloud a")
        ]

    def on_record() -> list[str]:
        return [a.get_text(strip=True) for a in record_page(client).select("#tags .tag-list a")]

    assert cloud() == ["boring"] and on_record() == ["boring"]

    block(troll)

    assert cloud() == [] and on_record() == []
    assert client.get("/en/catalogue/tags/boring/").status_code == 200  # the term stays approved
    unblock(troll)
    assert cloud() == ["boring"]


def test_a_deleted_readers_ratings_and_tags_go_with_the_account(readers):
    _kind, troll = readers
    Rating.objects.create(reader=troll, record_id=OLIVER_TWIST, stars=1)
    Tagging.objects.create(
        reader=troll, record_id=OLIVER_TWIST, tag=TagTerm.objects.create(term="x"), language="en"
    )

    troll.delete()

    assert not Rating.objects.exists() and not Tagging.objects.exists()


def test_waiting_tag_terms_are_in_the_queue_with_their_first_reader_and_record(readers):
    kind, troll = readers
    term = TagTerm.objects.create(term="Victorian London")
    Tagging.objects.create(reader=kind, record_id=OLIVER_TWIST, tag=term, language="uk")
    Tagging.objects.create(reader=troll, record_id=OTHER, tag=term, language="en")

    [row] = source_of("tag").queue(QueueFilters(), 10)

    assert (row.text, row.reader, row.language, row.note) == (
        "Victorian London",
        kind,
        "uk",
        "given 2 times",
    )
    assert row.url == f"/uk/catalogue/{OLIVER_TWIST}/oliver-twist/#tags"
    assert source_of("tag").queue(QueueFilters(state=State.FLAGGED), 10) == []
    assert source_of("tag").queue(QueueFilters(language="ru"), 10) == []
