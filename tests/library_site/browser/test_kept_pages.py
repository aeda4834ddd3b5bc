"""Pages kept for anonymous readers in a real browser: the comment form is fetched when the
reader opens it and posts as before; a record's copies are fetched into its kept page."""

import pytest
from playwright.sync_api import expect

from library_site.core.page_cache import HIT_HEADER
from plugins.blog.models import BlogEntryPage
from plugins.opac.record_urls import record_url

pytestmark = pytest.mark.browser

OLIVER_TWIST = 3


@pytest.fixture
def kept_pages(catalogue, settings) -> dict[str, str]:
    """The page cache on, and the addresses tried (asked for before the browser starts:
    Playwright's event loop keeps the database from this thread)."""
    settings.PAGE_CACHE_SECONDS = 300
    post = BlogEntryPage.objects.live().filter(locale__language_code="en").first()
    return {
        "post": f"{catalogue.url}{post.url}",
        "record": f"{catalogue.url}{record_url(OLIVER_TWIST, 'Oliver Twist', 'en')}",
    }


def test_a_visitor_opens_the_comment_form_of_a_kept_post_and_posts_it(kept_pages, page):
    url = kept_pages["post"]
    page.goto(url)
    assert page.goto(url).headers.get(HIT_HEADER.lower()) == "hit"
    comments = page.locator("#comments")
    expect(comments.get_by_label("Your text")).to_have_count(0)

    comments.get_by_role("link", name="Write a comment").click()

    expect(comments.get_by_label("Your name")).to_be_focused()
    comments.get_by_label("Your name").fill("Ion")
    comments.get_by_label("Your e-mail address").fill("ion@example.org")
    comments.get_by_label("Your text").fill("A lovely evening, thank you.")
    comments.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")


def test_a_kept_record_page_shows_its_copies_fetched_live(kept_pages, page):
    url = kept_pages["record"]
    page.goto(url)

    assert page.goto(url).headers.get(HIT_HEADER.lower()) == "hit"
    copies = page.get_by_role("region", name="Where to find it")
    expect(copies.get_by_role("cell", name="On the shelf")).to_have_count(1)
    without_script = copies.get_by_role("link", name="See which copies are on the shelf now")
    expect(without_script).to_have_count(0)
