"""The question form: what it asks of whom, and what bad input gets back."""

from __future__ import annotations

import pytest
from django.utils import translation

from plugins.reference.asking_forms import BODY_ERRORS
from plugins.reference.models import Question
from plugins.reference.models.questions import QUESTION_MAX_LENGTH
from tests.html import soup_of
from tests.plugins.readers.conftest import make_reader
from tests.plugins.reference.asking.conftest import ask_url

pytestmark = pytest.mark.django_db


def test_an_anonymous_asker_is_asked_for_an_address_and_a_signed_in_reader_is_not(client):
    form = soup_of(client.get(ask_url())).select_one("main form.ask-form")
    assert form.select_one("input[name=email][required]") is not None
    client.force_login(make_reader().user)
    form = soup_of(client.get(ask_url())).select_one("main form.ask-form")
    assert form.select_one("input[name=email]") is None


def test_the_form_answers_in_the_pages_language_and_publishes_nothing_unless_asked(client):
    form = soup_of(client.get(ask_url("ro"))).select_one("main form.ask-form")
    assert form.select_one("select[name=language] option[selected]")["value"] == "ro"
    assert not form.select_one("input[name=consent_to_publish]").has_attr("checked")


def test_a_question_about_a_record_shows_its_title_and_keeps_it(client, oliver):
    page = soup_of(client.get(ask_url(), {"record": oliver.pk}))
    assert oliver.title in page.select_one(".ask-form__record").get_text()
    client.post(
        ask_url(),
        {"body": "Is it illustrated?", "language": "en", "email": "a@example.org", "record": "3"},
    )
    assert Question.objects.get(body="Is it illustrated?").record == oliver


def test_an_unknown_record_is_said_and_left_out(client):
    page = soup_of(client.get(ask_url(), {"record": "999999"}))
    assert page.select_one(".ask-form__record") is None
    assert "no such record" in page.select_one(".messages").get_text()
    client.post(
        ask_url(),
        {"body": "About it", "language": "en", "email": "a@example.org", "record": "999999"},
    )
    assert Question.objects.get(body="About it").record is None


TOO_LONG = "б" * (QUESTION_MAX_LENGTH + 1)


@pytest.mark.parametrize(
    ("body", "error", "values"),
    [
        ("", "required", {}),
        (TOO_LONG, "max_length", {"show_value": len(TOO_LONG), "limit_value": QUESTION_MAX_LENGTH}),
    ],
)
def test_an_empty_or_too_long_question_gets_a_message_in_russian_and_keeps_what_was_typed(
    client, body, error, values
):
    with translation.override("ru"):
        message = str(BODY_ERRORS[error]) % values
    response = client.post(
        ask_url("ru"),
        {"body": body, "language": "ru", "email": "ivan@example.org", "name": "Иван"},
    )
    assert response.status_code == 200
    page = soup_of(response)
    assert page.select_one(".field--error .error").get_text() == message
    assert page.select_one("textarea[name=body]").get_text().strip() == body
    assert page.select_one("input[name=name]")["value"] == "Иван"
    assert page.select_one("input[name=email]")["value"] == "ivan@example.org"
    assert not Question.objects.filter(email="ivan@example.org").exists()


def test_a_robot_filling_the_hidden_field_is_told_it_was_sent_and_nothing_is_kept(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            ask_url(),
            {"body": "Buy pills", "language": "en", "email": "bot@example.org", "website": "x"},
            follow=True,
        )
    assert response.status_code == 200
    assert soup_of(response).select_one("h1").get_text() == "Check your mail to confirm"
    assert not Question.objects.filter(body="Buy pills").exists()
    assert mailoutbox == []


def test_the_hidden_field_is_labelled_for_screen_readers_as_one_to_leave_empty(client):
    page = soup_of(client.get(ask_url()))
    for form in page.select("form[action='/en/ask/']"):
        trap = form.select_one("input[name=website]")
        assert form.select_one(f"label[for='{trap['id']}']").get_text() == "Leave this empty"


@pytest.mark.parametrize("given", ["abc", "0", "-3", "9" * 30, "3.5", "²"])
def test_a_record_id_that_is_no_id_is_left_out_and_the_question_sent(client, given):
    assert client.get(ask_url(), {"record": given}).status_code == 200
    response = client.post(
        ask_url(),
        {"body": "Odd record", "language": "en", "email": "o@example.org", "record": given},
    )
    assert response.status_code == 302
    assert Question.objects.get(body="Odd record").record is None
