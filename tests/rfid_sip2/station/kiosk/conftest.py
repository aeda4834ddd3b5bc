"""Chromium (Debian's package, through Playwright) against a live kiosk."""

from __future__ import annotations

import pytest

from tests.rfid_sip2.station.kiosk.live import LiveKiosk
from tests.services import chromium_path, require

# As tests/library_site/browser/conftest.py starts Chromium.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
KIOSK = {"width": 1080, "height": 1920}  # a portrait touch screen
LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def chromium():
    executable = chromium_path()
    require(executable is not None, "Chromium (Debian's chromium package)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


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
