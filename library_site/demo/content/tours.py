"""The demo's virtual tour of the library: six stops, written for the demo in four languages."""

from __future__ import annotations

from dataclasses import dataclass

from library_site.demo.content.text import T

TOUR_SLUG = T(en="tour", ru="ekskursiya", uk="ekskursiia", ro="tur")
TOUR_TITLE = T(
    en="A walk through the library",
    ru="Прогулка по библиотеке",
    uk="Прогулянка бібліотекою",
    ro="O plimbare prin bibliotecă",
)
TOUR_INTRO = T(
    en="Six rooms, from the front door to the rare books. Open a numbered spot on a picture "
    "to see the book on the shelf in the catalogue, or the page that tells more.",
    ru="Шесть залов — от входной двери до редких книг. Откройте пронумерованную точку на "
    "снимке, чтобы увидеть книгу с полки в каталоге или страницу, где рассказано больше.",
    uk="Шість зал — від вхідних дверей до рідкісних книжок. Відкрийте пронумеровану точку на "
    "світлині, щоб побачити книжку з полиці в каталозі або сторінку, де розказано більше.",
    ro="Șase săli, de la ușa de la intrare până la cărțile rare. Deschideți un punct numerotat "
    "de pe imagine ca să vedeți cartea de pe raft în catalog sau pagina care spune mai mult.",
)


@dataclass(frozen=True)
class HotspotContent:
    caption: T
    x: float
    y: float
    record: int | None = None  # a sandbox biblio id
    page: str = ""  # the English slug of a page under the home page
    url: str = ""


@dataclass(frozen=True)
class StopContent:
    title: T
    text: T
    alt: T
    drawing: str  # a key of library_site.demo.images.DRAWINGS
    hotspots: tuple[HotspotContent, ...]
    panorama: bool = False

    def texts(self) -> list[T]:
        return [self.title, self.text, self.alt, *(spot.caption for spot in self.hotspots)]


ENTRANCE = StopContent(
    title=T(en="The entrance hall", ru="Вестибюль", uk="Вестибюль", ro="Holul de la intrare"),
    text=T(
        en="The doors open by themselves and there is not a single step to climb. On the left "
        "is the information desk: librarians give out reader cards there, answer questions "
        "and take your suggestions for new books.",
        ru="Двери открываются сами, и нет ни одной ступеньки. Слева — справочная стойка: здесь "
        "библиотекари выдают читательские билеты, отвечают на вопросы и принимают заявки на "
        "новые книги.",
        uk="Двері відчиняються самі, і немає жодної сходинки. Ліворуч — довідкова стійка: тут "
        "бібліотекарі видають читацькі квитки, відповідають на запитання й приймають побажання "
        "щодо нових книжок.",
        ro="Ușile se deschid singure și nu e nicio treaptă de urcat. În stânga este biroul de "
        "informații: aici bibliotecarii eliberează permise de cititor, răspund la întrebări și "
        "primesc propunerile dumneavoastră de cărți noi.",
    ),
    alt=T(
        en="A bright hall with glass doors, an information desk on the left and a noticeboard "
        "on the right.",
        ru="Светлый вестибюль со стеклянными дверями, справочной стойкой слева и доской "
        "объявлений справа.",
        uk="Світлий вестибюль зі скляними дверима, довідковою стійкою ліворуч і дошкою "
        "оголошень праворуч.",
        ro="Un hol luminos cu uși de sticlă, biroul de informații în stânga și un avizier în "
        "dreapta.",
    ),
    drawing="entrance",
    hotspots=(
        HotspotContent(
            caption=T(
                en="Information desk: ask a librarian",
                ru="Справочная стойка: спросите библиотекаря",
                uk="Довідкова стійка: запитайте бібліотекаря",
                ro="Biroul de informații: întrebați un bibliotecar",
            ),
            x=22,
            y=62,
            page="contacts",
        ),
        HotspotContent(
            caption=T(
                en="Opening hours and how to reach us",
                ru="Часы работы и как до нас добраться",
                uk="Години роботи і як до нас дістатися",
                ro="Programul și cum ajungeți la noi",
            ),
            x=50,
            y=45,
            page="visiting",
        ),
        HotspotContent(
            caption=T(
                en="Noticeboard: what is on at the library",
                ru="Доска объявлений: что происходит в библиотеке",
                uk="Дошка оголошень: що відбувається в бібліотеці",
                ro="Avizierul: ce se întâmplă la bibliotecă",
            ),
            x=80,
            y=40,
            page="events",
        ),
    ),
)

SELF_CHECK = StopContent(
    title=T(
        en="Catalogue and self-check",
        ru="Каталог и самообслуживание",
        uk="Каталог і самообслуговування",
        ro="Catalogul și autoservirea",
    ),
    text=T(
        en="Search the catalogue at the terminals, then borrow at the self-check machine: put "
        "your books on its pad, scan your reader card, and it lends them all at once. Returns "
        "go the same way, even when the library's network is down.",
        ru="Найдите книгу в каталоге на терминалах, а потом возьмите её на станции "
        "самообслуживания: положите книги на площадку, поднесите читательский билет — и "
        "станция выдаст их все сразу. Возврат — так же, даже когда сеть библиотеки не работает.",
        uk="Знайдіть книжку в каталозі на терміналах, а потім візьміть її на станції "
        "самообслуговування: покладіть книжки на майданчик, піднесіть читацький квиток — і "
        "станція видасть їх усі одразу. Повернення — так само, навіть коли мережа бібліотеки "
        "не працює.",
        ro="Căutați în catalog la terminale, apoi împrumutați la aparatul de autoservire: puneți "
        "cărțile pe suport, scanați permisul de cititor și aparatul le împrumută pe toate "
        "deodată. Returnarea se face la fel, chiar și când rețeaua bibliotecii nu merge.",
    ),
    alt=T(
        en="Two catalogue terminals on a counter and a self-check machine with a reading pad "
        "for books, beside a trolley of returned books.",
        ru="Два терминала каталога на стойке и станция самообслуживания с площадкой для книг, "
        "рядом — тележка с возвращёнными книгами.",
        uk="Два термінали каталогу на стійці й станція самообслуговування з майданчиком для "
        "книжок, поруч — візок із поверненими книжками.",
        ro="Două terminale de catalog pe un pupitru și un aparat de autoservire cu suport "
        "pentru cărți, lângă un cărucior cu cărți returnate.",
    ),
    drawing="self-check",
    hotspots=(
        HotspotContent(
            caption=T(
                en="Catalogue terminals: search the catalogue",
                ru="Терминалы каталога: поиск по каталогу",
                uk="Термінали каталогу: пошук у каталозі",
                ro="Terminalele catalogului: căutați în catalog",
            ),
            x=26,
            y=39,
            page="catalogue",
        ),
        HotspotContent(
            caption=T(
                en="Self-check machine: borrowing and returns",
                ru="Станция самообслуживания: выдача и возврат",
                uk="Станція самообслуговування: видача і повернення",
                ro="Aparatul de autoservire: împrumut și returnare",
            ),
            x=62,
            y=50,
            page="visiting",
        ),
        HotspotContent(
            caption=T(
                en="Just returned: Death and the penguin",
                ru="Только что вернули: «Смерть и пингвин»",
                uk="Щойно повернули: «Смерть і пінгвін»",
                ro="Abia returnată: „Moartea și pinguinul”",
            ),
            x=86,
            y=62,
            record=21,
        ),
    ),
)

READING_ROOM = StopContent(
    title=T(en="The reading room", ru="Читальный зал", uk="Читальна зала", ro="Sala de lectură"),
    text=T(
        en="Forty seats by the tall windows, quiet and full of light. Along the wall stand the "
        "classics in all four languages of the library: take any of them down and read it "
        "here. Drag the picture, or use the arrow keys on it, to look around the room.",
        ru="Сорок мест у высоких окон, тишина и много света. Вдоль стены стоит классика на всех "
        "четырёх языках библиотеки: берите любую книгу и читайте здесь. Потяните снимок или "
        "используйте на нём клавиши со стрелками, чтобы осмотреть зал.",
        uk="Сорок місць біля високих вікон, тиша і багато світла. Уздовж стіни стоїть класика "
        "всіма чотирма мовами бібліотеки: беріть будь-яку книжку й читайте тут. Потягніть "
        "світлину або скористайтеся на ній клавішами зі стрілками, щоб оглянути залу.",
        ro="Patruzeci de locuri lângă ferestrele înalte, liniște și multă lumină. De-a lungul "
        "peretelui stau clasicii în toate cele patru limbi ale bibliotecii: luați oricare și "
        "citiți-l aici. Trageți de imagine sau folosiți pe ea tastele cu săgeți ca să priviți "
        "sala de jur împrejur.",
    ),
    alt=T(
        en="A panorama of the reading room: long tables with green lamps under tall windows, "
        "and bookcases along the whole wall.",
        ru="Панорама читального зала: длинные столы с зелёными лампами под высокими окнами и "
        "книжные шкафы вдоль всей стены.",
        uk="Панорама читальної зали: довгі столи із зеленими лампами під високими вікнами та "
        "книжкові шафи вздовж усієї стіни.",
        ro="O panoramă a sălii de lectură: mese lungi cu lămpi verzi sub ferestre înalte și "
        "biblioteci de-a lungul întregului perete.",
    ),
    drawing="reading-room",
    panorama=True,
    hotspots=(
        HotspotContent(
            caption=T(
                en="Great expectations, by Charles Dickens",
                ru="«Большие надежды» Чарльза Диккенса",
                uk="«Великі сподівання» Чарльза Дікенса",
                ro="„Marile speranțe” de Charles Dickens",
            ),
            x=7,
            y=40,
            record=1,
        ),
        HotspotContent(
            caption=T(
                en="Crime and punishment, by Fyodor Dostoyevsky",
                ru="«Преступление и наказание» Фёдора Достоевского",
                uk="«Злочин і кара» Федора Достоєвського",
                ro="„Crimă și pedeapsă” de Feodor Dostoievski",
            ),
            x=26,
            y=40,
            record=18,
        ),
        HotspotContent(
            caption=T(
                en="Marusia Churai, by Lina Kostenko",
                ru="«Маруся Чурай» Лины Костенко",
                uk="«Маруся Чурай» Ліни Костенко",
                ro="„Marusia Ciurai” de Lina Kostenko",
            ),
            x=46,
            y=40,
            record=43,
        ),
        HotspotContent(
            caption=T(
                en="Moromeții, by Marin Preda",
                ru="«Мороменцы» Марина Преды",
                uk="«Мороменці» Марина Преди",
                ro="„Moromeții” de Marin Preda",
            ),
            x=65,
            y=40,
            record=66,
        ),
        HotspotContent(
            caption=T(
                en="Readings and talks in this room",
                ru="Чтения и встречи в этом зале",
                uk="Читання та зустрічі в цій залі",
                ro="Lecturi și întâlniri în această sală",
            ),
            x=47,
            y=83,
            page="events",
        ),
    ),
)

CHILDREN = StopContent(
    title=T(
        en="The children's room",
        ru="Детский зал",
        uk="Дитяча зала",
        ro="Sala copiilor",
    ),
    text=T(
        en="Low shelves that small hands can reach, a soft carpet and a corner of cushions. "
        "On Saturday mornings a librarian reads aloud here, in a different language each week.",
        ru="Низкие полки, до которых дотянутся маленькие руки, мягкий ковёр и уголок с "
        "подушками. По субботам утром библиотекарь читает здесь вслух — каждую неделю на "
        "другом языке.",
        uk="Низькі полиці, до яких дотягнуться маленькі руки, м'який килим і куточок із "
        "подушками. Щосуботи зранку бібліотекарка читає тут уголос — щотижня іншою мовою.",
        ro="Rafturi joase la care ajung și mâinile mici, un covor moale și un colț cu perne. "
        "Sâmbăta dimineața un bibliotecar citește aici cu voce tare, în fiecare săptămână în "
        "altă limbă.",
    ),
    alt=T(
        en="A colourful room with low shelves of picture books, a round carpet and cushions.",
        ru="Яркий зал с низкими полками книжек с картинками, круглым ковром и подушками.",
        uk="Яскрава зала з низькими полицями книжок із малюнками, круглим килимом і подушками.",
        ro="O sală colorată cu rafturi joase de cărți ilustrate, un covor rotund și perne.",
    ),
    drawing="children",
    hotspots=(
        HotspotContent(
            caption=T(
                en="Winnie-the-Pooh, by A. A. Milne",
                ru="«Винни-Пух» Алана Милна",
                uk="«Вінні-Пух» Алана Мілна",
                ro="„Winnie-the-Pooh” de A. A. Milne",
            ),
            x=15,
            y=40,
            record=11,
        ),
        HotspotContent(
            caption=T(
                en="Moidodyr, by Korney Chukovsky",
                ru="«Мойдодыр» Корнея Чуковского",
                uk="«Мийдодір» Корнія Чуковського",
                ro="„Moidodîr” de Kornei Ciukovski",
            ),
            x=39,
            y=40,
            record=35,
        ),
        HotspotContent(
            caption=T(
                en="The Book of Apolodor, by Gellu Naum",
                ru="«Книга об Аполодоре» Геллу Наума",
                uk="«Книжка про Аполодора» Джеллу Наума",
                ro="„Cartea cu Apolodor” de Gellu Naum",
            ),
            x=63,
            y=40,
            record=71,
        ),
        HotspotContent(
            caption=T(
                en="Storytime on Saturdays",
                ru="Сказки по субботам",
                uk="Казки щосуботи",
                ro="Povești în fiecare sâmbătă",
            ),
            x=50,
            y=82,
            page="events",
        ),
    ),
)

RARE_BOOKS = StopContent(
    title=T(
        en="The rare books room",
        ru="Зал редких книг",
        uk="Зала рідкісних книжок",
        ro="Sala cărților rare",
    ),
    text=T(
        en="First editions and the history of the region, kept cool and dark behind glass. "
        "Anyone may read them here, by appointment and with a librarian at hand.",
        ru="Первые издания и история края — в прохладе и полумраке, за стеклом. Читать их здесь "
        "может каждый, по предварительной записи и рядом с библиотекарем.",
        uk="Перші видання та історія краю — у прохолоді й напівтемряві, за склом. Читати їх тут "
        "може кожен, за попереднім записом і поруч із бібліотекарем.",
        ro="Primele ediții și istoria ținutului, păstrate la răcoare și în semiîntuneric, după "
        "sticlă. Oricine le poate citi aici, cu programare și cu un bibliotecar alături.",
    ),
    alt=T(
        en="A dim room with glass-fronted cabinets of old leather-bound books and a reading "
        "desk with a book cradle.",
        ru="Полутёмный зал с застеклёнными шкафами старых книг в кожаных переплётах и столом с "
        "подставкой для чтения.",
        uk="Напівтемна зала із заскленими шафами старих книжок у шкіряних оправах і столом із "
        "підставкою для читання.",
        ro="O sală în semiîntuneric cu dulapuri cu uși de sticlă pline de cărți vechi legate în "
        "piele și o masă de lectură cu un suport pentru carte.",
    ),
    drawing="rare-books",
    hotspots=(
        HotspotContent(
            caption=T(
                en="Kobzar, Saint Petersburg, 1840",
                ru="«Кобзарь», Санкт-Петербург, 1840",
                uk="«Кобзар», Санкт-Петербург, 1840",
                ro="„Kobzar”, Sankt Petersburg, 1840",
            ),
            x=16,
            y=40,
            record=41,
        ),
        HotspotContent(
            caption=T(
                en="Eugene Onegin, Saint Petersburg, 1833",
                ru="«Евгений Онегин», Санкт-Петербург, 1833",
                uk="«Євгеній Онєгін», Санкт-Петербург, 1833",
                ro="„Evgheni Oneghin”, Sankt Petersburg, 1833",
            ),
            x=38,
            y=40,
            record=23,
        ),
        HotspotContent(
            caption=T(
                en="Eminescu's Poems, Bucharest, 1884",
                ru="«Стихотворения» Эминеску, Бухарест, 1884",
                uk="«Поезії» Емінеску, Бухарест, 1884",
                ro="„Poesii” de Eminescu, București, 1884",
            ),
            x=60,
            y=40,
            record=58,
        ),
        HotspotContent(
            caption=T(
                en="Book a visit to the rare books",
                ru="Записаться в зал редких книг",
                uk="Записатися до зали рідкісних книжок",
                ro="Programați o vizită la cărțile rare",
            ),
            x=85,
            y=72,
            page="contacts",
        ),
        HotspotContent(
            caption=T(
                en="More old books, digitised, on Europeana",
                ru="Больше старых книг, оцифрованных, — на Europeana",
                uk="Більше старих книжок, оцифрованих, — на Europeana",
                ro="Mai multe cărți vechi, digitizate, pe Europeana",
            ),
            x=85,
            y=52,
            url="https://www.europeana.eu/",
        ),
    ),
)

STUDY = StopContent(
    title=T(
        en="Computers and quiet study",
        ru="Компьютеры и тихая работа",
        uk="Комп'ютери й тиха робота",
        ro="Calculatoare și studiu în liniște",
    ),
    text=T(
        en="Computers with a printer and a scanner, free Wi-Fi, and desks with a socket for your "
        "own laptop. The small rooms at the back can be booked for group work.",
        ru="Компьютеры с принтером и сканером, бесплатный Wi-Fi и столы с розеткой для вашего "
        "ноутбука. Маленькие комнаты в глубине можно забронировать для работы в группе.",
        uk="Комп'ютери з принтером і сканером, безкоштовний Wi-Fi та столи з розеткою для "
        "вашого ноутбука. Невеликі кімнати в глибині можна забронювати для роботи в групі.",
        ro="Calculatoare cu imprimantă și scaner, Wi-Fi gratuit și mese cu priză pentru "
        "laptopul dumneavoastră. Încăperile mici din spate pot fi rezervate pentru lucrul în "
        "grup.",
    ),
    alt=T(
        en="A row of desks with computers, a printer by the wall and glass doors to small study "
        "rooms at the back.",
        ru="Ряд столов с компьютерами, принтер у стены и стеклянные двери маленьких комнат для "
        "занятий в глубине.",
        uk="Ряд столів із комп'ютерами, принтер біля стіни та скляні двері невеликих кімнат для "
        "занять у глибині.",
        ro="Un șir de mese cu calculatoare, o imprimantă lângă perete și uși de sticlă spre "
        "încăperile mici de studiu din spate.",
    ),
    drawing="study",
    hotspots=(
        HotspotContent(
            caption=T(
                en="The C programming language, by Kernighan and Ritchie",
                ru="«Язык программирования C» Кернигана и Ритчи",
                uk="«Мова програмування C» Кернігана та Річі",
                ro="„Limbajul de programare C” de Kernighan și Ritchie",
            ),
            x=31,
            y=50,
            record=22,
        ),
        HotspotContent(
            caption=T(
                en="A brief history of time, by Stephen Hawking",
                ru="«Краткая история времени» Стивена Хокинга",
                uk="«Коротка історія часу» Стівена Гокінга",
                ro="„Scurtă istorie a timpului” de Stephen Hawking",
            ),
            x=57,
            y=50,
            record=14,
        ),
        HotspotContent(
            caption=T(
                en="About the library and its services",
                ru="О библиотеке и её услугах",
                uk="Про бібліотеку та її послуги",
                ro="Despre bibliotecă și serviciile ei",
            ),
            x=82,
            y=35,
            page="about",
        ),
    ),
)

STOPS = (ENTRANCE, SELF_CHECK, READING_ROOM, CHILDREN, RARE_BOOKS, STUDY)


def texts() -> list[T]:
    """Every string of the demo tour, for the translation catalogue."""
    found = [TOUR_TITLE, TOUR_INTRO]
    for stop in STOPS:
        found.extend(stop.texts())
    return found
