"""A reader's purchase suggestions in their account: listed in My account with where each
stands, in the data download, and removed with the account."""

from __future__ import annotations

import json

import pytest

from plugins.opac.acquisitions.models import PurchaseSuggestion
from tests.html import soup_of

pytestmark = pytest.mark.django_db


def suggest(reader, title: str, **fields) -> PurchaseSuggestion:
    return PurchaseSuggestion.objects.create(
        reader=reader, title=title, title_key=title.lower(), language="en", **fields
    )


def test_my_account_lists_the_suggestions_with_their_status(client, reader):
    suggest(reader, "Dune", author="Frank Herbert")
    suggest(reader, "Solaris", koha_suggestion_id=7, koha_status="ORDERED")

    section = soup_of(client.get("/en/account/")).select_one(
        '[aria-labelledby="suggestions-heading"]'
    )

    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in section("tr")[1:]]
    assert [(row[0], row[2]) for row in rows] == [
        ("Solaris", "Ordered"),
        ("Dune — Frank Herbert", "Waiting to be sent to the library"),
    ]
    assert section.select("a")[-1]["href"] == "/en/catalogue/suggest/"


def test_a_reader_without_suggestions_is_shown_where_to_make_one(client, reader):
    section = soup_of(client.get("/ro/account/")).select_one(
        '[aria-labelledby="suggestions-heading"]'
    )

    assert section.select_one("a")["href"] == "/ro/catalogue/suggest/"


def test_the_data_download_holds_the_readers_suggestions(client, reader):
    suggest(reader, "Dune", reason="For the club", koha_suggestion_id=3, koha_status="ASKED")

    data = json.loads(client.get("/en/account/data/").content)

    [dune] = data["purchase_suggestions"]
    assert (dune["title"], dune["reason"], dune["sent_to_koha"]) == ("Dune", "For the club", True)


def test_deleting_the_account_removes_its_suggestions(client, reader):
    suggest(reader, "Dune")
    text = soup_of(client.get("/en/account/delete/")).select_one("main").get_text(" ")
    assert "your suggestions of titles for the library to buy" in text

    reader.delete()

    assert not PurchaseSuggestion.objects.exists()
