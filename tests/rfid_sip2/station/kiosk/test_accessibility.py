"""axe-core finds nothing serious on any mode in any language, every target is big enough, and
pictures of each screen are kept for review.

Set KIOSK_SHOTS to a directory to keep screenshots (1080x1920 portrait kiosk and 1280x800) of
every mode in English and Ukrainian.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.axe import serious_violations
from tests.rfid_sip2.station.kiosk.conftest import KIOSK, LAPTOP
from tests.rfid_sip2.station.kiosk.scenes import SCENES

pytestmark = pytest.mark.browser
SHOTS = os.environ.get("KIOSK_SHOTS")
# Every button and field a finger must hit, by name, when smaller than 56 px either way.
SMALL_TARGETS = """() => [...document.querySelectorAll('button, input')]
    .filter((el) => el.offsetParent !== null)
    .map((el) => [el.textContent.trim() || el.id, el.getBoundingClientRect()])
    .filter(([, box]) => box.width < 56 || box.height < 56)
    .map(([name]) => name)"""


@pytest.mark.parametrize("language", ["en", "ru", "uk", "ro"])
@pytest.mark.parametrize("mode", list(SCENES))
def test_no_serious_accessibility_violation_on_any_mode_in_any_language(
    chromium, live, mode, language
):
    live.do(live.station.show, language=language, **SCENES[mode])
    # axe is injected as an inline script, which the kiosk's own policy rightly forbids.
    context = chromium.new_context(
        viewport=KIOSK, has_touch=True, reduced_motion="reduce", bypass_csp=True
    )
    page = context.new_page()
    try:
        page.goto(live.url)
        expect(page.locator("html")).to_have_attribute("lang", language)
        violations = serious_violations(page)
        small = page.evaluate(SMALL_TARGETS)
        if SHOTS and language in ("en", "uk"):
            for viewport in (KIOSK, LAPTOP):
                page.set_viewport_size(viewport)
                name = f"{mode}-{language}-{viewport['width']}x{viewport['height']}.png"
                page.screenshot(path=str(Path(SHOTS) / name), full_page=True)
    finally:
        context.close()

    assert violations == []
    assert small == []
