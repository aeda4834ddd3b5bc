"""What readers send is cleaned once, for the catalogue and the site's search alike."""

from django.http import QueryDict

from library_site.search.query import clean_query
from plugins.opac.reader_input import clean_text, clean_value
from plugins.opac.search_params import query_from


def test_typed_words_lose_control_characters_double_quotes_and_extra_spaces():
    assert clean_text('  "ramp"\x00\tlift \n"', 200) == "ramp lift"


def test_typed_words_are_cut_at_the_limit():
    assert clean_text("a" * 1000, 7) == "a" * 7


def test_a_chosen_value_keeps_its_double_quotes():
    assert clean_value('Издательство\x00 "Наука"', 300) == 'Издательство "Наука"'


def test_the_catalogue_and_the_site_search_clean_words_alike():
    raw = 'Ko\x1fb "zar"  ' + "x" * 500
    params = QueryDict(mutable=True)
    params["q"] = raw

    assert query_from(params).text == clean_query(raw) == "Ko b zar " + "x" * 191
