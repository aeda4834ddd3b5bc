"""Which comments readers see: a blocked reader's are hidden, not deleted, and come back when
they are unblocked; a visitor's (no account) are not affected."""

from __future__ import annotations

import pytest

from plugins.comments.visibility import shown_comments
from tests.plugins.comments.conftest import add_review, reviews_on
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
