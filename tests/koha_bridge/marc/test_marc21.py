"""MARC21 records normalised: what the site shows of Dickens, Tolstoy and their editors."""

from koha_bridge.marc.marc21 import normalise_marc21
from koha_bridge.marc.record import Author, Flavour, Link
from tests.koha_bridge.marc.records import control, field, record
from tests.koha_bridge.marc.samples import (
    great_expectations,
    great_expectations_in_russian,
    great_expectations_norton,
    marc21_008,
    war_and_peace,
)


def test_marc21_title_loses_the_isbd_slash_before_the_statement_of_responsibility():
    normalised = normalise_marc21(great_expectations(), 101)
    assert normalised.title == "Great expectations"
    assert normalised.subtitle == ""
    assert normalised.biblio_id == 101
    assert normalised.flavour is Flavour.MARC21


def test_marc21_subtitle_comes_from_245_b():
    normalised = normalise_marc21(great_expectations_norton(), 102)
    assert normalised.title == "Great expectations"
    assert normalised.subtitle == "an authoritative text, backgrounds, contexts, criticism"


def test_marc21_title_takes_part_number_and_name_from_245_n_and_p():
    britannica = record(
        field(
            "245",
            "04",
            "a",
            "The new Encyclopaedia Britannica.",
            "n",
            "Part 3,",
            "p",
            "Macropaedia :",
            "b",
            "knowledge in depth.",
        )
    )
    normalised = normalise_marc21(britannica, 1)
    assert normalised.title == "The new Encyclopaedia Britannica. Part 3, Macropaedia"
    assert normalised.subtitle == "knowledge in depth"


def test_marc21_main_entry_author_has_dates_apart_and_role_from_relator_term():
    author = normalise_marc21(great_expectations(), 101).authors[0]
    assert author == Author("Dickens, Charles", "author", "1812-1870")


def test_marc21_added_entries_follow_the_main_entry_with_their_roles():
    authors = normalise_marc21(great_expectations(), 101).authors
    assert authors[1:] == (
        Author("Mitchell, Charlotte", "editor"),
        Author("Trotter, David", "author of introduction"),
    )


def test_marc21_main_entry_without_relator_is_the_author():
    assert normalise_marc21(great_expectations_norton(), 102).authors[0].role == "author"


def test_marc21_added_entry_without_relator_is_a_contributor():
    book = record(field("245", "10", "a", "Poems."), field("700", "1 ", "a", "Frost, Robert,"))
    assert normalise_marc21(book, 1).authors == (Author("Frost, Robert", "contributor"),)


def test_marc21_relator_code_gives_an_english_role_over_a_term_in_another_language():
    translator = normalise_marc21(great_expectations_in_russian(), 203).authors[1]
    assert translator == Author("Лорие, Мария Федоровна", "translator", "1904-1992")


def test_marc21_relator_term_alone_is_lower_cased_without_punctuation():
    book = record(
        field("245", "10", "a", "Poems."),
        field("700", "1 ", "a", "Frost, Robert,", "e", "Illustrator."),
        field("700", "1 ", "a", "Untermeyer, Louis,", "e", "author of introduction, etc."),
    )
    assert [author.role for author in normalise_marc21(book, 1).authors] == [
        "illustrator",
        "author of introduction",
    ]


def test_marc21_relator_code_may_be_an_id_loc_gov_uri():
    book = record(
        field("245", "10", "a", "Poems."),
        field("700", "1 ", "a", "Frost, Robert,", "4", "http://id.loc.gov/vocabulary/relators/nrt"),
    )
    assert normalise_marc21(book, 1).authors[0].role == "narrator"


def test_marc21_unknown_relator_code_makes_a_contributor_even_in_the_main_entry():
    book = record(
        field("100", "1 ", "a", "Frost, Robert,", "4", "xyz"), field("245", "10", "a", "P")
    )
    assert normalise_marc21(book, 1).authors[0].role == "contributor"


def test_marc21_personal_name_keeps_numeration_and_titles():
    book = record(
        field("245", "10", "a", "Letters."),
        field("100", "0 ", "a", "Henry", "b", "VIII,", "c", "King of England,", "d", "1491-1547."),
    )
    assert normalise_marc21(book, 1).authors == (
        Author("Henry VIII, King of England", "author", "1491-1547"),
    )


def test_marc21_corporate_body_joins_its_subordinate_units():
    book = record(
        field("110", "1 ", "a", "United States.", "b", "Congress.", "b", "House."),
        field("245", "10", "a", "Journal of the House of Representatives."),
    )
    assert normalise_marc21(book, 1).authors == (
        Author("United States. Congress. House", "author"),
    )


def test_marc21_meeting_takes_its_role_from_j_because_e_is_a_subordinate_unit():
    book = record(
        field("245", "10", "a", "Official report."),
        field(
            "711",
            "2 ",
            "a",
            "Olympic Games",
            "n",
            "(21st :",
            "d",
            "1976 :",
            "c",
            "Montréal, Québec),",
            "j",
            "host.",
        ),
    )
    assert normalise_marc21(book, 1).authors == (
        Author("Olympic Games (21st : 1976 : Montréal, Québec)", "host"),
    )


def test_marc21_same_author_twice_is_listed_once():
    book = record(
        field("100", "1 ", "a", "Dickens, Charles,", "d", "1812-1870."),
        field("245", "10", "a", "Great expectations."),
        field("700", "1 ", "a", "Dickens, Charles,", "d", "1812-1870,", "e", "author."),
    )
    assert len(normalise_marc21(book, 1).authors) == 1


def test_marc21_isbn_is_cleaned_of_qualifiers_and_gives_the_cover_isbn():
    normalised = normalise_marc21(great_expectations(), 101)
    assert normalised.isbns == ("9780141439563",)
    assert normalised.cover_isbn == "9780141439563"


def test_marc21_cover_isbn_converts_an_isbn_10():
    assert normalise_marc21(great_expectations_norton(), 102).cover_isbn == "9780393960693"


def test_marc21_isbns_keep_catalogue_order_without_duplicates_and_invalid_ones_are_no_cover():
    book = record(
        field("020", "  ", "a", "9780140447935 (v. 1)"),
        field("020", "  ", "a", "0140447938 (pbk.)"),
        field("020", "  ", "a", "0-14-044793-8"),
        field("020", "  ", "z", "9780141439563"),
        field("245", "10", "a", "War and peace."),
    )
    normalised = normalise_marc21(book, 1)
    assert normalised.isbns == ("9780140447935", "0140447938")
    assert normalised.cover_isbn == "9780140447934"


def test_marc21_issn_comes_from_022_a():
    journal = record(field("022", "0 ", "a", "0028-0836"), field("245", "00", "a", "Nature."))
    assert normalise_marc21(journal, 1).issns == ("0028-0836",)


def test_marc21_publisher_and_year_come_from_264_publication_statement():
    normalised = normalise_marc21(great_expectations(), 101)
    assert normalised.publisher == "Penguin Books"
    assert normalised.year == 1996


def test_marc21_publisher_and_year_fall_back_to_260():
    normalised = normalise_marc21(great_expectations_norton(), 102)
    assert normalised.publisher == "W.W. Norton"
    assert normalised.year == 1999


def test_marc21_copyright_264_is_not_the_publisher():
    book = record(
        control("008", marc21_008("2016", "nyu", "eng")),
        field("245", "10", "a", "Book."),
        field("264", " 4", "b", "Not a publisher", "c", "©2015"),
        field("260", "  ", "b", "Vintage Books,"),
    )
    normalised = normalise_marc21(book, 1)
    assert normalised.publisher == "Vintage Books"
    assert normalised.year == 2016


def test_marc21_place_of_publication_comes_with_the_publisher():
    assert normalise_marc21(great_expectations(), 101).place == "London"
    assert normalise_marc21(great_expectations_norton(), 102).place == "New York"


def test_marc21_unknown_place_means_no_place():
    book = record(
        field("245", "10", "a", "Book."), field("260", "  ", "a", "[S.l.] :", "b", "Vintage,")
    )
    assert normalise_marc21(book, 1).place == ""


def test_marc21_year_falls_back_to_008_then_is_none():
    dated = record(control("008", marc21_008("1967", "ag ", "spa")), field("245", "10", "a", "A"))
    undated = record(control("008", marc21_008("19uu", "xx ", "eng")), field("245", "10", "a", "A"))
    assert normalise_marc21(dated, 1).year == 1967
    assert normalise_marc21(undated, 1).year is None


def test_marc21_sine_nomine_means_no_publisher():
    book = record(
        field("245", "10", "a", "Book."), field("260", "  ", "b", "[s.n.],", "c", "1901.")
    )
    assert normalise_marc21(book, 1).publisher == ""


def test_marc21_languages_start_with_008_and_add_041_a():
    assert normalise_marc21(war_and_peace(), 202).languages == ("rus", "fre")


def test_marc21_041_h_original_language_is_not_a_language_of_the_book():
    assert normalise_marc21(great_expectations_in_russian(), 203).languages == ("rus",)


def test_marc21_old_041_codes_run_together_are_split():
    book = record(
        control("008", marc21_008("1980", "xx ", "eng")),
        field("041", "1 ", "a", "engrus"),
        field("245", "10", "a", "Parallel texts."),
    )
    assert normalise_marc21(book, 1).languages == ("eng", "rus")


def test_marc21_undetermined_or_blank_008_language_is_left_out():
    for code in ("und", "   ", "|||"):
        book = record(control("008", marc21_008("1980", "xx ", code)), field("245", "10", "a", "A"))
        assert normalise_marc21(book, 1).languages == ()


def test_marc21_subjects_join_subdivisions_with_double_dashes():
    assert normalise_marc21(great_expectations(), 101).subjects == (
        "Orphans -- England -- Fiction",
        "Young men -- England -- Fiction",
        "Ex-convicts -- Fiction",
        "London (England) -- History -- 19th century -- Fiction",
    )


def test_marc21_personal_name_subject_keeps_titles_and_dates():
    book = record(
        field("245", "10", "a", "Tolstoy."),
        field(
            "600",
            "10",
            "a",
            "Tolstoy, Leo,",
            "c",
            "graf,",
            "d",
            "1828-1910",
            "x",
            "Criticism and interpretation.",
        ),
        field("600", "10", "a", "Tolstoy, Leo,", "c", "graf,", "d", "1828-1910."),
        field("655", " 7", "a", "Biographies.", "2", "lcgft"),
    )
    assert normalise_marc21(book, 1).subjects == (
        "Tolstoy, Leo, graf, 1828-1910 -- Criticism and interpretation",
        "Tolstoy, Leo, graf, 1828-1910",
        "Biographies",
    )


def test_marc21_cyrillic_subject_loses_its_closing_period():
    assert normalise_marc21(war_and_peace(), 202).subjects == (
        "Отечественная война 1812 г. -- Художественная литература",
    )


def test_marc21_series_from_490_is_not_repeated_by_its_830():
    assert normalise_marc21(great_expectations(), 101).series == ("Penguin classics",)


def test_marc21_series_volume_follows_a_semicolon_and_a_new_830_series_is_added():
    book = record(
        field("245", "10", "a", "Anna Karenina."),
        field("490", "1 ", "a", "Penguin classics ;", "v", "45."),
        field("830", " 0", "a", "Oxford world's classics (Oxford University Press)."),
    )
    assert normalise_marc21(book, 1).series == (
        "Penguin classics ; 45",
        "Oxford world's classics (Oxford University Press)",
    )


def test_marc21_edition_summary_physical_description_and_notes():
    book = great_expectations()
    book.add_field(field("250", "  ", "a", "Rev. ed. /"))
    book.add_field(field("520", "  ", "a", "A second summary."))
    normalised = normalise_marc21(book, 101)
    assert normalised.edition == "Rev. ed."
    assert normalised.summary == (
        "Pip, an orphan, is raised by his harsh sister in the marshes.\n\nA second summary."
    )
    assert normalised.physical_description == "xxxvii, 508 p. ; 20 cm."
    assert normalised.notes == ("Originally published in serial form, 1860-1861.",)


def test_marc21_physical_description_keeps_illustration_statement():
    book = record(
        field("245", "10", "a", "Atlas."),
        field("300", "  ", "a", "216 p. :", "b", "col. ill., maps ;", "c", "31 cm +"),
    )
    assert normalise_marc21(book, 1).physical_description == "216 p. : col. ill., maps ; 31 cm +"


def test_marc21_links_take_their_note_from_y_then_z_then_3():
    book = great_expectations()
    book.add_field(field("856", "42", "3", "Table of contents", "u", "http://example.org/toc"))
    book.add_field(field("856", "40", "z", "Free to read", "u", "http://example.org/read"))
    assert normalise_marc21(book, 101).links == (
        Link("https://www.gutenberg.org/ebooks/1400", "Project Gutenberg e-text"),
        Link("http://example.org/toc", "Table of contents"),
        Link("http://example.org/read", "Free to read"),
    )


def test_marc21_cover_is_the_link_named_a_cover_or_serving_an_image():
    named = great_expectations()
    named.add_field(field("856", "42", "3", "Cover image", "u", "https://example.org/c.jpg"))
    typed = great_expectations()
    typed.add_field(field("856", "42", "q", "image/png", "u", "https://example.org/c.png"))
    assert normalise_marc21(named, 101).cover_url == "https://example.org/c.jpg"
    assert normalise_marc21(typed, 101).cover_url == "https://example.org/c.png"
    assert normalise_marc21(great_expectations(), 101).cover_url == ""


def test_marc21_decomposed_unicode_is_composed():
    book = record(
        field("100", "1 ", "a", "Garci\u0301a Ma\u0301rquez, Gabriel,"),
        field("245", "10", "a", "Cien an\u0303os de soledad /"),
    )
    normalised = normalise_marc21(book, 1)
    assert normalised.title == "Cien años de soledad"
    assert normalised.authors[0].name == "García Márquez, Gabriel"


def test_marc21_record_without_optional_fields_has_empty_values():
    normalised = normalise_marc21(record(field("245", "10", "a", "Untitled notes.")), 7)
    assert normalised.title == "Untitled notes"
    assert normalised.authors == ()
    assert normalised.year is None
    assert normalised.cover_isbn == ""
    assert normalised.links == ()


def test_marc21_control_characters_left_by_a_broken_marc8_escape_never_reach_a_field():
    # As in pymarc's test/bad_marc8_escape.dat, decoded: ESC where "é" should have been.
    book = record(
        field("245", "00", "a", "Bulletin de la Soci\x1bt\xe9 linn\x1benne de Bordeaux."),
        field("260", "  ", "a", "Bordeaux :", "b", "La Soci\xe9t\x1b,", "c", "1971-"),
        field("500", "  ", "a", "Continues: Actes.  Proc\x1bs-verbaux."),
    )
    normalised = normalise_marc21(book, 1)
    assert normalised.title == "Bulletin de la Socit\xe9 linnenne de Bordeaux"
    assert normalised.publisher == "La Soci\xe9t"
    assert normalised.notes == ("Continues: Actes. Procs-verbaux.",)
