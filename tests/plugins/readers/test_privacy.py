"""The reader's own data: a JSON download of all the site keeps, and deleting the account
(confirmed with the password, saying what goes and that Koha's record stays)."""

from __future__ import annotations

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from plugins.readers.models import KohaCard
from tests.html import soup_of
from tests.plugins.readers.conftest import OLENA, PASSWORD, patron_id_of

pytestmark = pytest.mark.django_db


def test_the_download_holds_the_account_its_addresses_and_the_card_link(koha, olena, signed_in):
    response = signed_in.get("/en/account/data/")

    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "reader@example.org"
    assert data["email_addresses"] == [
        {"email": "reader@example.org", "verified": True, "primary": True}
    ]
    assert data["koha_card"]["cardnumber"] == OLENA.cardnumber
    assert data["koha_card"]["koha_patron_id"] == patron_id_of(koha, OLENA)
    assert OLENA.pin not in response.content.decode()


def test_the_deletion_page_says_what_is_removed_and_what_is_not(koha, olena, signed_in):
    text = soup_of(signed_in.get("/en/account/delete/")).select_one("main").get_text(" ")

    assert "your site account" in text
    assert f"the link to your library card {olena}" in text
    assert "reading history" in text
    assert "Your record at the library" in text and "is not touched" in text


def test_deleting_needs_the_password(koha, olena, signed_in, reader):
    response = signed_in.post("/en/account/delete/", {"password": "not it"})

    assert response.status_code == 200
    assert get_user_model().objects.filter(pk=reader.user.pk).exists()


def test_deleting_removes_the_account_the_addresses_and_the_card_link_and_signs_out(
    koha, olena, signed_in, reader
):
    response = signed_in.post("/en/account/delete/", {"password": PASSWORD})

    assert response["Location"] == "/"
    assert not get_user_model().objects.filter(pk=reader.user.pk).exists()
    assert not EmailAddress.objects.exists() and not KohaCard.objects.exists()
    assert signed_in.get("/en/account/").status_code == 302
    with koha.store.reading() as db:  # Koha's own record is untouched
        assert db.execute(
            "SELECT 1 FROM patrons WHERE cardnumber = ?", (OLENA.cardnumber,)
        ).fetchone()
