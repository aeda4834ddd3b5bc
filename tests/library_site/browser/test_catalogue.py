"""A reader finds a book in a real browser: from the home page's box to a record and its copies."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_reader_searches_the_catalogue_from_the_home_page_and_opens_a_record(catalogue, page):
    page.goto(f"{catalogue.url}/uk/")

    page.get_by_label("Пошук у каталозі: назва, автор, тема, серія або ISBN").fill("Шевченко")
    page.get_by_role("button", name="Пошук").click()

    page.wait_for_url(f"{catalogue.url}/uk/catalogue/?q=*")
    page.get_by_role("link", name="Кобзарь").click()
    assert page.locator("h1").inner_text() == "Кобзарь"
    # The copies are fetched into the page (anonymous readers share it from the cache).
    expect(page.get_by_role("cell", name="На полиці")).to_have_count(3)


def test_facets_fold_away_on_a_phone_and_open_on_a_tap(catalogue, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    phone = context.new_page()
    try:
        phone.goto(f"{catalogue.url}/en/catalogue/")
        facets = phone.get_by_role("link", name="English 22")
        assert not facets.is_visible()

        phone.get_by_text("Narrow the results").click()

        assert facets.is_visible()
        scrolls = phone.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        assert not scrolls
    finally:
        context.close()
