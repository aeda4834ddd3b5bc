"""The demo's "Ask a librarian" page, its knowledge base of answered questions, the topics
and canned answers librarians use, written for the demo in four languages."""

from __future__ import annotations

from dataclasses import dataclass

from library_site.demo.content.text import T

ASK_SLUG = T(
    en="ask-a-librarian",
    ru="sprosite-bibliotekarya",
    uk="zapytajte-bibliotekaria",
    ro="intrebati-bibliotecarul",
)
ASK_TITLE = T(
    en="Ask a librarian",
    ru="Спросите библиотекаря",
    uk="Запитайте бібліотекаря",
    ro="Întrebați bibliotecarul",
)
ASK_INTRO = T(
    en="Ask us anything: how to find a book, a fact or a document, how to use the library. A "
    "librarian answers by e-mail, usually within a working day.",
    ru="Спрашивайте о чём угодно: как найти книгу, факт или документ, как пользоваться "
    "библиотекой. Библиотекарь ответит по электронной почте, обычно в течение рабочего дня.",
    uk="Питайте про будь-що: як знайти книжку, факт чи документ, як користуватися бібліотекою. "
    "Бібліотекар відповість електронною поштою, зазвичай протягом робочого дня.",
    ro="Întrebați-ne orice: cum găsiți o carte, o informație sau un document, cum folosiți "
    "biblioteca. Un bibliotecar vă răspunde prin e-mail, de obicei într-o zi lucrătoare.",
)
BASE_SLUG = T(en="answers", ru="otvety", uk="vidpovidi", ro="raspunsuri")
BASE_TITLE = T(
    en="Answers to readers' questions",
    ru="Ответы на вопросы читателей",
    uk="Відповіді на запитання читачів",
    ro="Răspunsuri la întrebările cititorilor",
)
BASE_INTRO = T(
    en="Questions readers asked us, with our answers, published with the readers' consent and "
    "without their names. Search them or browse by topic.",
    ru="Вопросы, которые нам задавали читатели, и наши ответы — опубликованы с согласия "
    "читателей и без их имён. Ищите по словам или смотрите по темам.",
    uk="Запитання, які нам ставили читачі, і наші відповіді — опубліковані за згодою читачів і "
    "без їхніх імен. Шукайте за словами або переглядайте за темами.",
    ro="Întrebări pe care ni le-au pus cititorii, cu răspunsurile noastre, publicate cu acordul "
    "lor și fără numele lor. Căutați după cuvinte sau răsfoiți pe teme.",
)


@dataclass(frozen=True)
class TopicContent:
    key: str
    name: T
    sort_order: int


TOPICS = (
    TopicContent(
        "loans",
        T(
            "Borrowing and renewing",
            "Выдача и продление",
            "Видача й продовження",
            "Împrumut și prelungire",
        ),
        10,
    ),
    TopicContent(
        "visiting",
        T(
            "Visiting the library",
            "Посещение библиотеки",
            "Відвідування бібліотеки",
            "Vizita la bibliotecă",
        ),
        20,
    ),
    TopicContent(
        "online",
        T("Online resources", "Электронные ресурсы", "Електронні ресурси", "Resurse online"),
        30,
    ),
    TopicContent(
        "research",
        T(
            "Research help",
            "Помощь в поиске информации",
            "Допомога в пошуку інформації",
            "Ajutor la cercetare",
        ),
        40,
    ),
    TopicContent(
        "card",
        T("Your library card", "Читательский билет", "Читацький квиток", "Permisul de cititor"),
        50,
    ),
)


@dataclass(frozen=True)
class CannedContent:
    title: T
    body: T


CANNED_ANSWERS = (
    CannedContent(
        T("We are looking into it", "Мы ищем ответ", "Ми шукаємо відповідь", "Căutăm răspunsul"),
        T(
            en="Thank you for your question. It needs a little research: we will write again "
            "within two working days.",
            ru="Спасибо за вопрос. Чтобы ответить, нам нужно немного поискать: мы напишем вам "
            "в течение двух рабочих дней.",
            uk="Дякуємо за запитання. Щоб відповісти, нам треба трохи пошукати: ми напишемо "
            "вам протягом двох робочих днів.",
            ro="Vă mulțumim pentru întrebare. Răspunsul cere puțină cercetare: vă scriem din nou "
            "în cel mult două zile lucrătoare.",
        ),
    ),
    CannedContent(
        T(
            "How to renew loans",
            "Как продлить книги",
            "Як продовжити книжки",
            "Cum prelungiți împrumuturile",
        ),
        T(
            en="You can renew your loans yourself: sign in, open My account, then Loans, and "
            "press Renew next to each book. A book another reader has reserved cannot be renewed.",
            ru="Продлить книги можно самостоятельно: войдите на сайт, откройте «Мой кабинет», "
            "затем «Книги на руках», и нажмите «Продлить» у каждой книги. Книгу, которую "
            "заказал другой читатель, продлить нельзя.",
            uk="Продовжити книжки можна самостійно: увійдіть на сайт, відкрийте «Мій кабінет», "
            "потім «Книжки на руках», і натисніть «Продовжити» біля кожної книжки. Книжку, яку "
            "замовив інший читач, продовжити не можна.",
            ro="Vă puteți prelungi singur împrumuturile: autentificați-vă, deschideți Contul "
            "meu, apoi Împrumuturi, și apăsați Prelungește lângă fiecare carte. O carte rezervată "
            "de alt cititor nu poate fi prelungită.",
        ),
    ),
    CannedContent(
        T("Opening hours", "Часы работы", "Години роботи", "Programul"),
        T(
            en="The library is open Monday to Friday from 9:00 to 19:00 and on Saturday from "
            "10:00 to 16:00; it is closed on Sundays and public holidays.",
            ru="Библиотека работает с понедельника по пятницу с 9:00 до 19:00 и в субботу с "
            "10:00 до 16:00; в воскресенье и в праздничные дни она закрыта.",
            uk="Бібліотека працює з понеділка до п’ятниці з 9:00 до 19:00 і в суботу з 10:00 "
            "до 16:00; у неділю та у святкові дні вона зачинена.",
            ro="Biblioteca este deschisă de luni până vineri între 9:00 și 19:00 și sâmbăta între "
            "10:00 și 16:00; duminica și în zilele de sărbătoare legală este închisă.",
        ),
    ),
)


@dataclass(frozen=True)
class EntryContent:
    slug: T
    title: T  # the question as readers would ask it
    question: T  # as asked, made anonymous
    topic: str  # a TopicContent key
    answer: tuple[T, ...]  # paragraphs
    records: tuple[tuple[int, T], ...] = ()  # sandbox biblio ids with a caption

    def texts(self) -> list[T]:
        return [self.title, self.question, *self.answer, *(note for _id, note in self.records)]


ENTRIES = (
    EntryContent(
        slug=T(
            "renew-my-books",
            "kak-prodlit-knigi",
            "yak-prodovzhyty-knyzhky",
            "cum-prelungesc-cartile",
        ),
        title=T(
            en="How can I renew the books I have borrowed?",
            ru="Как продлить книги, которые я взял?",
            uk="Як продовжити книжки, які я взяв?",
            ro="Cum pot prelungi cărțile împrumutate?",
        ),
        question=T(
            en="My books are due on Friday but I have not finished them. Can I keep them "
            "longer without coming in?",
            ru="Срок возврата книг — в пятницу, а я их ещё не дочитал. Можно ли оставить их "
            "подольше, не приходя в библиотеку?",
            uk="Термін повернення книжок — у п’ятницю, а я їх ще не дочитав. Чи можна "
            "залишити їх довше, не приходячи до бібліотеки?",
            ro="Cărțile trebuie returnate vineri, dar nu le-am terminat. Le pot păstra mai mult "
            "fără să vin la bibliotecă?",
        ),
        topic="loans",
        answer=(
            T(
                en="Yes. Sign in on this site, open My account and then Loans: each book has a "
                "Renew button, and the new due date is shown at once. Each loan can be renewed "
                "twice, for three more weeks each time; audiobooks once, for two weeks.",
                ru="Да. Войдите на сайт, откройте «Мой кабинет», затем «Книги на руках»: у каждой "
                "книги есть кнопка «Продлить», и новый срок сразу виден. Каждую книгу можно "
                "продлить дважды, каждый раз на три недели; аудиокниги — один раз, на две недели.",
                uk="Так. Увійдіть на сайт, відкрийте «Мій кабінет», потім «Книжки на руках»: у "
                "кожної книжки є кнопка «Продовжити», і новий термін одразу видно. Кожну книжку "
                "можна продовжити двічі, щоразу на три тижні; аудіокниги — один раз, на два тижні.",
                ro="Da. Autentificați-vă pe site, deschideți Contul meu și apoi Împrumuturi: "
                "fiecare carte are un buton Prelungește, iar noua dată de returnare apare "
                "imediat. Fiecare împrumut se poate prelungi de două ori, de fiecare dată cu trei "
                "săptămâni; cărțile audio o singură dată, cu două săptămâni.",
            ),
            T(
                en="A book another reader has reserved cannot be renewed: bring it back by its "
                "due date. You can also renew by telephone or at any desk.",
                ru="Книгу, которую заказал другой читатель, продлить нельзя: верните её в срок. "
                "Продлить книги можно и по телефону или на любой кафедре выдачи.",
                uk="Книжку, яку замовив інший читач, продовжити не можна: поверніть її вчасно. "
                "Продовжити книжки можна й телефоном або на будь-якій кафедрі видачі.",
                ro="O carte rezervată de alt cititor nu poate fi prelungită: aduceți-o până la "
                "data de returnare. Puteți prelungi și prin telefon sau la orice ghișeu.",
            ),
        ),
    ),
    EntryContent(
        slug=T(
            "opening-hours-holidays",
            "chasy-raboty-v-prazdniki",
            "hodyny-roboty-u-svyata",
            "programul-de-sarbatori",
        ),
        title=T(
            en="When is the library open, and on public holidays?",
            ru="Когда работает библиотека, в том числе в праздники?",
            uk="Коли працює бібліотека, зокрема у свята?",
            ro="Când este deschisă biblioteca, inclusiv de sărbători?",
        ),
        question=T(
            en="Are you open on Saturdays and during the holidays?",
            ru="Вы работаете по субботам и в праздники?",
            uk="Ви працюєте по суботах і у свята?",
            ro="Sunteți deschiși sâmbăta și în timpul sărbătorilor?",
        ),
        topic="visiting",
        answer=(
            T(
                en="The library is open Monday to Friday from 9:00 to 19:00 and on Saturday "
                "from 10:00 to 16:00. It is closed on Sundays and public holidays; on the day "
                "before a holiday it closes at 17:00.",
                ru="Библиотека работает с понедельника по пятницу с 9:00 до 19:00 и в субботу "
                "с 10:00 до 16:00. В воскресенье и в праздничные дни она закрыта, а накануне "
                "праздника закрывается в 17:00.",
                uk="Бібліотека працює з понеділка до п’ятниці з 9:00 до 19:00 і в суботу з 10:00 "
                "до 16:00. У неділю та у святкові дні вона зачинена, а напередодні свята "
                "зачиняється о 17:00.",
                ro="Biblioteca este deschisă de luni până vineri între 9:00 și 19:00 și sâmbăta "
                "între 10:00 și 16:00. Duminica și în zilele de sărbătoare legală este închisă, "
                "iar în ajunul unei sărbători se închide la 17:00.",
            ),
            T(
                en="The book drop by the main entrance is open day and night: books returned "
                "there count as returned on the next opening day.",
                ru="Ящик для возврата книг у главного входа открыт круглосуточно: книги, "
                "опущенные в него, считаются возвращёнными в ближайший рабочий день.",
                uk="Скринька для повернення книжок біля головного входу відкрита цілодобово: "
                "книжки, залишені в ній, вважаються поверненими найближчого робочого дня.",
                ro="Cutia de returnare de lângă intrarea principală este deschisă zi și noapte: "
                "cărțile lăsate acolo se socotesc returnate în următoarea zi de lucru.",
            ),
        ),
    ),
    EntryContent(
        slug=T(
            "interlibrary-loan",
            "mezhbibliotechnyi-abonement",
            "mizhbibliotechnyi-abonement",
            "imprumut-interbibliotecar",
        ),
        title=T(
            en="Can I get a book the library does not have?",
            ru="Можно ли получить книгу, которой нет в библиотеке?",
            uk="Чи можна отримати книжку, якої немає в бібліотеці?",
            ro="Pot obține o carte pe care biblioteca nu o are?",
        ),
        question=T(
            en="I need a monograph for my thesis that is not in your catalogue. Can you borrow "
            "it from another library?",
            ru="Для диплома мне нужна монография, которой нет в вашем каталоге. Можете ли вы "
            "взять её в другой библиотеке?",
            uk="Для диплома мені потрібна монографія, якої немає у вашому каталозі. Чи можете "
            "ви взяти її в іншій бібліотеці?",
            ro="Pentru lucrarea de licență am nevoie de o monografie care nu e în catalogul "
            "vostru. O puteți împrumuta de la altă bibliotecă?",
        ),
        topic="loans",
        answer=(
            T(
                en="Yes, through interlibrary loan. Give us the author, title, year and, if you "
                "know it, the ISBN, at the desk or in a question here. We ask the libraries "
                "that hold it; a book usually arrives within two to three weeks.",
                ru="Да, по межбиблиотечному абонементу. Сообщите нам автора, название, год и, "
                "если знаете, ISBN — на кафедре выдачи или в вопросе здесь. Мы запросим "
                "библиотеки, где она есть; обычно книга приходит через две-три недели.",
                uk="Так, через міжбібліотечний абонемент. Повідомте нам автора, назву, рік і, "
                "якщо знаєте, ISBN — на кафедрі видачі або в запитанні тут. Ми запитаємо "
                "бібліотеки, де вона є; зазвичай книжка надходить за два-три тижні.",
                ro="Da, prin împrumut interbibliotecar. Dați-ne autorul, titlul, anul și, dacă îl "
                "știți, ISBN-ul, la ghișeu sau într-o întrebare aici. Cerem cartea bibliotecilor "
                "care o au; de obicei sosește în două-trei săptămâni.",
            ),
            T(
                en="The service is free; only the lending library's postage is paid, if it asks "
                "for it. Books lent by other libraries are read in our reading room or taken "
                "home, as the lending library allows.",
                ru="Услуга бесплатна; оплачивается только пересылка, если её требует "
                "библиотека-отправитель. Книги из других библиотек читают в нашем читальном "
                "зале или берут домой — как разрешит библиотека, которая их прислала.",
                uk="Послуга безкоштовна; оплачується лише пересилання, якщо його вимагає "
                "бібліотека-відправник. Книжки з інших бібліотек читають у нашій читальній залі "
                "або беруть додому — як дозволить бібліотека, що їх надіслала.",
                ro="Serviciul este gratuit; se plătește doar expedierea, dacă biblioteca ce "
                "împrumută o cere. Cărțile venite de la alte biblioteci se citesc în sala noastră "
                "de lectură sau se iau acasă, după cum permite biblioteca ce le-a trimis.",
            ),
        ),
    ),
    EntryContent(
        slug=T(
            "databases-from-home",
            "bazy-dannykh-iz-doma",
            "bazy-danykh-z-domu",
            "baze-de-date-de-acasa",
        ),
        title=T(
            en="Can I use the library's databases from home?",
            ru="Можно ли пользоваться базами данных библиотеки из дома?",
            uk="Чи можна користуватися базами даних бібліотеки з дому?",
            ro="Pot folosi bazele de date ale bibliotecii de acasă?",
        ),
        question=T(
            en="I can read journal articles in the reading room. Is there a way to open them "
            "from my own computer?",
            ru="В читальном зале я читаю статьи из журналов. Можно ли открыть их со своего "
            "компьютера?",
            uk="У читальній залі я читаю статті з журналів. Чи можна відкрити їх зі свого "
            "комп’ютера?",
            ro="În sala de lectură citesc articole din reviste. Le pot deschide și de pe "
            "calculatorul meu?",
        ),
        topic="online",
        answer=(
            T(
                en="Yes, with your library card. Open the database from the list of online "
                "resources on this site and sign in with your card number and PIN: the "
                "database then treats you as if you were in the reading room.",
                ru="Да, по читательскому билету. Откройте базу данных из списка электронных "
                "ресурсов на этом сайте и войдите с номером билета и PIN-кодом: база будет "
                "работать так же, как в читальном зале.",
                uk="Так, за читацьким квитком. Відкрийте базу даних зі списку електронних "
                "ресурсів на цьому сайті й увійдіть із номером квитка та PIN-кодом: база "
                "працюватиме так само, як у читальній залі.",
                ro="Da, cu permisul de cititor. Deschideți baza de date din lista de resurse "
                "online de pe acest site și autentificați-vă cu numărul permisului și codul PIN: "
                "baza vă tratează ca și cum ați fi în sala de lectură.",
            ),
            T(
                en="A few databases are licensed for the library's building only; the list "
                "marks them. If a database refuses your card, write to us and say which one.",
                ru="Некоторые базы доступны только в здании библиотеки — в списке они отмечены. "
                "Если база не принимает ваш билет, напишите нам, какая именно.",
                uk="Деякі бази доступні лише в будівлі бібліотеки — у списку їх позначено. Якщо "
                "база не приймає ваш квиток, напишіть нам, яка саме.",
                ro="Câteva baze de date sunt licențiate doar pentru clădirea bibliotecii; lista "
                "le marchează. Dacă o bază vă refuză permisul, scrieți-ne care anume.",
            ),
        ),
    ),
    EntryContent(
        slug=T(
            "local-history-archive",
            "kraevedcheskii-arkhiv",
            "kraieznavchyi-arkhiv",
            "arhiva-de-istorie-locala",
        ),
        title=T(
            en="How do I use the local history archive?",
            ru="Как работать с краеведческим архивом?",
            uk="Як працювати з краєзнавчим архівом?",
            ro="Cum folosesc arhiva de istorie locală?",
        ),
        question=T(
            en="I am looking for the history of our village and old photographs of it. Where "
            "do I start?",
            ru="Я ищу историю нашего села и его старые фотографии. С чего начать?",
            uk="Я шукаю історію нашого села та його старі фотографії. З чого почати?",
            ro="Caut istoria satului nostru și fotografii vechi ale lui. De unde încep?",
        ),
        topic="research",
        answer=(
            T(
                en="The local history room on the second floor keeps the region's newspapers "
                "since 1920, maps, photographs and parish histories. Its material is read in "
                "the room only; come on a weekday, and tell us beforehand what you are looking "
                "for so that we can have it ready.",
                ru="Краеведческий зал на втором этаже хранит газеты края с 1920 года, карты, "
                "фотографии и истории приходов. Его материалы выдаются только в зале; приходите "
                "в будний день и заранее напишите, что ищете, — мы всё подготовим.",
                uk="Краєзнавча зала на другому поверсі зберігає газети краю з 1920 року, мапи, "
                "фотографії та історії парафій. Її матеріали видаються лише в залі; приходьте в "
                "будній день і заздалегідь напишіть, що шукаєте, — ми все підготуємо.",
                ro="Sala de istorie locală de la etajul doi păstrează ziarele regiunii din 1920 "
                "încoace, hărți, fotografii și istorii ale parohiilor. Materialele ei se citesc "
                "doar în sală; veniți într-o zi lucrătoare și spuneți-ne dinainte ce căutați, ca "
                "să le pregătim.",
            ),
            T(
                en="For the wider history, start with these books from our catalogue:",
                ru="Для общей картины начните с этих книг из нашего каталога:",
                uk="Для загальної картини почніть із цих книжок із нашого каталогу:",
                ro="Pentru istoria mai largă, începeți cu aceste cărți din catalogul nostru:",
            ),
        ),
        records=(
            (
                15,
                T(
                    "A history of Ukraine, from the ancient times to today.",
                    "История Украины с древности до наших дней.",
                    "Історія України від давнини до сьогодні.",
                    "O istorie a Ucrainei, din vechime până azi.",
                ),
            ),
            (
                70,
                T(
                    "How Romanians have told their own history.",
                    "Как румыны рассказывали свою историю.",
                    "Як румуни розповідали власну історію.",
                    "Cum și-au povestit românii propria istorie.",
                ),
            ),
        ),
    ),
    EntryContent(
        slug=T(
            "how-to-cite-a-book",
            "kak-oformit-ssylku-na-knigu",
            "yak-oformyty-posylannia",
            "cum-citez-o-carte",
        ),
        title=T(
            en="How do I cite a book in my bibliography?",
            ru="Как оформить ссылку на книгу в списке литературы?",
            uk="Як оформити посилання на книжку у списку літератури?",
            ro="Cum citez o carte în bibliografie?",
        ),
        question=T(
            en="My teacher wants the bibliography in APA style. How do I write a book in it?",
            ru="Преподаватель требует список литературы по ГОСТу. Как правильно записать книгу?",
            uk="Викладач вимагає список літератури за ДСТУ. Як правильно записати книжку?",
            ro="Profesorul cere bibliografia în stil APA. Cum scriu o carte în ea?",
        ),
        topic="research",
        answer=(
            T(
                en="Every record page of our catalogue has a “Cite this” section: it gives "
                "the record in APA, GOST and DSTU styles, ready to copy. Check the edition you actually "
                "read, since the year and the publisher change between editions.",
                ru="На странице каждой записи нашего каталога есть раздел «Как цитировать»: "
                "он даёт описание по APA, ГОСТ и ДСТУ, готовое для копирования. Проверьте, что "
                "это то издание, которое вы читали: год и издательство у изданий разные.",
                uk="На сторінці кожного запису нашого каталогу є розділ «Як цитувати»: він "
                "дає опис за APA, ГОСТ і ДСТУ, готовий для копіювання. Перевірте, що це саме те "
                "видання, яке ви читали: рік і видавництво в різних видань різні.",
                ro="Pagina fiecărei înregistrări din catalogul nostru are secțiunea „Cum "
                "citați”: oferă descrierea în stilurile APA, GOST și DSTU, gata de copiat. Verificați că "
                "este ediția pe care ați citit-o: anul și editura diferă de la o ediție la alta.",
            ),
            T(
                en="In APA a book is written: Author, A. A. (Year). Title of the book (Edition). "
                "Publisher. Open the record below to see it done.",
                ru="По APA книгу записывают так: Автор, А. А. (Год). Название книги (Издание). "
                "Издательство. Откройте запись ниже, чтобы увидеть пример.",
                uk="За APA книжку записують так: Автор, А. А. (Рік). Назва книжки (Видання). "
                "Видавництво. Відкрийте запис нижче, щоб побачити приклад.",
                ro="În APA o carte se scrie: Autor, A. A. (Anul). Titlul cărții (Ediția). "
                "Editura. Deschideți înregistrarea de mai jos ca să vedeți un exemplu.",
            ),
        ),
        records=(
            (
                13,
                T(
                    "An example to cite: a classic with many editions.",
                    "Пример для ссылки: классика, у которой много изданий.",
                    "Приклад для посилання: класика, що має багато видань.",
                    "Un exemplu de citat: un clasic cu multe ediții.",
                ),
            ),
        ),
    ),
    EntryContent(
        slug=T(
            "printing-and-copying",
            "pechat-i-kopirovanie",
            "druk-i-kopiyuvannia",
            "imprimare-si-copiere",
        ),
        title=T(
            en="Can I print and make copies at the library?",
            ru="Можно ли в библиотеке распечатать и скопировать документы?",
            uk="Чи можна в бібліотеці роздрукувати й скопіювати документи?",
            ro="Pot imprima și face copii la bibliotecă?",
        ),
        question=T(
            en="I need to print a form from my e-mail. Do you have a printer, and how much "
            "does it cost?",
            ru="Мне нужно распечатать бланк из электронной почты. Есть ли у вас принтер и "
            "сколько это стоит?",
            uk="Мені потрібно роздрукувати бланк з електронної пошти. Чи є у вас принтер і "
            "скільки це коштує?",
            ro="Trebuie să imprim un formular din e-mail. Aveți imprimantă și cât costă?",
        ),
        topic="visiting",
        answer=(
            T(
                en="Yes. The computers in the reading room print to the printer by the desk; "
                "you can also print from your own laptop or telephone over the library's "
                "Wi-Fi. A black-and-white page costs 1 leu, a colour page 3 lei.",
                ru="Да. Компьютеры читального зала печатают на принтер у кафедры; можно "
                "печатать и со своего ноутбука или телефона через Wi-Fi библиотеки. "
                "Чёрно-белая страница стоит 1 лей, цветная — 3 лея.",
                uk="Так. Комп’ютери читальної зали друкують на принтер біля кафедри; можна "
                "друкувати й зі свого ноутбука чи телефона через Wi-Fi бібліотеки. Чорно-біла "
                "сторінка коштує 1 лей, кольорова — 3 леї.",
                ro="Da. Calculatoarele din sala de lectură imprimă la imprimanta de lângă "
                "ghișeu; puteți imprima și de pe laptopul sau telefonul dumneavoastră prin "
                "Wi-Fi-ul bibliotecii. O pagină alb-negru costă 1 leu, una color 3 lei.",
            ),
            T(
                en="The copier and the scanner are free to use for pages of our own books; "
                "scans can be sent to your e-mail or saved on a memory stick.",
                ru="Копировальным аппаратом и сканером можно пользоваться бесплатно для "
                "страниц наших книг; сканы можно отправить себе на почту или сохранить на "
                "флешку.",
                uk="Копіювальним апаратом і сканером можна користуватися безкоштовно для "
                "сторінок наших книжок; скани можна надіслати собі на пошту або зберегти на "
                "флешку.",
                ro="Copiatorul și scanerul sunt gratuite pentru paginile cărților noastre; "
                "scanările se pot trimite pe e-mail sau salva pe un stick de memorie.",
            ),
        ),
    ),
    EntryContent(
        slug=T(
            "get-a-library-card",
            "kak-zapisatsya-v-biblioteku",
            "yak-zapysatysia",
            "cum-obtin-permisul",
        ),
        title=T(
            en="How do I get a library card?",
            ru="Как получить читательский билет?",
            uk="Як отримати читацький квиток?",
            ro="Cum obțin un permis de cititor?",
        ),
        question=T(
            en="I have just moved to the town. What do I need to join the library, and does "
            "it cost anything?",
            ru="Я недавно переехал в город. Что нужно, чтобы записаться в библиотеку, и "
            "сколько это стоит?",
            uk="Я нещодавно переїхав до міста. Що потрібно, щоб записатися до бібліотеки, і "
            "скільки це коштує?",
            ro="M-am mutat de curând în oraș. De ce am nevoie ca să mă înscriu la bibliotecă și "
            "cât costă?",
        ),
        topic="card",
        answer=(
            T(
                en="The card is free. Register online on this site, then come to any desk "
                "with an identity document within thirty days to collect it; or simply come "
                "to the desk and register there in five minutes.",
                ru="Билет бесплатный. Зарегистрируйтесь на этом сайте и в течение тридцати дней "
                "придите с документом, удостоверяющим личность, на любую кафедру выдачи за "
                "билетом — или просто приходите и запишитесь на месте за пять минут.",
                uk="Квиток безкоштовний. Зареєструйтеся на цьому сайті й протягом тридцяти днів "
                "прийдіть із документом, що посвідчує особу, на будь-яку кафедру видачі по "
                "квиток — або просто приходьте й запишіться на місці за п’ять хвилин.",
                ro="Permisul este gratuit. Înregistrați-vă pe acest site, apoi veniți în cel "
                "mult treizeci de zile la orice ghișeu cu un act de identitate ca să-l ridicați; "
                "sau veniți direct la ghișeu și înscrieți-vă acolo în cinci minute.",
            ),
            T(
                en="Children under fourteen register with a parent or guardian. With the card "
                "you borrow up to ten items at a time and use the databases from home.",
                ru="Дети до четырнадцати лет записываются вместе с родителем или опекуном. По "
                "билету можно брать до десяти изданий одновременно и пользоваться базами "
                "данных из дома.",
                uk="Діти до чотирнадцяти років записуються разом із батьками або опікуном. За "
                "квитком можна брати до десяти видань одночасно й користуватися базами даних з "
                "дому.",
                ro="Copiii sub paisprezece ani se înscriu cu un părinte sau tutore. Cu permisul "
                "împrumutați până la zece documente deodată și folosiți bazele de date de acasă.",
            ),
        ),
    ),
)


def texts() -> list[T]:
    """Every string of the demo's reference service, for the translation catalogue."""
    found = [ASK_TITLE, ASK_INTRO, BASE_TITLE, BASE_INTRO]
    found += [topic.name for topic in TOPICS]
    for canned in CANNED_ANSWERS:
        found += [canned.title, canned.body]
    for entry in ENTRIES:
        found += entry.texts()
    return found
