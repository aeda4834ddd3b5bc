"""ISBD punctuation and coded values, as the normalisers clean them."""

from koha_bridge.marc.text import (
    clean,
    first_year,
    language_codes,
    publisher_name,
    strip_isbd,
    title_with_parts,
    year_from_digits,
)


def test_trailing_isbd_separators_are_stripped():
    assert strip_isbd("Great expectations /") == "Great expectations"
    assert strip_isbd("Война и мир :") == "Война и мир"
    assert strip_isbd("Penguin classics ;") == "Penguin classics"
    assert strip_isbd("Hamlet =") == "Hamlet"
    assert strip_isbd("Dickens, Charles,") == "Dickens, Charles"


def test_leading_isbd_separators_are_stripped():
    assert strip_isbd(", Isaac") == "Isaac"
    assert strip_isbd(" : a novel") == "a novel"
    assert strip_isbd("= Hamlet") == "Hamlet"
    assert strip_isbd("/ edited by Charlotte Mitchell.") == "edited by Charlotte Mitchell"


def test_control_characters_never_reach_a_value():
    # A broken MARC-8 escape leaves ESC in the text, as in pymarc's test/bad_marc8_escape.dat.
    assert clean("La Soci\xe9t\x1b") == "La Soci\xe9t"
    assert clean("Proc\x1bs-verbaux\x00\x7f") == "Procs-verbaux"
    assert clean("Soci\x9bt\u00e9") == "Socit\u00e9"  # a C1 control, CSI


def test_white_space_runs_collapse_to_one_space():
    assert clean("Bordeaux.  Proc\u00e8s-verbaux") == "Bordeaux. Proc\u00e8s-verbaux"
    assert clean("line one\r\nline\ttwo") == "line one line two"


def test_the_closing_period_of_an_element_is_stripped():
    assert strip_isbd("1812-1870.") == "1812-1870"
    assert strip_isbd("London (England).") == "London (England)"


def test_a_period_after_an_initial_stays_with_the_name():
    assert strip_isbd("Шевченко, Т. Г.") == "Шевченко, Т. Г."
    assert strip_isbd("Smith, J.") == "Smith, J."


def test_a_period_ending_an_abbreviation_stays():
    assert strip_isbd("King, Martin Luther, Jr.") == "King, Martin Luther, Jr."
    assert strip_isbd("Little, Brown and Co.") == "Little, Brown and Co."


def test_a_period_after_a_short_abbreviation_stays():
    assert strip_isbd("Отечественная война 1812 г.") == "Отечественная война 1812 г."
    assert strip_isbd("Українська поезія 19 ст.") == "Українська поезія 19 ст."


def test_a_period_after_a_number_is_stripped_however_short():
    assert strip_isbd("45.") == "45"


def test_an_ellipsis_and_short_values_keep_their_periods():
    assert strip_isbd("And then...") == "And then..."
    assert strip_isbd("v.") == "v."


def test_brackets_supplied_by_the_cataloguer_stay():
    assert strip_isbd("[Great expectations] /") == "[Great expectations]"


def test_non_sorting_marks_are_removed_and_text_is_composed():
    assert clean("\x98Les \x9cmisérables") == "Les misérables"
    assert clean("Garci\u0301a Ma\u0301rquez") == "García Márquez"


def test_title_parts_follow_isbd_order_and_punctuation():
    parts = [("number", "Part 3,"), ("name", "Macropaedia :")]
    assert title_with_parts("The new Encyclopaedia Britannica.", parts) == (
        "The new Encyclopaedia Britannica. Part 3, Macropaedia"
    )


def test_title_parts_catalogued_without_punctuation_get_it():
    assert title_with_parts("Війна і мир", [("number", "Т. 1"), ("name", "Війна")]) == (
        "Війна і мир. Т. 1, Війна"
    )


def test_parts_without_a_title_proper_make_no_title():
    assert title_with_parts("", [("number", "Part 1")]) == ""


def test_first_year_skips_copyright_signs_and_brackets():
    assert first_year(["c1999."]) == 1999
    assert first_year(["[1985?]"]) == 1985
    assert first_year(["©2015"]) == 2015
    assert first_year(["n.d.", "1860-1861"]) == 1860
    assert first_year(["199-?"]) is None


def test_year_from_fixed_positions_needs_four_digits():
    assert year_from_digits("1996") == 1996
    assert year_from_digits("19uu") is None
    assert year_from_digits("    ") is None
    assert year_from_digits("0000") is None


def test_language_codes_run_together_are_split_in_threes():
    assert language_codes(["engrus"]) == ["eng", "rus"]


def test_blank_fill_and_undetermined_language_codes_are_left_out():
    assert language_codes(["   ", "|||", "und", "zxx", "UKR "]) == ["ukr"]


def test_unknown_publisher_placeholders_mean_no_publisher():
    assert publisher_name("[s.n.],") == ""
    assert publisher_name("[publisher not identified],") == ""
    assert publisher_name("[б. и.]") == ""
    assert publisher_name("Penguin Books,") == "Penguin Books"
