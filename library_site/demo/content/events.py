"""The demo's events page and three events, written for the demo in four languages."""

from __future__ import annotations

from dataclasses import dataclass

from library_site.demo.content.text import T

EVENTS_PAGE_SLUG = T(en="events", ru="events", uk="events", ro="events")
EVENTS_TITLE = T(en="Events", ru="События", uk="Події", ro="Evenimente")
EVENTS_INTRO = T(
    en="Readings, storytimes and workshops at the library and online. Everyone is welcome.",
    ru="Чтения, сказки для малышей и мастерские — в библиотеке и онлайн. Приходите все.",
    uk="Читання, казки для малечі та майстерні — у бібліотеці й онлайн. Запрошуємо всіх.",
    ro="Lecturi, povești pentru cei mici și ateliere la bibliotecă și online. Toți sunt bineveniți.",
)


@dataclass(frozen=True)
class EventContent:
    slug: T
    title: T
    summary: T
    place: T
    address: T | None
    body: tuple[T, ...]
    days_from_now: int  # the demo's dates follow the day it is loaded
    hour: int
    hours: int
    audience: str
    attendance: str
    registration_url: str = ""
    capacity: int | None = None
    video_url: str = ""
    related_records: tuple[int, ...] = ()

    def texts(self) -> list[T]:
        texts = [self.title, self.summary, self.place, *self.body]
        return [*texts, self.address] if self.address else texts


READING_ROOM = T(
    en="Reading room, second floor",
    ru="Читальный зал, второй этаж",
    uk="Читальна зала, другий поверх",
    ro="Sala de lectură, etajul doi",
)

POETRY_EVENING = EventContent(
    slug=T(
        en="poetry-evening-shevchenko-eminescu",
        ru="vecher-poezii-shevchenko-eminesku",
        uk="vechir-poezii-shevchenko-eminesku",
        ro="seara-de-poezie-sevcenko-eminescu",
    ),
    title=T(
        en="Poetry evening: Shevchenko and Eminescu",
        ru="Вечер поэзии: Шевченко и Эминеску",
        uk="Вечір поезії: Шевченко та Емінеску",
        ro="Seară de poezie: Șevcenko și Eminescu",
    ),
    summary=T(
        en="Readers of four languages read the two poets aloud, in the original and in translation.",
        ru="Читатели на четырёх языках читают вслух двух поэтов — в оригинале и в переводах.",
        uk="Читачі чотирма мовами читають уголос двох поетів — в оригіналі й у перекладах.",
        ro="Cititori în patru limbi îi citesc cu voce tare pe cei doi poeți, în original și în traducere.",
    ),
    place=READING_ROOM,
    address=None,
    body=(
        T(
            en="The recording of the evening is below. The books read that night are on the "
            "shelf by the reading room's door, and in the catalogue.",
            ru="Запись вечера — ниже. Книги, которые звучали в тот вечер, стоят на полке у "
            "двери читального зала и есть в каталоге.",
            uk="Запис вечора — нижче. Книжки, що звучали того вечора, стоять на полиці біля "
            "дверей читальної зали і є в каталозі.",
            ro="Înregistrarea serii este mai jos. Cărțile citite în acea seară sunt pe raftul "
            "de lângă ușa sălii de lectură și în catalog.",
        ),
    ),
    days_from_now=-12,
    hour=18,
    hours=2,
    audience="adults",
    attendance="mixed",
    video_url="https://media.library20.example/recordings/poetry-evening.webm",
    related_records=(41, 19, 58),
)

STORYTIME = EventContent(
    slug=T(
        en="storytime-alice-and-winnie-the-pooh",
        ru="skazki-alisa-i-vinni-pukh",
        uk="kazky-alisa-i-vinni-pukh",
        ro="ora-povestilor-alice-si-winnie-de-plus",
    ),
    title=T(
        en="Storytime: Alice and Winnie-the-Pooh",
        ru="Час сказки: Алиса и Винни-Пух",
        uk="Година казки: Аліса та Вінні-Пух",
        ro="Ora poveștilor: Alice și Winnie de Pluș",
    ),
    summary=T(
        en="A librarian reads aloud for children aged four to eight; then we draw the stories.",
        ru="Библиотекарь читает вслух детям от четырёх до восьми лет, а потом мы рисуем сказки.",
        uk="Бібліотекарка читає вголос дітям від чотирьох до восьми років, а потім ми малюємо казки.",
        ro="O bibliotecară citește cu voce tare copiilor de patru până la opt ani, apoi desenăm poveștile.",
    ),
    place=T(
        en="Children's corner, ground floor",
        ru="Детский уголок, первый этаж",
        uk="Дитячий куточок, перший поверх",
        ro="Colțul copiilor, parter",
    ),
    address=None,
    body=(
        T(
            en="Parents stay with their children. Paper and pencils are ours; bring your "
            "favourite toy if you like.",
            ru="Родители остаются с детьми. Бумага и карандаши наши; можно взять с собой "
            "любимую игрушку.",
            uk="Батьки залишаються з дітьми. Папір і олівці наші; можна взяти з собою "
            "улюблену іграшку.",
            ro="Părinții rămân cu copiii. Hârtia și creioanele sunt ale noastre; puteți "
            "aduce jucăria preferată.",
        ),
    ),
    days_from_now=7,
    hour=11,
    hours=1,
    audience="children",
    attendance="offline",
    capacity=20,
    related_records=(8, 11),
)

EBOOKS_WORKSHOP = EventContent(
    slug=T(
        en="workshop-e-books-from-the-library",
        ru="masterskaya-elektronnye-knigi",
        uk="maisternia-elektronni-knyhy",
        ro="atelier-carti-electronice",
    ),
    title=T(
        en="Workshop: e-books from the library",
        ru="Мастерская: электронные книги из библиотеки",
        uk="Майстерня: електронні книжки з бібліотеки",
        ro="Atelier: cărți electronice de la bibliotecă",
    ),
    summary=T(
        en="How to find, borrow and read e-books on a phone or a reader. Bring your device.",
        ru="Как найти, взять и читать электронные книги на телефоне или ридере. Приносите своё "
        "устройство.",
        uk="Як знайти, позичити й читати електронні книжки на телефоні чи рідері. Приносьте свій "
        "пристрій.",
        ro="Cum găsiți, împrumutați și citiți cărți electronice pe telefon sau pe un cititor. "
        "Aduceți-vă dispozitivul.",
    ),
    place=T(
        en="Lunca Community Centre",
        ru="Общественный центр Лунки",
        uk="Громадський центр Лунки",
        ro="Centrul comunitar Lunca",
    ),
    address=T(
        en="5 Market Street\nLunca, Prut Valley",
        ru="Рыночная улица, 5\nЛунка, долина Прута",
        uk="Ринкова вулиця, 5\nЛунка, долина Пруту",
        ro="Strada Pieței 5\nLunca, Valea Prutului",
    ),
    body=(
        T(
            en="Places are limited: register before you come. The workshop is the same every "
            "month, so if this one is full, come to the next.",
            ru="Мест немного: зарегистрируйтесь заранее. Мастерская повторяется каждый месяц — "
            "если мест нет, приходите в следующий раз.",
            uk="Місць небагато: зареєструйтеся заздалегідь. Майстерня повторюється щомісяця — "
            "якщо місць немає, приходьте наступного разу.",
            ro="Locurile sunt limitate: înscrieți-vă înainte. Atelierul se repetă în fiecare "
            "lună, așa că, dacă acesta e plin, veniți la următorul.",
        ),
    ),
    days_from_now=21,
    hour=17,
    hours=2,
    audience="adults",
    attendance="offline",
    registration_url="https://library20.example/events/register/",
    capacity=12,
)

EVENTS = (POETRY_EVENING, STORYTIME, EBOOKS_WORKSHOP)
