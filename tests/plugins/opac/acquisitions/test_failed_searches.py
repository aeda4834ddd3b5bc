"""Searches with words that find nothing are counted, per folded words, language and day, to
show librarians what readers look for and do not find; nobody's identity is kept."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plugins.opac.acquisitions.failed_searches import folded_query, log_failed_search
from plugins.opac.acquisitions.models import FailedSearch

pytestmark = pytest.mark.django_db


def logged() -> list[tuple[str, str, int]]:
    return list(FailedSearch.objects.order_by("query").values_list("query", "language", "count"))


def test_a_search_that_finds_nothing_is_counted_with_its_folded_words(client, catalogue):
    client.get("/en/catalogue/", {"q": "Ştefan  ZWEIGLING"})
    client.get("/en/catalogue/", {"q": "stefan zweigling!"})
    client.get("/ro/catalogue/", {"q": "Ștefan Zweigling"})

    assert logged() == [("stefan zweigling", "en", 2), ("stefan zweigling", "ro", 1)]
    assert FailedSearch.objects.get(language="en").day == date.today()


def test_each_day_has_its_own_count(db):
    FailedSearch.objects.create(query="dune", language="en", day=date(2026, 1, 1), count=5)

    log_failed_search("Dune", "en")

    assert sorted(FailedSearch.objects.values_list("day", "count")) == [
        (date(2026, 1, 1), 5),
        (date.today(), 1),
    ]


def test_a_search_that_finds_something_is_not_logged_and_costs_no_query_more(client, catalogue):
    client.get("/en/catalogue/", {"q": "kobzar"})  # warm the caches
    with CaptureQueriesContext(connection) as found:
        client.get("/en/catalogue/", {"q": "kobzar"})

    assert not FailedSearch.objects.exists()
    assert not any("opac_failedsearch" in q["sql"] for q in found.captured_queries)


def test_counting_a_search_that_found_nothing_is_one_statement(db):
    log_failed_search("dune", "en")
    with CaptureQueriesContext(connection) as counted:
        log_failed_search("dune", "en")

    assert len(counted) == 1
    assert logged() == [("dune", "en", 2)]


def test_browsing_without_words_is_not_a_failed_search(client, catalogue):
    client.get("/en/catalogue/", {"language": "zzz"})

    assert not FailedSearch.objects.exists()


@pytest.mark.parametrize("text", ["x" * 201, "!!! ???", "   "])
def test_odd_input_is_not_logged(db, text):
    log_failed_search(text, "en")

    assert folded_query(text) == ""
    assert not FailedSearch.objects.exists()


def test_no_reader_is_recorded_with_a_failed_search():
    names = {field.name for field in FailedSearch._meta.get_fields()}

    assert names == {"id", "query", "language", "day", "count"}
