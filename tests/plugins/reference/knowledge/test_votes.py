"""'Was this helpful?': counted once per entry per browser session, rate-limited, CSRF-checked,
thanked on the entry's page without JavaScript."""

from __future__ import annotations

import pytest
from django.test import Client

from plugins.reference.models import FaqEntryPage, FaqVote
from tests.html import soup_of
from tests.plugins.reference.knowledge.conftest import add_entry, base_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry() -> FaqEntryPage:
    return FaqEntryPage.objects.get(slug="databases-from-home", locale__language_code="en")


def vote_url(entry: FaqEntryPage, language: str = "en") -> str:
    return f"/{language}/ask/faq/{entry.pk}/helpful/"


def test_the_entry_offers_yes_and_no_in_a_form_to_its_vote_address(client, entry):
    form = soup_of(client.get(entry.url)).select_one(".faq-entry__helpful form")

    assert form["method"] == "post" and form["action"] == vote_url(entry)
    assert form.select_one("input[name=csrfmiddlewaretoken]") is not None
    assert [(b["name"], b["value"]) for b in form.select("button")] == [
        ("helpful", "yes"),
        ("helpful", "no"),
    ]


def test_a_vote_is_counted_and_the_page_thanks_the_reader(client, entry):
    response = client.post(vote_url(entry), {"helpful": "yes"}, follow=True)

    assert response.redirect_chain[-1][0] == f"{entry.url}#helpful"
    soup = soup_of(response)
    assert soup.select_one(".messages").get_text(strip=True) == "Thank you: we are glad it helped."
    assert soup.select_one(".faq-entry__helpful form") is None
    assert "You found this answer helpful" in soup.select_one(".faq-entry__helpful").get_text()
    assert list(FaqVote.objects.filter(entry=entry).values_list("helpful", flat=True)) == [True]


def test_a_second_vote_in_the_same_session_changes_nothing_and_says_so(client, entry):
    client.post(vote_url(entry), {"helpful": "no"})

    response = client.post(vote_url(entry), {"helpful": "yes"}, follow=True)

    assert "already answered" in soup_of(response).select_one(".messages").get_text()
    assert list(FaqVote.objects.filter(entry=entry).values_list("helpful", flat=True)) == [False]
    assert "did not help" in soup_of(response).select_one(".faq-entry__helpful").get_text()


def test_another_session_votes_again(client, entry):
    client.post(vote_url(entry), {"helpful": "yes"})

    Client().post(vote_url(entry), {"helpful": "yes"})

    assert FaqVote.objects.filter(entry=entry, helpful=True).count() == 2


def test_votes_are_rate_limited(client, entry, settings):
    settings.READERS_RATE_LIMITS = {**settings.READERS_RATE_LIMITS, "faq_vote": "2/h/ip"}
    others = [add_entry(base_of("en"), f"Rate {n}?", slug=f"rate-{n}") for n in range(2)]
    for other in others:
        assert client.post(vote_url(other), {"helpful": "yes"}).status_code == 302

    response = client.post(vote_url(entry), {"helpful": "yes"})

    assert response.status_code == 429
    assert not FaqVote.objects.filter(entry=entry).exists()


def test_a_vote_without_the_csrf_token_is_refused(entry):
    browser = Client(enforce_csrf_checks=True)

    response = browser.post(vote_url(entry), {"helpful": "yes"})

    assert response.status_code == 403
    assert not FaqVote.objects.exists()


def test_a_vote_from_the_page_with_its_token_is_accepted(entry):
    browser = Client(enforce_csrf_checks=True)
    form = soup_of(browser.get(entry.url)).select_one(".faq-entry__helpful form")
    token = form.select_one("input[name=csrfmiddlewaretoken]")["value"]

    response = browser.post(form["action"], {"helpful": "no", "csrfmiddlewaretoken": token})

    assert response.status_code == 302
    assert FaqVote.objects.filter(entry=entry, helpful=False).count() == 1


@pytest.mark.parametrize("answer", ["", "maybe", "YES"])
def test_an_answer_other_than_yes_or_no_is_refused(client, entry, answer):
    assert client.post(vote_url(entry), {"helpful": answer}).status_code == 400
    assert not FaqVote.objects.exists()


def test_votes_are_only_posted(client, entry):
    assert client.get(vote_url(entry)).status_code == 405


def test_a_draft_entry_takes_no_votes(client):
    draft = add_entry(base_of("en"), "Unpublished?", publish=False, slug="unpublished")

    assert client.post(vote_url(draft), {"helpful": "yes"}).status_code == 404
