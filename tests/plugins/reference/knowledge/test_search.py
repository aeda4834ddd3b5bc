"""Finding answers: the knowledge base's own search box (its entries, its language) and the
site's search, by the words of an entry's question and answer."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from wagtail.search.models import IndexEntry

from plugins.reference.models import FaqEntryPage
from tests.html import soup_of
from tests.plugins.reference.knowledge.conftest import add_entry, base_of

pytestmark = pytest.mark.django_db


def found(response) -> list[str]:
    return [a.get_text(strip=True) for a in soup_of(response).select(".knowledge__results li a")]


def site_results(response) -> list[str]:
    return [a.get_text(strip=True) for a in soup_of(response).select(".search-results h2 a")]


def test_the_knowledge_base_finds_entries_by_words_of_their_answers(client):
    response = client.get(base_of("en").url, {"q": "scanner"})

    assert found(response) == ["Can I print and make copies at the library?"]
    assert soup_of(response).select_one("#knowledge-results-heading").get_text(strip=True) == (
        "1 answer for “scanner”"
    )


def test_the_knowledge_base_searches_in_its_own_language_only(client):
    assert found(client.get(base_of("uk").url, {"q": "флешку"})) == [
        "Чи можна в бібліотеці роздрукувати й скопіювати документи?"
    ]
    assert found(client.get(base_of("en").url, {"q": "флешку"})) == []


def test_a_search_with_no_match_says_so_and_leads_back_to_the_topics(client):
    soup = soup_of(client.get(base_of("ro").url, {"q": "cuantică"}))

    assert "0" in soup.select_one("#knowledge-results-heading").get_text()
    assert soup.select_one(".knowledge__results p a")["href"] == base_of("ro").url


@pytest.mark.parametrize(
    "query",
    ['"', '"unbalanced', "AND OR NOT", "*", "x" * 5000, "\x00null", "<script>", "(", "-"],
)
def test_any_input_gives_a_page(client, query):
    response = client.get(base_of("en").url, {"q": query, "page": "999"})

    assert response.status_code == 200


def test_markup_in_a_query_is_shown_back_as_text(client):
    response = client.get(base_of("en").url, {"q": "<b>bold</b>"})

    assert "<b>bold</b>" not in response.content.decode()
    soup = soup_of(response)
    assert soup.select_one("#knowledge-query")["value"] == "<b>bold</b>"
    assert "“<b>bold</b>”" in soup.select_one("#knowledge-results-heading").get_text()


def test_a_new_entry_is_found_once_published(client):
    add_entry(
        base_of("en"),
        "Do you lend telescopes?",
        answer="Yes, the astronomy kit.",
        slug="telescopes",
    )

    assert found(client.get(base_of("en").url, {"q": "astronomy"})) == ["Do you lend telescopes?"]


def test_the_site_search_finds_entries_by_their_question_and_answer(client):
    assert "How do I get a library card?" in site_results(
        client.get("/en/search/", {"q": "guardian"})
    )
    assert "Можно ли получить книгу, которой нет в библиотеке?" in site_results(
        client.get("/ru/search/", {"q": "монография"})
    )


def test_the_site_search_skips_draft_entries(client):
    add_entry(base_of("en"), "Secret draft?", answer="Zeppelins.", publish=False, slug="secret")

    assert site_results(client.get("/en/search/", {"q": "zeppelins"})) == []


def test_update_index_rebuilds_the_entries_in_the_search_index(client):
    IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(FaqEntryPage)).delete()
    assert found(client.get(base_of("en").url, {"q": "scanner"})) == []

    call_command("update_index", verbosity=0)

    assert found(client.get(base_of("en").url, {"q": "scanner"})) == [
        "Can I print and make copies at the library?"
    ]
