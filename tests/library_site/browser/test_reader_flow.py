"""A reader's whole way to a hold in a real browser: search, record, sign in, hold, My account."""

import re

import pytest

from plugins.readers.demo import ensure_demo_reader

pytestmark = pytest.mark.browser

PASSWORD = "a-reader's-long-password"
HOLD_PLACED = (
    "Your hold on “Кобзарь” is placed. You will be told when it is ready at Riverside Branch."
)


@pytest.fixture
def reader_with_card(catalogue, koha_client):
    """The demo's reader: a verified account linked to Olena Kovalenko's card in the sandbox the
    live site asks, with her hold on another title already in the queue."""
    return ensure_demo_reader(PASSWORD, koha_client)


def test_a_reader_finds_a_book_signs_in_places_a_hold_and_sees_it_in_my_account(
    catalogue, reader_with_card, page
):
    page.goto(f"{catalogue.url}/en/catalogue/")
    page.get_by_label("Search the catalogue: title, author, subject, series or ISBN").fill(
        "Шевченко"
    )
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url(f"{catalogue.url}/en/catalogue/?q=*")

    page.get_by_role("link", name="Кобзарь").click()
    assert page.locator("h1").inner_text() == "Кобзарь"
    record_page = page.url
    hold_form = page.get_by_role("region", name="Place a hold")

    hold_form.get_by_role("link", name="Sign in to place a hold").click()
    page.wait_for_url(re.compile(r"/en/accounts/login/\?next="))
    page.get_by_label("Login").fill("reader")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()

    page.wait_for_url(record_page)
    pickup = hold_form.get_by_label("Collect it at")
    assert pickup.input_value() == "CPL"  # the reader's home library comes first
    pickup.select_option(label="Riverside Branch")
    hold_form.get_by_role("button", name="Place a hold on “Кобзарь”").click()

    page.wait_for_url(record_page)
    assert page.get_by_role("status").inner_text().strip() == HOLD_PLACED
    assert hold_form.get_by_text(
        "You have a hold on this title, to collect at Riverside Branch."
    ).is_visible()

    hold_form.get_by_role("link", name="See your holds in My account").click()
    page.wait_for_url(f"{catalogue.url}/en/account/")
    holds = page.get_by_role("region", name="Holds")
    held = holds.get_by_role("row").filter(has_text="Кобзарь")
    assert held.get_by_role("cell").nth(2).inner_text() == "Riverside Branch"
