"""Readers who liked this also liked: item-to-item similarity over mean-centred ratings, checked
by hand on a small set, stored by the command, shown on the record page with a fallback."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from plugins.opac.models import Rating, SimilarRecord
from plugins.opac.recommendations import also_liked, neighbours
from tests.plugins.opac.contributions import OLIVER_TWIST, make_reader, record_page

# Readers a, b and c. a and b like 1, 2 and 5 and dislike 3; c likes 1 and 2, dislikes 4.
RATINGS = [
    ("a", 1, 5), ("a", 2, 5), ("a", 3, 1), ("a", 5, 4),
    ("b", 1, 4), ("b", 2, 5), ("b", 3, 2), ("b", 5, 4),
    ("c", 1, 5), ("c", 2, 4), ("c", 4, 1),
]  # fmt: skip
# Worked by hand: a's mean is 3.75, b's 3.75, c's 3.33; centred, the cosine of records 1 and 2
# is 0.7533, of 1 and 5 0.5055, of 2 and 5 0.9357; 3 is disliked by those who like 1, 2 and 5
# (negative, never recommended); 4 shares one reader with anything (too few to tell).


def scores(found, biblio_id):
    return [(n.biblio_id, round(n.score, 4)) for n in found.get(biblio_id, [])]


def test_similar_records_are_those_the_same_readers_liked():
    found = neighbours(RATINGS)

    assert scores(found, 1) == [(2, 0.7533), (5, 0.5055)]
    assert scores(found, 2) == [(5, 0.9357), (1, 0.7533)]
    assert scores(found, 5) == [(2, 0.9357), (1, 0.5055)]


def test_a_disliked_record_and_one_shared_by_a_single_reader_are_not_recommended():
    found = neighbours(RATINGS)

    assert 3 not in found and 4 not in found
    assert all(n.biblio_id not in (3, 4) for near in found.values() for n in near)


def test_no_ratings_no_recommendations():
    assert neighbours([]) == {}


@pytest.mark.django_db
def test_the_command_stores_them_and_the_record_page_shows_them(client, catalogue):
    readers = {name: make_reader(name) for name in "abc"}
    # The sandbox's records 1-5 stand for the hand-checked ones.
    Rating.objects.bulk_create(
        Rating(reader=readers[name], record_id=biblio_id, stars=stars)
        for name, biblio_id, stars in RATINGS
    )

    call_command("recommendations", verbosity=0)

    assert SimilarRecord.objects.count() == 6
    assert also_liked_of(2) == [5, 1]
    section = record_page(client, biblio_id=1).select_one("#also-liked")
    assert len(section.select(".record-card")) == 2


def also_liked_of(biblio_id):
    from plugins.opac.models import CatalogueRecord

    return also_liked(CatalogueRecord.objects.get(biblio_id=biblio_id))


@pytest.mark.django_db
def test_without_ratings_the_page_offers_the_same_authors_books(client, catalogue):
    from plugins.opac.models import CatalogueRecord

    alike = also_liked_of(OLIVER_TWIST)

    first = CatalogueRecord.objects.get(biblio_id=alike[0])
    assert "Dickens, Charles" in {a["name"] for a in first.authors}
    assert OLIVER_TWIST not in alike
