"""A reader opens the demo exhibition from the home page, jumps to a section from its contents
and goes through a gallery with the keyboard alone; the captions of its video load; axe-core
finds nothing serious on the exhibitions in any language."""

import pytest

from tests.axe import serious_violations

pytestmark = pytest.mark.browser

GALLERY_ALTS = [
    "Title page reading Eugene Onegin, 1833",
    "Title page reading Kobzar, 1840",
    "Title page reading Poesii, 1884",
]


def test_reader_goes_through_the_gallery_with_the_keyboard(page, demo_site):
    page.goto(f"{demo_site.url}/en/")
    page.get_by_role("link", name="First printings: Pushkin, Shevchenko, Gogol, Eminescu").click()
    page.get_by_role("link", name="From manuscript to print").click()
    assert page.url.endswith("#from-manuscript-to-print")

    first = page.locator(".exhibit-gallery__link").first
    first.focus()
    page.keyboard.press("Enter")
    viewer = page.get_by_role("dialog", name="Image viewer")
    assert viewer.is_visible()
    image = viewer.locator(".lightbox__image")
    assert image.get_attribute("alt") == GALLERY_ALTS[0]
    assert page.evaluate("document.activeElement.className") == "lightbox__close"
    assert viewer.locator(".lightbox__count").inner_text() == "Image 1 of 3"

    page.keyboard.press("ArrowRight")
    assert image.get_attribute("alt") == GALLERY_ALTS[1]
    page.keyboard.press("End")
    assert image.get_attribute("alt") == GALLERY_ALTS[2]
    page.keyboard.press("ArrowRight")  # round to the first
    assert image.get_attribute("alt") == GALLERY_ALTS[0]
    page.keyboard.press("ArrowLeft")
    assert viewer.locator(".lightbox__caption").inner_text() == "Eminescu, Poems"
    # The picture loads after its address is set: wait for it (a missing file never loads).
    page.wait_for_function("document.querySelector('.lightbox__image').naturalWidth > 0")

    for _ in range(4):  # focus stays on the viewer's buttons
        page.keyboard.press("Tab")
        assert page.evaluate("!!document.activeElement.closest('dialog.lightbox')")

    page.keyboard.press("Escape")
    assert not viewer.is_visible()
    assert page.evaluate("document.activeElement.getAttribute('href')") == first.get_attribute(
        "href"
    )


def test_without_javascript_a_thumbnail_opens_the_full_image(browser, demo_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{demo_site.url}/en/exhibitions/first-printings/")
    href = page.locator(".exhibit-gallery__link").first.get_attribute("href")

    page.locator(".exhibit-gallery__link").first.click()
    page.wait_for_url(f"{demo_site.url}{href}")
    context.close()


def test_the_video_loads_its_captions(page, demo_site):
    page.goto(f"{demo_site.url}/en/exhibitions/first-printings/")
    page.wait_for_function(
        "() => { const t = document.querySelector('.exhibit-video video').textTracks[0];"
        " t.mode = 'hidden'; return t.cues && t.cues.length === 2; }",
        timeout=10000,
    )


EXHIBITION_PAGES = [
    "/en/exhibitions/",
    "/en/exhibitions/first-printings/",
    "/ru/exhibitions/pervye-izdaniya/",
    "/uk/exhibitions/pershi-vydannia/",
    "/ro/exhibitions/primele-editii/",
]


def test_exhibitions_and_the_open_lightbox_have_no_serious_accessibility_violations(
    catalogue, page
):
    found = {}
    for path in EXHIBITION_PAGES:
        page.goto(f"{catalogue.url}{path}")
        if violations := serious_violations(page):
            found[path] = violations
    page.goto(f"{catalogue.url}/en/exhibitions/first-printings/")
    page.locator(".exhibit-gallery__link").first.click()
    if violations := serious_violations(page):
        found["lightbox"] = violations

    assert found == {}
