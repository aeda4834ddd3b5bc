"""Citations as the standards write them: APA 7, GOST R 7.0.100-2018 and DSTU 8302:2015."""

from __future__ import annotations

import pytest

from plugins.opac.citations import Person, Work, apa, dstu, gost

KOBZAR = Work(
    title="Кобзарь",
    authors=(Person.of("Шевченко, Тарас Григорьевич"),),
    place="Санкт-Петербург",
    publisher="Типография Е. Фишера",
    year=1840,
    language="rus",
)
CRIME = Work(
    title="Crime and punishment",
    authors=(Person.of("Dostoyevsky, Fyodor"),),
    contributors=(("translator", Person.of("Garnett, Constance")),),
    place="London",
    publisher="William Heinemann",
    year=1914,
    language="eng",
)
CHAIRS = Work(
    title="Двенадцать стульев",
    authors=(Person.of("Ильф, Илья"), Person.of("Петров, Евгений")),
    place="Москва",
    publisher="Земля и фабрика",
    year=1928,
    extent="416 с.",
    language="rus",
)
K_AND_R = Work(
    title="The C programming language",
    authors=(Person.of("Kernighan, Brian W."), Person.of("Ritchie, Dennis M.")),
    edition="2nd ed.",
    place="Englewood Cliffs, N.J.",
    publisher="Prentice Hall",
    year=1988,
    extent="272 p.",
    series="Prentice Hall software series",
    isbn="0131103628",
    language="eng",
)


def test_gost_names_the_author_in_the_heading_and_after_the_slash():
    assert gost(KOBZAR).text == (
        "Шевченко, Т. Г. Кобзарь / Т. Г. Шевченко. – Санкт-Петербург : Типография Е. Фишера, 1840."
    )


def test_gost_lists_up_to_three_authors_and_the_extent():
    assert gost(CHAIRS).text == (
        "Ильф, И. Двенадцать стульев / И. Ильф, Е. Петров. – Москва : Земля и фабрика, 1928. "
        "– 416 с."
    )


def test_gost_gives_every_area_and_lets_an_abbreviation_close_its_area():
    assert gost(K_AND_R).text == (
        "Kernighan, B. W. The C programming language / B. W. Kernighan, D. M. Ritchie. – "
        "2nd ed. – Englewood Cliffs, N.J. : Prentice Hall, 1988. – 272 p. – "
        "(Prentice Hall software series). – ISBN 0131103628."
    )


def test_gost_names_a_translator_in_the_documents_language():
    assert gost(CRIME).text == (
        "Dostoyevsky, F. Crime and punishment / F. Dostoyevsky ; translated by C. Garnett. – "
        "London : William Heinemann, 1914."
    )


def test_gost_with_more_than_three_authors_is_led_by_the_title():
    many = Work(
        title="Історія України",
        authors=tuple(Person.of(n) for n in ("А, Б", "В, Г", "Д, Е", "Є, Ж")),
        place="Київ",
        publisher="Генеза",
        year=1996,
        language="ukr",
    )
    assert gost(many).text == "Історія України / Б. А [та ін.]. – Київ : Генеза, 1996."


def test_gost_marks_an_unknown_place_publisher_and_year():
    unknown = Work(title="Пісні", language="ukr")
    assert gost(unknown).text == "Пісні. – [Б. м.] : [б. в.], [б. р.]."


def test_dstu_heads_with_every_author_without_a_comma_and_does_not_repeat_them():
    assert dstu(KOBZAR).text == (
        "Шевченко Т. Г. Кобзарь. Санкт-Петербург : Типография Е. Фишера, 1840."
    )
    assert dstu(CHAIRS).text == (
        "Ильф И., Петров Е. Двенадцать стульев. Москва : Земля и фабрика, 1928. 416 с."
    )


def test_dstu_keeps_the_translator_after_the_slash():
    assert dstu(CRIME).text == (
        "Dostoyevsky F. Crime and punishment / translated by C. Garnett. "
        "London : William Heinemann, 1914."
    )


def test_apa_cites_author_year_italic_title_and_publisher():
    citation = apa(KOBZAR)
    assert citation.text == "Шевченко, Т. Г. (1840). Кобзарь. Типография Е. Фишера."
    assert str(citation.html) == "Шевченко, Т. Г. (1840). <i>Кобзарь</i>. Типография Е. Фишера."


def test_apa_joins_two_authors_with_an_ampersand_and_notes_the_edition():
    assert apa(K_AND_R).text == (
        "Kernighan, B. W., & Ritchie, D. M. (1988). The C programming language (2nd ed.). "
        "Prentice Hall."
    )


def test_apa_names_the_translator_after_the_title():
    assert apa(CRIME).text == (
        "Dostoyevsky, F. (1914). Crime and punishment (C. Garnett, Trans.). William Heinemann."
    )


def test_apa_without_an_author_is_led_by_the_editor_or_else_the_title():
    edited = Work(
        title="Poesii",
        contributors=(("editor", Person.of("Maiorescu, Titu")),),
        publisher="Socec",
        year=1884,
    )
    anonymous = Work(title="Beowulf", subtitle="a new translation", publisher="Norton")
    assert apa(edited).text == "Maiorescu, T. (Ed.). (1884). Poesii. Socec."
    assert apa(anonymous).text == "Beowulf: a new translation. (n.d.). Norton."


def test_apa_escapes_what_the_catalogue_wrote_in_its_html():
    tricky = Work(title="<script>", authors=(Person.of("O'Brien, Flann"),), year=1939)
    assert "<script>" not in str(apa(tricky).html)
    assert "&lt;script&gt;" in str(apa(tricky).html)


@pytest.mark.parametrize(
    ("catalogued", "initials", "direct"),
    [
        ("Tolkien, J. R. R.", "J. R. R.", "J. R. R. Tolkien"),
        ("Sartre, Jean-Paul", "J.-P.", "J.-P. Sartre"),
        ("Shelley, Mary Wollstonecraft", "M. W.", "M. W. Shelley"),
        ("Ó Ceallaigh, Philip", "P.", "P. Ó Ceallaigh"),
        ("Prut Valley Public Library", "", "Prut Valley Public Library"),
    ],
)
def test_names_are_cited_with_initials(catalogued, initials, direct):
    person = Person.of(catalogued)
    assert (person.initials, person.direct()) == (initials, direct)
