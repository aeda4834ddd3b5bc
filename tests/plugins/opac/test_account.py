"""A reader's ratings in their account (through plugins.readers' extension point): listed in My
account, in the data download, and removed with the account."""

from __future__ import annotations

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from plugins.opac.models import Rating
from tests.html import soup_of

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-password-for-tests"


@pytest.fixture
def rater(client, catalogue):
    user = get_user_model().objects.create_user("rater", "rater@example.org", PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client.force_login(user)
    Rating.objects.create(reader=user, record_id=3, stars=5)  # Oliver Twist
    Rating.objects.create(reader=user, record_id=1, stars=2)
    return user


def test_my_account_lists_the_readers_ratings_linked_to_their_records(client, rater):
    soup = soup_of(client.get("/uk/account/"))

    section = soup.select_one('[aria-labelledby="ratings-heading"]')
    links = {a.get_text(strip=True): a["href"] for a in section.select("a")}
    assert links["Oliver Twist"].startswith("/uk/catalogue/3/")
    labels = [s["aria-label"] for s in section.select(".stars")]
    assert len(labels) == 2 and all(label != "" for label in labels)


def test_a_reader_who_rated_nothing_is_told_how_to(client, catalogue):
    user = get_user_model().objects.create_user("new", "new@example.org", PASSWORD)
    client.force_login(user)

    section = soup_of(client.get("/en/account/")).select_one('[aria-labelledby="ratings-heading"]')
    assert "You have not rated any titles yet" in section.get_text()


def test_the_data_download_holds_the_readers_ratings(client, rater):
    data = json.loads(client.get("/en/account/data/").content)

    assert [(r["biblio_id"], r["stars"]) for r in data["ratings"]] == [(1, 2), (3, 5)]


def test_deleting_the_account_says_and_removes_its_ratings(client, rater):
    text = soup_of(client.get("/en/account/delete/")).select_one("main").get_text(" ")
    assert "your ratings of titles in the catalogue" in text

    client.post("/en/account/delete/", {"password": PASSWORD})

    assert not Rating.objects.exists()
