"""The catalogue page's address: any query string is a valid search; links keep the rest of it."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from plugins.opac.search import CatalogueQuery, Facet, Sort
from plugins.opac.search_params import (
    MAX_TEXT,
    MAX_VALUES,
    on_page,
    query_from,
    query_string,
    sorted_by,
    toggled,
)


def parsed(raw: str) -> CatalogueQuery:
    return query_from(QueryDict(raw))


def test_a_full_search_is_read_from_the_query_string():
    query = parsed(
        "q=kobzar&language=ukr&language=rus&subject=Poetry&author=Шевченко, Тарас&format=book"
        "&year_from=1830&year_to=1850&sort=title&page=2"
    )

    assert query == CatalogueQuery(
        text="kobzar",
        languages=("ukr", "rus"),
        subjects=("Poetry",),
        authors=("Шевченко, Тарас",),
        formats=("book",),
        year_from=1830,
        year_to=1850,
        sort=Sort.TITLE,
        page=2,
        per_page=20,
    )


@pytest.mark.parametrize("page", ["abc", "0", "-3", "1.5", "", "99999999999999999999"])
def test_a_bad_page_number_is_the_first_page(page):
    assert parsed(f"page={page}").page == 1


@pytest.mark.parametrize("sort", ["", "price", "NEWEST", "<script>"])
def test_an_unknown_sort_is_relevance(sort):
    assert parsed(f"sort={sort}").sort is Sort.RELEVANCE


def test_years_out_of_range_or_not_numbers_are_dropped():
    query = parsed("year_from=abc&year_to=100000")
    assert (query.year_from, query.year_to) == (None, None)


def test_years_given_the_wrong_way_round_are_swapped():
    query = parsed("year_from=1990&year_to=1980")
    assert (query.year_from, query.year_to) == (1980, 1990)


def test_unknown_languages_and_formats_are_dropped():
    query = parsed("language=uk&language=<b>&language=ukr&format=spaceship&format=map")
    assert (query.languages, query.formats) == (("ukr",), ("map",))


def test_words_lose_control_characters_and_extra_spaces_and_are_cut():
    assert parsed("q=%00Ko%0Ab%1Fzar%20%20%20x").text == "Ko b zar x"
    assert len(parsed("q=" + "a" * 5000).text) == MAX_TEXT


def test_repeated_and_surplus_facet_values_are_dropped():
    many = "&".join(f"subject=s{n}" for n in range(100))
    assert parsed("subject=a&subject=a").subjects == ("a",)
    assert len(parsed(many).subjects) == MAX_VALUES


def test_the_query_string_asks_for_the_same_search():
    query = parsed("q=Ştefan&language=rum&author=Petrescu, Camil&year_from=1930&sort=newest&page=3")
    assert query_from(QueryDict(query_string(query).lstrip("?"))) == query


def test_the_whole_catalogue_has_no_query_string():
    assert query_string(parsed("")) == ""


def test_choosing_a_value_adds_it_and_choosing_it_again_removes_it_from_the_first_page():
    query = parsed("q=poetry&language=ukr&page=4")

    chosen = toggled(query, Facet.LANGUAGE, "rus")
    assert (chosen.languages, chosen.page, chosen.text) == (("ukr", "rus"), 1, "poetry")
    assert toggled(chosen, Facet.LANGUAGE, "rus").languages == ("ukr",)


def test_choosing_a_decade_sets_the_year_range_and_choosing_it_again_clears_it():
    decade = toggled(parsed("q=x"), Facet.YEAR, "1930-1939")
    assert (decade.year_from, decade.year_to) == (1930, 1939)
    cleared = toggled(decade, Facet.YEAR, "1930-1939")
    assert (cleared.year_from, cleared.year_to) == (None, None)


def test_sorting_and_paging_keep_the_filters():
    query = parsed("q=x&format=book&page=2")
    assert sorted_by(query, Sort.AUTHOR) == CatalogueQuery(
        text="x", formats=("book",), sort=Sort.AUTHOR, page=1, per_page=20
    )
    assert on_page(query, 5).formats == ("book",)
