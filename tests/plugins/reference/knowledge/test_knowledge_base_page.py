"""The knowledge base page: its entries grouped by topic in the page's language, one topic's
entries on pages of their own, and the same few queries however many entries there are."""

from __future__ import annotations

import pytest

from plugins.reference.knowledge_listing import PAGE_SIZE, PER_TOPIC
from tests.html import soup_of
from tests.plugins.reference.knowledge.conftest import (
    add_entry,
    add_topic,
    base_of,
    translate_topic,
)
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def groups_on(response) -> dict[str, list[str]]:
    """Each topic's heading with the questions listed under it, in the page's order."""
    soup = soup_of(response)
    return {
        section.h2.get_text(strip=True): [a.get_text(strip=True) for a in section.select("li a")]
        for section in soup.select(".knowledge__group")
    }


def test_entries_are_listed_under_their_topics_in_the_topics_order(client):
    base = base_of("en")
    later = add_topic("Zoology questions", sort_order=1)
    add_entry(base, "Which books on otters do you have?", topic=later)
    add_entry(base, "Where is the cloakroom?")

    groups = groups_on(client.get(base.url))

    assert list(groups) == [
        "Zoology questions",
        "Borrowing and renewing",
        "Visiting the library",
        "Online resources",
        "Research help",
        "Your library card",
        "Other questions",
    ]
    assert groups["Borrowing and renewing"] == [
        "Can I get a book the library does not have?",
        "How can I renew the books I have borrowed?",
    ]
    assert groups["Other questions"] == ["Where is the cloakroom?"]


def test_a_translated_entry_is_listed_under_its_topics_translation(client):
    topic = add_topic("Music")
    translate_topic(topic, "ru", "Музыка")
    ru_topic = topic.get_translation(base_of("ru").locale)
    add_entry(base_of("ru"), "Где ноты?", topic=ru_topic, slug="gde-noty")

    assert groups_on(client.get(base_of("ru").url))["Музыка"] == ["Где ноты?"]


def test_an_entry_whose_topic_is_not_translated_yet_shows_the_source_topics_name(client):
    english_only = add_topic("Maps", sort_order=15)
    add_entry(base_of("uk"), "Де старі мапи?", topic=english_only, slug="de-mapy")

    groups = groups_on(client.get(base_of("uk").url))

    assert groups["Maps"] == ["Де старі мапи?"]
    assert list(groups).index("Maps") == 1  # in the source topic's place


def test_drafts_and_other_languages_entries_are_not_listed(client):
    add_entry(base_of("en"), "A draft question?", publish=False)
    add_entry(base_of("ro"), "O întrebare?", slug="o-intrebare")

    listed = [
        title for titles in groups_on(client.get(base_of("en").url)).values() for title in titles
    ]

    assert "A draft question?" not in listed and "O întrebare?" not in listed
    assert len(listed) == 8


def test_a_big_topic_shows_its_first_entries_and_links_to_all_of_them(client):
    base = base_of("en")
    topic = add_topic("Big topic", sort_order=1)
    for number in range(PER_TOPIC + 3):
        add_entry(base, f"Question {number:02d}?", topic=topic, slug=f"question-{number}")

    soup = soup_of(client.get(base.url))

    section = soup.select(".knowledge__group")[0]
    assert len(section.select("li")) == PER_TOPIC
    more = section.select_one(".knowledge__more a")
    assert more.get_text(strip=True) == f"All {PER_TOPIC + 3} questions on “Big topic”"
    listed = soup_of(client.get(f"{base.url}{more['href']}"))
    assert listed.h2.get_text(" ", strip=True) == f"Big topic ({PER_TOPIC + 3})"
    assert len(listed.select(".knowledge__list li")) == PER_TOPIC + 3


def test_one_topics_entries_come_in_pages(client):
    base = base_of("en")
    topic = add_topic("Huge topic")
    for number in range(PAGE_SIZE + 2):
        add_entry(base, f"Huge {number:03d}?", topic=topic, slug=f"huge-{number}")

    first = soup_of(client.get(base.url, {"topic": topic.pk}))
    second = soup_of(client.get(base.url, {"topic": topic.pk, "page": 2}))

    assert len(first.select(".knowledge__list li")) == PAGE_SIZE
    assert first.select_one("a[rel=next]")["href"] == f"?topic={topic.pk}&page=2"
    assert [a.get_text() for a in second.select(".knowledge__list a")] == ["Huge 050?", "Huge 051?"]


def test_a_topic_chosen_in_another_language_shows_its_translation(client):
    english = add_topic("Games")
    translate_topic(english, "ro", "Jocuri")

    soup = soup_of(client.get(base_of("ro").url, {"topic": english.pk}))

    assert soup.h2.get_text(" ", strip=True) == "Jocuri (0)"


@pytest.mark.parametrize(
    "value", ["", "abc", "999999", "-1", "1e3", "other", "' OR 1=1 --", "\x00", "²", "9" * 30]
)
def test_any_topic_value_gives_a_page(client, value):
    response = client.get(base_of("en").url, {"topic": value, "page": "x"})

    assert response.status_code == 200


def test_entries_link_to_their_pages(client):
    soup = soup_of(client.get(base_of("ru").url))

    link = soup.select_one(".knowledge__group li a")
    assert client.get(link["href"]).status_code == 200
    assert link["href"].startswith(base_of("ru").url)


def _fill(count: int) -> None:
    base = base_of("en")
    topics = [add_topic(f"Topic {n}") for n in range(3)]
    for number in range(count):
        add_entry(base, f"Filler {number}?", topic=topics[number % 3], slug=f"filler-{number}")


def test_the_page_costs_the_same_queries_with_3_and_40_more_entries(client):
    path = base_of("en").url
    _fill(3)
    few = count_queries(client, path)
    _fill_more = [add_topic(f"More {n}") for n in range(2)]
    for number in range(40):
        add_entry(
            base_of("en"), f"More {number}?", topic=_fill_more[number % 2], slug=f"more-{number}"
        )

    assert count_queries(client, path) == few


def test_one_topics_page_costs_the_same_queries_with_3_and_40_entries(client):
    base = base_of("en")
    topic = add_topic("Counted")
    for number in range(3):
        add_entry(base, f"Counted {number}?", topic=topic, slug=f"counted-{number}")
    few = count_queries(client, base.url, {"topic": topic.pk})
    for number in range(3, 43):
        add_entry(base, f"Counted {number}?", topic=topic, slug=f"counted-{number}")

    assert count_queries(client, base.url, {"topic": topic.pk}) == few
