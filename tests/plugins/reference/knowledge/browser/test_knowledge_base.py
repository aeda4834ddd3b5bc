"""A reader in Chromium searches the knowledge base, opens an answer and says it helped; the
knowledge base and its entries keep no reader out (axe-core)."""

from __future__ import annotations

import pytest

from tests.axe import serious_violations

pytestmark = pytest.mark.browser

BASES = {"en": "/en/ask-a-librarian/answers/", "ru": "/ru/sprosite-bibliotekarya/otvety/"}


def test_a_reader_finds_an_answer_and_says_it_helped(page, demo_site):
    page.goto(f"{demo_site.url}{BASES['en']}")

    page.get_by_role("searchbox", name="Search the answers").fill("scanner")
    page.get_by_role("button", name="Search").last.click()
    page.get_by_role("link", name="Can I print and make copies at the library?").click()
    page.get_by_role("button", name="Yes").click()

    assert page.locator(".messages").inner_text() == "Thank you: we are glad it helped."
    assert page.locator(".faq-entry__helpful form").count() == 0
    page.reload()
    assert "You found this answer helpful" in page.locator(".faq-entry__helpful").inner_text()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_knowledge_base_and_an_entry_with_records_keep_no_reader_out(catalogue, page, language):
    page.goto(f"{catalogue.url}{BASES[language]}")
    found = {"base": serious_violations(page)}
    page.locator(".knowledge__group a").nth(-1).click()  # research help: records as cards
    page.wait_for_load_state()
    found["entry"] = serious_violations(page)

    assert found == {"base": [], "entry": []}
