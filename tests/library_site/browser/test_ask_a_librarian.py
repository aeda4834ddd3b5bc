"""Asking through the frame's link on a demo page, in a real browser."""

import pytest
from django.contrib.auth import get_user_model

from plugins.reference import threads
from tests.axe import serious_violations

pytestmark = pytest.mark.browser


def test_a_visitor_asks_through_the_frames_dialog_and_is_told_to_check_their_mail(
    demo_site, page, mailoutbox
):
    page.goto(f"{demo_site.url}/en/")
    page.locator("footer").get_by_role("link", name="Ask a librarian").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Your question").wait_for()  # the form is fetched as the dialog opens
    assert serious_violations(page) == []  # the page with its dialog open
    dialog.get_by_label("Your question").fill("When does the reading room open?")
    dialog.get_by_label("Your e-mail address").fill("reader@example.org")
    dialog.get_by_role("button", name="Send my question").click()

    page.wait_for_url(f"{demo_site.url}/en/ask/sent/")
    assert page.locator("h1").inner_text() == "Check your mail to confirm"
    assert serious_violations(page) == []
    assert [mail.to for mail in mailoutbox] == [["reader@example.org"]]
    assert "When does the reading room open?" in mailoutbox[0].body


@pytest.fixture
def answered(demo_site):
    """An anonymous asker's confirmed question with an answer, made before the browser starts."""
    question = threads.ask(body="Чи є мапи краю?", language="uk", email="map@example.org")
    threads.confirm(question)
    librarian = get_user_model().objects.create_user("mapper", "mapper@example.org", "x")
    threads.answer(question, librarian, "Так, у читальній залі.\nhttps://example.org/maps")
    return question


def test_the_thread_page_with_its_rating_stars_has_nothing_serious_for_axe(
    demo_site, answered, page
):
    page.goto(f"{demo_site.url}/uk/ask/thread/{answered.access_key}/")
    assert page.locator(".thread-message--answer a").inner_text() == "https://example.org/maps"
    page.locator(".stars-input label").nth(1).click()  # the fourth star of five
    assert page.locator("input[name=score]:checked").get_attribute("value") == "4"
    assert serious_violations(page) == []
