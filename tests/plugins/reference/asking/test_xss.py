"""Payloads from the OWASP XSS filter evasion cheat sheet as a question, a name, a reply and
a librarian's answer: shown as the text typed, on the thread page and in My account."""

from __future__ import annotations

import pytest

from plugins.reference import threads
from tests.html import soup_of
from tests.plugins.comments.test_xss import PAYLOADS, injected
from tests.plugins.readers.conftest import make_reader
from tests.plugins.reference.asking.conftest import anonymous_question, ask_url, thread_url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("payload", PAYLOADS)
def test_an_anonymous_thread_shows_every_payload_as_text(client, librarian, payload):
    question = anonymous_question(body=payload, name=payload[:100])
    threads.answer(question, librarian, payload)
    client.post(f"/en/ask/thread/{question.access_key}/reply/", {"body": payload})
    unconfirmed = threads.ask(body=payload, language="en", email="x@example.org")
    confirm = f"/en/ask/confirm/{unconfirmed.access_key}/"
    for url in (thread_url(question), f"/en/ask/confirm/{question.access_key}/", confirm):
        soup = soup_of(client.get(url))
        assert injected(soup) == [], url
    texts = [
        text.get_text()
        for text in soup_of(client.get(thread_url(question))).select(".thread-message__text")
    ]
    assert texts == [payload.strip()] * 3


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_readers_questions_show_every_payload_as_text_in_my_account_and_on_the_form(
    client, payload
):
    reader = make_reader("mallory")
    client.force_login(reader.user)
    client.post(ask_url(), {"body": payload, "language": "en", "name": payload[:100]})
    for url in ("/en/account/", thread_url(reader.user.reference_questions.get())):
        assert injected(soup_of(client.get(url))) == [], url
    refused = client.post(ask_url(), {"body": payload * 400, "language": "en"})
    assert injected(soup_of(refused)) == []
