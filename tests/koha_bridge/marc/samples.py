"""Real books catalogued the way libraries catalogue them, as pymarc records for the tests."""

from __future__ import annotations

import pymarc

from tests.koha_bridge.marc.records import (
    UNIMARC_LEADER,
    control,
    field,
    record,
    unimarc_100a,
)


def marc21_008(year: str, place: str, language: str) -> str:
    """MARC21 008 for a single-date book: date 07-10, place 15-17, language 35-37."""
    value = f"960417s{year}    {place:<3}{' ' * 11}000 1 {language} d"
    assert len(value) == 40
    return value


def great_expectations() -> pymarc.Record:
    """Penguin Classics, 1996: MARC21 in English with RDA relators."""
    return record(
        control("001", "12345"),
        control("008", marc21_008("1996", "enk", "eng")),
        field("020", "  ", "a", "9780141439563 (pbk.)"),
        field("100", "1 ", "a", "Dickens, Charles,", "d", "1812-1870,", "e", "author."),
        field(
            "245",
            "10",
            "a",
            "Great expectations /",
            "c",
            "Charles Dickens ; edited by Charlotte Mitchell ; with an introduction by David "
            "Trotter.",
        ),
        field("264", " 1", "a", "London :", "b", "Penguin Books,", "c", "1996."),
        field("300", "  ", "a", "xxxvii, 508 p. ;", "c", "20 cm."),
        field("490", "1 ", "a", "Penguin classics"),
        field("500", "  ", "a", "Originally published in serial form, 1860-1861."),
        field("520", "  ", "a", "Pip, an orphan, is raised by his harsh sister in the marshes."),
        field("650", " 0", "a", "Orphans", "z", "England", "v", "Fiction."),
        field("650", " 0", "a", "Young men", "z", "England", "v", "Fiction."),
        field("650", " 0", "a", "Ex-convicts", "v", "Fiction."),
        field(
            "651",
            " 0",
            "a",
            "London (England)",
            "x",
            "History",
            "y",
            "19th century",
            "v",
            "Fiction.",
        ),
        field("700", "1 ", "a", "Mitchell, Charlotte,", "e", "editor."),
        field("700", "1 ", "a", "Trotter, David,", "4", "aui"),
        field("830", " 0", "a", "Penguin classics."),
        field(
            "856",
            "41",
            "u",
            "https://www.gutenberg.org/ebooks/1400",
            "y",
            "Project Gutenberg e-text",
        ),
        field("999", "  ", "c", "101", "d", "101"),
    )


def great_expectations_norton() -> pymarc.Record:
    """Norton Critical Edition, 1999: AACR2 with 260, a subtitle and an ISBN-10."""
    return record(
        control("008", marc21_008("1999", "nyu", "eng")),
        field("020", "  ", "a", "0393960692 (pbk.)"),
        field("100", "1 ", "a", "Dickens, Charles,", "d", "1812-1870."),
        field(
            "245",
            "10",
            "a",
            "Great expectations :",
            "b",
            "an authoritative text, backgrounds, contexts, criticism /",
            "c",
            "Charles Dickens ; edited by Edgar Rosenberg.",
        ),
        field("260", "  ", "a", "New York :", "b", "W.W. Norton,", "c", "c1999."),
        field("490", "1 ", "a", "A Norton critical edition"),
        field("700", "1 ", "a", "Rosenberg, Edgar,", "4", "edt"),
        field("999", "  ", "c", "102"),
    )


def war_and_peace() -> pymarc.Record:
    """Война и мир in Russian, MARC21 in Cyrillic; the novel has passages in French."""
    return record(
        control("008", marc21_008("2014", "ru ", "rus")),
        field("041", "0 ", "a", "rus", "a", "fre"),
        field("100", "1 ", "a", "Толстой, Лев Николаевич,", "d", "1828-1910."),
        field("245", "10", "a", "Война и мир :", "b", "роман : в 4 томах /", "c", "Лев Толстой."),
        field("264", " 1", "a", "Москва :", "b", "АСТ,", "c", "2014."),
        field("650", " 4", "a", "Отечественная война 1812 г.", "v", "Художественная литература."),
        field("999", "  ", "c", "202"),
    )


def great_expectations_in_russian() -> pymarc.Record:
    """Большие надежды, translated by Мария Лорие: a 700 translator with a Russian $e."""
    return record(
        control("008", marc21_008("1985", "ru ", "rus")),
        field("041", "1 ", "a", "rus", "h", "eng"),
        field("100", "1 ", "a", "Диккенс, Чарльз,", "d", "1812-1870."),
        field(
            "245",
            "10",
            "a",
            "Большие надежды :",
            "b",
            "роман /",
            "c",
            "Чарльз Диккенс ; перевод с английского М. Лорие.",
        ),
        field("260", "  ", "a", "Москва :", "b", "Художественная литература,", "c", "1985."),
        field(
            "700",
            "1 ",
            "a",
            "Лорие, Мария Федоровна,",
            "d",
            "1904-1992,",
            "e",
            "переводчик.",
            "4",
            "trl",
        ),
        field("999", "  ", "c", "203"),
    )


def kobzar() -> pymarc.Record:
    """Кобзар by Тарас Шевченко, Дніпро 1985: UNIMARC in Ukrainian, no ISBN (Soviet book)."""
    return record(
        control("001", "303"),
        field("090", "  ", "a", "303"),
        field("100", "  ", "a", unimarc_100a("1985")),
        field("101", "0 ", "a", "ukr"),
        field("200", "1 ", "a", "Кобзар", "f", "Тарас Шевченко"),
        field("210", "  ", "a", "Київ", "c", "Дніпро", "d", "1985"),
        field("215", "  ", "a", "639 с.", "c", "іл.", "d", "21 см"),
        field("300", "  ", "a", "Поезії 1837-1861 рр."),
        field("600", " 1", "a", "Шевченко", "b", "Тарас Григорович", "f", "1814-1861"),
        field(
            "606",
            "1 ",
            "a",
            "Українська поезія",
            "x",
            "Тематика",
            "y",
            "Україна",
            "z",
            "19 ст.",
        ),
        field("700", " 1", "a", "Шевченко", "b", "Т. Г.", "f", "1814-1861", "4", "070"),
        leader=UNIMARC_LEADER,
    )


def eminescu_poezii() -> pymarc.Record:
    """Poezii by Mihai Eminescu, Minerva 1982: UNIMARC in Romanian with comma-below ș and ț."""
    return record(
        field("090", "  ", "a", "404"),
        field("100", "  ", "a", unimarc_100a("1982", "rum")),
        field("101", "0 ", "a", "rum"),
        field("200", "1 ", "a", "Poezii", "f", "Mihai Eminescu"),
        field("210", "  ", "a", "București", "c", "Editura Minerva", "d", "1982"),
        field("225", "2 ", "a", "Biblioteca pentru toți"),
        field("300", "  ", "a", "Ediție îngrijită, note și variante de Perpessicius"),
        field("606", "  ", "a", "Poezie românească", "z", "Secolul 19"),
        field("700", " 1", "a", "Eminescu", "b", "Mihai", "f", "1850-1889", "4", "070"),
        field("702", " 1", "a", "Perpessicius", "f", "1891-1971", "4", "340"),
        leader=UNIMARC_LEADER,
    )


def hamlet_in_ukrainian() -> pymarc.Record:
    """Гамлет, translated by Юрій Андрухович (Класика, 2008): a UNIMARC 702 translator."""
    return record(
        field("090", "  ", "a", "505"),
        field("100", "  ", "a", unimarc_100a("2008")),
        field("101", "1 ", "a", "ukr", "c", "eng"),
        field(
            "200",
            "1 ",
            "a",
            "Гамлет, принц данський",
            "e",
            "трагедія",
            "f",
            "Вільям Шекспір",
            "g",
            "переклад з англійської Юрія Андруховича",
        ),
        field("210", "  ", "a", "Львів", "c", "Класика", "d", "2008"),
        field("700", " 1", "a", "Шекспір", "b", "Вільям", "f", "1564-1616", "4", "070"),
        field("702", " 1", "a", "Андрухович", "b", "Юрій", "f", "1960-", "4", "730"),
        leader=UNIMARC_LEADER,
    )
