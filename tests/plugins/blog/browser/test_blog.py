"""A reader opens the demo blog in Chromium, reads a post, switches it to Russian at its dated
address, and finds the feeds, the player and the share links."""

import pytest

pytestmark = pytest.mark.browser


def test_reader_reads_the_podcast_post_and_switches_it_to_russian(page, demo_site):
    page.goto(f"{demo_site.url}/en/blog/")
    assert page.locator("h1").inner_text() == "Library stories"

    page.get_by_role("link", name="Story hour, now as a podcast").click()
    page.wait_for_url(f"{demo_site.url}/en/blog/2026/11/14/story-hour-podcast/")
    assert page.locator("audio").count() == 1
    assert page.get_by_role("link", name="Telegram").first.is_visible()

    page.get_by_role("navigation", name="Choose a language").get_by_role(
        "link", name="Русский"
    ).click()

    page.wait_for_url(f"{demo_site.url}/ru/blog/2026/11/14/story-hour-podcast/")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("h1").inner_text() == "Час сказок теперь и в подкасте"
    feeds = page.locator('link[rel="alternate"][type="application/atom+xml"]')
    assert feeds.first.get_attribute("href") == "/ru/blog/feed/atom/"
