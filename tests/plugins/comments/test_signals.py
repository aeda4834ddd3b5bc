"""What happens to comments around them: each keeps the language of the page it was posted from;
a deleted account's comments leave the site and lose the name and address it gave."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django_comments_xtd.models import XtdComment

from plugins.comments.models import CommentLanguage
from tests.plugins.comments.conftest import add_review, post_review, reviews_on
from tests.plugins.readers.conftest import PASSWORD, make_reader

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "uk", "ro"])
def test_a_review_keeps_the_language_of_the_page_it_was_posted_from(client, oliver, language):
    client.force_login(make_reader("maria").user)

    post_review(client, oliver, language, comment="Good.")

    [review] = XtdComment.objects.all()
    assert CommentLanguage.objects.get(comment=review).language == language


def test_a_visitors_review_is_in_the_language_of_its_confirmation_link(client, oliver):
    post_review(client, oliver, "ru", name="Ion", email="ion@example.org", comment="Хорошо.")
    link = re.search(r"/ru/comments/confirm/[^/\s]+/", mail.outbox[0].body).group()
    client.get(link)

    assert CommentLanguage.objects.get().language == "ru"


def test_a_deleted_accounts_comments_leave_the_site_with_its_name_and_address(client, oliver):
    maria = make_reader("maria").user
    review = add_review(
        oliver, "Mine.", user=maria, user_name="Maria Popescu", user_email="maria@example.org"
    )
    add_review(oliver, "Someone else's.")

    maria.delete()  # django_comments keeps the comment, its user set to NULL

    review.refresh_from_db()
    assert review.user is None
    assert (review.user_name, review.user_email, review.is_removed) == ("", "", True)
    assert reviews_on(client, oliver) == ["Someone else's."]
    assert (
        "Maria Popescu"
        not in client.get(f"/en/catalogue/{oliver.pk}/oliver-twist/").content.decode()
    )


def test_deleting_an_account_from_my_account_takes_its_reviews_down(client, oliver):
    reader = make_reader("maria")
    client.force_login(reader.user)
    post_review(client, oliver, comment="Soon gone.")

    client.post("/en/account/delete/", {"password": PASSWORD})

    assert not XtdComment.objects.filter(user_name="maria").exists()
    assert reviews_on(client, oliver) == []
