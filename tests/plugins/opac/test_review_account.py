"""A reader's reviews in My account: listed with their state and a link to them in place, in the
data download, named on the page that deletes the account."""

from __future__ import annotations

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from tests.html import soup_of
from tests.plugins.comments.conftest import add_review, oliver  # noqa: F401

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-password-for-tests"


@pytest.fixture
def reviewer(client, oliver):  # noqa: F811
    user = get_user_model().objects.create_user("reviewer", "reviewer@example.org", PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client.force_login(user)
    add_review(oliver, "A grim and gripping book.", user=user)
    add_review(oliver, "See https://example.org", user=user, public=False)
    add_review(oliver, "Somebody else's.")
    return user


def test_my_account_lists_the_readers_reviews_with_their_state(client, reviewer):
    section = soup_of(client.get("/uk/account/")).select_one('[aria-labelledby="reviews-heading"]')

    items = section.select("li")
    assert len(items) == 2
    texts = " ".join(item.get_text(" ") for item in items)
    assert "A grim and gripping book." in texts and "Somebody else's." not in texts
    assert "опубліковано" in texts and "чекає на перевірку бібліотекаря" in texts
    assert all(item.a["href"].startswith("/uk/catalogue/3/oliver-twist/#c") for item in items)


def test_the_data_download_holds_the_readers_reviews(client, reviewer):
    data = json.loads(client.get("/en/account/data/").content)

    assert sorted(r["text"] for r in data["reviews"]) == [
        "A grim and gripping book.",
        "See https://example.org",
    ]


def test_deleting_the_account_says_its_reviews_go(client, reviewer):
    text = soup_of(client.get("/en/account/delete/")).select_one("main").get_text(" ")

    assert "your reviews of titles in the catalogue" in text
