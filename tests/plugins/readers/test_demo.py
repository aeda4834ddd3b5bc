"""The demo's reader account: signed in with a known password, a card with loans and a hold."""

from __future__ import annotations

import pytest
from django.conf import settings

from koha_bridge.client import KohaClient
from plugins.readers.demo import ensure_demo_reader
from tests.html import soup_of

pytestmark = pytest.mark.django_db


def test_the_demo_reader_signs_in_and_sees_loans_and_a_hold(koha, client):
    ensure_demo_reader("demo-reader-pass", KohaClient(settings.KOHA))

    signed_in = client.post(
        "/en/accounts/login/", {"login": "reader", "password": "demo-reader-pass"}
    )
    page = soup_of(client.get("/en/account/"))

    assert signed_in["Location"] == "/en/account/"
    assert len(page.select('section[aria-labelledby="loans-heading"] tbody tr')) == 2
    [hold] = page.select('section[aria-labelledby="holds-heading"] tbody tr')
    assert "number 2 in the queue" in hold.get_text()


def test_running_the_demo_again_keeps_one_account_one_card_one_hold_and_the_new_password(koha):
    client = KohaClient(settings.KOHA)
    first = ensure_demo_reader("first", client)

    again = ensure_demo_reader("second", client)

    assert again.pk == first.pk
    assert len(client.patron_holds(again.patron_id)) == 1
    assert again.user.check_password("second")
