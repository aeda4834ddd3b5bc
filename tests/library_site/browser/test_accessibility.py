"""axe-core finds nothing serious on the pages a reader goes through, in every language."""

from __future__ import annotations

import pytest

from tests.axe import serious_violations

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "ru", "uk", "ro"]


def first_link(page, selector: str) -> str:
    return page.locator(selector).first.get_attribute("href")


def pages_of(page, base: str) -> dict[str, str]:
    """The pages a reader goes through in the language at ``base``, by name."""
    origin = base.split("/", 3)[:3]
    page.goto(base + "catalogue/?q=a")
    record = first_link(page, "main .result h2 a, main .results a")
    page.goto(base + "events/")
    event = first_link(page, "main article h2 a, main .event a")
    return {
        "home": base,
        "search": base + "catalogue/?q=a",
        "record": "/".join(origin) + record,
        "events": base + "events/",
        "event": "/".join(origin) + event,
        "sign in": base + "accounts/login/",
    }


def test_public_pages_have_no_serious_accessibility_violations(catalogue, page):
    found = {}
    for language in LANGUAGES:
        for name, url in pages_of(page, f"{catalogue.url}/{language}/").items():
            page.goto(url)
            if violations := serious_violations(page):
                found[f"{language} {name}"] = violations

    assert found == {}


def test_the_check_finds_what_keeps_readers_out(blank_page):
    page = blank_page
    page.set_content('<html lang="en"><body><main><img src="x.png"><button></button></main></body>')

    found = " ".join(serious_violations(page))

    assert "image-alt (critical)" in found and "button-name (critical)" in found
