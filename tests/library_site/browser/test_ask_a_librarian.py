"""Asking through the frame's link on a demo page, in a real browser."""

import pytest

pytestmark = pytest.mark.browser


def test_a_visitor_asks_through_the_frames_dialog_and_is_told_to_check_their_mail(
    demo_site, page, mailoutbox
):
    page.goto(f"{demo_site.url}/en/")
    page.locator("footer").get_by_role("link", name="Ask a librarian").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Your question").fill("When does the reading room open?")
    dialog.get_by_label("Your e-mail address").fill("reader@example.org")
    dialog.get_by_role("button", name="Send my question").click()

    page.wait_for_url(f"{demo_site.url}/en/ask/sent/")
    assert page.locator("h1").inner_text() == "Check your mail to confirm"
    assert [mail.to for mail in mailoutbox] == [["reader@example.org"]]
    assert "When does the reading room open?" in mailoutbox[0].body
