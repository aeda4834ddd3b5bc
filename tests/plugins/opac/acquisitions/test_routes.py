"""Readers suggest titles for the library to buy from /<lang>/catalogue/suggest/: signed in,
with a title, a checked ISBN or ISSN, once per title; the catalogue's own records are shown
first; Koha down, the suggestion is kept and sent later."""

from __future__ import annotations

import pytest
from django.test import Client

from plugins.opac.acquisitions.models import PurchaseSuggestion
from tests.html import soup_of
from tests.plugins.opac.acquisitions.conftest import OLENA, koha_suggestions, patron_id_of
from tests.plugins.opac.contributions import messages_of

pytestmark = pytest.mark.django_db

URL = "/en/catalogue/suggest/"
NEW_TITLE = {"title": "The Left Hand of Darkness", "author": "Ursula K. Le Guin"}


def errors_of(response) -> dict[str, list[str]]:
    return {name: list(errors) for name, errors in response.context["form"].errors.items()}


def test_a_visitor_is_sent_to_sign_in_and_back(client, catalogue):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=/en/catalogue/suggest/")
    assert client.post(URL, NEW_TITLE).status_code == 302
    assert not PurchaseSuggestion.objects.exists()


def test_the_form_has_its_fields_labelled_and_takes_the_searched_words_as_title(client, reader):
    soup = soup_of(client.get(URL, {"title": "Left Hand"}))

    form = soup.select_one("main form")
    assert form.select_one('input[name="title"]')["value"] == "Left Hand"
    for name in ("title", "author", "isbn", "publisher", "year", "reason"):
        field = form.select_one(f'[name="{name}"]')
        assert form.select_one(f'label[for="{field["id"]}"]') is not None
    assert form.select_one('input[name="csrfmiddlewaretoken"]') is not None


def test_a_suggestion_goes_to_koha_with_the_readers_patron(client, reader, site_koha):
    response = client.post(
        URL,
        {**NEW_TITLE, "isbn": "978-0-441-47812-5", "year": "1969", "reason": "For our club"},
        follow=True,
    )

    assert "Thank you: your suggestion “The Left Hand of Darkness” is with the librarians." in (
        messages_of(response)
    )
    [sent] = koha_suggestions(site_koha)
    assert sent["suggested_by"] == patron_id_of(site_koha, OLENA)
    assert (sent["title"], sent["author"], sent["isbn"]) == (
        "The Left Hand of Darkness",
        "Ursula K. Le Guin",
        "9780441478125",
    )
    assert (sent["publication_year"], sent["patron_reason"]) == ("1969", "For our club")
    kept = PurchaseSuggestion.objects.get()
    assert (kept.koha_suggestion_id, kept.koha_status, kept.language) == (
        sent["suggestion_id"],
        "ASKED",
        "en",
    )


@pytest.mark.parametrize(
    ("data", "field", "error"),
    [
        ({"title": ""}, "title", "Give the title you would like the library to buy."),
        (
            {**NEW_TITLE, "isbn": "978-0-441-47812-6"},
            "isbn",
            "This is not a valid ISBN or ISSN: check the digits, or leave it empty.",
        ),
        ({**NEW_TITLE, "year": "12"}, "year", "Give a year from 1450 to"),
        ({**NEW_TITLE, "year": "soon"}, "year", "Give the year as a number, e.g. 2021."),
    ],
)
def test_each_field_says_what_is_wrong_with_it(client, reader, data, field, error):
    response = client.post(URL, data)

    assert response.status_code == 200
    assert errors_of(response)[field][0].startswith(error)
    assert not PurchaseSuggestion.objects.exists()


def test_an_issn_is_taken_as_well_as_an_isbn(client, reader):
    client.post(URL, {**NEW_TITLE, "isbn": "0028-0836"})

    assert PurchaseSuggestion.objects.get().isbn == "0028-0836"


def test_errors_are_in_the_readers_language(client, reader):
    response = client.post("/uk/catalogue/suggest/", {"title": ""})

    message = errors_of(response)["title"][0]
    assert message != "Give the title you would like the library to buy."


def test_a_title_the_reader_suggested_already_is_refused(client, reader, site_koha):
    client.post(URL, NEW_TITLE)

    response = client.post(URL, {"title": "the left-hand of DARKNESS"})

    assert errors_of(response)["title"] == [
        "You have already suggested “the left-hand of DARKNESS”."
    ]
    assert len(koha_suggestions(site_koha)) == 1


def test_a_title_in_the_catalogue_shows_its_records_first_then_goes_on(client, reader, site_koha):
    shown = client.post(URL, {"title": "Oliver Twist"})

    soup = soup_of(shown)
    assert "Oliver Twist" in soup.select_one(".suggest-matches").get_text()
    assert soup.select_one('main form input[name="confirmed"]')["value"]
    assert not PurchaseSuggestion.objects.exists()

    client.post(URL, {"title": "Oliver Twist", "confirmed": "on"})

    assert [s["title"] for s in koha_suggestions(site_koha)] == ["Oliver Twist"]


def test_koha_down_keeps_the_suggestion_and_says_it_will_be_sent(client, reader, koha_down):
    response = client.post(URL, NEW_TITLE, follow=True)

    assert "it will be sent when it is back" in messages_of(response)[0]
    kept = PurchaseSuggestion.objects.get()
    assert kept.koha_suggestion_id is None
    assert "cannot connect" in kept.last_error


def test_the_next_suggestion_koha_takes_sends_those_that_waited(
    client, reader, koha_down, site_koha
):
    client.post(URL, NEW_TITLE)
    koha_down.back()

    client.post(URL, {"title": "Dune"})

    assert [s["title"] for s in koha_suggestions(site_koha)] == [
        "Dune",
        "The Left Hand of Darkness",
    ]
    assert not PurchaseSuggestion.objects.filter(koha_suggestion_id=None).exists()


def test_kohas_limit_refuses_the_suggestion_and_keeps_nothing(client, reader, site_koha):
    with site_koha.store.transaction() as db:
        db.execute("INSERT OR REPLACE INTO settings VALUES ('MaxOpenSuggestions', '1')")
    client.post(URL, {"title": "Dune"})

    response = client.post(URL, NEW_TITLE)

    assert "takes no more suggestions from you" in response.context["form"].non_field_errors()[0]
    assert list(PurchaseSuggestion.objects.values_list("title", flat=True)) == ["Dune"]


def test_suggestions_are_rate_limited(client, reader, settings):
    settings.READERS_RATE_LIMITS = {**settings.READERS_RATE_LIMITS, "suggestion": "2/h/user"}
    for title in ("Qwyzzle One", "Qwyzzle Two"):
        client.post(URL, {"title": title, "confirmed": "on"})

    response = client.post(URL, {"title": "Qwyzzle Three", "confirmed": "on"})

    assert response.status_code == 429
    assert PurchaseSuggestion.objects.count() == 2


def test_the_form_needs_a_csrf_token(reader):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(reader)

    assert strict.post(URL, NEW_TITLE).status_code == 403
    assert not PurchaseSuggestion.objects.exists()


@pytest.mark.parametrize("payload", ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>'])
def test_what_readers_type_is_shown_escaped(client, reader, payload):
    response = client.post(URL, {"title": payload, "year": payload}, follow=True)
    account = client.get("/en/account/")

    for page in (response, account):
        html = page.content.decode()
        assert payload not in html
        assert "<script>alert(1)</script>" not in html


def test_nothing_found_and_results_link_to_the_form_with_the_words(client, catalogue):
    nothing = soup_of(client.get("/en/catalogue/", {"q": "zzyzx"}))
    found = soup_of(client.get("/en/catalogue/", {"q": "oliver"}))

    for soup in (nothing, found):
        link = soup.select_one(".suggest-link a")
        assert link["href"].startswith(URL)
        assert "title=" in link["href"]
