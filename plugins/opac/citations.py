"""How to cite a record: APA 7, GOST R 7.0.100-2018 (Russia) and DSTU 8302:2015 (Ukraine).

APA is English in its words (``Trans.``, ``ed.``) whatever the page's language. GOST and DSTU
describe a document in its own language: their connecting words (the translator's role, "[и
др.]", "[Б. м.]") follow the record's language. Names are as catalogued, "Шевченко, Тарас
Григорович", cited with initials: APA "Шевченко, Т. Г.", GOST heading "Шевченко, Т. Г.", DSTU
heading "Шевченко Т. Г.", statements of responsibility "Т. Г. Шевченко".

    APA   Dostoyevsky, F. (1914). *Crime and punishment* (C. Garnett, Trans.). William Heinemann.
    GOST  Шевченко, Т. Г. Кобзар / Т. Г. Шевченко. – Санкт-Петербург : Типография Е. Фишера, 1840.
    DSTU  Шевченко Т. Г. Кобзар. Санкт-Петербург : Типография Е. Фишера, 1840.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

GOST_AREA = ". – "  # GOST R 7.0.100: full stop and dash between areas
DSTU_AREA = ". "  # DSTU 8302 allows the full stop alone, as its examples write it
MAX_HEADING_AUTHORS = 3  # GOST and DSTU: more than three authors, the title leads


@dataclass(frozen=True)
class Person:
    """A name as catalogued, split for citing."""

    surname: str
    given: str = ""  # "" for a name without a comma: a body, or a single name

    @classmethod
    def of(cls, catalogued: str) -> Person:
        surname, comma, given = catalogued.partition(",")
        return cls(surname.strip(), given.strip()) if comma else cls(catalogued.strip())

    @property
    def initials(self) -> str:
        """ "Тарас Григорович" -> "Т. Г.", "Jean-Paul" -> "J.-P.", "J. R. R." stays."""
        return " ".join(_initial(word) for word in self.given.split())

    def inverted(self, comma: bool = True) -> str:
        """ "Шевченко, Т. Г." (or "Шевченко Т. Г." without the comma)."""
        if not self.initials:
            return self.surname
        return f"{self.surname}{',' if comma else ''} {self.initials}"

    def direct(self) -> str:
        """ "Т. Г. Шевченко"."""
        return f"{self.initials} {self.surname}" if self.initials else self.surname


def _initial(word: str) -> str:
    if word.endswith(".") or not word[:1].isalpha():
        return word
    return "-".join(part[:1] + "." for part in word.split("-") if part)


@dataclass(frozen=True)
class Work:
    """What a citation needs of a record."""

    title: str
    subtitle: str = ""
    authors: tuple[Person, ...] = ()  # in the order catalogued
    contributors: tuple[tuple[str, Person], ...] = ()  # (role, person): editor, translator...
    edition: str = ""
    place: str = ""
    publisher: str = ""
    year: int | None = None
    extent: str = ""  # "287 с.", "223 p."
    series: str = ""
    isbn: str = ""
    language: str = ""  # MARC code of the text: the language GOST and DSTU cite it in


@dataclass(frozen=True)
class Citation:
    style: str  # "APA 7", "GOST R 7.0.100-2018", "DSTU 8302:2015"
    text: str
    html: SafeString  # the same, with the title in italics where the style wants it


# The words GOST and DSTU put between a record's elements, in the record's language.
_WORDS = {
    "rus": {
        "translator": "переводчик",
        "illustrator": "художник",
        "editor": "редактор",
        "compiler": "составитель",
        "others": "[и др.]",
        "no place": "[Б. м.]",
        "no publisher": "[б. и.]",
        "no year": "[б. г.]",
    },
    "ukr": {
        "translator": "перекладач",
        "illustrator": "художник",
        "editor": "редактор",
        "compiler": "упорядник",
        "others": "[та ін.]",
        "no place": "[Б. м.]",
        "no publisher": "[б. в.]",
        "no year": "[б. р.]",
    },
    "rum": {
        "translator": "traducere de",
        "illustrator": "ilustrații de",
        "editor": "ediție îngrijită de",
        "compiler": "selecție de",
        "others": "[et al.]",
        "no place": "[S. l.]",
        "no publisher": "[s. n.]",
        "no year": "[s. a.]",
    },
    "eng": {
        "translator": "translated by",
        "illustrator": "illustrated by",
        "editor": "edited by",
        "compiler": "compiled by",
        "others": "[et al.]",
        "no place": "[S. l.]",
        "no publisher": "[s. n.]",
        "no year": "[s. a.]",
    },
}
_ROLES_CITED = ("editor", "compiler", "translator", "illustrator")


def _words(work: Work) -> dict[str, str]:
    return _WORDS.get(work.language, _WORDS["eng"])


def _closed(text: str) -> str:
    """The text ending with a full stop (none added after "?", "!" or one already there)."""
    text = text.rstrip()
    return text if text.endswith((".", "?", "!")) else text + "."


def _title_proper(work: Work, separator: str) -> str:
    return f"{work.title}{separator}{work.subtitle}" if work.subtitle else work.title


def _joined(names: Sequence[str], last: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + last + names[-1]


def _citation(style: str, parts: Sequence[tuple[str, bool]]) -> Citation:
    """The citation from its parts in order, each (text, in italics)."""
    text = "".join(part for part, _italic in parts)
    html = "".join(f"<i>{escape(part)}</i>" if italic else escape(part) for part, italic in parts)
    return Citation(style, text, mark_safe(html))  # every part is escaped


# --- APA 7 ---------------------------------------------------------------------------------------


def apa(work: Work) -> Citation:
    """Author, A. A., & Author, B. B. (Year). *Title: Subtitle* (T. Translator, Trans.; 2nd ed.).
    Publisher. Without an author, the title leads and the year follows it."""
    lead = _apa_lead(work)
    year = f"({work.year})." if work.year else "(n.d.)."
    title = _title_proper(work, ": ")
    parts: list[tuple[str, bool]] = [(f"{lead} {year} ", False)] if lead else []
    parts.append((title, True))
    notes = _apa_notes(work)
    if notes:
        parts.append((f" ({notes}).", False))
    elif not title.endswith((".", "?", "!")):
        parts.append((".", False))
    if not lead:
        parts.append((f" {year}", False))
    if work.publisher:
        parts.append((" " + _closed(work.publisher.replace(" ; ", "; ")), False))
    return _citation("APA 7", parts)


def _apa_lead(work: Work) -> str:
    if work.authors:
        return _apa_names(work.authors)
    editors = _people(work, "editor")
    if editors:
        return f"{_apa_names(editors)} ({'Eds.' if len(editors) > 1 else 'Ed.'})."
    return ""


def _apa_names(people: Sequence[Person]) -> str:
    names = [person.inverted() for person in people]
    if len(names) > 20:  # APA: the first nineteen, an ellipsis, the last
        listed = ", ".join(names[:19]) + ", . . . " + names[-1]
    else:
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", & " + names[-1]
    return _closed(listed)


def _apa_notes(work: Work) -> str:
    """What APA puts in parentheses after the title: translators, then the edition."""
    notes = []
    translators = _people(work, "translator")
    if translators:
        notes.append(f"{_joined([p.direct() for p in translators], ' & ')}, Trans.")
    if work.edition:
        notes.append(work.edition)
    return "; ".join(notes)


def _people(work: Work, role: str) -> list[Person]:
    return [person for each_role, person in work.contributors if each_role == role]


# --- GOST R 7.0.100-2018 and DSTU 8302:2015 ------------------------------------------------------


def gost(work: Work) -> Citation:
    """Шевченко, Т. Г. Кобзар / Т. Г. Шевченко. – Санкт-Петербург : Типография Е. Фишера, 1840.

    One to three authors: the first heads the description and all are named after the slash;
    more: the title leads, "/ first author [и др.]".
    """
    words = _words(work)
    heading = ""
    if 0 < len(work.authors) <= MAX_HEADING_AUTHORS:
        heading = _closed(work.authors[0].inverted()) + " "
        named = [person.direct() for person in work.authors]
    elif work.authors:
        named = [f"{work.authors[0].direct()} {words['others']}"]
    else:
        named = []
    responsibility = " ; ".join(filter(None, [", ".join(named), *_others(work, words)]))
    described = heading + _body(work, responsibility, GOST_AREA)
    return _citation("GOST R 7.0.100-2018", [(described, False)])


def dstu(work: Work) -> Citation:
    """Шевченко Т. Г. Кобзар. Санкт-Петербург : Типография Е. Фишера, 1840.

    One to three authors head the description (and are not named again after the slash); more:
    the title leads, "/ first author та ін.".
    """
    words = _words(work)
    heading, named = "", ""
    if 0 < len(work.authors) <= MAX_HEADING_AUTHORS:
        heading = _closed(", ".join(p.inverted(comma=False) for p in work.authors)) + " "
    elif work.authors:
        named = f"{work.authors[0].direct()} {words['others'].strip('[]')}"
    responsibility = " ; ".join(filter(None, [named, *_others(work, words)]))
    described = heading + _body(work, responsibility, DSTU_AREA)
    return _citation("DSTU 8302:2015", [(described, False)])


def _others(work: Work, words: dict[str, str]) -> list[str]:
    """Editors, compilers, translators and illustrators, each group after its role."""
    statements = []
    for role in _ROLES_CITED:
        people = _people(work, role)
        if people:
            statements.append(f"{words[role]} {', '.join(p.direct() for p in people)}")
    return statements


def _body(work: Work, responsibility: str, area: str) -> str:
    """Title and responsibility, then edition, publication, extent, series and ISBN areas."""
    words = _words(work)
    title = _title_proper(work, " : ")
    areas = [f"{title} / {responsibility}" if responsibility else title]
    if work.edition:
        areas.append(work.edition)
    place = work.place or words["no place"]
    publisher = work.publisher or words["no publisher"]
    year = str(work.year) if work.year else words["no year"]
    areas.append(f"{place} : {publisher}, {year}")
    if work.extent:
        areas.append(work.extent)
    if work.series:
        areas.append(f"({work.series})")
    if work.isbn:
        areas.append(f"ISBN {work.isbn}")
    joined = areas[0]
    for each in areas[1:]:
        # An area ending in an abbreviation's full stop ("2nd ed.") lends it to the separator.
        joined += (area[1:] if joined.endswith(".") else area) + each
    return _closed(joined)
