"""The general suggestions form."""

from __future__ import annotations

import pytest

from plugins.reference.models import ServiceSuggestion
from plugins.reference.models.feedback import FEEDBACK_MAX_LENGTH
from tests.html import soup_of
from tests.plugins.readers.conftest import make_reader

pytestmark = pytest.mark.django_db


def test_a_suggestion_is_kept_in_the_pages_language_with_the_signed_in_reader(client):
    reader = make_reader("sasha")
    client.force_login(reader.user)
    response = client.post("/ro/ask/suggest/", {"body": "Mai multe scaune", "email": ""})
    assert response.status_code == 200
    assert soup_of(response).select_one("h1").get_text() == "Vă mulțumim pentru sugestie"
    suggestion = ServiceSuggestion.objects.get()
    assert (suggestion.body, suggestion.language, suggestion.reader) == (
        "Mai multe scaune",
        "ro",
        reader.user,
    )


def test_an_anonymous_suggestion_keeps_the_address_given_for_an_answer(client):
    client.post("/en/ask/suggest/", {"body": "Open earlier", "email": "early@example.org"})
    suggestion = ServiceSuggestion.objects.get()
    assert (suggestion.reader, suggestion.email) == (None, "early@example.org")


def test_an_over_long_suggestion_is_refused_and_kept_in_the_form(client):
    text = "y" * (FEEDBACK_MAX_LENGTH + 1)
    page = soup_of(client.post("/en/ask/suggest/", {"body": text}))
    assert str(FEEDBACK_MAX_LENGTH) in page.select_one(".field--error .error").get_text()
    assert page.select_one("textarea[name=body]").get_text().strip() == text
    assert not ServiceSuggestion.objects.exists()
