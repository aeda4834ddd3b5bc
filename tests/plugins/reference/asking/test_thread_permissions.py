"""Who may open a thread and what it shows: its own reader, or the holder of a confirmed
anonymous question's key; never a librarian's internal note, never an e-mail address."""

from __future__ import annotations

import pytest

from plugins.reference import threads
from plugins.reference.models import Question
from tests.html import soup_of
from tests.plugins.readers.conftest import make_reader
from tests.plugins.reference.asking.conftest import anonymous_question, ask_url, thread_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def readers_question(db):
    reader = make_reader("owner")
    return threads.ask(body="My own question", language="en", reader=reader.user)


def test_another_signed_in_reader_gets_not_found(client, readers_question):
    client.force_login(make_reader("stranger").user)
    assert client.get(thread_url(readers_question)).status_code == 404
    key = readers_question.access_key
    assert client.post(f"/en/ask/thread/{key}/reply/", {"body": "hi"}).status_code == 404
    assert client.post(f"/en/ask/thread/{key}/rate/", {"score": "1"}).status_code == 404
    assert client.get(f"/en/ask/received/{key}/").status_code == 404
    assert readers_question.messages.count() == 0


def test_a_signed_out_visitor_of_a_readers_thread_is_asked_to_sign_in(client, readers_question):
    response = client.get(thread_url(readers_question))
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")


def test_a_wrong_key_and_an_unconfirmed_key_both_get_not_found(client):
    waiting = threads.ask(body="Not confirmed yet", language="en", email="a@example.org")
    assert client.get(thread_url(waiting)).status_code == 404
    assert (
        client.post(f"/en/ask/thread/{waiting.access_key}/reply/", {"body": "x"}).status_code == 404
    )
    assert client.get("/en/ask/thread/no-such-key/").status_code == 404
    assert client.get("/en/ask/confirm/no-such-key/").status_code == 404


def test_a_readers_question_cannot_be_confirmed_through_the_anonymous_link(
    client, readers_question
):
    confirm = f"/en/ask/confirm/{readers_question.access_key}/"
    assert client.get(confirm).status_code == 404
    assert client.post(confirm).status_code == 404


def test_internal_notes_are_never_shown_to_the_reader(client, librarian):
    question = anonymous_question()
    threads.note(question, librarian, "Secret: the asker called twice")
    threads.answer(question, librarian, "The maps are on the second floor.")
    page = client.get(thread_url(question)).content.decode()
    assert "Secret" not in page
    assert "The maps are on the second floor." in page


def test_no_email_address_is_shown_on_any_public_page(client, librarian):
    question = anonymous_question(email="hidden.asker@example.org", name="Hidden")
    threads.answer(question, librarian, "Answered.")
    reader = make_reader("shown")
    own = threads.ask(body="Mine", language="en", reader=reader.user)
    threads.answer(own, librarian, "Yours, answered.")
    pages = [thread_url(question), f"/en/ask/confirm/{question.access_key}/"]
    for url in pages:
        assert "hidden.asker@example.org" not in client.get(url).content.decode(), url
    client.force_login(reader.user)
    for url in [thread_url(own), ask_url(), f"/en/ask/received/{own.access_key}/"]:
        body = client.get(url).content.decode()
        assert "shown@example.org" not in body, url
        assert "librarian@example.org" not in body, url


def test_a_closed_thread_says_a_reply_opens_it_again_and_takes_one(client, librarian):
    question = anonymous_question()
    threads.answer(question, librarian, "Done.")
    threads.set_status(question, Question.Status.CLOSED)
    page = soup_of(client.get(thread_url(question)))
    assert "your reply opens it again" in page.select_one(".thread__reply").get_text()
    client.post(f"/en/ask/thread/{question.access_key}/reply/", {"body": "One more thing"})
    question.refresh_from_db()
    assert question.status == Question.Status.ASSIGNED


def test_an_empty_reply_is_refused_with_a_message_and_an_over_long_one_is_kept(client):
    question = anonymous_question()
    url = f"/en/ask/thread/{question.access_key}/reply/"
    assert "Please write" in soup_of(client.post(url, {"body": "  "})).select_one(".error").text
    long = "x" * 4001
    page = soup_of(client.post(url, {"body": long}))
    assert page.select_one(".thread__reply textarea").get_text().strip() == long
    assert question.messages.count() == 0


def test_rate_this_service_appears_only_after_an_answer_and_a_second_rating_replaces_the_first(
    client, librarian
):
    question = anonymous_question()
    assert soup_of(client.get(thread_url(question))).select_one("#rate") is None
    assert (
        client.post(f"/en/ask/thread/{question.access_key}/rate/", {"score": "4"}).status_code
        == 400
    )
    threads.answer(question, librarian, "Here.")
    client.post(f"/en/ask/thread/{question.access_key}/rate/", {"score": "2", "comment": "Slow"})
    client.post(f"/en/ask/thread/{question.access_key}/rate/", {"score": "4"})
    question.refresh_from_db()
    assert (question.rating.score, question.rating.comment) == (4, "")
    stars = soup_of(client.get(thread_url(question))).select("#rate input[name=score]")
    assert [star["value"] for star in stars if star.has_attr("checked")] == ["4"]
    assert (
        client.post(f"/en/ask/thread/{question.access_key}/rate/", {"score": "6"}).status_code
        == 400
    )
