"""The demo blog: two librarians, three posts (one with audio, one with a catalogue record) and
quotes of the week, written for this demo in four languages."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from library_site.demo.content.text import T

BLOG_TITLE = T(
    en="Library stories",
    ru="Истории библиотеки",
    uk="Історії бібліотеки",
    ro="Povești de la bibliotecă",
)
BLOG_DESCRIPTION = T(
    en="Notes from the reading rooms of the Prut Valley Public Library.",
    ru="Заметки из читальных залов Публичной библиотеки долины Прута.",
    uk="Нотатки з читальних залів Публічної бібліотеки долини Пруту.",
    ro="Însemnări din sălile de lectură ale Bibliotecii Publice Valea Prutului.",
)


@dataclass(frozen=True)
class Author:
    slug: str
    name: T
    role: T
    bio: T
    colour: str
    accounts: tuple[tuple[str, str], ...]


AUTHORS = (
    Author(
        slug="elena-rusu",
        name=T("Elena Rusu", "Елена Русу", "Олена Русу", "Elena Rusu"),
        role=T(
            en="Reference librarian",
            ru="Библиограф",
            uk="Бібліограф",
            ro="Bibliotecară de referințe",
        ),
        bio=T(
            en="Elena answers readers' questions at the desk and reads poetry aloud on Thursdays.",
            ru="Елена отвечает на вопросы читателей и по четвергам читает стихи вслух.",
            uk="Олена відповідає на запитання читачів і щочетверга читає вірші вголос.",
            ro="Elena răspunde la întrebările cititorilor și joia citește poezie cu voce tare.",
        ),
        colour="#1d4e89",
        accounts=(("Mastodon", "https://mastodon.social/@elena_reads_demo"),),
    ),
    Author(
        slug="andrii-moroz",
        name=T("Andrii Moroz", "Андрей Мороз", "Андрій Мороз", "Andrii Moroz"),
        role=T(
            en="Children's librarian",
            ru="Детский библиотекарь",
            uk="Дитячий бібліотекар",
            ro="Bibliotecar pentru copii",
        ),
        bio=T(
            en="Andrii runs the Saturday story hour and the library's podcast.",
            ru="Андрей ведёт субботний час сказок и подкаст библиотеки.",
            uk="Андрій веде суботню годину казок і подкаст бібліотеки.",
            ro="Andrii conduce ora de povești de sâmbătă și podcastul bibliotecii.",
        ),
        colour="#2e7d32",
        accounts=(("Telegram", "https://t.me/andrii_tells_demo"),),
    ),
)

CATEGORY = ("reading", T("Reading", "Чтение", "Читання", "Lectură"))
TAG = ("poetry", T("poetry", "поэзия", "поезія", "poezie"))


@dataclass(frozen=True)
class Post:
    slug: str
    author: str
    date: datetime.datetime
    title: T
    excerpt: T
    paragraphs: tuple[T, ...]
    audio: bool = False
    record: int | None = None  # a Koha biblio id embedded after the text
    record_note: T | None = None

    def texts(self) -> list[T]:
        texts = [self.title, self.excerpt, *self.paragraphs]
        return [*texts, self.record_note] if self.record_note else texts


POSTS = (
    Post(
        slug="shevchenko-evening",
        author="elena-rusu",
        date=datetime.datetime(2026, 11, 5, 17, 0, tzinfo=datetime.UTC),
        title=T(
            en="An evening with the Kobzar",
            ru="Вечер с «Кобзарём»",
            uk="Вечір із «Кобзарем»",
            ro="O seară cu «Kobzarul»",
        ),
        excerpt=T(
            en="Readers brought their favourite poems from Shevchenko's first collection.",
            ru="Читатели принесли любимые стихи из первого сборника Шевченко.",
            uk="Читачі принесли улюблені вірші з першої збірки Шевченка.",
            ro="Cititorii au adus poeziile preferate din prima culegere a lui Șevcenko.",
        ),
        paragraphs=(
            T(
                en="Twenty readers filled the reading room on Thursday to read the Kobzar aloud, "
                "each in the language they love best.",
                ru="В четверг двадцать читателей собрались в читальном зале, чтобы читать "
                "«Кобзарь» вслух, каждый на самом любимом языке.",
                uk="У четвер двадцятеро читачів зібралися в читальній залі, щоб читати "
                "«Кобзар» уголос, кожен найулюбленішою мовою.",
                ro="Joi, douăzeci de cititori au umplut sala de lectură ca să citească "
                "Kobzarul cu voce tare, fiecare în limba pe care o iubește cel mai mult.",
            ),
            T(
                en="Our copy of the book is on the shelf: borrow it and come to the next evening.",
                ru="Наш экземпляр книги на полке: возьмите его и приходите на следующий вечер.",
                uk="Наш примірник книжки на полиці: візьміть його й приходьте на наступний вечір.",
                ro="Exemplarul nostru este la raft: împrumutați-l și veniți la seara următoare.",
            ),
        ),
        record=41,
        record_note=T(
            en="The edition we read from.",
            ru="Издание, по которому мы читали.",
            uk="Видання, з якого ми читали.",
            ro="Ediția din care am citit.",
        ),
    ),
    Post(
        slug="story-hour-podcast",
        author="andrii-moroz",
        date=datetime.datetime(2026, 11, 14, 10, 0, tzinfo=datetime.UTC),
        title=T(
            en="Story hour, now as a podcast",
            ru="Час сказок теперь и в подкасте",
            uk="Година казок тепер і в подкасті",
            ro="Ora de povești, acum și ca podcast",
        ),
        excerpt=T(
            en="Listen to Saturday's story hour at home: the first episode is here.",
            ru="Слушайте субботний час сказок дома: первый выпуск уже здесь.",
            uk="Слухайте суботню годину казок удома: перший випуск уже тут.",
            ro="Ascultați ora de povești de sâmbătă acasă: primul episod este aici.",
        ),
        paragraphs=(
            T(
                en="Families asked for the stories they missed, so we recorded one. "
                "Subscribe to the blog's feed in any podcast app.",
                ru="Семьи просили сказки, которые пропустили, и мы записали одну. "
                "Подпишитесь на ленту блога в любом приложении для подкастов.",
                uk="Родини просили казки, які пропустили, тож ми записали одну. "
                "Підпишіться на стрічку блогу в будь-якому застосунку для подкастів.",
                ro="Familiile au cerut poveștile pe care le-au pierdut, așa că am înregistrat "
                "una. Abonați-vă la fluxul blogului în orice aplicație de podcasturi.",
            ),
        ),
        audio=True,
    ),
    Post(
        slug="new-reading-room",
        author="elena-rusu",
        date=datetime.datetime(2026, 11, 27, 9, 0, tzinfo=datetime.UTC),
        title=T(
            en="The quiet room reopens",
            ru="Тихий зал снова открыт",
            uk="Тиха зала знову відкрита",
            ro="Sala liniștită se redeschide",
        ),
        excerpt=T(
            en="New lamps, new chairs and the same silence.",
            ru="Новые лампы, новые стулья и та же тишина.",
            uk="Нові лампи, нові стільці й та сама тиша.",
            ro="Lămpi noi, scaune noi și aceeași liniște.",
        ),
        paragraphs=(
            T(
                en="The quiet room on the first floor is open again, with twelve desks "
                "and sockets at every one.",
                ru="Тихий зал на втором этаже снова открыт: двенадцать столов, "
                "и у каждого есть розетка.",
                uk="Тиха зала на другому поверсі знову відкрита: дванадцять столів, "
                "і біля кожного є розетка.",
                ro="Sala liniștită de la etajul întâi este din nou deschisă, cu douăsprezece "
                "mese și prize la fiecare.",
            ),
        ),
    ),
)


@dataclass(frozen=True)
class Quote:
    weeks_from_now: int  # 0: the week the demo is loaded, 1: scheduled for the next
    text: T
    author: T
    source: T
    record: int | None = None


QUOTES = (
    Quote(
        weeks_from_now=0,
        text=T(
            en="A room without books is like a body without a soul.",
            ru="Комната без книг — что тело без души.",
            uk="Кімната без книжок — як тіло без душі.",
            ro="O cameră fără cărți e ca un trup fără suflet.",
        ),
        author=T("Cicero", "Цицерон", "Цицерон", "Cicero"),
        source=T(
            en="attributed",
            ru="приписывается",
            uk="приписується",
            ro="atribuit",
        ),
    ),
    Quote(
        weeks_from_now=1,
        text=T(
            en="Study, my brothers, think and read.",
            ru="Учитесь, братья мои, думайте, читайте.",
            uk="Учітеся, брати мої! Думайте, читайте.",
            ro="Învățați, frații mei, gândiți și citiți.",
        ),
        author=T("Taras Shevchenko", "Тарас Шевченко", "Тарас Шевченко", "Taras Șevcenko"),
        source=T(
            en="To the dead, the living and the unborn",
            ru="И мёртвым, и живым, и нерождённым",
            uk="І мертвим, і живим, і ненарожденним",
            ro="Morților, celor vii și celor nenăscuți",
        ),
        record=41,
    ),
)


def texts() -> list[T]:
    """Every string of the demo blog, for the translation catalogue."""
    found = [BLOG_TITLE, BLOG_DESCRIPTION, CATEGORY[1], TAG[1]]
    for author in AUTHORS:
        found.extend([author.name, author.role, author.bio])
    for post in POSTS:
        found.extend(post.texts())
    for quote in QUOTES:
        found.extend([quote.text, quote.author, quote.source])
    return found
