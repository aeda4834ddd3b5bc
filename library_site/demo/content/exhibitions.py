"""The demo's exhibitions page and one exhibition with every kind of block, written for the demo
in four languages: the first printings of Pushkin, Shevchenko, Gogol and Eminescu."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from library_site.demo.content.text import T

EXHIBITIONS_PAGE_SLUG = T(en="exhibitions", ru="exhibitions", uk="exhibitions", ro="exhibitions")
EXHIBITIONS_TITLE = T(en="Exhibitions", ru="Выставки", uk="Виставки", ro="Expoziții")
EXHIBITIONS_INTRO = T(
    en="Books, pictures and voices from our collections: in the reading room for a while, "
    "online for good.",
    ru="Книги, картины и голоса из наших фондов: в читальном зале — на время, онлайн — навсегда.",
    uk="Книжки, світлини й голоси з наших фондів: у читальній залі — на час, онлайн — назавжди.",
    ro="Cărți, imagini și voci din colecțiile noastre: în sala de lectură pentru o vreme, "
    "online pentru totdeauna.",
)


@dataclass(frozen=True)
class Media:
    """An uploaded file the loader makes: "audio" (a chime), "video" or "captions"."""

    key: str


@dataclass(frozen=True)
class Picture:
    """A demo image by its key (see library_site.demo.exhibitions.PICTURES)."""

    key: str


@dataclass(frozen=True)
class ExhibitionContent:
    slug: T
    title: T
    summary: T
    place: T
    cover: str  # a Picture key
    cover_alt: T
    days_open: int  # opened this many days before the demo is loaded
    days_left: int  # closes this many days after
    curators: tuple[tuple[T, T], ...]  # (name, role)
    sections: tuple[tuple[T, tuple[tuple[str, Any], ...]], ...]  # (title, ((block type, value)))
    credits: T
    rights: T


def para(text: T) -> tuple[str, T]:
    return ("text", text)


FIRST_PRINTINGS = ExhibitionContent(
    slug=T(
        en="first-printings",
        ru="pervye-izdaniya",
        uk="pershi-vydannia",
        ro="primele-editii",
    ),
    title=T(
        en="First printings: Pushkin, Shevchenko, Gogol, Eminescu",
        ru="Первые издания: Пушкин, Шевченко, Гоголь, Эминеску",
        uk="Перші видання: Пушкін, Шевченко, Гоголь, Емінеску",
        ro="Primele ediții: Pușkin, Șevcenko, Gogol, Eminescu",
    ),
    summary=T(
        en="How four classics first reached their readers, between 1833 and 1884, and the "
        "books of theirs you can borrow today.",
        ru="Как четыре классика впервые пришли к читателям между 1833 и 1884 годами — и какие "
        "их книги можно взять у нас сегодня.",
        uk="Як чотири класики вперше прийшли до читачів між 1833 і 1884 роками — і які їхні "
        "книжки можна взяти в нас сьогодні.",
        ro="Cum au ajuns patru clasici la primii lor cititori, între 1833 și 1884, și ce cărți "
        "de-ale lor puteți împrumuta azi.",
    ),
    place=T(
        en="Reading room, second floor",
        ru="Читальный зал, второй этаж",
        uk="Читальна зала, другий поверх",
        ro="Sala de lectură, etajul doi",
    ),
    cover="title-pages",
    cover_alt=T(
        en="Four title pages side by side on a reading desk",
        ru="Четыре титульных листа рядом на читательском столе",
        uk="Чотири титульні аркуші поруч на читацькому столі",
        ro="Patru pagini de titlu alăturate pe o masă de lectură",
    ),
    days_open=20,
    days_left=70,
    curators=(
        (
            T(
                en="Olena Kovalenko",
                ru="Елена Коваленко",
                uk="Олена Коваленко",
                ro="Olena Kovalenko",
            ),
            T(en="Curator", ru="Куратор", uk="Кураторка", ro="Curatoare"),
        ),
        (
            T(en="Andrii Moraru", ru="Андрей Морару", uk="Андрій Морару", ro="Andrii Moraru"),
            T(
                en="Recordings and design",
                ru="Записи и оформление",
                uk="Записи та оформлення",
                ro="Înregistrări și design",
            ),
        ),
    ),
    sections=(
        (
            T(en="Four books", ru="Четыре книги", uk="Чотири книжки", ro="Patru cărți"),
            (
                para(
                    T(
                        en="Each of these books changed what its language could do. Each also "
                        "began as a small printing that few people saw. Here are the editions "
                        "we hold, and what made their first appearance matter.",
                        ru="Каждая из этих книг изменила возможности своего языка. И каждая "
                        "начиналась с небольшого тиража, который видели немногие. Вот издания из "
                        "наших фондов и то, чем было важно их первое появление.",
                        uk="Кожна з цих книжок змінила можливості своєї мови. І кожна починалася "
                        "з невеликого накладу, який бачили небагато людей. Ось видання з наших "
                        "фондів і те, чим було важливе їхнє перше з'явлення.",
                        ro="Fiecare dintre aceste cărți a schimbat ce putea face limba ei. Și "
                        "fiecare a început ca un tiraj mic, văzut de puțini. Iată edițiile pe "
                        "care le avem și de ce a contat prima lor apariție.",
                    )
                ),
                (
                    "catalogue_item",
                    {
                        "biblio_id": 23,
                        "note": T(
                            en="The first complete edition of the novel in verse, 1833.",
                            ru="Первое полное издание романа в стихах, 1833 год.",
                            uk="Перше повне видання роману у віршах, 1833 рік.",
                            ro="Prima ediție completă a romanului în versuri, 1833.",
                        ),
                    },
                ),
                (
                    "catalogue_item",
                    {
                        "biblio_id": 41,
                        "note": T(
                            en="Eight poems in a slim volume, printed in Saint Petersburg in 1840.",
                            ru="Восемь стихотворений в тонкой книжке, Санкт-Петербург, 1840 год.",
                            uk="Вісім поезій у тоненькій книжці, Санкт-Петербург, 1840 рік.",
                            ro="Opt poeme într-un volum subțire, tipărit la Sankt Petersburg în 1840.",
                        ),
                    },
                ),
                (
                    "catalogue_item",
                    {
                        "biblio_id": 25,
                        "note": T(
                            en="The censor changed the title; readers kept calling it Dead Souls.",
                            ru="Цензор изменил название, но читатели называли книгу «Мёртвые души».",
                            uk="Цензор змінив назву, але читачі називали книжку «Мертві душі».",
                            ro="Cenzorul a schimbat titlul; cititorii i-au spus tot Suflete moarte.",
                        ),
                    },
                ),
                (
                    "catalogue_item",
                    {
                        "biblio_id": 58,
                        "note": T(
                            en="The only collection of his poems published in his lifetime.",
                            ru="Единственный сборник его стихов, изданный при жизни поэта.",
                            uk="Єдина збірка його поезій, видана за життя поета.",
                            ro="Singura culegere de poezii apărută în timpul vieții sale.",
                        ),
                    },
                ),
                (
                    "quote",
                    {
                        "text": T(
                            en="A book is a letter sent to readers the author will never meet.",
                            ru="Книга — это письмо читателям, которых автор никогда не встретит.",
                            uk="Книжка — це лист до читачів, яких автор ніколи не зустріне.",
                            ro="O carte e o scrisoare către cititori pe care autorul nu-i va "
                            "întâlni niciodată.",
                        ),
                        "author": T(
                            en="Olena Kovalenko",
                            ru="Елена Коваленко",
                            uk="Олена Коваленко",
                            ro="Olena Kovalenko",
                        ),
                        "source": T(
                            en="opening talk of the exhibition",
                            ru="слово на открытии выставки",
                            uk="слово на відкритті виставки",
                            ro="cuvântul de deschidere al expoziției",
                        ),
                    },
                ),
            ),
        ),
        (
            T(
                en="From manuscript to print",
                ru="От рукописи к печати",
                uk="Від рукопису до друку",
                ro="De la manuscris la tipar",
            ),
            (
                (
                    "image",
                    {
                        "image": Picture("press"),
                        "alt_text": T(
                            en="A drawing of a hand press with a sheet on its bed",
                            ru="Рисунок ручного печатного станка с листом на талере",
                            uk="Малюнок ручного друкарського верстата з аркушем на талері",
                            ro="Desen al unei prese de mână cu o coală pe platan",
                        ),
                        "caption": T(
                            en="Books like these were printed sheet by sheet on hand presses.",
                            ru="Такие книги печатали лист за листом на ручных станках.",
                            uk="Такі книжки друкували аркуш за аркушем на ручних верстатах.",
                            ro="Cărți ca acestea se tipăreau coală cu coală, la prese de mână.",
                        ),
                        "attribution": T(
                            en="Drawing made for this exhibition",
                            ru="Рисунок сделан для этой выставки",
                            uk="Малюнок зроблено для цієї виставки",
                            ro="Desen realizat pentru această expoziție",
                        ),
                        "licence": T(
                            en="CC BY 4.0", ru="CC BY 4.0", uk="CC BY 4.0", ro="CC BY 4.0"
                        ),
                        "licence_url": "https://creativecommons.org/licenses/by/4.0/",
                    },
                ),
                (
                    "gallery",
                    {
                        "title": T(
                            en="Title pages",
                            ru="Титульные листы",
                            uk="Титульні аркуші",
                            ro="Pagini de titlu",
                        ),
                        "images": [
                            {
                                "image": Picture(key),
                                "alt_text": alt,
                                "caption": caption,
                            }
                            for key, alt, caption in (
                                (
                                    "onegin",
                                    T(
                                        en="Title page reading Eugene Onegin, 1833",
                                        ru="Титульный лист: «Евгений Онегин», 1833",
                                        uk="Титульний аркуш: «Євгеній Онєгін», 1833",
                                        ro="Pagina de titlu: Evgheni Oneghin, 1833",
                                    ),
                                    T(
                                        en="Pushkin, Eugene Onegin",
                                        ru="Пушкин, «Евгений Онегин»",
                                        uk="Пушкін, «Євгеній Онєгін»",
                                        ro="Pușkin, Evgheni Oneghin",
                                    ),
                                ),
                                (
                                    "kobzar",
                                    T(
                                        en="Title page reading Kobzar, 1840",
                                        ru="Титульный лист: «Кобзарь», 1840",
                                        uk="Титульний аркуш: «Кобзар», 1840",
                                        ro="Pagina de titlu: Kobzar, 1840",
                                    ),
                                    T(
                                        en="Shevchenko, Kobzar",
                                        ru="Шевченко, «Кобзарь»",
                                        uk="Шевченко, «Кобзар»",
                                        ro="Șevcenko, Kobzar",
                                    ),
                                ),
                                (
                                    "poesii",
                                    T(
                                        en="Title page reading Poesii, 1884",
                                        ru="Титульный лист: «Poesii», 1884",
                                        uk="Титульний аркуш: «Poesii», 1884",
                                        ro="Pagina de titlu: Poesii, 1884",
                                    ),
                                    T(
                                        en="Eminescu, Poems",
                                        ru="Эминеску, «Стихотворения»",
                                        uk="Емінеску, «Поезії»",
                                        ro="Eminescu, Poesii",
                                    ),
                                ),
                            )
                        ],
                    },
                ),
                (
                    "timeline",
                    {
                        "title": T(
                            en="Fifty years of first printings",
                            ru="Полвека первых изданий",
                            uk="Півстоліття перших видань",
                            ro="Cincizeci de ani de prime ediții",
                        ),
                        "entries": [
                            {"when": when, "title": title, "text": text}
                            for when, title, text in (
                                (
                                    "1825",
                                    T(
                                        en="Onegin, chapter one",
                                        ru="«Онегин», первая глава",
                                        uk="«Онєгін», перший розділ",
                                        ro="Oneghin, capitolul întâi",
                                    ),
                                    T(
                                        en="Pushkin publishes the novel a chapter at a time.",
                                        ru="Пушкин выпускает роман по главам.",
                                        uk="Пушкін видає роман окремими розділами.",
                                        ro="Pușkin publică romanul capitol cu capitol.",
                                    ),
                                ),
                                (
                                    "1833",
                                    T(
                                        en="Eugene Onegin in one volume",
                                        ru="«Евгений Онегин» одной книгой",
                                        uk="«Євгеній Онєгін» однією книжкою",
                                        ro="Evgheni Oneghin într-un volum",
                                    ),
                                    T(
                                        en="The first complete edition.",
                                        ru="Первое полное издание.",
                                        uk="Перше повне видання.",
                                        ro="Prima ediție completă.",
                                    ),
                                ),
                                (
                                    "1840",
                                    T(
                                        en="Kobzar",
                                        ru="«Кобзарь»",
                                        uk="«Кобзар»",
                                        ro="Kobzar",
                                    ),
                                    T(
                                        en="Shevchenko's first book of poems.",
                                        ru="Первая книга стихов Шевченко.",
                                        uk="Перша книжка поезій Шевченка.",
                                        ro="Prima carte de poezii a lui Șevcenko.",
                                    ),
                                ),
                                (
                                    "1842-05-21",
                                    T(
                                        en="Dead Souls is out",
                                        ru="Выходят «Мёртвые души»",
                                        uk="Виходять «Мертві душі»",
                                        ro="Apare Suflete moarte",
                                    ),
                                    T(
                                        en="Printed in Moscow under the censor's title.",
                                        ru="Напечатаны в Москве под цензурным названием.",
                                        uk="Надруковано в Москві під цензурною назвою.",
                                        ro="Tipărită la Moscova sub titlul cerut de cenzor.",
                                    ),
                                ),
                                (
                                    "1884",
                                    T(
                                        en="Poesii",
                                        ru="«Poesii»",
                                        uk="«Poesii»",
                                        ro="Poesii",
                                    ),
                                    T(
                                        en="Titu Maiorescu edits Eminescu's poems.",
                                        ru="Титу Майореску издаёт стихи Эминеску.",
                                        uk="Титу Майореску видає поезії Емінеску.",
                                        ro="Titu Maiorescu îngrijește poeziile lui Eminescu.",
                                    ),
                                ),
                            )
                        ],
                    },
                ),
            ),
        ),
        (
            T(
                en="Listen and watch",
                ru="Слушайте и смотрите",
                uk="Слухайте й дивіться",
                ro="Ascultați și priviți",
            ),
            (
                (
                    "audio",
                    {
                        "title": T(
                            en="The exhibition's bell",
                            ru="Колокольчик выставки",
                            uk="Дзвіночок виставки",
                            ro="Clopoțelul expoziției",
                        ),
                        "audio": Media("audio"),
                        "transcript": T(
                            en="A single bell rings and fades: the sound that opens our readings.",
                            ru="Звенит и затихает колокольчик: так начинаются наши чтения.",
                            uk="Дзвенить і затихає дзвіночок: так починаються наші читання.",
                            ro="Un clopoțel sună și se stinge: așa încep lecturile noastre.",
                        ),
                    },
                ),
                (
                    "video",
                    {
                        "title": T(
                            en="Turning the pages",
                            ru="Листая страницы",
                            uk="Гортаючи сторінки",
                            ro="Răsfoind paginile",
                        ),
                        "embed": "",
                        "video": Media("video"),
                        "captions": Media("captions"),
                        "captions_language": "en",
                    },
                ),
            ),
        ),
        (
            T(en="Where it happened", ru="Где это было", uk="Де це було", ro="Unde s-a întâmplat"),
            (
                para(
                    T(
                        en="Pushkin spent three years of exile in Chișinău, where he wrote the "
                        "first lines of Onegin.",
                        ru="Пушкин провёл три года ссылки в Кишинёве, где написал первые строки "
                        "«Онегина».",
                        uk="Пушкін провів три роки заслання в Кишиневі, де написав перші рядки "
                        "«Онєгіна».",
                        ro="Pușkin a petrecut trei ani de exil la Chișinău, unde a scris primele "
                        "versuri din Oneghin.",
                    )
                ),
                (
                    "map_point",
                    {
                        "label": T(
                            en="Pushkin House Museum, Chișinău",
                            ru="Дом-музей Пушкина, Кишинёв",
                            uk="Будинок-музей Пушкіна, Кишинів",
                            ro="Casa-muzeu A. S. Pușkin, Chișinău",
                        ),
                        "latitude": 47.0275,
                        "longitude": 28.8286,
                        "zoom": 17,
                        "text": T(
                            en="The house where he lived from 1820.",
                            ru="Дом, где он жил с 1820 года.",
                            uk="Будинок, де він жив від 1820 року.",
                            ro="Casa în care a locuit din 1820.",
                        ),
                    },
                ),
            ),
        ),
    ),
    credits=T(
        en="Texts: Olena Kovalenko. Recordings and drawings: Andrii Moraru.",
        ru="Тексты: Елена Коваленко. Записи и рисунки: Андрей Морару.",
        uk="Тексти: Олена Коваленко. Записи й малюнки: Андрій Морару.",
        ro="Texte: Olena Kovalenko. Înregistrări și desene: Andrii Moraru.",
    ),
    rights=T(
        en="Texts and drawings: CC BY 4.0, Prut Valley Public Library.",
        ru="Тексты и рисунки: CC BY 4.0, Публичная библиотека долины Прута.",
        uk="Тексти й малюнки: CC BY 4.0, Публічна бібліотека долини Пруту.",
        ro="Texte și desene: CC BY 4.0, Biblioteca Publică Valea Prutului.",
    ),
)

EXHIBITIONS = (FIRST_PRINTINGS,)
