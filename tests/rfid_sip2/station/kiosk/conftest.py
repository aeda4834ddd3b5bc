"""Chromium (Debian's package, through Playwright) against a live kiosk."""

from __future__ import annotations

import pytest

from tests import services
from tests.rfid_sip2.station.kiosk.live import LiveKiosk

KIOSK = {"width": 1080, "height": 1920}  # a portrait touch screen
LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import expect

    # A CI machine running both suites is slower than Playwright's 5 s for what a kiosk shows.
    expect.set_options(timeout=15_000)
    with services.chromium() as browser:
        yield browser


@pytest.fixture
def live():
    kiosk = LiveKiosk()
    yield kiosk
    kiosk.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport=KIOSK, has_touch=True)
    yield context.new_page()
    context.close()
