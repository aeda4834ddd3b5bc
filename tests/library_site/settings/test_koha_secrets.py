"""Django's debug page lists the settings: Koha's secret and password are never among them."""

import sys

from django.test import RequestFactory, override_settings
from django.views.debug import SafeExceptionReporterFilter, technical_500_response

from koha_bridge.config import KohaConfig

SECRET, PASSWORD = "s3cret-client-secret", "pa55-basic-password"
KOHA = KohaConfig(
    url="https://koha.example.org",
    client_id="library20",
    client_secret=SECRET,
    user="api",
    password=PASSWORD,
)


@override_settings(KOHA=KOHA)
def test_safe_settings_show_koha_without_its_secrets():
    shown = repr(SafeExceptionReporterFilter().get_safe_settings()["KOHA"])
    assert "https://koha.example.org" in shown
    assert SECRET not in shown and PASSWORD not in shown


@override_settings(KOHA=KOHA, DEBUG=True)
def test_the_technical_500_page_shows_no_koha_secret():
    request = RequestFactory().get("/broken/")
    try:
        raise RuntimeError("a view failed")
    except RuntimeError:
        response = technical_500_response(request, *sys.exc_info())
    page = response.content.decode()
    assert "koha.example.org" in page  # the settings are listed, KOHA among them
    assert SECRET not in page and PASSWORD not in page
