"""The demo's "Ask a librarian" page and knowledge base: in the menu, in four languages, eight
entries by topic in each, two naming records of the demo catalogue."""

from __future__ import annotations

import pytest
from wagtail.models import Locale

from plugins.reference.models import (
    AskLibrarianPage,
    CannedAnswer,
    FaqEntryPage,
    KnowledgeBasePage,
    Topic,
)
from tests.html import soup_of

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ru", "uk", "ro"]
FIRST_TOPIC = {
    "en": "Borrowing and renewing",
    "ru": "Выдача и продление",
    "uk": "Видача й продовження",
    "ro": "Împrumut și prelungire",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_the_ask_page_in_its_menu_and_the_knowledge_base_under_it(
    client, language
):
    locale = Locale.objects.get(language_code=language)
    ask = AskLibrarianPage.objects.live().get(locale=locale)
    base = KnowledgeBasePage.objects.live().child_of(ask).get()

    menu = [a["href"] for a in soup_of(client.get(f"/{language}/")).select("nav.main-nav a")]
    assert ask.url in menu
    assert FaqEntryPage.objects.live().child_of(base).count() == 8


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_knowledge_base_lists_the_entries_by_topic_in_each_language(client, language):
    base = KnowledgeBasePage.objects.get(locale__language_code=language)

    soup = soup_of(client.get(base.url))

    sections = soup.select(".knowledge__group")
    assert len(sections) == 5
    assert sections[0].h2.get_text(strip=True) == FIRST_TOPIC[language]
    assert sum(len(section.select("li")) for section in sections) == 8
    assert "Other" not in soup.select_one(".knowledge__topics").get_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_topics_and_canned_answers_exist_in_every_language(language):
    assert Topic.objects.filter(locale__language_code=language).count() == 5
    assert CannedAnswer.objects.filter(locale__language_code=language).count() == 3


def test_two_demo_entries_name_records_of_the_demo_catalogue(koha_client):
    named = {
        entry.slug: entry.biblio_ids()
        for entry in FaqEntryPage.objects.filter(locale__language_code="en")
        if entry.biblio_ids()
    }

    assert named == {"local-history-archive": [15, 70], "how-to-cite-a-book": [13]}
    for biblio_id in (13, 15, 70):
        assert koha_client.biblio(biblio_id) is not None
