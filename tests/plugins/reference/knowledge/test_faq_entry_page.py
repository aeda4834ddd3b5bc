"""A knowledge base entry: the question, the answer with its catalogue records as cards, the way
back to its topic, where to ask one's own question, and schema.org data for search engines."""

from __future__ import annotations

import json

import pytest

from library_site.core.models import HomePage
from plugins.reference.models import AskLibrarianPage, FaqEntryPage, KnowledgeBasePage
from tests.html import soup_of
from tests.plugins.reference.knowledge.conftest import add_entry, add_topic, base_of
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def demo_entry(slug: str, language: str = "en") -> FaqEntryPage:
    return FaqEntryPage.objects.get(slug=slug, locale__language_code=language)


def jsonld_of(soup) -> dict:
    return json.loads(soup.select_one('script[type="application/ld+json"]').string)


def test_an_entry_shows_its_question_answer_and_topic_link(client):
    entry = demo_entry("kak-prodlit-knigi", "ru")

    soup = soup_of(client.get(entry.url))

    assert soup.h1.get_text() == "Как продлить книги, которые я взял?"
    assert "не приходя в библиотеку" in soup.select_one(".faq-entry__question").get_text()
    assert "кнопка «Продлить»" in soup.select_one(".faq-entry__answer").get_text()
    topic_link = soup.select(".faq-entry__kicker a")[1]
    assert topic_link.get_text() == "Выдача и продление"
    listed = soup_of(client.get(topic_link["href"]))
    assert listed.h2.get_text(" ", strip=True) == "Выдача и продление (2)"


def test_records_in_an_answer_are_shown_as_cards_of_the_catalogue(client, catalogue):
    soup = soup_of(client.get(demo_entry("local-history-archive").url))

    cards = soup.select(".faq-entry__answer .record-block")
    assert [card.select_one(".record-block__title").get_text() for card in cards] == [
        "The gates of Europe",
        "Istorie și mit în conștiința românească",
    ]
    assert "How Romanians have told their own history." in cards[1].get_text()


def test_record_cards_cost_the_same_queries_however_many_records(client, catalogue):
    one = add_entry(base_of("en"), "One record?", records=(1,), slug="one-record")
    five = add_entry(base_of("en"), "Five records?", records=(1, 2, 3, 4, 5), slug="five-records")

    assert count_queries(client, five.url) == count_queries(client, one.url)


def test_ask_your_own_question_leads_to_the_ask_a_librarian_page(client):
    soup = soup_of(client.get(demo_entry("yak-zapysatysia", "uk").url))

    ask = soup.select_one(".faq-entry__ask a.button")
    assert ask["href"] == AskLibrarianPage.objects.get(locale__language_code="uk").url


def test_schema_org_faq_page_names_the_question_and_its_answer(client):
    entry = demo_entry("printing-and-copying")

    data = jsonld_of(soup_of(client.get(entry.url)))

    assert data["@type"] == "FAQPage"
    assert data["url"] == f"http://testserver{entry.url}"
    assert data["inLanguage"] == "en"
    question = data["mainEntity"][0]
    assert question["name"] == "Can I print and make copies at the library?"
    assert question["acceptedAnswer"]["text"].startswith("Yes. The computers in the reading room")


def test_a_question_with_markup_is_shown_as_text_on_the_page_and_in_its_data(client):
    topic = add_topic("Security")
    entry = add_entry(
        base_of("en"),
        f"Why {XSS}?",
        topic=topic,
        slug="xss",
        question=f"Is {XSS} safe?\n&amp; </script>",
    )

    response = client.get(entry.url)

    html = response.content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    soup = soup_of(response)
    assert XSS in soup.h1.get_text()
    assert XSS in soup.select_one(".faq-entry__question").get_text()
    script = soup.select_one('script[type="application/ld+json"]').string
    assert "</script" not in script and "<" not in script
    assert jsonld_of(soup)["mainEntity"][0]["text"] == f"Is {XSS} safe?\n&amp; </script>"


def test_under_a_knowledge_base_on_the_home_page_ask_leads_to_the_knowledge_base(client):
    home = HomePage.objects.get(locale__language_code="en")
    base = KnowledgeBasePage(title="Questions", slug="questions")
    home.add_child(instance=base)
    base.save_revision().publish()
    entry = add_entry(base, "Where is the lift?", slug="lift")

    soup = soup_of(client.get(entry.url))

    assert soup.select_one(".faq-entry__ask a.button")["href"] == base.url
