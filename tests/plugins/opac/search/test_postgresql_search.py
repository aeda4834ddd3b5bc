"""On PostgreSQL the catalogue's search also reads readers' query syntax ("a phrase", -word,
OR) and stems each record's words by its language (English, Russian and Romanian; Ukrainian
and others by the site's folding alone), ranked, with the same facets."""

from __future__ import annotations

import pytest
from django.db import connection

from plugins.opac.search import CatalogueQuery, Facet, search_catalogue
from plugins.opac.sync import sync_catalogue

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def catalogue(koha_client):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's full-text search: run with DATABASE_URL=postgres://…")
    sync_catalogue(koha_client)


def titles(text: str) -> list[str]:
    return [record.title for record in search_catalogue(CatalogueQuery(text=text)).records]


def test_a_quoted_phrase_finds_its_words_together_and_in_order():
    assert titles('"great expectations"') == ["Great expectations"]
    assert titles('"expectations great"') == []
    assert titles("expectations great") == ["Great expectations"]


def test_a_word_after_a_minus_leaves_out_the_records_that_have_it():
    found = titles("Dickens -oliver")

    assert "Great expectations" in found and "A Christmas carol" in found
    assert "Oliver Twist" not in found


@pytest.mark.parametrize("text", ["Frankenstein OR hobbit", "frankenstein or Hobbit"])
def test_or_finds_records_with_either_word(text):
    assert sorted(titles(text)) == ["Frankenstein", "The hobbit"]


def test_english_words_are_found_in_another_form():
    assert titles("carols") == ["A Christmas carol"]


def test_russian_words_are_found_in_another_case():
    assert "Война и мир" in titles("войне")


def test_ukrainian_words_are_found_by_their_beginning_without_a_stemmer():
    assert titles("обруч") == ["Дванадцять обручів"]


def test_facets_count_the_records_the_syntax_finds():
    results = search_catalogue(CatalogueQuery(text="Dickens -oliver"))

    languages = {value.value: value.count for value in results.facets[Facet.LANGUAGE]}
    assert languages == {"eng": results.total}
    assert results.total == len(results.records)


def test_an_isbn_and_words_together_find_the_record_that_has_both():
    assert titles("9780747532699 stone") == ["Harry Potter and the philosopher's stone"]
    assert titles("9780747532699 -stone") == []
