"""The demo's readers have rated the catalogue: record pages show stars from the start."""

import pytest

from plugins.opac import tags
from plugins.opac.demo import PENDING, READERS, ensure_demo_ratings, ensure_demo_reviews_and_tags
from plugins.opac.models import CatalogueRecord, Rating, TagTerm
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
