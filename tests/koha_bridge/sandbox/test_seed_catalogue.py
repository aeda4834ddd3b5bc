"""The sandbox's demo catalogue: real books in four languages, and the MARC records made of them."""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter, defaultdict

import pymarc
import pytest

from koha_bridge.marc import Author, Flavour, normalise
from koha_bridge.marc.isbn import is_valid_isbn
from koha_bridge.sandbox.clock import to_api_datetime
from koha_bridge.sandbox.seed.books import BOOKS, SeedBook
from koha_bridge.sandbox.seed.marc import to_marc, to_marc21, to_unimarc

LANGUAGES = ("eng", "rus", "ukr", "rum")
KEY_SUFFIX = {"eng": "en", "rus": "ru", "ukr": "uk", "rum": "ro"}
ROLES = {"author", "editor", "translator", "illustrator", "compiler"}

# Biblionumbers as the sandbox would give them: in catalogue order, from 1.
NUMBERED = [(number, book) for number, book in enumerate(BOOKS, start=1)]
BY_KEY = {book.key: (number, book) for number, book in NUMBERED}


def numbered(*, flavour: Flavour | None = None, translated: bool = False):
    """(biblionumber, book) pairs as pytest parameters, each named by the book's key."""
    return [
        pytest.param(number, book, id=book.key)
        for number, book in NUMBERED
        if (flavour is None or book.flavour is flavour)
        and (not translated or book.original_language)
    ]


def record_of(key: str) -> pymarc.Record:
    number, book = BY_KEY[key]
    return to_marc(book, number)


def values(record: pymarc.Record, tag: str, code: str) -> list[str]:
    return [value for field in record.get_fields(tag) for value in field.get_subfields(code)]


def title_of(record: pymarc.Record) -> str:
    """The title proper: MARC21 245 $a without the ISBD mark that closes it, or UNIMARC 200 $a."""
    if record.get("245") is not None:
        return re.sub(r"( [:/]|\.)$", "", record["245"]["a"])
    return record["200"]["a"]


def texts(book: SeedBook) -> list[str]:
    """The words of the book a reader sees in its own language."""
    return [book.title, book.subtitle, book.summary, *book.subjects]


# --- The catalogue -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_at_least_sixteen_books(language):
    assert sum(book.language == language for book in BOOKS) >= 16


def test_the_catalogue_holds_at_least_64_books_and_20_unimarc_records():
    assert len(BOOKS) >= 64
    assert sum(book.flavour is Flavour.UNIMARC for book in BOOKS) >= 20


def test_english_books_are_marc21_and_every_other_language_has_both_flavours():
    assert {book.flavour for book in BOOKS if book.language == "eng"} == {Flavour.MARC21}
    for language in ("rus", "ukr", "rum"):
        assert {book.flavour for book in BOOKS if book.language == language} == set(Flavour)


def test_keys_are_unique_slugs_ending_with_the_language():
    assert len({book.key for book in BOOKS}) == len(BOOKS)
    for book in BOOKS:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", book.key), book.key
        assert book.key.endswith("-" + KEY_SUFFIX[book.language]), book.key


def test_isbns_are_digits_unique_and_pass_their_checksum():
    isbns = [book.isbn for book in BOOKS if book.isbn]
    assert isbns, "some editions carry their real ISBN"
    assert len(set(isbns)) == len(isbns)
    for isbn in isbns:
        assert isbn.isdigit() and len(isbn) in (10, 13), isbn
        assert is_valid_isbn(isbn), isbn


def test_every_book_is_fully_described():
    for book in BOOKS:
        assert book.language in LANGUAGES, book.key
        assert book.title and book.publisher and book.place and book.summary, book.key
        assert book.subjects and all(book.subjects), book.key
        assert 1450 <= book.year <= 2025, book.key
        assert 1 <= book.copies <= 3, book.key
        assert book.pages is None or book.pages > 0, book.key
        assert book.authors and {person.role for person in book.authors} <= ROLES, book.key
        assert any(person.role == "author" for person in book.authors), book.key
        for person in book.authors:
            assert re.fullmatch(r"\S[^,]*, \S.*", person.name), person.name
            assert re.fullmatch(r"(\d{4}-(\d{4})?)?", person.dates), person.dates


def test_at_least_six_translations_name_their_translator_and_original_language():
    translations = [book for book in BOOKS if book.original_language]
    assert len(translations) >= 6
    assert {book.language for book in translations} == set(LANGUAGES)
    for book in BOOKS:
        has_translator = any(person.role == "translator" for person in book.authors)
        assert has_translator == bool(book.original_language), book.key
        if book.original_language:
            assert book.original_language in LANGUAGES, book.key
            assert book.original_language != book.language, book.key


def test_a_person_is_spelled_one_way_with_one_set_of_dates():
    dates_by_name: dict[str, set[str]] = defaultdict(set)
    for book in BOOKS:
        for person in book.authors:
            dates_by_name[person.name].add(person.dates)
    assert all(len(dates) == 1 for dates in dates_by_name.values()), {
        name: dates for name, dates in dates_by_name.items() if len(dates) > 1
    }

    def loose(name: str) -> str:  # what a misspelling of the same name would still share
        letters = unicodedata.normalize("NFKD", name.casefold())
        return "".join(char for char in letters if char.isalnum())

    spellings: dict[str, set[str]] = defaultdict(set)
    for name in dates_by_name:
        spellings[loose(name)].add(name)
    assert all(len(names) == 1 for names in spellings.values()), [
        names for names in spellings.values() if len(names) > 1
    ]


def test_several_authors_have_more_than_one_book():
    books_by_author = Counter(
        person.name for book in BOOKS for person in book.authors if person.role == "author"
    )
    assert sum(count >= 2 for count in books_by_author.values()) >= 8


def test_books_share_subjects_for_readers_who_liked_this():
    subjects = Counter(subject for book in BOOKS for subject in book.subjects)
    for language in LANGUAGES:
        shared = {
            subject
            for book in BOOKS
            if book.language == language
            for subject in book.subjects
            if subjects[subject] >= 2
        }
        assert len(shared) >= 3, language


def test_no_word_mixes_latin_and_cyrillic_letters():
    def scripts(word: str) -> set[str]:
        return {unicodedata.name(char).split()[0] for char in word if char.isalpha()}

    for book in BOOKS:
        words = " ".join([*texts(book), book.publisher, book.place, book.series])
        words += " " + " ".join(person.name for person in book.authors)
        for word in re.findall(r"\w+", words):
            assert not {"LATIN", "CYRILLIC"} <= scripts(word), (book.key, word)


def test_romanian_is_written_with_comma_below_not_cedilla():
    romanian = [book for book in BOOKS if book.language == "rum"]
    text = " ".join(part for book in romanian for part in [*texts(book), book.publisher])
    assert not set(text) & set("şţŞŢ")
    assert set(text) >= set("ăâîșț")


def test_ukrainian_and_russian_each_keep_their_own_letters():
    for book in BOOKS:
        text = " ".join(texts(book))
        if book.language == "ukr":
            assert not set(text) & set("ыэъёЫЭЪЁ"), book.key
            assert "'" not in text, book.key  # the Ukrainian apostrophe is ’
        if book.language == "rus":
            assert not set(text) & set("іїєґІЇЄҐ"), book.key
    ukrainian = " ".join(" ".join(texts(book)) for book in BOOKS if book.language == "ukr")
    assert set(ukrainian) >= set("іїєґ’")


# --- MARC records --------------------------------------------------------------------------------


@pytest.mark.parametrize(("number", "book"), numbered())
def test_record_round_trips_through_iso_2709(number, book):
    record = to_marc(book, number)
    data = record.as_marc()
    read = next(iter(pymarc.MARCReader(io.BytesIO(data), to_unicode=True, force_utf8=True)))
    assert read.leader[9] == "a"  # UTF-8
    assert title_of(read) == book.title
    assert [str(field) for field in read.fields] == [str(field) for field in record.fields]


@pytest.mark.parametrize(("number", "book"), numbered())
def test_record_round_trips_through_marcxml(number, book):
    record = to_marc(book, number)
    xml = pymarc.record_to_xml(record, namespace=True)
    (read,) = pymarc.parse_xml_to_array(io.BytesIO(xml))
    assert title_of(read) == book.title
    assert [str(field) for field in read.fields] == [str(field) for field in record.fields]


def test_the_whole_catalogue_reads_back_from_one_iso_2709_file():
    data = b"".join(to_marc(book, number).as_marc() for number, book in NUMBERED)
    read = list(pymarc.MARCReader(io.BytesIO(data), to_unicode=True, force_utf8=True))
    assert [title_of(record) for record in read] == [book.title for book in BOOKS]
    assert [record["001"].data for record in read] == [str(number) for number, _ in NUMBERED]


def test_titles_keep_cyrillic_and_romanian_letters_through_both_serialisations():
    for key, title in [
        ("shevchenko-kobzar-uk", "Кобзарь"),
        ("rowling-filosofskyi-kamin-uk", "Гаррі Поттер і філософський камінь"),
        ("pushkin-evgenii-onegin-ru", "Евгений Онегин"),
        ("rebreanu-padurea-spanzuratilor-ro", "Pădurea spânzuraților"),
        ("petrescu-ultima-noapte-ro", "Ultima noapte de dragoste, întâia noapte de război"),
    ]:
        record = record_of(key)
        iso = next(iter(pymarc.MARCReader(io.BytesIO(record.as_marc()), force_utf8=True)))
        (xml,) = pymarc.parse_xml_to_array(io.BytesIO(pymarc.record_to_xml(record)))
        assert title_of(iso) == title_of(xml) == title


@pytest.mark.parametrize(("number", "book"), numbered(flavour=Flavour.MARC21))
def test_marc21_record_has_title_fixed_data_and_koha_biblionumber(number, book):
    record = to_marc21(book, number)
    assert str(record.leader)[5:10] == "nam a"
    assert record["001"].data == str(number)
    fixed = record["008"].data
    assert len(fixed) == 40
    assert fixed[7:11] == f"{book.year:04d}" and fixed[35:38] == book.language
    assert record["245"]["a"].startswith(book.title)
    assert record["245"].indicator1 == "1"  # traced: there is a 100 main entry
    assert record["264"].indicator2 == "1"
    assert values(record, "999", "c") == values(record, "999", "d") == [str(number)]
    assert values(record, "041", "a") == [book.language]


@pytest.mark.parametrize(("number", "book"), numbered(flavour=Flavour.UNIMARC))
def test_unimarc_record_has_title_processing_data_and_koha_biblionumber(number, book):
    record = to_unimarc(book, number)
    assert str(record.leader)[5:9] == "nam0"
    assert str(record.leader)[20:24] == "450 "
    assert record["001"].data == str(number)
    assert record["200"]["a"] == book.title and record["200"].indicator1 == "1"
    processing = record["100"]["a"]
    assert len(processing) == 36
    assert processing[8:13] == f"d{book.year:04d}"
    assert processing[22:25] == book.language
    assert processing[26:30] == "50  "  # character set: ISO 10646 (Unicode)
    assert values(record, "090", "a") == [str(number)]
    assert values(record, "101", "a") == [book.language]


def test_marc21_title_carries_isbd_punctuation_and_skips_leading_articles():
    carol = record_of("dickens-christmas-carol-en")["245"]
    assert carol.indicators == pymarc.Indicators("1", "2")
    assert carol.subfields == [
        pymarc.Subfield("a", "A Christmas carol :"),
        pymarc.Subfield("b", "in prose, being a ghost story of Christmas /"),
        pymarc.Subfield("c", "by Charles Dickens ; illustrated by John Leech."),
    ]
    assert record_of("tolkien-hobbit-en")["245"].indicator2 == "4"
    assert record_of("orwell-animal-farm-en")["245"].indicator2 == "0"
    assert record_of("akhmatova-rekviem-ru")["245"].subfields == [
        pymarc.Subfield("a", "Реквием /"),
        pymarc.Subfield("c", "Анна Ахматова."),
    ]
    published = record_of("dickens-great-expectations-en")["264"]
    assert [sub.value for sub in published.subfields] == ["London :", "Chapman and Hall,", "1861."]


def test_unimarc_title_splits_responsibility_into_first_and_subsequent_statements():
    title = record_of("stus-palimpsesty-uk")["200"]
    assert [(sub.code, sub.value) for sub in title.subfields] == [
        ("a", "Палімпсести"),
        ("f", "Василь Стус"),
        ("g", "упоряд. Надія Світлична"),
    ]
    potter = record_of("rowling-filosofskii-kamen-ru")["200"]
    assert potter.get_subfields("g") == ["пер. с англ. Игорь Оранский"]


def test_names_are_inverted_with_dates_and_roles():
    assert record_of("dickens-christmas-carol-en")["100"].subfields == [
        pymarc.Subfield("a", "Dickens, Charles,"),
        pymarc.Subfield("d", "1812-1870,"),
        pymarc.Subfield("e", "author."),
    ]
    eminescu = record_of("eminescu-poesii-ro")
    assert [(sub.code, sub.value) for sub in eminescu["700"].subfields] == [
        ("a", "Eminescu"),
        ("b", "Mihai"),
        ("f", "1850-1889"),
        ("4", "070"),
    ]
    assert eminescu["702"].get_subfields("a", "4") == ["Maiorescu", "340"]
    assert record_of("zhadan-internat-uk")["700"].get_subfields("b") == ["Сергій Вікторович"]


def test_subject_subdivisions_are_topical_or_chronological():
    english = record_of("shevchenko-complete-kobzar-en")["650"]
    assert english.indicator2 == "0"  # Library of Congress Subject Headings
    assert [(sub.code, sub.value) for sub in english.subfields] == [
        ("a", "Ukrainian poetry"),
        ("y", "19th century"),
        ("x", "Translations into English"),
    ]
    assert record_of("akhmatova-rekviem-ru").get_fields("650")[0].indicator2 == "4"
    russian = record_of("pushkin-evgenii-onegin-ru")["606"]
    assert [(sub.code, sub.value) for sub in russian.subfields] == [
        ("a", "Русская поэзия"),
        ("z", "XIX в."),
    ]
    romanian = record_of("sadoveanu-baltagul-ro").get_fields("606")
    assert [sub.code for field in romanian for sub in field.subfields] == ["a", "z", "a", "x"]


@pytest.mark.parametrize(("number", "book"), numbered(translated=True))
def test_translation_names_its_translator_and_original_language(number, book):
    record = to_marc(book, number)
    translators = {person.name for person in book.authors if person.role == "translator"}
    if book.flavour is Flavour.MARC21:
        added = [field for field in record.get_fields("700") if field["e"] == "translator."]
        assert {field["a"].rstrip(",") for field in added} == translators
        assert record["041"].indicator1 == "1"
        assert values(record, "041", "h") == [book.original_language]
    else:
        added = [field for field in record.get_fields("702") if field["4"] == "730"]
        assert {f"{field['a']}, {field['b']}" for field in added} == translators
        assert record["101"].indicator1 == "1"
        assert values(record, "101", "c") == [book.original_language]


def test_originals_are_not_marked_as_translations():
    assert record_of("dickens-great-expectations-en")["041"].indicator1 == "0"
    assert not values(record_of("dickens-great-expectations-en"), "041", "h")
    assert record_of("eminescu-poesii-ro")["101"].indicator1 == "0"
    assert not values(record_of("eminescu-poesii-ro"), "101", "c")


@pytest.mark.parametrize(("number", "book"), numbered())
def test_record_normalises_back_to_the_seeded_book(number, book):
    normalised = normalise(to_marc(book, number))
    assert normalised.biblio_id == number
    assert normalised.flavour is book.flavour
    assert normalised.title == book.title
    assert normalised.subtitle == book.subtitle
    assert normalised.languages[0] == book.language
    assert normalised.year == book.year
    assert normalised.publisher == book.publisher
    assert normalised.subjects == book.subjects
    assert normalised.summary == book.summary
    assert normalised.series == ((book.series,) if book.series else ())
    assert normalised.isbns == ((book.isbn,) if book.isbn else ())
    assert normalised.edition == book.edition
    first_author = next(person for person in book.authors if person.role == "author")
    assert normalised.authors[0] == Author(first_author.name, "author", first_author.dates)
    assert set(normalised.authors) == {
        Author(person.name, person.role, person.dates) for person in book.authors
    }


def test_the_demo_catalogue_was_saved_before_the_sandbox_opened(sandbox, clock):
    """A sync starting the second the sandbox is seeded must not find every record new."""
    with sandbox.store.reading() as db:
        stamps = {row[0] for row in db.execute("SELECT timestamp FROM biblios")}
    assert stamps and max(stamps) < to_api_datetime(clock())
