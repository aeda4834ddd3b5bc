"""Koha's configuration as it shows itself: secrets masked wherever the object is printed."""

import logging

from koha_bridge.config import KohaConfig

SECRET, PASSWORD = "s3cret-client-secret", "pa55-basic-password"


def configured() -> KohaConfig:
    return KohaConfig.from_env(
        {
            "KOHA_URL": "https://koha.example.org",
            "KOHA_CLIENT_ID": "library20",
            "KOHA_CLIENT_SECRET": SECRET,
            "KOHA_USER": "api",
            "KOHA_PASSWORD": PASSWORD,
        }
    )


def test_repr_masks_the_client_secret_and_the_password_but_names_the_rest():
    shown = repr(configured())
    assert SECRET not in shown and PASSWORD not in shown
    assert "client_secret='********'" in shown and "password='********'" in shown
    assert "https://koha.example.org" in shown and "client_id='library20'" in shown


def test_repr_says_when_no_secret_is_set():
    shown = repr(KohaConfig(url="https://koha.example.org"))
    assert "client_secret=''" in shown and "password=''" in shown


def test_a_logged_configuration_carries_no_secret(caplog):
    with caplog.at_level(logging.INFO):
        logging.getLogger("koha_bridge").info("koha config=%s", configured())
        logging.getLogger("koha_bridge").info("koha config=%r", configured())
    assert SECRET not in caplog.text and PASSWORD not in caplog.text


def test_the_secrets_are_still_there_for_the_client():
    assert (configured().client_secret, configured().password) == (SECRET, PASSWORD)
