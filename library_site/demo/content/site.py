"""The demo library: its profile and the home, about, visiting and contacts pages, in four languages.

The Prut Valley Public Library and its town of Lunca are invented for this demo.
"""

from __future__ import annotations

from dataclasses import dataclass

from library_site.demo.content.blocks import Block, bullets, heading, image, paragraphs, quote
from library_site.demo.content.text import T


@dataclass(frozen=True)
class PageContent:
    slug: T  # each translation gets its own, transliterated as an editor would type it
    title: T
    intro: T
    search_description: T
    body: tuple[Block, ...]
    social_image: str = ""

    def texts(self) -> list[T]:
        texts = [self.title, self.intro, self.search_description]
        for block in self.body:
            texts.extend(block.texts())
        return texts


LIBRARY_NAME = T(
    en="Prut Valley Public Library",
    ru="Публичная библиотека долины Прута",
    uk="Публічна бібліотека долини Пруту",
    ro="Biblioteca Publică Valea Prutului",
)
LIBRARY_ADDRESS = T(
    en="1 Reading Square\nLunca, Prut Valley",
    ru="Читальная площадь, 1\nЛунка, долина Прута",
    uk="Читацька площа, 1\nЛунка, долина Пруту",
    ro="Piața Lecturii 1\nLunca, Valea Prutului",
)
OPENING_HOURS = T(
    en="Monday–Friday 9:00–19:00\nSaturday 10:00–16:00\nSunday closed",
    ru="Понедельник–пятница 9:00–19:00\nСуббота 10:00–16:00\nВоскресенье — выходной",
    uk="Понеділок–п’ятниця 9:00–19:00\nСубота 10:00–16:00\nНеділя — вихідний",
    ro="Luni–vineri 9:00–19:00\nSâmbătă 10:00–16:00\nDuminică închis",
)
# The same hours as periods (weekday 0 is Monday, hours from, until): the live chat follows them.
OPENING_PERIODS = (
    *((weekday, "9:00", "19:00") for weekday in range(5)),
    (5, "10:00", "16:00"),
)
PHONE = "+373 000 00 000"
EMAIL = "ask@library20.example"
SOCIAL_ACCOUNTS = (
    ("telegram", "https://t.me/library20_demo"),
    ("vk", "https://vk.com/library20_demo"),
    ("facebook", "https://www.facebook.com/library20.demo"),
    ("mastodon", "https://mastodon.social/@library20_demo"),
    ("youtube", "https://www.youtube.com/@library20_demo"),
)

HOME = PageContent(
    slug=T("home", "glavnaya", "holovna", "acasa"),
    title=T(
        en="Welcome to the library",
        ru="Добро пожаловать в библиотеку",
        uk="Ласкаво просимо до бібліотеки",
        ro="Bine ați venit la bibliotecă",
    ),
    intro=T(
        en="Books, reading rooms and friendly help for readers of all ages, "
        "in English, Russian, Ukrainian and Romanian.",
        ru="Книги, читальные залы и доброжелательная помощь читателям всех возрастов — "
        "на английском, русском, украинском и румынском языках.",
        uk="Книжки, читальні зали та привітна допомога читачам будь-якого віку — "
        "англійською, російською, українською та румунською мовами.",
        ro="Cărți, săli de lectură și ajutor prietenos pentru cititori de toate vârstele, "
        "în engleză, rusă, ucraineană și română.",
    ),
    search_description=T(
        en="The public library of the Prut valley: catalogue, reading rooms, events and help "
        "for readers.",
        ru="Публичная библиотека долины Прута: каталог, читальные залы, мероприятия и помощь "
        "читателям.",
        uk="Публічна бібліотека долини Пруту: каталог, читальні зали, заходи та допомога читачам.",
        ro="Biblioteca publică din Valea Prutului: catalog, săli de lectură, evenimente și ajutor "
        "pentru cititori.",
    ),
    social_image="shelves",
    body=(
        heading(
            T("Open to everyone", "Открыта для всех", "Відкрита для всіх", "Deschisă pentru toți")
        ),
        paragraphs(
            T(
                en="Anyone may visit the reading rooms, use the computers and Wi-Fi, and ask a "
                "librarian for help. A library card is free and lets you borrow up to ten items "
                "at a time.",
                ru="Каждый может прийти в читальные залы, пользоваться компьютерами и Wi-Fi и "
                "обратиться за помощью к библиотекарю. Читательский билет бесплатный и позволяет "
                "брать домой до десяти изданий одновременно.",
                uk="Кожен може відвідати читальні зали, скористатися комп’ютерами та Wi-Fi і "
                "звернутися по допомогу до бібліотекаря. Читацький квиток безкоштовний і дає змогу "
                "брати додому до десяти видань одночасно.",
                ro="Oricine poate vizita sălile de lectură, poate folosi calculatoarele și rețeaua "
                "Wi-Fi și poate cere ajutorul unui bibliotecar. Permisul de cititor este gratuit și "
                "vă permite să împrumutați până la zece documente deodată.",
            )
        ),
        image(
            "shelves",
            alt_text=T(
                en="Rows of colourful book spines on wooden shelves",
                ru="Ряды разноцветных книжных корешков на деревянных полках",
                uk="Ряди різнокольорових книжкових корінців на дерев’яних полицях",
                ro="Rânduri de cotoare colorate de cărți pe rafturi de lemn",
            ),
            caption=T(
                en="The open shelves of the main reading room.",
                ru="Открытый доступ в главном читальном зале.",
                uk="Відкритий доступ у головній читальній залі.",
                ro="Raftul cu acces liber din sala principală de lectură.",
            ),
            attribution=T(
                en="Illustration drawn for the library20 demo, CC0",
                ru="Иллюстрация нарисована для демонстрации library20, CC0",
                uk="Ілюстрацію намальовано для демонстрації library20, CC0",
                ro="Ilustrație desenată pentru demonstrația library20, CC0",
            ),
        ),
        heading(
            T(
                en="Find your next book",
                ru="Найдите свою следующую книгу",
                uk="Знайдіть свою наступну книжку",
                ro="Găsiți următoarea carte",
            )
        ),
        paragraphs(
            T(
                en="Search the catalogue from any page, reserve what you want to read, and collect "
                "it at the lending desk or at the self-service kiosk.",
                ru="Ищите в каталоге с любой страницы, бронируйте то, что хотите прочитать, и "
                "получайте книги на абонементе или в терминале самообслуживания.",
                uk="Шукайте в каталозі з будь-якої сторінки, бронюйте те, що хочете прочитати, й "
                "отримуйте книжки на абонементі або в терміналі самообслуговування.",
                ro="Căutați în catalog de pe orice pagină, rezervați ce doriți să citiți și ridicați "
                "cărțile de la ghișeul de împrumut sau de la terminalul de autoservire.",
            )
        ),
        quote(
            T(
                en="I have always imagined that Paradise will be a kind of library.",
                ru="Я всегда представлял себе рай чем-то вроде библиотеки.",
                uk="Я завжди уявляв собі рай чимось на зразок бібліотеки.",
                ro="Întotdeauna mi-am imaginat Paradisul ca pe un fel de bibliotecă.",
            ),
            source=T(
                en="Jorge Luis Borges",
                ru="Хорхе Луис Борхес",
                uk="Хорхе Луїс Борхес",
                ro="Jorge Luis Borges",
            ),
        ),
    ),
)

ABOUT = PageContent(
    slug=T("about", "o-biblioteke", "pro-biblioteku", "despre-biblioteca"),
    title=T("About the library", "О библиотеке", "Про бібліотеку", "Despre bibliotecă"),
    intro=T(
        en="A public library for the towns and villages of the Prut valley.",
        ru="Публичная библиотека для городов и сёл долины Прута.",
        uk="Публічна бібліотека для міст і сіл долини Пруту.",
        ro="O bibliotecă publică pentru orașele și satele din Valea Prutului.",
    ),
    search_description=T(
        en="Our collections, services and the people who run the library.",
        ru="Наши фонды, услуги и люди, которые работают в библиотеке.",
        uk="Наші фонди, послуги та люди, які працюють у бібліотеці.",
        ro="Colecțiile, serviciile și oamenii care fac biblioteca.",
    ),
    body=(
        heading(T("Our collections", "Наши фонды", "Наші фонди", "Colecțiile noastre")),
        paragraphs(
            T(
                en="We hold books, periodicals, audiobooks and films in four languages, a local "
                "history room with maps and newspapers of the region, and a children's library "
                "with a reading garden.",
                ru="В наших фондах книги, периодика, аудиокниги и фильмы на четырёх языках, "
                "краеведческий зал с картами и газетами края и детская библиотека с читальным "
                "садом.",
                uk="У наших фондах книжки, періодика, аудіокниги та фільми чотирма мовами, "
                "краєзнавча зала з мапами й газетами краю та дитяча бібліотека з читацьким садом.",
                ro="Avem cărți, periodice, cărți audio și filme în patru limbi, o sală de istorie "
                "locală cu hărți și ziare ale regiunii și o bibliotecă pentru copii cu o grădină de "
                "lectură.",
            )
        ),
        heading(T("What we offer", "Что мы предлагаем", "Що ми пропонуємо", "Ce oferim")),
        bullets(
            T(
                en="Lending of books, audiobooks and films",
                ru="Выдача книг, аудиокниг и фильмов на дом",
                uk="Видача книжок, аудіокниг і фільмів додому",
                ro="Împrumut de cărți, cărți audio și filme",
            ),
            T(
                en="Reading rooms with free Wi-Fi and computers",
                ru="Читальные залы с бесплатным Wi-Fi и компьютерами",
                uk="Читальні зали з безкоштовним Wi-Fi та комп’ютерами",
                ro="Săli de lectură cu Wi-Fi gratuit și calculatoare",
            ),
            T(
                en="Help with research, family history and local history",
                ru="Помощь в поиске информации, генеалогии и краеведении",
                uk="Допомога в пошуку інформації, генеалогії та краєзнавстві",
                ro="Ajutor la documentare, genealogie și istorie locală",
            ),
            T(
                en="Reading clubs, talks and exhibitions for all ages",
                ru="Читательские клубы, встречи и выставки для всех возрастов",
                uk="Читацькі клуби, зустрічі та виставки для всіх вікових груп",
                ro="Cluburi de lectură, întâlniri și expoziții pentru toate vârstele",
            ),
        ),
        heading(T("Who we are", "Кто мы", "Хто ми", "Cine suntem")),
        paragraphs(
            T(
                en="Twelve librarians and a circle of volunteers keep the library open six days a "
                "week. Tell us what you would like us to buy: readers' wishes guide our "
                "acquisitions.",
                ru="Двенадцать библиотекарей и круг волонтёров держат библиотеку открытой шесть "
                "дней в неделю. Расскажите нам, что стоит купить: пожелания читателей определяют, "
                "чем мы пополняем фонды.",
                uk="Дванадцять бібліотекарів і гурт волонтерів тримають бібліотеку відчиненою "
                "шість днів на тиждень. Скажіть нам, що варто придбати: побажання читачів "
                "визначають, чим ми поповнюємо фонди.",
                ro="Doisprezece bibliotecari și un grup de voluntari țin biblioteca deschisă șase "
                "zile pe săptămână. Spuneți-ne ce ar trebui să cumpărăm: dorințele cititorilor ne "
                "ghidează achizițiile.",
            )
        ),
    ),
)

VISITING = PageContent(
    slug=T("visiting", "kak-nas-posetit", "yak-nas-vidvidaty", "vizitati-ne"),
    title=T("Visiting", "Как нас посетить", "Як нас відвідати", "Vizitați-ne"),
    intro=T(
        en="Opening hours, how to get here, and what to bring on your first visit.",
        ru="Часы работы, как добраться и что взять с собой при первом посещении.",
        uk="Години роботи, як дістатися та що взяти з собою під час першого візиту.",
        ro="Programul, cum ajungeți la noi și ce să aduceți la prima vizită.",
    ),
    search_description=T(
        en="Opening hours, directions, accessibility and registration for a library card.",
        ru="Часы работы, проезд, доступная среда и запись в библиотеку.",
        uk="Години роботи, як доїхати, доступність і запис до бібліотеки.",
        ro="Program, indicații de acces, accesibilitate și înscrierea la bibliotecă.",
    ),
    body=(
        heading(T("Opening hours", "Часы работы", "Години роботи", "Program")),
        paragraphs(
            T(
                en="Monday to Friday from 9:00 to 19:00, Saturday from 10:00 to 16:00. The library "
                "is closed on Sundays and public holidays.",
                ru="С понедельника по пятницу с 9:00 до 19:00, в субботу с 10:00 до 16:00. В "
                "воскресенье и в праздничные дни библиотека закрыта.",
                uk="З понеділка до п’ятниці з 9:00 до 19:00, у суботу з 10:00 до 16:00. У неділю "
                "та у святкові дні бібліотека зачинена.",
                ro="De luni până vineri între 9:00 și 19:00, sâmbăta între 10:00 și 16:00. "
                "Biblioteca este închisă duminica și în zilele de sărbătoare legală.",
            )
        ),
        heading(T("Getting here", "Как добраться", "Як дістатися", "Cum ajungeți")),
        paragraphs(
            T(
                en="The library stands on Reading Square, two minutes' walk from the bus station. "
                "Bicycle stands are by the main entrance.",
                ru="Библиотека находится на Читальной площади, в двух минутах ходьбы от "
                "автовокзала. Велопарковка — у главного входа.",
                uk="Бібліотека розташована на Читацькій площі, за дві хвилини пішки від "
                "автовокзалу. Велопарковка — біля головного входу.",
                ro="Biblioteca se află în Piața Lecturii, la două minute de mers pe jos de "
                "autogară. Suporturile pentru biciclete sunt lângă intrarea principală.",
            )
        ),
        heading(T("Accessibility", "Доступная среда", "Доступність", "Accesibilitate")),
        paragraphs(
            T(
                en="The entrance has a ramp and the lift serves every floor. Large-print books, "
                "audiobooks and a screen magnifier are available in the reading room.",
                ru="У входа есть пандус, лифт останавливается на всех этажах. В читальном зале "
                "есть книги с крупным шрифтом, аудиокниги и экранная лупа.",
                uk="Біля входу є пандус, ліфт зупиняється на всіх поверхах. У читальній залі є "
                "книжки з великим шрифтом, аудіокниги та екранна лупа.",
                ro="Intrarea are o rampă, iar liftul oprește la toate etajele. În sala de lectură "
                "găsiți cărți cu litere mari, cărți audio și o lupă electronică.",
            )
        ),
        heading(T("Your first visit", "Первое посещение", "Перший візит", "Prima vizită")),
        paragraphs(
            T(
                en="Bring an identity document to register for a library card. Children under "
                "fourteen register with a parent or guardian.",
                ru="Для записи в библиотеку возьмите с собой документ, удостоверяющий личность. "
                "Дети до четырнадцати лет записываются вместе с родителем или опекуном.",
                uk="Щоб записатися до бібліотеки, візьміть із собою документ, що посвідчує особу. "
                "Діти до чотирнадцяти років записуються разом із батьками або опікуном.",
                ro="Pentru permisul de cititor aduceți un act de identitate. Copiii sub paisprezece "
                "ani se înscriu împreună cu un părinte sau tutore.",
            )
        ),
    ),
)

CONTACTS = PageContent(
    slug=T("contacts", "kontakty", "kontakty", "contact"),
    title=T("Contacts", "Контакты", "Контакти", "Contact"),
    intro=T(
        en="Write, call or drop by: we are glad to help.",
        ru="Пишите, звоните или заходите: мы рады помочь.",
        uk="Пишіть, телефонуйте або заходьте: ми раді допомогти.",
        ro="Scrieți-ne, sunați-ne sau treceți pe la noi: vă ajutăm cu plăcere.",
    ),
    search_description=T(
        en="How to reach the library and ask a librarian.",
        ru="Как связаться с библиотекой и задать вопрос библиотекарю.",
        uk="Як зв’язатися з бібліотекою та поставити запитання бібліотекарю.",
        ro="Cum contactați biblioteca și cum puneți o întrebare unui bibliotecar.",
    ),
    body=(
        heading(
            T(
                "Ask a librarian",
                "Спросите библиотекаря",
                "Запитайте бібліотекаря",
                "Întrebați un bibliotecar",
            )
        ),
        paragraphs(
            T(
                en="Questions about the catalogue, your loans or a piece of research? Write to us "
                "and a librarian will answer within two working days.",
                ru="Есть вопросы о каталоге, ваших книгах или исследовании? Напишите нам, и "
                "библиотекарь ответит в течение двух рабочих дней.",
                uk="Маєте запитання про каталог, ваші книжки чи дослідження? Напишіть нам, і "
                "бібліотекар відповість протягом двох робочих днів.",
                ro="Aveți întrebări despre catalog, împrumuturile dvs. sau o cercetare? Scrieți-ne "
                "și un bibliotecar vă răspunde în două zile lucrătoare.",
            )
        ),
        heading(T("Departments", "Отделы", "Відділи", "Departamente")),
        bullets(
            T(
                "Lending desk: ground floor",
                "Абонемент: первый этаж",
                "Абонемент: перший поверх",
                "Împrumut: parter",
            ),
            T(
                en="Reading rooms and local history: first floor",
                ru="Читальные залы и краеведение: второй этаж",
                uk="Читальні зали та краєзнавство: другий поверх",
                ro="Săli de lectură și istorie locală: etajul întâi",
            ),
            T(
                en="Children's library: garden wing",
                ru="Детская библиотека: садовое крыло",
                uk="Дитяча бібліотека: садове крило",
                ro="Biblioteca pentru copii: aripa dinspre grădină",
            ),
        ),
    ),
)

PAGES = (ABOUT, VISITING, CONTACTS)

# The catalogue page: its slug is the same in every language (record addresses depend on it).
CATALOGUE = PageContent(
    slug=T("catalogue", "catalogue", "catalogue", "catalogue"),
    title=T("Catalogue", "Каталог", "Каталог", "Catalog"),
    intro=T(
        en="Search the library's books in English, Russian, Ukrainian and Romanian, see which "
        "copies are on the shelf, and follow what is new.",
        ru="Ищите книги библиотеки на английском, русском, украинском и румынском языках, "
        "смотрите, какие экземпляры на полке, и следите за новыми поступлениями.",
        uk="Шукайте книжки бібліотеки англійською, російською, українською та румунською мовами, "
        "дивіться, які примірники на полиці, і стежте за новими надходженнями.",
        ro="Căutați cărțile bibliotecii în engleză, rusă, ucraineană și română, vedeți ce "
        "exemplare sunt pe raft și urmăriți noutățile.",
    ),
    search_description=T(
        en="The catalogue of the Prut Valley Public Library: every book, where to find it and "
        "what is new.",
        ru="Каталог Публичной библиотеки долины Прута: все книги, где их найти и что нового.",
        uk="Каталог Публічної бібліотеки долини Пруту: усі книжки, де їх знайти і що нового.",
        ro="Catalogul Bibliotecii Publice Valea Prutului: toate cărțile, unde le găsiți și ce "
        "este nou.",
    ),
    body=(),
)
