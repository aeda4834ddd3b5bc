"""The demo's readers have rated the catalogue: record pages show stars from the start."""

import pytest

from plugins.opac.demo import READERS, ensure_demo_ratings
from plugins.opac.models import Rating
from plugins.opac.ratings import summaries

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
