"""The admin pages in Chromium: "Use" puts a canned answer into the text with the page's
script, and the queue and a question's page have no serious accessibility violation."""

from __future__ import annotations

import pytest
from wagtail.models import Locale

from plugins.reference.models import CannedAnswer
from tests.axe import serious_violations
from tests.library_site.browser.conftest import browser, demo_site, page  # noqa: F401
from tests.plugins.reference.librarians.conftest import PASSWORD, asked, hours_ago, make_librarian

pytestmark = pytest.mark.django_db(transaction=True)


def signed_in(page, base: str) -> None:  # noqa: F811
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "librarian")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


@pytest.fixture
def question(demo_site):  # noqa: F811
    make_librarian()
    CannedAnswer.objects.create(
        title="We open at nine", body="We open at nine.", locale=Locale.get_default()
    )
    asked("Late one", at=hours_ago(50))
    return asked("When do you open?", at=hours_ago(2))


def test_use_inserts_the_canned_answer_where_the_cursor_is(demo_site, question, page):  # noqa: F811
    signed_in(page, demo_site.url)
    page.goto(f"{demo_site.url}/admin/reference/{question.pk}/")
    page.fill("#id_body", "Dear reader, . Kind regards")
    page.eval_on_selector("#id_body", "area => area.setSelectionRange(13, 13)")

    page.select_option("#id_canned", label="We open at nine")
    page.click(".reference-canned__use")

    assert page.input_value("#id_body") == "Dear reader, We open at nine.. Kind regards"
    assert page.url.endswith(f"/admin/reference/{question.pk}/")  # nothing was sent


def test_the_queue_and_a_question_have_no_serious_accessibility_violation(
    demo_site,  # noqa: F811
    question,  # made before Chromium starts: see tests/library_site/browser/conftest.py
    page,  # noqa: F811
):
    signed_in(page, demo_site.url)
    found = {}
    for url in ("/admin/reference/", f"/admin/reference/{question.pk}/", "/admin/"):
        page.goto(demo_site.url + url)
        found[url] = serious_violations(page)

    assert found == {url: [] for url in found}
