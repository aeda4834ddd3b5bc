"""Which comments readers see: a blocked reader's are hidden, not deleted, and come back when
they are unblocked; a visitor's (no account) are not affected."""

from __future__ import annotations

import pytest
from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG

from plugins.comments.visibility import shown_comments
from tests.html import soup_of
from tests.plugins.comments.conftest import add_review, page_url, reviews_on
from tests.plugins.readers.conftest import make_reader

pytestmark = pytest.mark.django_db


def test_a_blocked_readers_comments_are_hidden_until_they_are_unblocked(client, oliver):
    troll = make_reader("troll").user
    add_review(oliver, "Visitor's review.")
    add_review(oliver, "Troll's review.", user=troll)

    troll.is_active = False
    troll.save()

    assert reviews_on(client, oliver) == ["Visitor's review."]
    assert [c.comment for c in shown_comments()] == ["Visitor's review."]

    troll.is_active = True
    troll.save()

    assert reviews_on(client, oliver) == ["Visitor's review.", "Troll's review."]


def test_a_blocked_readers_likes_are_not_counted(client, oliver):
    review = add_review(oliver, "Liked by a troll.")
    troll = make_reader("troll").user
    CommentFlag.objects.create(comment=review, user=troll, flag=LIKEDIT_FLAG)

    def likes() -> str:
        link = soup_of(client.get(page_url(oliver))).select_one(f"#c{review.pk} a[href*='/like/']")
        return link.get_text(strip=True)

    assert likes() == "1 like"
    troll.is_active = False
    troll.save()
    assert likes() == "0 likes"
