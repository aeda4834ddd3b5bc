"""The whole way of a question, as its reader lives it: ask, confirm, acknowledgement, answer
by e-mail, the thread, a reply, a rating."""

from __future__ import annotations

import pytest
from django.utils import translation
from django.utils.translation import gettext

from plugins.reference import threads
from plugins.reference.models import Message, Question, ServiceRating
from tests.html import soup_of
from tests.plugins.readers.conftest import make_reader
from tests.plugins.reference.asking.conftest import ask_url, links_in, thread_url

pytestmark = pytest.mark.django_db


def in_ukrainian(text: str) -> str:
    with translation.override("uk"):
        return gettext(text)


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_an_anonymous_question_waits_for_its_address_then_is_answered_in_its_language(
    client, mailoutbox, librarian, oliver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            ask_url("uk"),
            {
                "body": "Чи є у вас «Олівер Твіст»?",
                "language": "uk",
                "email": "olena@example.org",
                "name": "Олена",
            },
        )
    assert response.status_code == 302
    assert response["Location"] == "/uk/ask/sent/"
    question = Question.objects.get(body="Чи є у вас «Олівер Твіст»?")
    assert question.confirmed_at is None
    assert [mail.to for mail in mailoutbox] == [["olena@example.org"]]
    confirm_link = next(link for link in links_in(mailoutbox[0]) if "/confirm/" in link)
    assert path_of(confirm_link) == f"/uk/ask/confirm/{question.access_key}/"
    assert client.get(thread_url(question, "uk")).status_code == 404  # not before confirming

    opened = soup_of(client.get(path_of(confirm_link)))  # as a mail scanner would, too
    question.refresh_from_db()
    assert question.confirmed_at is None
    assert opened.select_one("blockquote").get_text() == "Чи є у вас «Олівер Твіст»?"
    assert opened.select_one("main form")["action"] == path_of(confirm_link)
    with django_capture_on_commit_callbacks(execute=True):
        thanks = client.post(path_of(confirm_link))
    assert thanks.status_code == 200
    assert thread_url(question, "uk") in thanks.content.decode()
    question.refresh_from_db()
    assert question.confirmed_at is not None
    acknowledgement = mailoutbox[1]
    assert acknowledgement.to == ["olena@example.org"]
    assert acknowledgement.subject == in_ukrainian("We received your question")
    assert "Чи є у вас «Олівер Твіст»?" in acknowledgement.body
    assert f"/uk/ask/thread/{question.access_key}/" in acknowledgement.body

    with django_capture_on_commit_callbacks(execute=True):
        threads.answer(question, librarian, "Так, ось він.", records=[oliver])
    answer = mailoutbox[2]
    assert answer.to == ["olena@example.org"]
    assert answer.subject == in_ukrainian("A librarian answered your question")
    assert "Так, ось він." in answer.body
    assert f"/uk/catalogue/{oliver.pk}/" in answer.body
    assert f"/uk/ask/thread/{question.access_key}/#rate" in answer.body

    page = soup_of(client.get(thread_url(question, "uk")))
    texts = [text.get_text() for text in page.select(".thread-message__text")]
    assert texts == ["Чи є у вас «Олівер Твіст»?", "Так, ось він."]
    assert page.select_one(".thread-message__records a")["href"].startswith(
        f"/uk/catalogue/{oliver.pk}/"
    )
    assert page.select_one("#rate form") is not None

    with django_capture_on_commit_callbacks(execute=True):
        reply = client.post(f"/uk/ask/thread/{question.access_key}/reply/", {"body": "Дякую!"})
        rated = client.post(f"/uk/ask/thread/{question.access_key}/rate/", {"score": "5"})
    assert reply.status_code == 302
    assert Message.objects.filter(question=question, kind=Message.Kind.REPLY).get().body == "Дякую!"
    assert rated.status_code == 302
    assert ServiceRating.objects.get(question=question).score == 5
    assert len(mailoutbox) == 3  # neither the reply nor the rating mails the reader


def test_a_signed_in_readers_question_counts_at_once_and_is_acknowledged_to_the_accounts_address(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    reader = make_reader("ana")
    client.force_login(reader.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ask_url(), {"body": "When do you open on Sunday?", "language": "en"})
    question = Question.objects.get(reader=reader.user)
    assert response["Location"] == f"/en/ask/received/{question.access_key}/"
    assert question.confirmed
    assert question.email == ""
    assert [mail.to for mail in mailoutbox] == [[reader.email]]
    assert "usually within 2 working days" in mailoutbox[0].body

    thanks = soup_of(client.get(response["Location"]))
    assert thanks.select_one("h1").get_text() == "Thank you, we received your question"
    assert thanks.select_one(f"a[href='{thread_url(question)}']") is not None
    assert client.get(thread_url(question)).status_code == 200


def test_a_librarians_chat_line_is_not_mailed_but_shown_in_the_thread_as_said_in_the_chat(
    client, mailoutbox, librarian, django_capture_on_commit_callbacks
):
    question = threads.ask(body="Is the reading room open?", language="en", email="a@example.org")
    threads.confirm(question)
    with django_capture_on_commit_callbacks(execute=True):
        threads.answer(question, librarian, "Yes, until seven.", via_chat=True)
    assert mailoutbox == []
    page = soup_of(client.get(thread_url(question)))
    assert "in the live chat" in page.select(".thread-message--answer")[0].get_text()


def test_the_acknowledgement_promises_what_the_service_level_setting_says(
    settings, client, mailoutbox, django_capture_on_commit_callbacks
):
    settings.REFERENCE_SLA_HOURS = (4, 8)
    reader = make_reader("bo")
    client.force_login(reader.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(ask_url(), {"body": "A question", "language": "en"})
    assert "usually within 8 hours" in mailoutbox[0].body
    assert "working day" not in mailoutbox[0].body


def test_neither_an_address_nor_a_key_is_ever_logged(
    client, caplog, librarian, django_capture_on_commit_callbacks
):
    caplog.set_level("DEBUG")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(ask_url(), {"body": "Logged?", "language": "en", "email": "quiet@example.org"})
        question = Question.objects.get(body="Logged?")
        client.post(f"/en/ask/confirm/{question.access_key}/")
        threads.answer(question, librarian, "Not at all.")
        client.post(f"/en/ask/thread/{question.access_key}/reply/", {"body": "Good"})
    assert "reference mail=answer" in caplog.text  # the mail was sent, and said so
    assert "quiet@example.org" not in caplog.text
    assert question.access_key not in caplog.text


def test_the_mails_are_plain_text_with_what_was_typed_unescaped(
    client, mailoutbox, librarian, django_capture_on_commit_callbacks
):
    typed = 'Tom & Jerry\'s <big> "book"'
    with django_capture_on_commit_callbacks(execute=True):
        question = threads.ask(body=typed, language="en", email="t@example.org", name="O'Neil")
        client.post(f"/en/ask/confirm/{question.access_key}/")
        threads.answer(question, librarian, f"Re: {typed}")
    acknowledgement, answer = mailoutbox
    assert typed in acknowledgement.body
    assert f"Re: {typed}" in answer.body
    assert all("&amp;" not in mail.body and "&#x27;" not in mail.body for mail in mailoutbox)
    assert "Hello O'Neil," in mailoutbox[0].body
