"""A reader's say on a record in a real browser: sign in, rate, shelve, tag and review; a
librarian approves the tag and the review in the moderation queue; everyone sees them."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from plugins.readers.demo import ensure_demo_reader

pytestmark = pytest.mark.browser

PASSWORD = "a-reader's-long-password"
REVIEW = "A grim workhouse, a brave boy: read https://example.org/dickens for more."


@pytest.fixture
def people(catalogue, koha_client):
    """The demo's reader, and a librarian in the Moderators group."""
    ensure_demo_reader(PASSWORD, koha_client)
    librarian = get_user_model().objects.create_user("librarian", "lib@example.org", PASSWORD)
    librarian.groups.add(Group.objects.get(name="Moderators"))


def sign_in(page, url: str, username: str) -> None:
    page.get_by_label("Login").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(url)


def test_a_reader_rates_shelves_tags_and_reviews_and_sees_it_once_a_librarian_approves(
    catalogue, people, browser
):
    reader = browser.new_context(locale="en-GB").new_page()
    reader.goto(f"{catalogue.url}/en/catalogue/?q=Oliver+Twist")
    reader.get_by_role("link", name="Oliver Twist").first.click()
    record_page = reader.url.split("#")[0]
    rating = reader.get_by_role("region", name="Readers’ rating")
    rating.get_by_role("link", name="Sign in to rate this title").click()
    sign_in(reader, f"{record_page}#rating", "reader")

    rating.get_by_label("5 stars").check()
    rating.get_by_role("button", name="Rate").click()
    reader.wait_for_url(f"{record_page}#rating")
    assert "You rated “Oliver Twist” 5 stars." in reader.get_by_role("status").inner_text()
    rating.get_by_role("button", name="Put it on Read").click()
    assert reader.get_by_role("region", name="Your shelves").get_by_text("Read").first.is_visible()

    tags = reader.get_by_role("region", name="Readers’ tags")
    tags.get_by_label("Add a tag").fill("workhouse")
    tags.get_by_role("button", name="Add").click()
    assert "once a librarian has looked at it" in reader.get_by_role("status").inner_text()

    reader.get_by_label("Your text").fill(REVIEW)
    reader.get_by_role("button", name="Publish").click()
    reader.goto(record_page)
    reviews = reader.get_by_role("region", name="Reviews")
    assert REVIEW not in reviews.inner_text()  # a link: it waits for a librarian

    librarian = browser.new_context(locale="en-GB").new_page()
    librarian.goto(f"{catalogue.url}/admin/moderation/")
    librarian.fill("input[name=username]", "librarian")
    librarian.fill("input[name=password]", PASSWORD)
    librarian.click("button[type=submit]")
    librarian.wait_for_url(f"{catalogue.url}/admin/moderation/")
    librarian.get_by_label("Choose").nth(0).check()
    librarian.get_by_label("Choose").nth(1).check()
    librarian.get_by_role("button", name="Approve").click()
    librarian.get_by_role("button", name="Yes, do it").click()
    assert "2" in librarian.locator(".messages").inner_text()

    visitor = browser.new_context(locale="en-GB").new_page()
    visitor.goto(record_page)
    assert REVIEW in visitor.get_by_role("region", name="Reviews").inner_text()
    assert visitor.get_by_role("region", name="Readers’ tags").get_by_text("workhouse").is_visible()
    assert "5.0 (1)" in visitor.get_by_role("region", name="Readers’ rating").inner_text()
