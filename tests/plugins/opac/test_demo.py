"""The demo's readers have rated the catalogue and filled shelves: record pages show stars from
the start, and readers' lists are there to open and follow."""

import pytest
from django.contrib.auth import get_user_model

from plugins.opac import tags
from plugins.opac.demo import (
    DEMO_LISTS,
    PENDING,
    READERS,
    ensure_demo_ratings,
    ensure_demo_reviews_and_tags,
    ensure_demo_shelves,
)
from plugins.opac.models import CatalogueRecord, Rating, Shelf, ShelfEntry, ShelfFollow, TagTerm
from plugins.opac.ratings import summaries
from tests.plugins.opac.contributions import record_page

pytestmark = pytest.mark.django_db


def test_demo_readers_rate_a_third_of_the_catalogue_each_and_again_adds_nothing(catalogue):
    made = ensure_demo_ratings()

    assert made == Rating.objects.count() > 0
    assert Rating.objects.values("reader").distinct().count() == len(READERS)
    assert ensure_demo_ratings() == 0


def test_demo_readers_like_the_books_of_their_languages_best(catalogue):
    ensure_demo_ratings()

    carolina = Rating.objects.filter(reader__username="demo-carolina")
    romanian = [r.stars for r in carolina if r.record.language == "rum"]
    others = [r.stars for r in carolina if r.record.language != "rum"]
    assert min(romanian) > max(others)
    assert len(summaries(range(1, 75))) > 50  # most records show readers' stars


def test_demo_readers_review_and_tag_in_every_language_once(catalogue, client):
    ensure_demo_ratings()

    reviews, taggings = ensure_demo_reviews_and_tags()

    assert reviews >= 8 and taggings >= 12
    assert ensure_demo_reviews_and_tags() == (0, 0)
    for language in ("en", "ru", "uk", "ro"):
        assert tags.cloud(language), language
    assert TagTerm.objects.filter(status=TagTerm.Status.PENDING).count() == len(PENDING)
    oliver = CatalogueRecord.objects.get(title="Oliver Twist")
    assert "Dickens makes the London" in record_page(client, "en", oliver.pk).get_text()


def test_demo_readers_have_shelves_and_public_lists_and_again_adds_nothing(catalogue):
    ensure_demo_ratings()
    get_user_model().objects.create_user("reader", "reader@example.org", "a-long-password")

    made = ensure_demo_shelves()

    assert made == ShelfEntry.objects.count() > 0
    lists = Shelf.objects.filter(kind="list", public=True)
    names = sorted(name for name, *_rest in DEMO_LISTS.values())
    assert sorted(lists.values_list("name", flat=True)) == names
    assert all(shelf.entries.exists() for shelf in lists)
    assert ShelfEntry.objects.filter(shelf__owner__username="reader").exists()
    assert ShelfFollow.objects.filter(follower__username="reader").count() == 2
    assert ensure_demo_shelves() == 0
