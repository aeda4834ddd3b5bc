"""UNIMARC normalised: Шевченко in Ukrainian, Eminescu in Romanian, Shakespeare translated."""

from koha_bridge.marc.record import Author, Flavour, Link
from koha_bridge.marc.unimarc import normalise_unimarc
from tests.koha_bridge.marc.records import UNIMARC_LEADER, field, record, unimarc_100a
from tests.koha_bridge.marc.samples import eminescu_poezii, hamlet_in_ukrainian, kobzar


def unimarc(*fields):
    return record(*fields, leader=UNIMARC_LEADER)


def test_unimarc_title_comes_from_200_a():
    normalised = normalise_unimarc(kobzar(), 303)
    assert normalised.title == "Кобзар"
    assert normalised.flavour is Flavour.UNIMARC
    assert normalised.biblio_id == 303


def test_unimarc_subtitle_comes_from_200_e():
    assert normalise_unimarc(hamlet_in_ukrainian(), 505).subtitle == "трагедія"


def test_unimarc_only_the_first_200_a_is_the_title():
    book = unimarc(field("200", "1 ", "a", "Кобзар", "a", "Гайдамаки"))
    assert normalise_unimarc(book, 1).title == "Кобзар"


def test_unimarc_title_parts_come_from_200_h_and_i():
    book = unimarc(field("200", "1 ", "a", "Твори", "e", "у 12 томах", "h", "Т. 1", "i", "Поезія"))
    normalised = normalise_unimarc(book, 1)
    assert normalised.title == "Твори. Т. 1, Поезія"
    assert normalised.subtitle == "у 12 томах"


def test_unimarc_author_joins_entry_element_and_rest_of_name_keeping_initials():
    assert normalise_unimarc(kobzar(), 303).authors == (
        Author("Шевченко, Т. Г.", "author", "1814-1861"),
    )


def test_unimarc_translator_comes_from_relator_code_730():
    translator = normalise_unimarc(hamlet_in_ukrainian(), 505).authors[1]
    assert translator == Author("Андрухович, Юрій", "translator", "1960-")


def test_unimarc_editor_comes_from_relator_code_340_and_diacritics_survive():
    assert normalise_unimarc(eminescu_poezii(), 404).authors == (
        Author("Eminescu, Mihai", "author", "1850-1889"),
        Author("Perpessicius", "editor", "1891-1971"),
    )


def test_unimarc_default_roles_are_author_for_700_and_701_and_contributor_for_702():
    book = unimarc(
        field("200", "1 ", "a", "Збірник"),
        field("702", " 1", "a", "Франко", "b", "Іван"),
        field("701", " 1", "a", "Українка", "b", "Леся"),
        field("700", " 1", "a", "Шевченко", "b", "Тарас"),
    )
    assert normalise_unimarc(book, 1).authors == (
        Author("Шевченко, Тарас", "author"),
        Author("Українка, Леся", "author"),
        Author("Франко, Іван", "contributor"),
    )


def test_unimarc_unknown_relator_code_makes_a_contributor():
    book = unimarc(
        field("200", "1 ", "a", "Кобзар"),
        field("701", " 1", "a", "Гончар", "b", "Олесь", "4", "651"),
    )
    assert normalise_unimarc(book, 1).authors[0].role == "contributor"


def test_unimarc_roman_numerals_follow_the_entry_element():
    book = unimarc(
        field("200", "1 ", "a", "Mémoires"), field("700", " 0", "a", "Louis", "d", "XIV")
    )
    assert normalise_unimarc(book, 1).authors[0].name == "Louis XIV"


def test_unimarc_corporate_body_joins_a_and_b():
    book = unimarc(
        field("200", "1 ", "a", "Шевченківська енциклопедія"),
        field(
            "710",
            "02",
            "a",
            "Національна академія наук України",
            "b",
            "Інститут літератури ім. Т. Г. Шевченка",
        ),
    )
    assert normalise_unimarc(book, 1).authors == (
        Author(
            "Національна академія наук України. Інститут літератури ім. Т. Г. Шевченка", "author"
        ),
    )


def test_unimarc_isbn_from_010_and_issn_from_011():
    book = unimarc(
        field("010", "  ", "a", "978-0-14-044793-4", "b", "paperback"),
        field("011", "  ", "a", "0028-0836"),
        field("200", "1 ", "a", "War and peace"),
    )
    normalised = normalise_unimarc(book, 1)
    assert normalised.isbns == ("9780140447934",)
    assert normalised.cover_isbn == "9780140447934"
    assert normalised.issns == ("0028-0836",)


def test_unimarc_soviet_book_has_no_isbn_and_no_cover():
    normalised = normalise_unimarc(kobzar(), 303)
    assert normalised.isbns == ()
    assert normalised.cover_isbn == ""


def test_unimarc_publisher_and_year_come_from_210():
    normalised = normalise_unimarc(kobzar(), 303)
    assert normalised.publisher == "Дніпро"
    assert normalised.year == 1985


def test_unimarc_place_of_publication_comes_from_210_a():
    assert normalise_unimarc(kobzar(), 303).place == "Київ"


def test_unimarc_unknown_place_means_no_place():
    book = unimarc(field("200", "1 ", "a", "Пісні"), field("210", "  ", "a", "[Б. м.]"))
    assert normalise_unimarc(book, 1).place == ""


def test_unimarc_romanian_publisher_keeps_comma_below_letters():
    normalised = normalise_unimarc(eminescu_poezii(), 404)
    assert normalised.publisher == "Editura Minerva"
    assert normalised.series == ("Biblioteca pentru to\u021bi",)
    assert normalised.notes == ("Edi\u021bie îngrijită, note \u0219i variante de Perpessicius",)


def test_unimarc_publisher_from_214_publication_when_there_is_no_210():
    book = unimarc(
        field("200", "1 ", "a", "Гамлет"),
        field("214", " 0", "c", "Друкарня"),
        field("214", " 1", "a", "Львів", "c", "Класика", "d", "2008"),
    )
    normalised = normalise_unimarc(book, 1)
    assert normalised.publisher == "Класика"
    assert normalised.year == 2008


def test_unimarc_year_falls_back_to_100_a_positions_9_to_12():
    book = unimarc(field("100", "  ", "a", unimarc_100a("1985")), field("200", "1 ", "a", "Кобзар"))
    assert normalise_unimarc(book, 1).year == 1985


def test_unimarc_year_is_none_when_100_a_has_no_date():
    book = unimarc(field("100", "  ", "a", unimarc_100a("    ")), field("200", "1 ", "a", "Кобзар"))
    assert normalise_unimarc(book, 1).year is None


def test_unimarc_languages_come_from_each_101_a_and_not_the_original_language():
    assert normalise_unimarc(hamlet_in_ukrainian(), 505).languages == ("ukr",)
    book = unimarc(field("101", "0 ", "a", "ukr", "a", "rus"), field("200", "1 ", "a", "Словник"))
    assert normalise_unimarc(book, 1).languages == ("ukr", "rus")


def test_unimarc_subjects_join_subdivisions_in_catalogue_order():
    assert normalise_unimarc(kobzar(), 303).subjects == (
        "Шевченко, Тарас Григорович, 1814-1861",
        "Українська поезія -- Тематика -- Україна -- 19 ст.",
    )


def test_unimarc_form_subdivision_j_and_romanian_subject():
    assert normalise_unimarc(eminescu_poezii(), 404).subjects == (
        "Poezie românească -- Secolul 19",
    )
    book = unimarc(
        field("200", "1 ", "a", "Кобзар"),
        field("606", "  ", "a", "Українська поезія", "j", "Антології"),
    )
    assert normalise_unimarc(book, 1).subjects == ("Українська поезія -- Антології",)


def test_unimarc_each_uncontrolled_610_term_is_a_subject():
    book = unimarc(
        field("200", "1 ", "a", "Кобзар"), field("610", "0 ", "a", "поезія", "a", "кріпацтво")
    )
    assert normalise_unimarc(book, 1).subjects == ("поезія", "кріпацтво")


def test_unimarc_series_from_225_with_volume_and_new_410_series():
    book = unimarc(
        field("200", "1 ", "a", "Кобзар"),
        field("225", "2 ", "a", "Шкільна бібліотека", "v", "12"),
        field("410", " 0", "t", "Шкільна бібліотека", "v", "12"),
        field("410", " 0", "t", "Бібліотека української літератури"),
    )
    assert normalise_unimarc(book, 1).series == (
        "Шкільна бібліотека ; 12",
        "Бібліотека української літератури",
    )


def test_unimarc_physical_description_gets_isbd_punctuation():
    assert normalise_unimarc(kobzar(), 303).physical_description == "639 с. : іл. ; 21 см"


def test_unimarc_physical_description_catalogued_with_punctuation_is_not_doubled():
    book = unimarc(
        field("200", "1 ", "a", "Кобзар"),
        field("215", "  ", "a", "639 с. :", "c", "іл. ;", "d", "21 см +", "e", "1 CD"),
    )
    assert normalise_unimarc(book, 1).physical_description == "639 с. : іл. ; 21 см + 1 CD"


def test_unimarc_edition_summary_and_notes():
    book = unimarc(
        field("200", "1 ", "a", "Кобзар"),
        field("205", "  ", "a", "Вид. 2-ге, доп."),
        field("330", "  ", "a", "Перше видання."),
        field("330", "  ", "a", "Друге видання."),
    )
    normalised = normalise_unimarc(book, 1)
    assert normalised.edition == "Вид. 2-ге, доп."
    assert normalised.summary == "Перше видання.\n\nДруге видання."
    assert normalise_unimarc(kobzar(), 303).notes == ("Поезії 1837-1861 рр.",)


def test_unimarc_links_take_their_note_from_z_then_2():
    book = unimarc(
        field("200", "1 ", "a", "Кобзар"),
        field("856", "4 ", "u", "https://example.org/a", "z", "Повний текст"),
        field("856", "4 ", "u", "https://example.org/b", "2", "Обкладинка"),
    )
    assert normalise_unimarc(book, 1).links == (
        Link("https://example.org/a", "Повний текст"),
        Link("https://example.org/b", "Обкладинка"),
    )


def test_unimarc_cover_is_the_link_named_a_cover():
    book = unimarc(
        field("200", "1 ", "a", "Кобзар"),
        field("856", "4 ", "u", "https://example.org/a", "z", "Повний текст"),
        field("856", "4 ", "u", "https://example.org/b.jpg", "2", "Обкладинка"),
    )
    assert normalise_unimarc(book, 1).cover_url == "https://example.org/b.jpg"


def test_unimarc_non_sorting_marks_around_an_article_are_dropped():
    book = unimarc(
        field("200", "1 ", "a", "\x98Les \x9cmisérables"),
        field("700", " 1", "a", "Hugo", "b", "Victor", "f", "1802-1885"),
    )
    normalised = normalise_unimarc(book, 1)
    assert normalised.title == "Les misérables"
    assert normalised.authors == (Author("Hugo, Victor", "author", "1802-1885"),)


def test_unimarc_rest_of_name_with_its_own_leading_comma_is_joined_once():
    # As in pymarc's test/testunimarc.dat (an ICCU record): 700 $aAsimov$b, Isaac.
    book = unimarc(
        field("200", "1 ", "a", "L'altra faccia della spirale"),
        field("700", " 1", "a", "Asimov", "b", ", Isaac", "4", "070"),
        field("702", " 1", "a", "Scaglia", "b", ", Cesare"),
    )
    assert [author.name for author in normalise_unimarc(book, 1).authors] == [
        "Asimov, Isaac",
        "Scaglia, Cesare",
    ]
