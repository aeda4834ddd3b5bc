"""MARC records for the seeded books, as a Koha with MARC21 or UNIMARC would store them (UTF-8).

``to_marc(book, biblio_id)`` builds a ``pymarc.Record`` in the book's flavour. MARC21 records carry
ISBD punctuation at subfield boundaries as cataloguers enter it; UNIMARC records, as is the custom
there, carry none (the punctuation is generated from the subfield codes on display).
"""

from __future__ import annotations

import re

from pymarc import Field, Indicators, Leader, Record, Subfield

from koha_bridge.marc.record import Flavour
from koha_bridge.sandbox.seed.books import SeedAuthor, SeedBook

# A fixed cataloguing date, so that the same seed always gives the same records.
CATALOGUED = "20250106"  # YYYYMMDD
TIMESTAMP = "20250106120000.0"  # 005

# Record length and base address are filled in by pymarc when the record is serialised.
MARC21_LEADER = "00000nam a2200000 i 4500"  # 09 "a": UCS/Unicode; 18 "i": ISBD punctuation
# UNIMARC leaves 09 undefined; pymarc writes "a" there when it serialises to ISO 2709 in UTF-8.
UNIMARC_LEADER = "00000nam0 2200000   450 "

# UNIMARC relator codes (Appendix C) for the roles a seeded person may have.
UNIMARC_RELATORS: dict[str, str] = {
    "author": "070",
    "compiler": "220",
    "editor": "340",
    "illustrator": "440",
    "translator": "730",
}

_CYRILLIC_LANGUAGES = frozenset({"rus", "ukr"})
_ENGLISH_ARTICLES = ("The ", "A ", "An ")

# A subdivision that names a period: "19th century", "XIX в.", "XX ст.", "secolul al XIX-lea",
# "1939-1945", "2014-". It goes to MARC21 $y / UNIMARC $z; every other subdivision to $x.
_PERIOD = re.compile(
    r"""
    \d{1,2}(?:st|nd|rd|th)\ centur(?:y|ies)
    | [IVXLC]+\ (?:в\.|вв\.|век|ст\.|століття)
    | secolul\ (?:al\ )?[IVXLC]+(?:-lea)?
    | \d{3,4}(?:-\d{0,4})?
    """,
    re.VERBOSE,
)

# How a statement of responsibility names each role, in the language of the book.
_ROLE_PHRASES: dict[str, dict[str, str]] = {
    "eng": {
        "translator": "translated by",
        "illustrator": "illustrated by",
        "editor": "edited by",
        "compiler": "compiled by",
    },
    "rus": {"translator": "пер.", "illustrator": "ил.", "editor": "под ред.", "compiler": "сост."},
    "ukr": {"translator": "пер.", "illustrator": "іл.", "editor": "за ред.", "compiler": "упоряд."},
    "rum": {
        "translator": "traducere de",
        "illustrator": "ilustrații de",
        "editor": "ediție îngrijită de",
        "compiler": "antologie de",
    },
}
# "translated from the Russian by", "пер. с англ.", "пер. з англ.", "traducere din limba rusă de".
_FROM_LANGUAGE: dict[str, dict[str, str]] = {
    "eng": {"rus": "Russian", "ukr": "Ukrainian", "rum": "Romanian", "eng": "English"},
    "rus": {"eng": "англ.", "ukr": "укр.", "rum": "рум.", "rus": "рус."},
    "ukr": {"eng": "англ.", "rus": "рос.", "rum": "рум.", "ukr": "укр."},
    "rum": {"eng": "engleză", "rus": "rusă", "ukr": "ucraineană", "rum": "română"},
}
_ROLE_ORDER = ("editor", "compiler", "translator", "illustrator")


def to_marc(book: SeedBook, biblio_id: int) -> Record:
    """The record of ``book`` in its own flavour, numbered ``biblio_id`` as Koha numbers biblios."""
    if book.flavour == Flavour.UNIMARC:
        return to_unimarc(book, biblio_id)
    return to_marc21(book, biblio_id)


def to_marc21(book: SeedBook, biblio_id: int) -> Record:
    """A MARC21 bibliographic record, with Koha's biblionumber in 999 $c and $d."""
    record = _record(MARC21_LEADER)
    main, others = _main_entry(book)
    responsibility = " ; ".join(s for s in statement_of_responsibility(book) if s)
    language_field = [Subfield("a", book.language)]
    if book.original_language:
        language_field.append(Subfield("h", book.original_language))

    record.add_field(
        Field(tag="001", data=str(biblio_id)),
        Field(tag="005", data=TIMESTAMP),
        Field(tag="008", data=_marc21_008(book)),
    )
    if book.isbn:
        record.add_field(_field("020", "  ", [("a", book.isbn)]))
    record.add_field(
        Field("041", Indicators("1" if book.original_language else "0", " "), language_field)
    )
    if main is not None:
        record.add_field(_field("100", "1 ", _marc21_name(main)))
    record.add_field(_marc21_title(book, responsibility, has_main_entry=main is not None))
    if book.edition:
        record.add_field(_field("250", "  ", [("a", _end(book.edition, "."))]))
    record.add_field(
        _field(
            "264",
            " 1",
            [("a", f"{book.place} :"), ("b", f"{book.publisher},"), ("c", f"{book.year}.")],
        )
    )
    if book.pages:
        record.add_field(_field("300", "  ", [("a", _extent(book))]))
    if book.series:
        record.add_field(_field("490", "0 ", [("a", book.series)]))
    record.add_field(_field("520", "  ", [("a", book.summary)]))
    thesaurus = "0" if book.language == "eng" else "4"  # LCSH for English, local headings otherwise
    for heading in book.subjects:
        record.add_field(_field("650", f" {thesaurus}", _subject_subfields(heading, "y")))
    for person in others:
        record.add_field(_field("700", "1 ", _marc21_name(person)))
    record.add_field(_field("999", "  ", [("c", str(biblio_id)), ("d", str(biblio_id))]))
    return record


def to_unimarc(book: SeedBook, biblio_id: int) -> Record:
    """A UNIMARC bibliographic record, with Koha's biblionumber in 090 $a (and $9)."""
    record = _record(UNIMARC_LEADER)
    main, others = _main_entry(book)
    first, *subsequent = statement_of_responsibility(book)

    record.add_field(Field(tag="001", data=str(biblio_id)), Field(tag="005", data=TIMESTAMP))
    if book.isbn:
        record.add_field(_field("010", "  ", [("a", book.isbn)]))
    record.add_field(
        _field("090", "  ", [("a", str(biblio_id)), ("9", str(biblio_id))]),
        _field("100", "  ", [("a", _unimarc_100(book))]),
    )
    languages = [("a", book.language)]
    if book.original_language:
        languages.append(("c", book.original_language))
    record.add_field(_field("101", ("1" if book.original_language else "0") + " ", languages))

    title = [("a", book.title)]
    if book.subtitle:
        title.append(("e", book.subtitle))
    if first:
        title.append(("f", first))
    title.extend(("g", statement) for statement in subsequent)
    record.add_field(_field("200", "1 ", title))
    if book.edition:
        record.add_field(_field("205", "  ", [("a", book.edition)]))
    record.add_field(
        _field("210", "  ", [("a", book.place), ("c", book.publisher), ("d", str(book.year))])
    )
    if book.pages:
        record.add_field(_field("215", "  ", [("a", _extent(book))]))
    if book.series:
        record.add_field(_field("225", "2 ", [("a", book.series)]))
    record.add_field(_field("330", "  ", [("a", book.summary)]))
    for heading in book.subjects:
        record.add_field(_field("606", "  ", _subject_subfields(heading, "z")))
    if main is not None:
        record.add_field(_field("700", " 1", _unimarc_name(main)))
    for person in others:
        tag = "701" if person.role == "author" else "702"
        record.add_field(_field(tag, " 1", _unimarc_name(person)))
    return record


def statement_of_responsibility(book: SeedBook) -> tuple[str, ...]:
    """The book's statements of responsibility, in its own language, without ISBD punctuation.

    The first names the authors ("" when there are none); each of the others names the people of
    one further role: ``("Fyodor Dostoyevsky", "translated from the Russian by Constance
    Garnett")`` (MARC21 245 $c joins them with " ; ", UNIMARC puts them in 200 $f and $g).
    """
    language = book.language if book.language in _ROLE_PHRASES else "eng"
    authors = [_display_name(p) for p in book.authors if p.role == "author"]
    statements = [_authors_statement(authors, language)]
    for role in (*_ROLE_ORDER, *sorted({p.role for p in book.authors} - {"author", *_ROLE_ORDER})):
        names = [_display_name(p) for p in book.authors if p.role == role]
        if names:
            statements.append(f"{_role_phrase(role, book, language)} {_join(names, language)}")
    return tuple(statements)


# --- Helpers -------------------------------------------------------------------------------------


def _record(leader: str) -> Record:
    record = Record(force_utf8=True)
    record.leader = Leader(leader)
    return record


def _field(tag: str, indicators: str, subfields: list[tuple[str, str]]) -> Field:
    return Field(
        tag=tag,
        indicators=Indicators(indicators[0], indicators[1]),
        subfields=[Subfield(code, value) for code, value in subfields],
    )


def _main_entry(book: SeedBook) -> tuple[SeedAuthor | None, list[SeedAuthor]]:
    """The first author-role person (the main entry) and everyone else, in the book's order."""
    main = next((p for p in book.authors if p.role == "author"), None)
    return main, [p for p in book.authors if p is not main]


def _split_name(name: str) -> tuple[str, str]:
    """ "Surname, Forenames" split at the first ", "; a name without one is all entry element."""
    surname, _, forenames = name.partition(", ")
    return surname, forenames


def _display_name(person: SeedAuthor) -> str:
    """The name in direct order as a title page gives it: "Charles Dickens", "Тарас Шевченко"."""
    surname, forenames = _split_name(person.name)
    if not forenames:
        return surname
    if _is_cyrillic(forenames) and " " in forenames:
        forenames = forenames.split(" ")[0]  # a title page shows no patronymic
    return f"{forenames} {surname}"


def _authors_statement(names: list[str], language: str) -> str:
    if not names:
        return ""
    joined = _join(names, language)
    return f"by {joined}" if language == "eng" else joined


def _join(names: list[str], language: str) -> str:
    if len(names) == 1:
        return names[0]
    conjunction = {"eng": "and", "rus": "и", "ukr": "і", "rum": "și"}[language]
    return f"{', '.join(names[:-1])} {conjunction} {names[-1]}"


def _role_phrase(role: str, book: SeedBook, language: str) -> str:
    phrase = _ROLE_PHRASES[language].get(role, role)
    source = _FROM_LANGUAGE[language].get(book.original_language, "")
    if role != "translator" or not source:
        return phrase
    return {
        "eng": f"translated from the {source} by",
        "rus": f"пер. с {source}",
        "ukr": f"пер. з {source}",
        "rum": f"traducere din limba {source} de",
    }[language]


def _end(text: str, mark: str) -> str:
    """``text`` closed by an ISBD mark, without doubling a full stop already there."""
    if mark == "." and text.endswith((".", "?", "!")):
        return text
    return f"{text}{mark}"


def _nonfiling(book: SeedBook) -> str:
    """Characters of a leading English article that filing skips (MARC21 245 2nd indicator)."""
    if book.language == "eng":
        for article in _ENGLISH_ARTICLES:
            if book.title.startswith(article):
                return str(len(article))
    return "0"


def _marc21_title(book: SeedBook, responsibility: str, *, has_main_entry: bool) -> Field:
    """245 with ISBD punctuation: "Title :" $b "subtitle /" $c "statement." """
    subfields = []
    if book.subtitle:
        subfields.append(("a", f"{book.title} :"))
        subfields.append(
            ("b", f"{book.subtitle} /" if responsibility else _end(book.subtitle, "."))
        )
    else:
        subfields.append(("a", f"{book.title} /" if responsibility else _end(book.title, ".")))
    if responsibility:
        subfields.append(("c", _end(responsibility, ".")))
    return _field("245", ("1" if has_main_entry else "0") + _nonfiling(book), subfields)


def _marc21_name(person: SeedAuthor) -> list[tuple[str, str]]:
    """100/700 subfields punctuated as catalogued: "Dickens, Charles," "1812-1870," "author." """
    subfields = [("a", f"{person.name},")]
    if person.dates:
        dates = person.dates if person.dates.endswith("-") else f"{person.dates},"
        subfields.append(("d", dates))
    subfields.append(("e", f"{person.role}."))
    return subfields


def _unimarc_name(person: SeedAuthor) -> list[tuple[str, str]]:
    surname, forenames = _split_name(person.name)
    subfields = [("a", surname)]
    if forenames:
        subfields.append(("b", forenames))
    if person.dates:
        subfields.append(("f", person.dates))
    subfields.append(("4", UNIMARC_RELATORS.get(person.role, "070")))
    return subfields


def _subject_subfields(heading: str, period_code: str) -> list[tuple[str, str]]:
    """ "Ukrainian poetry -- 19th century" as $a and then $x, or ``period_code`` for periods."""
    first, *rest = heading.split(" -- ")
    subfields = [("a", first)]
    for part in rest:
        subfields.append((period_code if _PERIOD.fullmatch(part) else "x", part))
    return subfields


def _extent(book: SeedBook) -> str:
    return f"{book.pages} с." if book.language in _CYRILLIC_LANGUAGES else f"{book.pages} p."


def _marc21_008(book: SeedBook) -> str:
    """40 characters: date entered, single date, unknown place, book codes left blank, language."""
    books = "    " + " " + " " + "    " + " " + "0" + "0" + "0" + " " + "|" + " "  # 18-34
    value = f"{CATALOGUED[2:]}s{book.year:04d}    xx {books}{book.language} d"
    assert len(value) == 40, value
    return value


def _unimarc_100(book: SeedBook) -> str:
    """UNIMARC 100 $a general processing data, 36 characters.

    0-7 date entered, 8 "d" (published in one year), 9-12 that year, 13-16 blank, 17-19 audience
    "u" (unknown), 20 "y" (not a government publication), 21 "0", 22-24 language of cataloguing,
    25 "y" (no transliteration), 26-29 "50  " (ISO 10646, Unicode), 30-33 blank, 34-35 script of
    the title ("ba" Latin, "ca" Cyrillic).
    """
    script = "ca" if _is_cyrillic(book.title) else "ba"
    value = f"{CATALOGUED}d{book.year:04d}    u  y0{book.language}y50      {script}"
    assert len(value) == 36, value
    return value


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= char <= "\u04ff" for char in text)
