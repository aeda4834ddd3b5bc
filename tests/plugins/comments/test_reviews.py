"""Reviews of catalogue records (plugins.comments on record pages): posting, confirming,
replying, moderation and what never reaches the page."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

from plugins.comments.models import BadWords
from tests.html import soup_of
from tests.plugins.comments.conftest import (
    add_review,
    form_data,
    page_url,
    post_review,
    reviews_on,
)
from tests.plugins.readers.conftest import make_reader

pytestmark = pytest.mark.django_db


def test_a_signed_in_readers_review_appears_at_once(client, oliver):
    client.force_login(make_reader("maria").user)

    response = post_review(client, oliver, comment="A fine book for a long evening.")

    assert response.status_code == 200
    assert reviews_on(client, oliver) == ["A fine book for a long evening."]
    assert not mail.outbox


def test_a_visitors_review_appears_only_once_confirmed_from_the_e_mail(client, oliver):
    post_review(client, oliver, name="Ion", email="ion@example.org", comment="Worth reading.")

    assert reviews_on(client, oliver) == []
    [message] = mail.outbox
    assert message.to == ["ion@example.org"]
    link = re.search(r"/en/comments/confirm/[^/\s]+/", message.body).group()

    client.get(link, follow=True)

    assert reviews_on(client, oliver) == ["Worth reading."]


def test_the_confirmation_e_mail_names_the_library(client, oliver):
    post_review(client, oliver, name="Ion", email="ion@example.org", comment="Worth reading.")

    assert "Prut Valley Public Library" in mail.outbox[0].body


def test_the_confirmation_e_mail_is_in_the_visitors_language(client, oliver):
    post_review(client, oliver, "uk", name="Ion", email="ion@example.org", comment="Варто.")

    [message] = mail.outbox
    assert message.subject == "Підтвердьте ваш текст"
    assert "Щоб опублікувати, перейдіть за посиланням:" in message.body
    assert "/uk/comments/confirm/" in message.body


def test_a_reply_is_shown_under_the_review_it_answers(client, oliver):
    review = add_review(oliver, "Too long for me.")
    client.force_login(make_reader("maria").user)

    reply_form = soup_of(client.get(f"/en/comments/reply/{review.pk}/"))
    action, data = form_data(reply_form, comment="Try the second half: it runs.")
    client.post(action, data, follow=True)

    soup = soup_of(client.get(page_url(oliver)))
    thread = soup.select_one(f"#c{review.pk}")
    replies = [p.get_text(strip=True) for p in thread.select(".comments__replies .comment__text")]
    assert replies == ["Try the second half: it runs."]


def test_replies_to_replies_are_not_offered_beyond_the_records_depth(client, oliver):
    review = add_review(oliver, "Too long for me.")
    reply = add_review(oliver, "Try the second half.", parent_id=review.pk)

    soup = soup_of(client.get(page_url(oliver)))

    assert soup.select_one(f"#c{review.pk} .comment__actions a").get_text() == "Reply"
    assert "Reply" not in soup.select_one(f"#c{reply.pk} .comment__actions").get_text()


@pytest.mark.parametrize(
    "text",
    ["Cheap copies at https://books.example/", "See www.books.example", "<a href=x>here</a>"],
)
def test_a_review_with_a_link_waits_for_a_librarian(client, oliver, text):
    client.force_login(make_reader("maria").user)

    response = post_review(client, oliver, comment=text)

    assert "a librarian will read it first" in response.content.decode()
    assert reviews_on(client, oliver) == []


def test_a_review_with_a_word_from_the_bad_words_list_waits_for_a_librarian(client, oliver):
    BadWords.objects.create(language="ro", words="prost\nnu merită")
    client.force_login(make_reader("maria").user)

    post_review(client, oliver, comment="O carte PROST scrisă.")

    assert reviews_on(client, oliver) == []


def test_a_word_is_not_taken_for_a_bad_word_it_merely_contains(client, oliver):
    BadWords.objects.create(language="en", words="ass")
    client.force_login(make_reader("maria").user)

    post_review(client, oliver, comment="A classic, and a class of its own.")

    assert reviews_on(client, oliver) == ["A classic, and a class of its own."]


def test_a_script_in_a_review_is_shown_as_text_never_run(client, oliver):
    add_review(oliver, "<script>alert('x')</script>", user_name="<script>alert(1)</script>")

    page = client.get(page_url(oliver)).content.decode()

    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert reviews_on(client, oliver) == ["<script>alert('x')</script>"]


def test_a_review_without_the_csrf_token_is_refused(oliver):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(make_reader("maria").user)
    action, data = form_data(soup_of(browser.get(page_url(oliver))), comment="Hello")
    data.pop("csrfmiddlewaretoken", None)

    response = browser.post(action, data)

    assert response.status_code == 403
    assert reviews_on(browser, oliver) == []


def test_a_review_with_the_honeypot_filled_in_is_refused(client, oliver):
    client.force_login(make_reader("maria").user)

    response = post_review(client, oliver, comment="Buy now", honeypot="http://spam.example/")

    assert response.status_code == 400
    assert reviews_on(client, oliver) == []


def test_the_record_page_shows_approved_reviews_only(client, oliver):
    add_review(oliver, "Approved by a librarian.")
    add_review(oliver, "Waiting for a librarian.", public=False)
    add_review(oliver, "Removed by a librarian.", is_removed=True)

    assert reviews_on(client, oliver) == ["Approved by a librarian."]


def test_the_reviews_section_is_in_the_readers_language(client, oliver):
    soup = soup_of(client.get(page_url(oliver, "uk")))

    assert soup.select_one("#comments-heading").get_text() == "Відгуки"


def test_a_reader_likes_a_review_from_its_confirmation_page_and_returns_to_the_record(
    client, oliver
):
    review = add_review(oliver, "Too long for me.")
    client.force_login(make_reader("maria").user)
    like = soup_of(client.get(page_url(oliver))).select_one(f"#c{review.pk} a[href*='/like/']")

    form = soup_of(client.get(like["href"])).select_one("main form")
    response = client.post(like["href"], {"next": form.select_one("[name=next]")["value"]})

    assert response.status_code == 302
    assert response["Location"].startswith(page_url(oliver))
    likes = soup_of(client.get(page_url(oliver))).select_one(f"#c{review.pk} a[href*='/like/']")
    assert likes.get_text() == "1 like"


def test_a_reader_reports_a_review_to_the_librarians(client, oliver):
    review = add_review(oliver, "Rude words.")
    client.force_login(make_reader("maria").user)

    client.post(f"/en/comments/flag/{review.pk}/", {"next": page_url(oliver)})

    assert review.flags.get().flag == "removal suggestion"


def test_a_reader_who_asked_for_replies_is_mailed_one_with_a_link_to_stop_them(client, oliver):
    review = add_review(oliver, "Too long for me.", user_email="ana@example.org", followup=True)
    client.force_login(make_reader("maria").user)
    reply_form = soup_of(client.get(f"/en/comments/reply/{review.pk}/"))
    action, data = form_data(reply_form, comment="Try the second half.")

    client.post(action, data, follow=True)

    [message] = mail.outbox
    assert message.to == ["ana@example.org"]
    assert "Try the second half." in message.body
    mute = re.search(r"/en/comments/mute/[^/\s]+/", message.body).group()
    assert "No more e-mails about these replies" in client.get(mute).content.decode()
    review.refresh_from_db()
    assert not review.followup


def test_reviews_come_twenty_threads_a_page_with_their_replies(client, oliver):
    for number in range(45):
        review = add_review(oliver, f"Review {number}")
        if number % 2 == 0:
            add_review(oliver, f"Reply to {number}", parent_id=review.pk)

    first = soup_of(client.get(page_url(oliver)))
    last = soup_of(client.get(page_url(oliver) + "?comments=3"))

    assert first.select_one("#comments").get_text(" ").count("Review ") == 20
    assert "Reply to 0" in first.select_one("#comments").get_text(" ")
    assert last.select_one("#comments").get_text(" ").count("Review ") == 5
    pages = [a.get_text(" ", strip=True) for a in first.select("#comments nav.pagination a")]
    assert pages == ["Page 1", "2", "3", "Later"]


def test_the_record_page_asks_as_many_queries_for_sixty_reviews_as_for_one(client, oliver):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    add_review(oliver, "The only one.")
    client.get(page_url(oliver))
    with CaptureQueriesContext(connection) as one:
        client.get(page_url(oliver))
    for number in range(60):
        review = add_review(oliver, f"Review {number}", user=make_reader(f"r{number}").user)
        add_review(oliver, f"Reply {number}", parent_id=review.pk)
    client.get(page_url(oliver))  # a new comment forgets the kept frames and site: warm them again
    with CaptureQueriesContext(connection) as many:
        client.get(page_url(oliver))

    assert len(many) == len(one)


def test_a_page_of_comments_past_the_last_shows_the_first(client, oliver):
    add_review(oliver, "The only one.")

    soup = soup_of(client.get(page_url(oliver) + "?comments=99"))

    assert "The only one." in soup.select_one("#comments").get_text(" ")
    assert soup.select_one("#comments nav.pagination") is None


def test_reviews_are_rate_limited_with_the_sites_429_page(client, oliver, settings):
    settings.READERS_RATE_LIMITS = {**settings.READERS_RATE_LIMITS, "comment": "2/h/user"}
    client.force_login(make_reader("maria").user)
    post_review(client, oliver, comment="First thoughts.")
    post_review(client, oliver, comment="Second thoughts.")

    response = post_review(client, oliver, comment="Third thoughts.")

    assert response.status_code == 429
    assert reviews_on(client, oliver) == ["First thoughts.", "Second thoughts."]


def test_likes_and_flags_are_rate_limited(client, oliver, settings):
    settings.READERS_RATE_LIMITS = {**settings.READERS_RATE_LIMITS, "comment_feedback": "1/h/user"}
    client.force_login(make_reader("maria").user)
    review = add_review(oliver, "Liked by many.")

    client.post(f"/en/comments/like/{review.pk}/")

    assert client.post(f"/en/comments/flag/{review.pk}/").status_code == 429
