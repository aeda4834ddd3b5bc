"""Each of the reader's forms stops at its rate and shows the site's 429 page."""

from __future__ import annotations

import pytest

from plugins.reference import threads
from plugins.reference.models import Question, ServiceSuggestion
from tests.plugins.reference.asking.conftest import anonymous_question, ask_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_each(settings):
    settings.READERS_RATE_LIMITS = {
        **settings.READERS_RATE_LIMITS,
        "question": "1/h/ip",
        "reference_reply": "1/h/ip",
        "service_feedback": "1/h/ip",
    }


def test_a_second_question_within_the_hour_is_refused(client, one_each):
    data = {"body": "First", "language": "en", "email": "a@example.org"}
    assert client.post(ask_url(), data).status_code == 302
    refused = client.post(ask_url(), {**data, "body": "Second"})
    assert refused.status_code == 429
    assert not Question.objects.filter(body="Second").exists()


def test_a_second_reply_within_the_hour_is_refused(client, one_each):
    question = anonymous_question()
    url = f"/en/ask/thread/{question.access_key}/reply/"
    assert client.post(url, {"body": "One"}).status_code == 302
    assert client.post(url, {"body": "Two"}).status_code == 429
    assert question.messages.count() == 1


def test_ratings_and_suggestions_share_one_limit(client, one_each, librarian):
    question = anonymous_question()
    threads.answer(question, librarian, "Answer")
    assert (
        client.post(f"/en/ask/thread/{question.access_key}/rate/", {"score": "5"}).status_code
        == 302
    )
    assert client.post("/en/ask/suggest/", {"body": "More chairs"}).status_code == 429
    assert not ServiceSuggestion.objects.exists()
