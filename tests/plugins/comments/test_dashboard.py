"""The admin home page's panel: what waits for a librarian, each count leading to the queue
filtered to it, and the last seven days' contributions, for those who may moderate."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django_comments.models import CommentFlag

from plugins.comments.dashboard import ModerationPanel
from plugins.opac.models import Rating, Tagging, TagTerm
from tests.html import soup_of
from tests.plugins.comments.conftest import add_review, make_moderator
from tests.plugins.readers.conftest import make_reader

pytestmark = pytest.mark.django_db


def panel(client):
    return soup_of(client.get("/admin/")).select_one("#moderation-section")


def test_the_panel_counts_what_waits_and_links_to_the_filtered_queue(client, moderator, oliver):
    add_review(oliver, "Held one.", public=False)
    add_review(oliver, "Held two.", public=False)
    flagged = add_review(oliver, "Flagged.")
    CommentFlag.objects.create(
        comment=flagged, user=make_reader("a").user, flag=CommentFlag.SUGGEST_REMOVAL
    )
    TagTerm.objects.create(term="orphans")

    links = {
        a.get_text(" ", strip=True): a["href"]
        for a in panel(client).select(".moderation-panel__waiting a")
    }

    assert links == {
        "Comments held: 2": "/admin/moderation/?kind=comment&state=waiting",
        "Comments flagged for removal: 1": "/admin/moderation/?kind=comment&state=flagged",
        "Tags waiting: 1": "/admin/moderation/?kind=tag&state=waiting",
    }


def test_the_panel_counts_this_weeks_reviews_ratings_tags_and_readers(client, moderator, oliver):
    maria = make_reader("maria").user
    add_review(oliver, "New.", user=maria)
    old = add_review(oliver, "Old.")
    type(old).objects.filter(pk=old.pk).update(submit_date=timezone.now() - timedelta(days=9))
    Rating.objects.create(reader=maria, record=oliver, stars=5)
    Tagging.objects.create(
        reader=maria, record=oliver, tag=TagTerm.objects.create(term="orphans"), language="en"
    )

    week_ago = timezone.now() - timedelta(days=7)
    joined = get_user_model().objects.filter(date_joined__gte=week_ago).count()
    items = panel(client).select(".moderation-panel__activity li")

    assert {li.get_text(" ", strip=True) for li in items} == {
        "Comments and reviews: 1",
        "Ratings: 1",
        "Tags: 1",
        f"New readers: {joined}",
    }


def test_the_panel_is_shown_only_to_those_who_may_moderate(client):
    editor = make_moderator("someone", group="Editors")
    editor.groups.remove(Group.objects.get(name="Editors"))
    editor.groups.add(Group.objects.create(name="Readers of the admin"))
    editor.user_permissions.add(
        *Group.objects.get(name="Moderators").permissions.filter(codename="access_admin")
    )
    client.force_login(editor)

    assert client.get("/admin/").status_code == 200
    assert panel(client) is None


def test_the_panel_costs_seven_queries_however_many_contributions(
    moderator, oliver, django_assert_num_queries
):
    for n in range(30):
        add_review(oliver, f"Held {n}.", public=False)
        Tagging.objects.create(
            reader=moderator, record=oliver, tag=TagTerm.objects.create(term=f"t{n}"), language="en"
        )

    with django_assert_num_queries(7):  # held, flagged, tags waiting; the week's four counts
        ModerationPanel().get_context_data()
