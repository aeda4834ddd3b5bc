"""The moderation queue in the Wagtail admin: every kind of reader's contribution, filtered,
approved, rejected or deleted in bulk after a confirmation, by those allowed to moderate."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from plugins.comments.models import CommentLanguage
from plugins.opac.models import Tagging, TagTerm
from tests.html import soup_of
from tests.plugins.comments.conftest import add_review, make_moderator, reviews_on
from tests.plugins.readers.conftest import make_reader

pytestmark = pytest.mark.django_db

QUEUE = "/admin/moderation/"
ACT = "/admin/moderation/act/"


def rows(response) -> list[str]:
    """The texts of the queue's rows, in order."""
    return [label.get_text(strip=True) for label in soup_of(response).select(".moderation-text")]


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def flag(comment: XtdComment, *readers) -> None:
    for reader in readers:
        CommentFlag.objects.create(comment=comment, user=reader, flag=CommentFlag.SUGGEST_REMOVAL)


def test_the_queue_shows_held_comments_by_default(client, moderator, oliver):
    add_review(oliver, "Buy cheap pills at www.example.com", public=False)
    add_review(oliver, "A fine book.")

    response = client.get(QUEUE)

    assert response.status_code == 200
    assert rows(response) == ["Buy cheap pills at www.example.com"]


def test_moderators_and_editors_may_moderate_and_others_are_refused(client, oliver):
    assert Group.objects.get(name="Moderators").permissions.filter(codename="moderate").exists()
    assert Group.objects.get(name="Editors").permissions.filter(codename="moderate").exists()
    client.force_login(make_moderator("editor", group="Editors"))
    assert client.get(QUEUE).status_code == 200

    client.force_login(make_reader("maria").user)
    assert client.get(QUEUE).status_code in {302, 403}  # readers never reach the admin

    outsider = make_moderator("outsider", group="Editors")
    outsider.groups.clear()
    outsider.groups.add(Group.objects.create(name="Admin users only"))
    outsider.user_permissions.add(
        *Group.objects.get(name="Editors").permissions.filter(codename="access_admin")
    )
    client.force_login(outsider)
    assert client.get(QUEUE).status_code == 403
    assert client.post(ACT, {"action": "approve", "item": "comment:1"}).status_code == 403


def test_the_menu_shows_moderation_only_to_those_who_may_moderate(client, moderator):
    assert "/admin/moderation/" in client.get("/admin/").content.decode()


def test_filters_by_state_language_object_and_date(client, moderator, oliver):
    old = add_review(oliver, "Old and published.")
    XtdComment.objects.filter(pk=old.pk).update(submit_date=timezone.now() - timedelta(days=30))
    flagged = add_review(oliver, "Rude words here.")
    flag(flagged, make_reader("a").user, make_reader("b").user)
    removed = add_review(oliver, "Hidden one.")
    XtdComment.objects.filter(pk=removed.pk).update(is_removed=True)
    russian = add_review(oliver, "Хорошая книга.", public=False)
    CommentLanguage.objects.filter(comment=russian).update(language="ru")
    record_type = ContentType.objects.get(app_label="opac", model="cataloguerecord")

    def shown(**params) -> list[str]:
        return rows(client.get(QUEUE, params))

    assert shown(state="flagged") == ["Rude words here."]
    assert shown(state="rejected") == ["Hidden one."]
    assert shown(state="published") == ["Rude words here.", "Old and published."]
    assert shown(state="all", language="ru") == ["Хорошая книга."]
    assert shown(state="all", kind="comment", about=record_type.pk) == [
        "Хорошая книга.",
        "Hidden one.",
        "Rude words here.",
        "Old and published.",
    ]
    week_ago = (timezone.now() - timedelta(days=7)).date().isoformat()
    assert "Old and published." not in shown(state="all", since=week_ago)
    assert shown(state="all", until=week_ago) == ["Old and published."]
    assert shown(state="junk", language="xx", about="nothing", since="never") == ["Хорошая книга."]


def test_a_flagged_comment_shows_how_many_readers_flagged_it(client, moderator, oliver):
    flagged = add_review(oliver, "Rude words here.")
    flag(flagged, make_reader("a").user, make_reader("b").user)

    soup = soup_of(client.get(QUEUE, {"state": "flagged"}))

    assert soup.select_one(".moderation-flags").get_text(strip=True) == "2 flags"


def test_each_row_links_to_the_contribution_in_place_and_to_the_readers_page(
    client, moderator, oliver
):
    maria = make_reader("maria").user
    review = add_review(oliver, "Held review.", public=False, user=maria)

    soup = soup_of(client.get(QUEUE))

    assert soup.select_one(".moderation-in-place")["href"] == (
        f"/en/catalogue/{oliver.pk}/oliver-twist/#c{review.pk}"
    )
    assert soup.select_one(".moderation-reader")["href"] == f"/admin/moderation/reader/{maria.pk}/"


def test_bulk_approval_asks_for_confirmation_then_says_how_many(client, moderator, oliver):
    held = [add_review(oliver, f"Held {n}.", public=False) for n in range(3)]
    items = [f"comment:{c.pk}" for c in held[:2]]

    confirmation = client.post(ACT, {"action": "approve", "item": items, "query": "state=waiting"})

    assert confirmation.status_code == 200
    question = soup_of(confirmation).select_one(".moderation-confirm").text
    assert "Approve 2 contributions?" in question
    assert XtdComment.objects.filter(is_public=True).count() == 0

    done = client.post(
        ACT,
        {"action": "approve", "item": items, "query": "state=waiting", "confirmed": "yes"},
        follow=True,
    )

    assert messages_of(done) == ["2 contributions approved."]
    assert done.redirect_chain[-1][0] == "/admin/moderation/?state=waiting"
    assert rows(done) == ["Held 2."]
    assert set(XtdComment.objects.filter(is_public=True).values_list("comment", flat=True)) == {
        "Held 0.",
        "Held 1.",
    }


def test_approving_a_flagged_comment_clears_its_flags(client, moderator, oliver):
    flagged = add_review(oliver, "Fine after all.")
    flag(flagged, make_reader("a").user)

    client.post(ACT, {"action": "approve", "item": f"comment:{flagged.pk}", "confirmed": "yes"})

    assert rows(client.get(QUEUE, {"state": "flagged"})) == []


def test_rejecting_hides_a_comment_from_the_record_page(client, moderator, oliver):
    review = add_review(oliver, "Spoilers all the way.")

    response = client.post(
        ACT, {"action": "reject", "item": f"comment:{review.pk}", "confirmed": "yes"}, follow=True
    )

    assert messages_of(response) == ["1 contribution rejected and hidden."]
    client.logout()
    assert reviews_on(client, oliver) == []


def test_deleting_removes_comments_with_their_replies(client, moderator, oliver):
    review = add_review(oliver, "Too long.")
    add_review(oliver, "Not at all.", parent_id=review.pk)
    kept = add_review(oliver, "Kept.")

    client.post(ACT, {"action": "delete", "item": f"comment:{review.pk}", "confirmed": "yes"})

    assert list(XtdComment.objects.values_list("pk", flat=True)) == [kept.pk]


def test_tag_terms_wait_in_the_same_queue_and_approving_one_approves_it_for_everyone(
    client, moderator, oliver
):
    maria = make_reader("maria").user
    term = TagTerm.objects.create(term="Victorian London")
    Tagging.objects.create(reader=maria, record=oliver, tag=term, language="en")
    add_review(oliver, "Held review.", public=False)

    assert set(rows(client.get(QUEUE))) == {"Victorian London", "Held review."}
    assert rows(client.get(QUEUE, {"kind": "tag"})) == ["Victorian London"]

    client.post(ACT, {"action": "approve", "item": f"tag:{term.pk}", "confirmed": "yes"})

    term.refresh_from_db()
    assert term.status == TagTerm.Status.APPROVED


def test_nothing_is_done_without_a_choice_or_a_known_action(client, moderator, oliver):
    review = add_review(oliver, "Held.", public=False)

    no_items = client.post(ACT, {"action": "approve", "confirmed": "yes"}, follow=True)
    no_action = client.post(ACT, {"action": "burn", "item": f"comment:{review.pk}"}, follow=True)
    junk = client.post(ACT, {"action": "approve", "item": ["x:1", "comment:y"]}, follow=True)

    assert messages_of(no_items) == ["Choose at least one contribution first."]
    assert messages_of(no_action) == ["Choose what to do with the contributions."]
    assert messages_of(junk) == ["Choose at least one contribution first."]
    assert not XtdComment.objects.filter(is_public=True).exists()


def test_bulk_actions_need_a_post_with_the_csrf_token(moderator, oliver):
    review = add_review(oliver, "Held.", public=False)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(moderator)

    get = browser.get(ACT, {"action": "approve", "item": f"comment:{review.pk}"})
    post = browser.post(
        ACT, {"action": "approve", "item": f"comment:{review.pk}", "confirmed": "yes"}
    )

    assert get.status_code == 405
    assert post.status_code == 403
    review.refresh_from_db()
    assert not review.is_public


def test_the_queue_escapes_what_readers_wrote(client, moderator, oliver):
    add_review(
        oliver,
        '<script>alert(1)</script>"><img src=x onerror=alert(1)>',
        public=False,
        user_name='"><img src=x onerror=alert(1)>',
    )

    html = client.get(QUEUE).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_queue_costs_the_same_queries_for_a_hundred_and_fifty_comments(
    client, moderator, oliver, django_assert_max_num_queries
):
    readers = [make_reader(f"reader{n}").user for n in range(5)]
    for n in range(150):
        add_review(oliver, f"Held {n}.", public=False, user=readers[n % 5])
    for n in range(20):
        Tagging.objects.create(
            reader=readers[n % 5],
            record=oliver,
            tag=TagTerm.objects.create(term=f"tag {n}"),
            language="en",
        )

    client.get(QUEUE)  # the site's frame (the library's name) is built once, then cached
    with django_assert_max_num_queries(20):  # the admin frame 13, the queue 6
        response = client.get(QUEUE, {"state": "all"})

    assert len(rows(response)) == 50
    with django_assert_max_num_queries(20):
        assert len(rows(client.get(QUEUE, {"state": "all", "page": "4"}))) == 20


def test_a_comment_is_linked_on_the_page_in_the_language_it_was_written_in(
    client, moderator, oliver
):
    russian = add_review(oliver, "Хорошая книга.", public=False)
    CommentLanguage.objects.filter(comment=russian).update(language="ru")

    link = soup_of(client.get(QUEUE)).select_one(".moderation-in-place")["href"]

    assert link == f"/ru/catalogue/{oliver.pk}/oliver-twist/#c{russian.pk}"
