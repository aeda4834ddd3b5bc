"""Readers rate records from 1 to 5 stars: one rating each, changed or removed as they like;
the record page and the results show the average and how many readers gave it."""

from __future__ import annotations

import pytest
from django.test import Client

from plugins.opac.models import CatalogueRecord, Rating
from tests.html import soup_of
from tests.plugins.opac.contributions import OLIVER_TWIST, make_reader, messages_of, record_page
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

RATING_URL = f"/en/catalogue/rating/{OLIVER_TWIST}/"


@pytest.fixture
def reader(client, catalogue):
    user = make_reader("ratingreader")
    client.force_login(user)
    return user


def test_a_visitor_is_asked_to_sign_in_to_rate_and_comes_back_to_the_record(client, catalogue):
    link = record_page(client).select_one("#rating a")
    assert link.get_text(strip=True) == "Sign in to rate this title"
    assert link["href"].startswith("/en/accounts/login/?next=/en/catalogue/3/")

    response = client.post(RATING_URL, {"stars": "5"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Rating.objects.exists()


def test_a_reader_rates_a_title_and_sees_their_stars_and_the_average(client, reader):
    response = client.post(RATING_URL, {"stars": "4"}, follow=True)

    assert "You rated “Oliver Twist” 4 stars." in messages_of(response)
    soup = record_page(client)
    assert soup.select_one("#rating .stars")["aria-label"] == "Rated 4.0 out of 5 by 1 reader"
    assert soup.select_one('#rating input[name="stars"][checked]')["value"] == "4"


def test_rating_again_changes_the_readers_one_rating(client, reader):
    client.post(RATING_URL, {"stars": "4"})
    client.post(RATING_URL, {"stars": "2"})

    assert list(Rating.objects.values_list("stars", flat=True)) == [2]


def test_the_average_is_of_every_readers_rating(client, reader):
    other = make_reader("other")
    Rating.objects.create(reader=other, record_id=OLIVER_TWIST, stars=5)

    client.post(RATING_URL, {"stars": "2"})

    label = record_page(client).select_one("#rating .stars")["aria-label"]
    assert label == "Rated 3.5 out of 5 by 2 readers"


def test_a_reader_removes_only_their_own_rating(client, reader):
    other = make_reader("other")
    Rating.objects.create(reader=other, record_id=OLIVER_TWIST, stars=5)
    client.post(RATING_URL, {"stars": "1"})

    response = client.post(RATING_URL, {"remove": "1"}, follow=True)

    assert "Your rating is removed." in messages_of(response)
    assert list(Rating.objects.values_list("reader__username", "stars")) == [("other", 5)]


@pytest.mark.parametrize("stars", ["0", "6", "7", "-1", "4.5", "four", "", "<script>"])
def test_stars_outside_1_to_5_are_refused_in_words_and_nothing_is_saved(client, reader, stars):
    client.post(RATING_URL, {"stars": "3"})

    response = client.post(RATING_URL, {"stars": stars}, follow=True)

    assert "Choose from 1 to 5 stars to rate this title." in messages_of(response)
    assert list(Rating.objects.values_list("stars", flat=True)) == [3]


def test_the_refusal_is_in_the_readers_language(client, reader):
    response = client.post(f"/uk/catalogue/rating/{OLIVER_TWIST}/", {"stars": "9"}, follow=True)

    (message,) = messages_of(response)
    assert message != "Choose from 1 to 5 stars to rate this title." and "5" in message


def test_rating_a_record_the_catalogue_does_not_have_gives_the_404_page(client, reader):
    assert client.post("/en/catalogue/rating/999999/", {"stars": "3"}).status_code == 404


def test_ratings_are_only_posted(client, reader):
    assert client.get(RATING_URL).status_code == 405


def test_a_rating_without_the_forms_csrf_token_is_refused(reader):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(reader)

    assert browser.post(RATING_URL, {"stars": "5"}).status_code == 403
    assert not Rating.objects.exists()


def test_ratings_are_rate_limited(client, reader, settings):
    settings.READERS_RATE_LIMITS = {**settings.READERS_RATE_LIMITS, "rating": "2/h/user"}
    client.post(RATING_URL, {"stars": "3"})
    client.post(RATING_URL, {"stars": "4"})

    assert client.post(RATING_URL, {"stars": "5"}).status_code == 429
    assert list(Rating.objects.values_list("stars", flat=True)) == [4]


def test_results_show_each_records_average_for_the_same_queries_however_many_are_rated(
    client, reader
):
    count_queries(client, "/en/catalogue/", {})  # warm Wagtail's caches
    before = count_queries(client, "/en/catalogue/", {"sort": "title"})
    readers = [make_reader(f"reader{number}") for number in range(3)]
    records = CatalogueRecord.objects.order_by("biblio_id")[:20]
    Rating.objects.bulk_create(
        Rating(reader=someone, record=record, stars=1 + (record.biblio_id + n) % 5)
        for n, someone in enumerate(readers)
        for record in records
    )

    after = count_queries(client, "/en/catalogue/", {"sort": "title"})
    soup = soup_of(client.get("/en/catalogue/", {"q": "Oliver Twist"}))

    assert after == before
    label = soup.select_one(".record-card .stars")["aria-label"]
    assert label.startswith("Rated ") and label.endswith("by 3 readers")
