"""A reader opens the site in a real browser and switches it to Ukrainian."""

import pytest

pytestmark = pytest.mark.browser


def test_reader_switches_the_home_page_to_ukrainian(page, demo_site):
    page.goto(f"{demo_site.url}/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Welcome to the library"

    page.get_by_role("navigation", name="Choose a language").get_by_role(
        "link", name="Українська"
    ).click()

    page.wait_for_url(f"{demo_site.url}/uk/")
    assert page.locator("html").get_attribute("lang") == "uk"
    assert page.locator("h1").inner_text() == "Ласкаво просимо до бібліотеки"
    assert page.get_by_role("button", name="Пошук").is_visible()
    assert page.get_by_role("navigation", name="Оберіть мову").is_visible()
    assert page.get_by_role("link", name="Про бібліотеку").is_visible()


def test_reader_keeps_the_page_when_switching_language(page, demo_site):
    page.goto(f"{demo_site.url}/en/visiting/")

    page.get_by_role("link", name="Română").click()

    page.wait_for_url(f"{demo_site.url}/ro/vizitati-ne/")
    assert page.locator("h1").inner_text() == "Vizitați-ne"


def test_reader_searches_from_the_header_in_their_language(page, demo_site):
    page.goto(f"{demo_site.url}/ru/o-biblioteke/")  # the home page searches the catalogue instead

    page.get_by_label("Поиск по сайту").fill("пандус")
    page.get_by_label("Поиск по сайту").press("Enter")

    page.wait_for_url(f"{demo_site.url}/ru/search/?q=*")
    assert page.get_by_role("status").inner_text() == "1 результат по запросу «пандус»"
    assert page.get_by_role("main").get_by_role("link", name="Как нас посетить").is_visible()


def test_skip_link_takes_keyboard_users_to_the_content(page, demo_site):
    page.goto(f"{demo_site.url}/en/about/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")

    assert page.url.endswith("#main-content")


def test_page_fits_a_phone_screen_without_sideways_scrolling(browser, demo_site):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    phone = context.new_page()
    try:
        phone.goto(f"{demo_site.url}/uk/pro-biblioteku/")
        overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0
        assert phone.get_by_role("link", name="Українська").is_visible()
    finally:
        context.close()
