"""Reader accounts with django-allauth: sign up, verify the e-mail address, sign in and out,
reset the password; in the site's frame and the reader's language."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from tests.html import soup_of
from tests.plugins.readers.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+")


def link_in(message) -> str:
    return LINK.search(message.body).group(0).removeprefix("http://testserver")


def sign_up(client, language: str = "en", email: str = "new.reader@example.org"):
    return client.post(
        f"/{language}/accounts/signup/",
        {"email": email, "password1": PASSWORD, "password2": PASSWORD},
    )


def test_sign_up_sends_a_verification_mail_and_signs_in_only_once_the_address_is_confirmed(
    client,
):
    signed_up = sign_up(client)

    assert signed_up.status_code == 302
    assert signed_up["Location"] == "/en/accounts/confirm-email/"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.reader@example.org"]
    assert "/en/accounts/confirm-email/" in mail.outbox[0].body
    assert client.get("/en/account/")["Location"].startswith("/en/accounts/login/")

    confirm_page = client.get(link_in(mail.outbox[0]))
    confirmed = client.post(link_in(mail.outbox[0]))
    signed_in = client.post(
        "/en/accounts/login/", {"login": "new.reader@example.org", "password": PASSWORD}
    )

    assert confirm_page.status_code == 200
    assert confirmed.status_code == 302
    assert signed_in.status_code == 302
    assert signed_in["Location"] == "/en/account/"
    assert client.get("/en/account/").status_code == 200


def test_an_unverified_reader_is_sent_to_verify_instead_of_being_signed_in(client):
    sign_up(client)
    client.logout()

    response = client.post(
        "/en/accounts/login/", {"login": "new.reader@example.org", "password": PASSWORD}
    )

    assert response["Location"] == "/en/accounts/confirm-email/"
    assert client.get("/en/account/").status_code == 302


def test_the_verification_mail_is_in_the_language_the_reader_signed_up_in(client):
    sign_up(client, "uk")

    assert "Підтвердіть" in mail.outbox[0].subject or "адрес" in mail.outbox[0].subject
    assert "/uk/accounts/confirm-email/" in mail.outbox[0].body


def test_a_reader_signs_in_with_a_username_too(client, reader):
    response = client.post("/en/accounts/login/", {"login": "reader", "password": PASSWORD})

    assert response["Location"] == "/en/account/"


def test_password_reset_mails_a_link_that_sets_a_new_password(client, reader):
    client.post("/ro/accounts/password/reset/", {"email": reader.email})
    assert len(mail.outbox) == 1
    form_page = client.get(link_in(mail.outbox[0]), follow=True)
    action = soup_of(form_page).select_one("main form")["action"]

    client.post(
        action, {"password1": "another long password!", "password2": "another long password!"}
    )

    reader.user.refresh_from_db()
    assert reader.user.check_password("another long password!")
    assert "/ro/accounts/password/reset/key/" in mail.outbox[0].body


def test_signing_out_is_a_post_a_link_only_asks(signed_in):
    asked = signed_in.get("/en/accounts/logout/")

    assert asked.status_code == 200
    assert signed_in.get("/en/account/").status_code == 200
    signed_out = signed_in.post("/en/accounts/logout/")
    assert signed_out.status_code == 302
    assert signed_in.get("/en/account/").status_code == 302


def test_sign_up_with_the_trap_field_filled_creates_no_account(client):
    client.post(
        "/en/accounts/signup/",
        {
            "email": "robot@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "website": "https://spam.example",
        },
    )

    assert not get_user_model().objects.filter(email="robot@example.org").exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("language", "title"),
    [("en", "Sign In"), ("ru", "Войти"), ("uk", "Увійти"), ("ro", "Autentificare")],
)
def test_the_sign_in_page_is_in_the_sites_frame_and_language(client, language, title):
    soup = soup_of(client.get(f"/{language}/accounts/login/"))

    assert soup.html["lang"] == language
    assert soup.select_one("header.site-header") and soup.select_one("footer.site-footer")
    assert soup.select_one("main h1").get_text(strip=True) == title
    for field in soup.select("main form input:not([type=hidden])"):
        assert soup.select_one(f'label[for="{field["id"]}"]'), field["name"]


def test_the_header_offers_sign_in_to_a_visitor_and_my_account_and_sign_out_to_a_reader(
    client, reader
):
    visitor = soup_of(client.get("/en/")).select_one(".account-nav")
    client.force_login(reader.user)
    signed_in = soup_of(client.get("/en/")).select_one(".account-nav")

    assert visitor.a.get_text(strip=True) == "Sign in"
    assert signed_in.a["href"] == "/en/account/"
    sign_out = signed_in.select_one("form")
    assert (sign_out["method"], sign_out["action"]) == ("post", "/en/accounts/logout/")
    assert sign_out.select_one("input[name=csrfmiddlewaretoken]")


def test_after_five_failed_sign_ins_even_the_right_password_waits(client, reader):
    for _ in range(5):
        client.post("/uk/accounts/login/", {"login": reader.email, "password": "wrong"})

    response = client.post("/uk/accounts/login/", {"login": reader.email, "password": PASSWORD})

    assert response.status_code == 200
    assert "Занадто багато невдалих спроб" in soup_of(response).select_one("main form").get_text()
    assert client.get("/uk/account/").status_code == 302


def test_too_many_sign_ins_from_one_address_get_the_429_page_in_the_sites_frame(
    client, reader, settings
):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "2/m/ip"}
    for _ in range(2):
        client.post("/uk/accounts/login/", {"login": reader.email, "password": "wrong"})

    response = client.post("/uk/accounts/login/", {"login": reader.email, "password": PASSWORD})

    assert response.status_code == 429
    soup = soup_of(response)
    assert soup.html["lang"] == "uk"
    assert soup.select_one("header.site-header")
    assert soup.select_one("main h1").get_text(strip=True) == "Забагато спроб"
