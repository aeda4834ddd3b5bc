"""A reader finds an event for children from the home page, opens it and takes its calendar."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def test_reader_filters_events_for_children_and_adds_one_to_their_calendar(page, demo_site):
    page.goto(f"{demo_site.url}/en/")
    page.get_by_role("link", name="All events").click()
    page.wait_for_url(f"{demo_site.url}/en/events/")

    page.get_by_label("For").select_option("children")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(f"{demo_site.url}/en/events/?month=&audience=children")
    titles = page.locator(".event-item__title").all_inner_texts()
    assert titles == ["Storytime: Alice and Winnie-the-Pooh"]

    page.get_by_role("link", name="Storytime: Alice and Winnie-the-Pooh").click()
    assert page.locator("h1").inner_text() == "Storytime: Alice and Winnie-the-Pooh"
    with page.expect_download() as download:
        page.get_by_role("link", name="Add to calendar").click()
    assert "BEGIN:VEVENT" in Path(download.value.path()).read_text(encoding="utf-8")
