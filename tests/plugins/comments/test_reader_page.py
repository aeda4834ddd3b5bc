"""One reader's contributions in the admin, and blocking them: the account goes inactive, what
they contributed is hidden, and unblocking brings it back; staff and oneself cannot be blocked."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from plugins.opac.models import Rating, Tagging, TagTerm
from tests.html import soup_of
from tests.plugins.comments.conftest import add_review, make_moderator, reviews_on
from tests.plugins.readers.conftest import PASSWORD, make_reader

pytestmark = pytest.mark.django_db


def reader_url(user) -> str:
    return f"/admin/moderation/reader/{user.pk}/"


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def maria(oliver):
    user = make_reader("maria").user
    add_review(oliver, "Dickens at his best.", user=user, user_name="Maria")
    Rating.objects.create(reader=user, record=oliver, stars=4)
    Tagging.objects.create(
        reader=user, record=oliver, tag=TagTerm.objects.create(term="orphans"), language="en"
    )
    return user


def test_the_page_lists_the_readers_comments_ratings_and_tags(client, moderator, maria):
    soup = soup_of(client.get(reader_url(maria)))

    sections = {
        section.h2.get_text(strip=True): [
            cell.get_text(strip=True) for cell in section.select(".moderation-text")
        ]
        for section in soup.select(".moderation-section")
    }
    assert sections == {
        "Comments and reviews (1)": ["Dickens at his best."],
        "Ratings (1)": ["★★★★☆"],
        "Tags (1)": ["orphans"],
    }


def test_blocking_asks_first_then_hides_the_readers_reviews_until_unblocked(
    client, moderator, maria, oliver
):
    confirmation = client.get(reader_url(maria) + "block/")
    assert "Block maria?" in soup_of(confirmation).select_one(".moderation-confirm").text
    maria.refresh_from_db()
    assert maria.is_active

    blocked = client.post(reader_url(maria) + "block/", follow=True)

    assert messages_of(blocked) == [
        "maria is blocked: they cannot sign in, and what they wrote is hidden."
    ]
    maria.refresh_from_db()
    assert not maria.is_active
    assert reviews_on(Client(), oliver) == []

    client.post(reader_url(maria) + "unblock/")

    maria.refresh_from_db()
    assert maria.is_active
    assert reviews_on(Client(), oliver) == ["Dickens at his best."]


def test_a_blocked_reader_cannot_sign_in(client, moderator, maria):
    signing_in = {"login": "maria@example.org", "password": PASSWORD}
    before = Client()
    before.post("/en/accounts/login/", signing_in)
    assert "_auth_user_id" in before.session

    client.post(reader_url(maria) + "block/")

    after = Client()
    after.post("/en/accounts/login/", signing_in)
    assert "_auth_user_id" not in after.session


@pytest.mark.parametrize("who", ["self", "staff", "superuser"])
def test_staff_superusers_and_oneself_cannot_be_blocked(client, moderator, who):
    target = {
        "self": lambda: moderator,
        "staff": lambda: get_user_model().objects.create_user("librarian", is_staff=True),
        "superuser": lambda: get_user_model().objects.create_superuser("root", "r@example.org"),
    }[who]()

    page = soup_of(client.get(reader_url(target)))
    response = client.post(reader_url(target) + "block/", follow=True)

    assert page.select_one("a[href$='/block/']") is None
    assert messages_of(response)[0] in {
        "You cannot block your own account.",
        "Staff and administrators’ accounts cannot be blocked here.",
    }
    target.refresh_from_db()
    assert target.is_active


def test_only_moderators_may_see_or_block_readers(client, maria):
    outsider = make_moderator("outsider")
    outsider.groups.clear()
    client.force_login(outsider)

    assert client.post(reader_url(maria) + "block/").status_code in {302, 403}
    maria.refresh_from_db()
    assert maria.is_active


def test_blocking_needs_the_csrf_token(moderator, maria):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(moderator)

    assert browser.post(reader_url(maria) + "block/").status_code == 403
    maria.refresh_from_db()
    assert maria.is_active


def test_the_page_escapes_what_the_reader_wrote(client, moderator, oliver):
    user = make_reader("mallory").user
    add_review(oliver, "<script>alert(1)</script>", user=user)

    html = client.get(reader_url(user)).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_the_page_costs_the_same_queries_for_many_contributions(
    client, moderator, oliver, django_assert_max_num_queries
):
    user = make_reader("prolific").user
    for n in range(120):
        add_review(oliver, f"Review {n}.", user=user)
    for n in range(30):
        Tagging.objects.create(
            reader=user, record=oliver, tag=TagTerm.objects.create(term=f"t{n}"), language="en"
        )

    client.get(reader_url(user))  # the site's frame (the library's name) is built, then cached
    with django_assert_max_num_queries(20):
        response = client.get(reader_url(user))

    assert len(soup_of(response).select(".moderation-text")) == 150


def test_a_blocked_readers_open_session_ends(moderator, maria, oliver):
    reader = Client()
    reader.force_login(maria)
    maria.is_active = False
    maria.save()

    response = reader.post(f"/en/catalogue/rating/{oliver.pk}/", {"stars": "1"})

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Rating.objects.filter(reader=maria, stars=1).exists()
