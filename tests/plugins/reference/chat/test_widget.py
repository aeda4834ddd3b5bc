"""The reader's widget: the chat offered or, outside hours, the way to the question form; and
starting a chat."""

from __future__ import annotations

import pytest

from plugins.reference.chat import duty
from plugins.reference.models import Question
from tests.html import soup_of

WIDGET = "tests.plugins.reference.chat.widget_page"


@pytest.fixture
def widget(settings):
    settings.ROOT_URLCONF = WIDGET
    return "/chat-widget/"


@pytest.fixture
def offered(settings, admin_user):
    settings.REFERENCE_OPENING_HOURS = "tests.plugins.reference.chat.test_offer.open_library"
    duty.keep_on_duty(admin_user)


@pytest.fixture
def closed(settings, admin_user):
    settings.REFERENCE_OPENING_HOURS = "tests.plugins.reference.chat.test_offer.closed_library"
    duty.keep_on_duty(admin_user)


def test_while_offered_the_widget_asks_for_the_first_line(client, widget, offered):
    soup = soup_of(client.get(widget))

    form = soup.select_one(".live-chat form[data-chat-start]")
    assert form["action"] == "/en/ask/chat/"
    assert {field["name"] for field in form.select("[name]")} >= {"body", "name", "email"}
    assert soup.select_one("[data-chat-lines]")["aria-live"] == "polite"
    assert "Chat with a librarian now" in form.get_text()


def test_a_signed_in_reader_is_not_asked_for_an_address(client, widget, offered, django_user_model):
    client.force_login(django_user_model.objects.create_user("olena", "olena@example.org", "pw"))

    form = soup_of(client.get(widget)).select_one("form[data-chat-start]")

    assert form.select_one("[name=email]") is None


def test_outside_hours_the_widget_points_to_the_question_form(client, widget, closed):
    soup = soup_of(client.get(widget))

    widget_text = soup.select_one(".live-chat").get_text(" ", strip=True)
    assert soup.select_one("form[data-chat-start]") is None
    assert "The library is closed now." in widget_text
    assert "ask your question with the form here" in widget_text
    assert "The library opens again on Thursday, 09:00." in widget_text


def test_starting_a_chat_makes_a_confirmed_chat_question(client, offered):
    response = client.post(
        "/uk/ask/chat/", {"body": "Чи є Кобзар?", "name": "Олена", "email": "o@example.org"}
    )

    assert response.status_code == 201
    question = Question.objects.get(access_key=response.json()["access_key"])
    assert (question.source, question.language, question.body) == ("chat", "uk", "Чи є Кобзар?")
    assert question.confirmed and question.reader is None
    assert response.json()["socket"] == f"/ws/ask/chat/{question.access_key}/"


def test_a_chat_cannot_start_while_it_is_not_offered(client, closed):
    response = client.post("/en/ask/chat/", {"body": "Hello?"})

    assert response.status_code == 409
    assert "question form" in response.json()["errors"]["__all__"][0]
    assert not Question.objects.filter(source="chat").exists()


def test_an_empty_first_line_is_refused_with_a_message(client, offered):
    response = client.post("/en/ask/chat/", {"body": "  "})

    assert response.status_code == 400
    assert response.json()["errors"]["body"] == ["Write your question to start the chat."]


def test_chats_started_over_the_limit_are_refused(client, offered, settings):
    settings.READERS_RATE_LIMITS = {**settings.READERS_RATE_LIMITS, "chat": "1/h/ip"}

    assert client.post("/en/ask/chat/", {"body": "One"}).status_code == 201
    refused = client.post("/en/ask/chat/", {"body": "Two"})

    assert refused.status_code == 429
    assert Question.objects.filter(source="chat").count() == 1


def test_starting_a_chat_needs_the_csrf_token(offered):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/en/ask/chat/", {"body": "Hello?"})

    assert response.status_code == 403


def test_a_signed_in_readers_chat_is_theirs_and_keeps_no_address(
    client, offered, django_user_model
):
    reader = django_user_model.objects.create_user("olena", "olena@example.org", "pw")
    client.force_login(reader)

    response = client.post("/en/ask/chat/", {"body": "Hello?", "email": "other@example.org"})

    question = Question.objects.get(access_key=response.json()["access_key"])
    assert (question.reader, question.email) == (reader, "")
    assert question.confirmed
