"""Linking a Koha card: Koha checks the card number and PIN; the site keeps the patron id, never
the PIN; one card per account, one account per card; failures limited and logged without PINs."""

from __future__ import annotations

import logging

import pytest

from koha_bridge.client import KohaUnavailable
from plugins.readers.models import KohaCard
from tests.html import soup_of
from tests.plugins.readers.conftest import ANDREI, OLENA, link, make_reader, patron_id_of

pytestmark = pytest.mark.django_db


def link_card(client, cardnumber: str, pin: str, language: str = "en"):
    return client.post(f"/{language}/account/card/", {"cardnumber": cardnumber, "pin": pin})


def errors_of(response) -> str:
    return soup_of(response).select_one(".form-errors").get_text(" ", strip=True)


def test_the_right_pin_links_the_card_with_kohas_patron_id_and_no_pin(koha, reader, signed_in):
    response = link_card(signed_in, OLENA.cardnumber, OLENA.pin)

    assert response.status_code == 302
    assert response["Location"] == "/en/account/"
    card = KohaCard.objects.get(user=reader.user)
    assert card.patron_id == patron_id_of(koha, OLENA)
    assert (card.cardnumber, card.home_library_id) == (OLENA.cardnumber, OLENA.library_id)
    stored = [str(value) for value in KohaCard.objects.values_list().get()]
    assert OLENA.pin not in stored


def test_a_reader_sent_by_a_record_pages_hold_form_comes_back_to_it(koha, reader, signed_in):
    record_page = "/en/catalogue/5/a-title/"
    page = soup_of(signed_in.get("/en/account/card/", {"next": record_page}))
    assert page.select_one("main form input[name=next]")["value"] == record_page

    response = signed_in.post(
        "/en/account/card/",
        {"cardnumber": OLENA.cardnumber, "pin": OLENA.pin, "next": record_page},
    )

    assert response["Location"] == record_page


def test_an_address_off_the_site_to_come_back_to_leads_to_my_account(koha, reader, signed_in):
    response = signed_in.post(
        "/en/account/card/",
        {"cardnumber": OLENA.cardnumber, "pin": OLENA.pin, "next": "https://elsewhere.example/"},
    )

    assert response["Location"] == "/en/account/"


def test_a_card_number_typed_with_spaces_is_linked(koha, reader, signed_in):
    spaced = " ".join([OLENA.cardnumber[:5], OLENA.cardnumber[5:10], OLENA.cardnumber[10:]])

    link_card(signed_in, spaced, OLENA.pin)

    assert KohaCard.objects.get(user=reader.user).cardnumber == OLENA.cardnumber


@pytest.mark.parametrize(
    ("cardnumber", "pin"), [(OLENA.cardnumber, ANDREI.pin), ("23529009999999", OLENA.pin)]
)
def test_a_wrong_pin_or_an_unknown_card_links_nothing_and_says_so_alike(
    koha, reader, signed_in, cardnumber, pin
):
    response = link_card(signed_in, cardnumber, pin, "ru")

    assert response.status_code == 200
    assert errors_of(response) == (
        "Номер карты или PIN-код неверны. Проверьте их и попробуйте снова."
    )
    assert not KohaCard.objects.exists()


def test_a_card_linked_to_another_account_is_refused(koha, reader, signed_in):
    link(koha, make_reader("someone"), OLENA)

    response = link_card(signed_in, OLENA.cardnumber, OLENA.pin)

    assert "linked to another account" in errors_of(response)
    assert not KohaCard.objects.filter(user=reader.user).exists()


def test_an_account_with_a_card_is_sent_to_my_account(koha, reader, signed_in):
    link(koha, reader, ANDREI)

    response = signed_in.get("/en/account/card/")

    assert response["Location"] == "/en/account/"


def test_when_koha_is_down_nothing_is_linked_and_the_reader_is_told(
    koha, reader, signed_in, monkeypatch
):
    def down(*args, **kwargs):
        raise KohaUnavailable("cannot connect", url="http://koha.example/api/v1")

    monkeypatch.setattr("koha_bridge.client.KohaClient.validate_password", down)

    response = link_card(signed_in, OLENA.cardnumber, OLENA.pin, "uk")

    assert "не відповідає" in errors_of(response)
    assert not KohaCard.objects.exists()


def test_failed_attempts_are_limited_per_account_and_a_right_pin_then_waits(
    koha, reader, signed_in, settings
):
    settings.READERS_RATE_LIMITS = {**settings.READERS_RATE_LIMITS, "link_card": "3/15m/user"}
    for _ in range(3):
        link_card(signed_in, OLENA.cardnumber, "0000")

    response = link_card(signed_in, OLENA.cardnumber, OLENA.pin, "ro")

    assert response.status_code == 429
    assert soup_of(response).select_one("main h1").get_text(strip=True) == "Prea multe încercări"
    assert not KohaCard.objects.exists()


def test_failed_attempts_are_limited_per_address_across_accounts(koha, client, settings):
    settings.READERS_RATE_LIMITS = {**settings.READERS_RATE_LIMITS, "link_card": "2/h/ip"}
    for name in ("first", "second"):
        client.force_login(make_reader(name).user)
        link_card(client, OLENA.cardnumber, "0000")
    client.force_login(make_reader("third").user)

    assert link_card(client, OLENA.cardnumber, OLENA.pin).status_code == 429


def test_successful_links_do_not_count_towards_the_limit(koha, client, settings):
    settings.READERS_RATE_LIMITS = {**settings.READERS_RATE_LIMITS, "link_card": "1/h/ip"}
    client.force_login(make_reader("first").user)
    link_card(client, OLENA.cardnumber, OLENA.pin)
    client.force_login(make_reader("second").user)

    assert link_card(client, ANDREI.cardnumber, ANDREI.pin).status_code == 302


def test_no_pin_is_ever_logged(koha, reader, signed_in, caplog):
    caplog.set_level(logging.DEBUG)

    link_card(signed_in, OLENA.cardnumber, "9876")
    link_card(signed_in, OLENA.cardnumber, OLENA.pin)

    assert caplog.records, "the attempts are logged"
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "9876" not in logged and OLENA.pin not in logged
    assert OLENA.cardnumber not in logged  # the card only by its last digits
    assert "card link refused" in logged and "card linked" in logged


def test_unlinking_removes_the_link_only(koha, reader, signed_in):
    link(koha, reader, OLENA)

    response = signed_in.post("/en/account/card/unlink/")

    assert response["Location"] == "/en/account/"
    assert not KohaCard.objects.exists()


def test_linking_needs_a_signed_in_reader(koha, client):
    response = link_card(client, OLENA.cardnumber, OLENA.pin)

    assert response["Location"].startswith("/en/accounts/login/")
    assert not KohaCard.objects.exists()
