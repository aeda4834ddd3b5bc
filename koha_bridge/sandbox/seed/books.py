"""The demo catalogue of the sandbox ILS: real books, real authors, real editions.

Every edition here exists: the publisher, place and year are those of a real printing of the work
in that language (first editions of the classics, well-known editions of modern books). An ISBN is
given only where it is the known ISBN of that very edition; everywhere else it is left empty. The
summaries are written for this catalogue, in the language of the book.

Each person is defined once below and shared by all their books, so that "more by this author" and
"readers who liked this also liked" find them under one spelling per script.
"""

from __future__ import annotations

from dataclasses import dataclass

from koha_bridge.marc.record import Flavour

MARC21 = Flavour.MARC21
UNIMARC = Flavour.UNIMARC


@dataclass(frozen=True)
class SeedAuthor:
    """A person responsible for a seeded book, in the inverted form a catalogue uses."""

    name: str  # "Dickens, Charles", "Шевченко, Тарас Григорович"
    role: str = "author"  # author, editor, translator, illustrator, compiler
    dates: str = ""  # "1812-1870"; "1965-" for the living; "" when not known for certain


@dataclass(frozen=True)
class SeedBook:
    """One edition the sandbox holds, described as a cataloguer would describe it."""

    key: str  # stable slug, unique: "dickens-great-expectations-en"
    flavour: Flavour
    language: str  # MARC code of the text: eng, rus, ukr, rum
    title: str
    authors: tuple[SeedAuthor, ...]
    publisher: str
    place: str
    year: int
    summary: str
    subjects: tuple[str, ...]  # subdivisions joined with " -- "
    subtitle: str = ""
    isbn: str = ""  # digits only (ISBN-10 or -13), the real ISBN of this edition, or empty
    edition: str = ""
    pages: int | None = None
    series: str = ""
    original_language: str = ""  # MARC code of the language translated from
    copies: int = 1  # 1..3 items the sandbox holds


# --- People, Latin script ------------------------------------------------------------------------

DICKENS = SeedAuthor("Dickens, Charles", dates="1812-1870")
LEECH = SeedAuthor("Leech, John", "illustrator", "1817-1864")
CRUIKSHANK = SeedAuthor("Cruikshank, George", "illustrator", "1792-1878")
AUSTEN = SeedAuthor("Austen, Jane", dates="1775-1817")
ORWELL = SeedAuthor("Orwell, George", dates="1903-1950")
CARROLL = SeedAuthor("Carroll, Lewis", dates="1832-1898")
TENNIEL = SeedAuthor("Tenniel, John", "illustrator", "1820-1914")
TOLKIEN = SeedAuthor("Tolkien, J. R. R.", dates="1892-1973")
ROWLING = SeedAuthor("Rowling, J. K.", dates="1965-")
MILNE = SeedAuthor("Milne, A. A.", dates="1882-1956")
SHEPARD = SeedAuthor("Shepard, E. H.", "illustrator", "1879-1976")
SHELLEY = SeedAuthor("Shelley, Mary Wollstonecraft", dates="1797-1851")
DARWIN = SeedAuthor("Darwin, Charles", dates="1809-1882")
HAWKING = SeedAuthor("Hawking, Stephen", dates="1942-2018")
PLOKHY = SeedAuthor("Plokhy, Serhii", dates="1957-")
SNYDER = SeedAuthor("Snyder, Timothy", dates="1969-")
APPLEBAUM = SeedAuthor("Applebaum, Anne", dates="1964-")
DOSTOYEVSKY = SeedAuthor("Dostoyevsky, Fyodor", dates="1821-1881")
GARNETT = SeedAuthor("Garnett, Constance", "translator", "1861-1946")
SHEVCHENKO_EN = SeedAuthor("Shevchenko, Taras", dates="1814-1861")
FEDYNSKY = SeedAuthor("Fedynsky, Peter", "translator")
SEBASTIAN = SeedAuthor("Sebastian, Mihail", dates="1907-1945")
O_CEALLAIGH = SeedAuthor("Ó Ceallaigh, Philip", "translator")
KURKOV_EN = SeedAuthor("Kurkov, Andrey", dates="1961-")
BIRD = SeedAuthor("Bird, George", "translator")
KERNIGHAN = SeedAuthor("Kernighan, Brian W.", dates="1942-")
RITCHIE = SeedAuthor("Ritchie, Dennis M.", dates="1941-2011")

EMINESCU = SeedAuthor("Eminescu, Mihai", dates="1850-1889")
MAIORESCU = SeedAuthor("Maiorescu, Titu", "editor", "1840-1917")
CARAGIALE = SeedAuthor("Caragiale, Ion Luca", dates="1852-1912")
REBREANU = SeedAuthor("Rebreanu, Liviu", dates="1885-1944")
SADOVEANU = SeedAuthor("Sadoveanu, Mihail", dates="1880-1961")
PETRESCU = SeedAuthor("Petrescu, Camil", dates="1894-1957")
ELIADE = SeedAuthor("Eliade, Mircea", dates="1907-1986")
CIORAN = SeedAuthor("Cioran, Emil", dates="1911-1995")
PREDA = SeedAuthor("Preda, Marin", dates="1922-1980")
CARTARESCU = SeedAuthor("Cărtărescu, Mircea", dates="1956-")
BOIA = SeedAuthor("Boia, Lucian", dates="1944-")
NAUM = SeedAuthor("Naum, Gellu", dates="1915-2001")
UNGUREANU = SeedAuthor("Ungureanu, Dan", "illustrator")
BULGAKOV_RO = SeedAuthor("Bulgakov, Mihail", dates="1891-1940")
COVACI = SeedAuthor("Covaci, Ion", "translator")
GAFITA = SeedAuthor("Gafița, Mihnea", "translator")
IEPUREANU = SeedAuthor("Iepureanu, Ioana", "translator")

# --- People, Cyrillic script ---------------------------------------------------------------------

PUSHKIN = SeedAuthor("Пушкин, Александр Сергеевич", dates="1799-1837")
LERMONTOV = SeedAuthor("Лермонтов, Михаил Юрьевич", dates="1814-1841")
GOGOL = SeedAuthor("Гоголь, Николай Васильевич", dates="1809-1852")
TOLSTOY = SeedAuthor("Толстой, Лев Николаевич", dates="1828-1910")
BULGAKOV = SeedAuthor("Булгаков, Михаил Афанасьевич", dates="1891-1940")
ILF = SeedAuthor("Ильф, Илья", dates="1897-1937")
PETROV = SeedAuthor("Петров, Евгений", dates="1902-1942")
AKHMATOVA = SeedAuthor("Ахматова, Анна Андреевна", dates="1889-1966")
BRODSKY = SeedAuthor("Бродский, Иосиф Александрович", dates="1940-1996")
NABOKOV = SeedAuthor("Набоков, Владимир Владимирович", dates="1899-1977")
SOLZHENITSYN = SeedAuthor("Солженицын, Александр Исаевич", dates="1918-2008")
CHUKOVSKY = SeedAuthor("Чуковский, Корней Иванович", dates="1882-1969")
ANNENKOV = SeedAuthor("Анненков, Юрий Павлович", "illustrator", "1889-1974")
MILNE_RU = SeedAuthor("Милн, Алан Александр", dates="1882-1956")
ZAKHODER = SeedAuthor("Заходер, Борис Владимирович", "translator", "1918-2000")
PORET = SeedAuthor("Порет, Алиса Ивановна", "illustrator", "1902-1984")
ROWLING_RU = SeedAuthor("Роулинг, Джоан", dates="1965-")
ORANSKY = SeedAuthor("Оранский, Игорь", "translator")
CARROLL_RU = SeedAuthor("Кэрролл, Льюис", dates="1832-1898")
DEMUROVA = SeedAuthor("Демурова, Нина Михайловна", "translator", "1930-2021")
KURKOV = SeedAuthor("Курков, Андрей Юрьевич", dates="1961-")
LOTMAN = SeedAuthor("Лотман, Юрий Михайлович", dates="1922-1993")

SHEVCHENKO = SeedAuthor("Шевченко, Тарас Григорович", dates="1814-1861")
HRUSHEVSKY = SeedAuthor("Грушевський, Михайло Сергійович", dates="1866-1934")
KOSTENKO = SeedAuthor("Костенко, Ліна Василівна", dates="1930-")
STUS = SeedAuthor("Стус, Василь Семенович", dates="1938-1985")
SVITLYCHNA = SeedAuthor("Світлична, Надія Олексіївна", "compiler", "1936-2006")
ZHADAN = SeedAuthor("Жадан, Сергій Вікторович", dates="1974-")
ZABUZHKO = SeedAuthor("Забужко, Оксана Стефанівна", dates="1960-")
ANDRUKHOVYCH = SeedAuthor("Андрухович, Юрій Ігорович", dates="1960-")
SHEVCHUK = SeedAuthor("Шевчук, Валерій Олександрович", dates="1939-")
NESTAIKO = SeedAuthor("Нестайко, Всеволод Зіновійович", dates="1930-2014")
SEMENOV = SeedAuthor("Семенов, Євген", "illustrator")
HRYTSAK = SeedAuthor("Грицак, Ярослав Йосипович", dates="1960-")
ORWELL_UK = SeedAuthor("Орвелл, Джордж", dates="1903-1950")
CHERNIATYNSKYI = SeedAuthor("Чернятинський, Іван", "translator")
ROWLING_UK = SeedAuthor("Ролінг, Джоан Кетлін", dates="1965-")
MOROZOV = SeedAuthor("Морозов, Віктор", "translator", "1950-")
TOLKIEN_UK = SeedAuthor("Толкін, Джон Рональд Руел", dates="1892-1973")
MOKROVOLSKYI = SeedAuthor("Мокровольський, Олександр", "translator")


# --- English -------------------------------------------------------------------------------------

_ENGLISH: tuple[SeedBook, ...] = (
    SeedBook(
        key="dickens-great-expectations-en",
        flavour=MARC21,
        language="eng",
        title="Great expectations",
        authors=(DICKENS,),
        publisher="Chapman and Hall",
        place="London",
        year=1861,
        summary=(
            "The orphan Pip grows up on the Kentish marshes until an unknown benefactor makes him "
            "a gentleman in London. Dickens follows his ambition, his snobbery and his slow return "
            "to gratitude."
        ),
        subjects=("Orphans -- Fiction", "Bildungsromans", "English fiction -- 19th century"),
        copies=3,
    ),
    SeedBook(
        key="dickens-christmas-carol-en",
        flavour=MARC21,
        language="eng",
        title="A Christmas carol",
        subtitle="in prose, being a ghost story of Christmas",
        authors=(DICKENS, LEECH),
        publisher="Chapman & Hall",
        place="London",
        year=1843,
        summary=(
            "On Christmas Eve the miser Ebenezer Scrooge is visited by the ghost of his partner "
            "and by three spirits of Christmas. By morning he is a changed and generous man."
        ),
        subjects=("Christmas stories", "Ghost stories", "English fiction -- 19th century"),
        copies=2,
    ),
    SeedBook(
        key="dickens-oliver-twist-en",
        flavour=MARC21,
        language="eng",
        title="Oliver Twist",
        subtitle="or, The parish boy's progress",
        authors=(DICKENS, CRUIKSHANK),
        publisher="Richard Bentley",
        place="London",
        year=1838,
        summary=(
            "A workhouse orphan runs away to London and falls in with Fagin's gang of child "
            "thieves. An angry picture of the Poor Law and of the city's underworld."
        ),
        subjects=(
            "Orphans -- Fiction",
            "Street children -- Fiction",
            "English fiction -- 19th century",
        ),
    ),
    SeedBook(
        key="austen-pride-and-prejudice-en",
        flavour=MARC21,
        language="eng",
        title="Pride and prejudice",
        authors=(AUSTEN,),
        publisher="T. Egerton",
        place="London",
        year=1813,
        summary=(
            "Elizabeth Bennet, one of five unmarried sisters, misjudges the proud Mr Darcy, and he "
            "misjudges her. A comedy of first impressions, money and marriage in Regency England."
        ),
        subjects=(
            "Courtship -- Fiction",
            "Social classes -- Fiction",
            "English fiction -- 19th century",
        ),
        copies=3,
    ),
    SeedBook(
        key="austen-sense-and-sensibility-en",
        flavour=MARC21,
        language="eng",
        title="Sense and sensibility",
        authors=(AUSTEN,),
        publisher="T. Egerton",
        place="London",
        year=1811,
        summary=(
            "After their father's death, sensible Elinor and passionate Marianne Dashwood must "
            "make their way with little money and uncertain hearts. Austen's first published "
            "novel."
        ),
        subjects=("Sisters -- Fiction", "Courtship -- Fiction", "English fiction -- 19th century"),
    ),
    SeedBook(
        key="orwell-nineteen-eighty-four-en",
        flavour=MARC21,
        language="eng",
        title="Nineteen eighty-four",
        subtitle="a novel",
        authors=(ORWELL,),
        publisher="Secker & Warburg",
        place="London",
        year=1949,
        summary=(
            "Winston Smith rewrites history at the Ministry of Truth in a Britain ruled by the "
            "Party and Big Brother, until he starts a diary and a forbidden love affair. The novel "
            "that gave English doublethink, Newspeak and the Thought Police."
        ),
        subjects=("Totalitarianism -- Fiction", "Dystopias", "English fiction -- 20th century"),
        copies=3,
    ),
    SeedBook(
        key="orwell-animal-farm-en",
        flavour=MARC21,
        language="eng",
        title="Animal farm",
        subtitle="a fairy story",
        authors=(ORWELL,),
        publisher="Secker & Warburg",
        place="London",
        year=1945,
        summary=(
            "The animals of Manor Farm drive out their farmer and build a society of equals, only "
            "to watch the pigs become their new masters. A fable of the Russian Revolution and its "
            "betrayal."
        ),
        subjects=("Totalitarianism -- Fiction", "Allegories", "English fiction -- 20th century"),
        copies=2,
    ),
    SeedBook(
        key="carroll-alice-in-wonderland-en",
        flavour=MARC21,
        language="eng",
        title="Alice's adventures in Wonderland",
        authors=(CARROLL, TENNIEL),
        publisher="Macmillan",
        place="London",
        year=1865,
        summary=(
            "Alice follows a White Rabbit down a hole into a world of shifting sizes, mad tea "
            "parties and a furious Queen of Hearts. The first edition, with John Tenniel's "
            "pictures."
        ),
        subjects=("Fantasy fiction", "Children's stories", "English fiction -- 19th century"),
        copies=2,
    ),
    SeedBook(
        key="tolkien-hobbit-en",
        flavour=MARC21,
        language="eng",
        title="The hobbit",
        subtitle="or, There and back again",
        authors=(TOLKIEN,),
        publisher="George Allen & Unwin",
        place="London",
        year=1937,
        summary=(
            "Bilbo Baggins, a comfortable hobbit, is carried off by the wizard Gandalf and "
            "thirteen dwarves to win back their treasure from the dragon Smaug. The book that "
            "opened Middle-earth to readers."
        ),
        subjects=(
            "Fantasy fiction",
            "Middle Earth (Imaginary place) -- Fiction",
            "Children's stories",
        ),
        copies=3,
    ),
    SeedBook(
        key="rowling-philosophers-stone-en",
        flavour=MARC21,
        language="eng",
        title="Harry Potter and the philosopher's stone",
        authors=(ROWLING,),
        publisher="Bloomsbury",
        place="London",
        year=1997,
        isbn="0747532699",
        pages=223,
        summary=(
            "On his eleventh birthday Harry Potter learns that he is a wizard and goes to Hogwarts "
            "School of Witchcraft and Wizardry. There he finds friends, Quidditch and the truth "
            "about his parents' death."
        ),
        subjects=(
            "Fantasy fiction",
            "Wizards -- Fiction",
            "Schools -- Fiction",
            "Children's stories",
        ),
        copies=3,
    ),
    SeedBook(
        key="milne-winnie-the-pooh-en",
        flavour=MARC21,
        language="eng",
        title="Winnie-the-Pooh",
        authors=(MILNE, SHEPARD),
        publisher="Methuen",
        place="London",
        year=1926,
        summary=(
            "Stories of Christopher Robin's bear and his friends Piglet, Eeyore, Owl, Rabbit and "
            "Kanga in the Hundred Acre Wood, with E. H. Shepard's drawings."
        ),
        subjects=("Teddy bears -- Fiction", "Toys -- Fiction", "Children's stories"),
        copies=2,
    ),
    SeedBook(
        key="shelley-frankenstein-en",
        flavour=MARC21,
        language="eng",
        title="Frankenstein",
        subtitle="or, The modern Prometheus",
        authors=(SHELLEY,),
        publisher="Lackington, Hughes, Harding, Mavor & Jones",
        place="London",
        year=1818,
        summary=(
            "The young scientist Victor Frankenstein gives life to a creature made from the dead, "
            "then abandons it. A founding work of both horror and science fiction."
        ),
        subjects=("Horror tales", "Scientists -- Fiction", "English fiction -- 19th century"),
    ),
    SeedBook(
        key="darwin-origin-of-species-en",
        flavour=MARC21,
        language="eng",
        title="On the origin of species by means of natural selection",
        subtitle="or the preservation of favoured races in the struggle for life",
        authors=(DARWIN,),
        publisher="John Murray",
        place="London",
        year=1859,
        pages=502,
        summary=(
            "Darwin sets out the evidence that species change over time and explains how natural "
            "selection drives the change. The book that made evolution the ground of biology."
        ),
        subjects=("Evolution (Biology)", "Natural selection"),
    ),
    SeedBook(
        key="hawking-brief-history-of-time-en",
        flavour=MARC21,
        language="eng",
        title="A brief history of time",
        subtitle="from the big bang to black holes",
        authors=(HAWKING,),
        publisher="Bantam Books",
        place="New York",
        year=1988,
        summary=(
            "A physicist explains to general readers what is known of the origin, shape and fate "
            "of the universe, from the Big Bang to black holes."
        ),
        subjects=("Cosmology", "Physics -- Popular works"),
        copies=2,
    ),
    SeedBook(
        key="plokhy-gates-of-europe-en",
        flavour=MARC21,
        language="eng",
        title="The gates of Europe",
        subtitle="a history of Ukraine",
        authors=(PLOKHY,),
        publisher="Basic Books",
        place="New York",
        year=2015,
        summary=(
            "A history of Ukraine from the Greek colonies on the Black Sea to the war in the "
            "Donbas, told as the story of a land at the crossroads of empires."
        ),
        subjects=("Ukraine -- History",),
        copies=2,
    ),
    SeedBook(
        key="snyder-bloodlands-en",
        flavour=MARC21,
        language="eng",
        title="Bloodlands",
        subtitle="Europe between Hitler and Stalin",
        authors=(SNYDER,),
        publisher="Basic Books",
        place="New York",
        year=2010,
        summary=(
            "The fourteen million civilians killed by the Nazi and Soviet regimes between 1933 and "
            "1945 in the lands between Berlin and Moscow, from the Ukrainian famine to the "
            "Holocaust."
        ),
        subjects=(
            "Genocide -- Europe, Eastern -- History -- 20th century",
            "World War, 1939-1945 -- Atrocities",
            "Ukraine -- History -- Famine, 1932-1933",
        ),
    ),
    SeedBook(
        key="applebaum-red-famine-en",
        flavour=MARC21,
        language="eng",
        title="Red famine",
        subtitle="Stalin's war on Ukraine",
        authors=(APPLEBAUM,),
        publisher="Allen Lane",
        place="London",
        year=2017,
        summary=(
            "A history of the famine of 1932-1933 in Soviet Ukraine, showing how collectivisation "
            "and grain requisitions turned hunger into a weapon against a nation."
        ),
        subjects=("Ukraine -- History -- Famine, 1932-1933", "Ukraine -- History"),
    ),
    SeedBook(
        key="dostoyevsky-crime-and-punishment-en",
        flavour=MARC21,
        language="eng",
        title="Crime and punishment",
        authors=(DOSTOYEVSKY, GARNETT),
        publisher="William Heinemann",
        place="London",
        year=1914,
        original_language="rus",
        summary=(
            "Raskolnikov, a poor former student in St Petersburg, kills an old pawnbroker to prove "
            "a theory and is then hunted by his own conscience. In Constance Garnett's "
            "translation."
        ),
        subjects=(
            "Murder -- Fiction",
            "Russian fiction -- 19th century -- Translations into English",
        ),
        copies=2,
    ),
    SeedBook(
        key="shevchenko-complete-kobzar-en",
        flavour=MARC21,
        language="eng",
        title="The complete Kobzar",
        authors=(SHEVCHENKO_EN, FEDYNSKY),
        publisher="Glagoslav Publications",
        place="London",
        year=2013,
        isbn="9781909156548",
        original_language="ukr",
        summary=(
            "All of Taras Shevchenko's Ukrainian poetry in one volume, in Peter Fedynsky's English "
            "translation."
        ),
        subjects=("Ukrainian poetry -- 19th century -- Translations into English",),
    ),
    SeedBook(
        key="sebastian-for-two-thousand-years-en",
        flavour=MARC21,
        language="eng",
        title="For two thousand years",
        authors=(SEBASTIAN, O_CEALLAIGH),
        publisher="Penguin Books",
        place="London",
        year=2016,
        isbn="9780241189610",
        series="Penguin modern classics",
        original_language="rum",
        summary=(
            "The diary of a young Jewish student in Bucharest and Paris in the 1920s and 1930s, "
            "surrounded by rising antisemitism and by friends who become its voices."
        ),
        subjects=("Jews -- Romania -- Fiction", "Antisemitism -- Fiction"),
    ),
    SeedBook(
        key="kurkov-death-and-the-penguin-en",
        flavour=MARC21,
        language="eng",
        title="Death and the penguin",
        authors=(KURKOV_EN, BIRD),
        publisher="Harvill Press",
        place="London",
        year=2001,
        isbn="1860468357",
        pages=228,
        original_language="rus",
        summary=(
            "In post-Soviet Kyiv a struggling writer who shares his flat with a melancholy penguin "
            "is hired to write obituaries of people who are still alive, and soon they begin to "
            "die."
        ),
        subjects=("Journalists -- Fiction", "Penguins -- Fiction", "Kyiv (Ukraine) -- Fiction"),
        copies=2,
    ),
    SeedBook(
        key="kernighan-c-programming-language-en",
        flavour=MARC21,
        language="eng",
        title="The C programming language",
        authors=(KERNIGHAN, RITCHIE),
        publisher="Prentice Hall",
        place="Englewood Cliffs, N.J.",
        year=1988,
        edition="2nd ed.",
        isbn="0131103628",
        pages=272,
        series="Prentice Hall software series",
        summary=(
            "The classic introduction to the C language by its designers, revised for the ANSI "
            "standard."
        ),
        subjects=("C (Computer program language)",),
    ),
)


# --- Russian -------------------------------------------------------------------------------------

_RUSSIAN: tuple[SeedBook, ...] = (
    SeedBook(
        key="pushkin-evgenii-onegin-ru",
        flavour=UNIMARC,
        language="rus",
        title="Евгений Онегин",
        subtitle="роман в стихах",
        authors=(PUSHKIN,),
        publisher="Типография Александра Смирдина",
        place="Санкт-Петербург",
        year=1833,
        pages=287,
        summary=(
            "Роман в стихах о скучающем петербургском денди Евгении Онегине и любящей его "
            "провинциальной барышне Татьяне Лариной. Первое полное издание романа отдельной "
            "книгой."
        ),
        subjects=("Русская поэзия -- XIX в.", "Романы в стихах"),
        copies=3,
    ),
    SeedBook(
        key="lermontov-geroi-nashego-vremeni-ru",
        flavour=MARC21,
        language="rus",
        title="Герой нашего времени",
        authors=(LERMONTOV,),
        publisher="Типография Ильи Глазунова и К°",
        place="Санкт-Петербург",
        year=1840,
        summary=(
            "Пять повестей о Григории Печорине, разочарованном офицере на Кавказе, складываются в "
            "первый русский психологический роман."
        ),
        subjects=("Русская проза -- XIX в.", "Кавказ -- В художественной литературе"),
        copies=2,
    ),
    SeedBook(
        key="gogol-mertvye-dushi-ru",
        flavour=UNIMARC,
        language="rus",
        title="Похождения Чичикова, или Мертвые души",
        subtitle="поэма",
        authors=(GOGOL,),
        publisher="Университетская типография",
        place="Москва",
        year=1842,
        summary=(
            "Павел Иванович Чичиков объезжает помещиков губернии и скупает умерших крестьян, "
            "числящихся живыми по ревизии. Сатирическая панорама провинциальной России."
        ),
        subjects=("Русская проза -- XIX в.", "Сатира"),
        copies=2,
    ),
    SeedBook(
        key="tolstoy-voina-i-mir-ru",
        flavour=UNIMARC,
        language="rus",
        title="Война и мир",
        authors=(TOLSTOY,),
        publisher="Типография Т. Рис",
        place="Москва",
        year=1868,
        summary=(
            "Эпопея о русском обществе в эпоху Наполеоновских войн, о семьях Ростовых, Болконских "
            "и Безуховых. Первое отдельное издание романа."
        ),
        subjects=(
            "Русская проза -- XIX в.",
            "Отечественная война 1812 г. -- В художественной литературе",
        ),
        copies=2,
    ),
    SeedBook(
        key="bulgakov-master-i-margarita-ru",
        flavour=UNIMARC,
        language="rus",
        title="Мастер и Маргарита",
        subtitle="роман",
        authors=(BULGAKOV,),
        publisher="YMCA-Press",
        place="Париж",
        year=1967,
        summary=(
            "В Москву 1930-х годов приезжает дьявол со своей свитой, а опальный Мастер пишет роман "
            "о Понтии Пилате. Первое полное книжное издание романа."
        ),
        subjects=("Русская проза -- XX в.", "Фантастика", "Сатира"),
        copies=3,
    ),
    SeedBook(
        key="ilf-petrov-dvenadtsat-stulev-ru",
        flavour=MARC21,
        language="rus",
        title="Двенадцать стульев",
        subtitle="роман",
        authors=(ILF, PETROV),
        publisher="Земля и фабрика",
        place="Москва",
        year=1928,
        summary=(
            "Бывший предводитель дворянства Киса Воробьянинов и великий комбинатор Остап Бендер "
            "ищут бриллианты, зашитые в один из двенадцати стульев. Сатира на советский быт 1920-х "
            "годов."
        ),
        subjects=("Русская проза -- XX в.", "Сатира", "Юмор"),
        copies=2,
    ),
    SeedBook(
        key="akhmatova-rekviem-ru",
        flavour=MARC21,
        language="rus",
        title="Реквием",
        authors=(AKHMATOVA,),
        publisher="Товарищество зарубежных писателей",
        place="Мюнхен",
        year=1963,
        summary=(
            "Цикл стихотворений о годах Большого террора, о матерях и жёнах в тюремных очередях "
            "Ленинграда. Первое издание, вышедшее за рубежом."
        ),
        subjects=(
            "Русская поэзия -- XX в.",
            "Политические репрессии -- В художественной литературе",
        ),
    ),
    SeedBook(
        key="brodsky-ostanovka-v-pustyne-ru",
        flavour=MARC21,
        language="rus",
        title="Остановка в пустыне",
        subtitle="стихотворения и поэмы",
        authors=(BRODSKY,),
        publisher="Издательство имени Чехова",
        place="Нью-Йорк",
        year=1970,
        summary=(
            "Сборник стихотворений и поэм Иосифа Бродского, изданный в Нью-Йорке за два года до "
            "его высылки из СССР."
        ),
        subjects=("Русская поэзия -- XX в.",),
    ),
    SeedBook(
        key="brodsky-chast-rechi-ru",
        flavour=MARC21,
        language="rus",
        title="Часть речи",
        subtitle="стихотворения 1972-1976",
        authors=(BRODSKY,),
        publisher="Ардис",
        place="Анн-Арбор",
        year=1977,
        summary=(
            "Стихи первых лет эмиграции, среди них цикл «Часть речи» и «Колыбельная Трескового "
            "мыса»."
        ),
        subjects=("Русская поэзия -- XX в.", "Эмигрантская литература"),
    ),
    SeedBook(
        key="nabokov-dar-ru",
        flavour=MARC21,
        language="rus",
        title="Дар",
        subtitle="роман",
        authors=(NABOKOV,),
        publisher="Издательство имени Чехова",
        place="Нью-Йорк",
        year=1952,
        summary=(
            "Молодой поэт-эмигрант Фёдор Годунов-Чердынцев живёт в Берлине 1920-х годов и пишет "
            "книгу о Чернышевском. Первое полное издание последнего русского романа Набокова."
        ),
        subjects=("Русская проза -- XX в.", "Эмигрантская литература"),
    ),
    SeedBook(
        key="nabokov-mashenka-ru",
        flavour=MARC21,
        language="rus",
        title="Машенька",
        subtitle="роман",
        authors=(NABOKOV,),
        publisher="Слово",
        place="Берлин",
        year=1926,
        summary=(
            "В берлинском пансионе эмигрант Ганин узнаёт, что к соседу едет жена — его первая "
            "любовь Машенька. Первый роман Набокова, изданный под псевдонимом В. Сирин."
        ),
        subjects=("Русская проза -- XX в.", "Эмигрантская литература"),
    ),
    SeedBook(
        key="solzhenitsyn-arkhipelag-gulag-ru",
        flavour=MARC21,
        language="rus",
        title="Архипелаг ГУЛаг, 1918-1956",
        subtitle="опыт художественного исследования",
        authors=(SOLZHENITSYN,),
        publisher="YMCA-Press",
        place="Париж",
        year=1973,
        summary=(
            "Свидетельства сотен узников и собственный лагерный опыт автора сложились в историю "
            "советской системы лагерей и террора. Первый том, вышедший в Париже."
        ),
        subjects=(
            "Исправительно-трудовые лагеря -- СССР -- История",
            "Политические репрессии -- СССР -- История",
        ),
        copies=2,
    ),
    SeedBook(
        key="chukovsky-moidodyr-ru",
        flavour=MARC21,
        language="rus",
        title="Мойдодыр",
        subtitle="кинематограф для детей",
        authors=(CHUKOVSKY, ANNENKOV),
        publisher="Радуга",
        place="Петроград",
        year=1923,
        pages=26,
        summary=(
            "Умывальник Мойдодыр со своим войском мочалок и щёток учит неряху умываться. Первое "
            "издание сказки, с рисунками Юрия Анненкова."
        ),
        subjects=("Детская поэзия", "Сказки в стихах"),
        copies=2,
    ),
    SeedBook(
        key="milne-vinni-pukh-ru",
        flavour=MARC21,
        language="rus",
        title="Винни-Пух и все остальные",
        authors=(MILNE_RU, ZAKHODER, PORET),
        publisher="Детский мир",
        place="Москва",
        year=1960,
        original_language="eng",
        summary=(
            "Истории о медвежонке Винни-Пухе и его друзьях в пересказе Бориса Заходера, с "
            "рисунками Алисы Порет. Первое издание книги, позже известной как «Винни-Пух и "
            "все-все-все»."
        ),
        subjects=("Детская проза", "Сказки", "Английская литература -- Переводы на русский язык"),
        copies=3,
    ),
    SeedBook(
        key="rowling-filosofskii-kamen-ru",
        flavour=UNIMARC,
        language="rus",
        title="Гарри Поттер и философский камень",
        authors=(ROWLING_RU, ORANSKY),
        publisher="Росмэн",
        place="Москва",
        year=2000,
        isbn="9785353003083",
        original_language="eng",
        summary=(
            "В свой одиннадцатый день рождения Гарри Поттер узнаёт, что он волшебник, и уезжает "
            "учиться в школу Хогвартс. Первое русское издание романа."
        ),
        subjects=(
            "Фэнтези",
            "Волшебники -- В художественной литературе",
            "Английская литература -- Переводы на русский язык",
        ),
        copies=3,
    ),
    SeedBook(
        key="carroll-alisa-ru",
        flavour=MARC21,
        language="rus",
        title="Приключения Алисы в Стране Чудес",
        subtitle="Сквозь зеркало и что там увидела Алиса, или Алиса в Зазеркалье",
        authors=(CARROLL_RU, DEMUROVA),
        publisher="Наука",
        place="Москва",
        year=1978,
        series="Литературные памятники",
        original_language="eng",
        summary=(
            "Обе сказки Кэрролла об Алисе в переводе Нины Демуровой, с комментариями и статьями, в "
            "академической серии «Литературные памятники»."
        ),
        subjects=("Сказки", "Английская литература -- Переводы на русский язык"),
    ),
    SeedBook(
        key="kurkov-smert-postoronnego-ru",
        flavour=MARC21,
        language="rus",
        title="Смерть постороннего",
        authors=(KURKOV,),
        publisher="Альтерпрес",
        place="Киев",
        year=1996,
        summary=(
            "Киевский литератор, живущий с пингвином Мишей, пишет некрологи ещё живых людей, и его "
            "герои начинают умирать. Первый из романов Андрея Куркова о пингвине."
        ),
        subjects=("Русская проза -- XX в.", "Киев -- В художественной литературе"),
    ),
    SeedBook(
        key="lotman-besedy-o-russkoi-kulture-ru",
        flavour=MARC21,
        language="rus",
        title="Беседы о русской культуре",
        subtitle="быт и традиции русского дворянства (XVIII - начало XIX века)",
        authors=(LOTMAN,),
        publisher="Искусство-СПБ",
        place="Санкт-Петербург",
        year=1994,
        summary=(
            "Лекции о повседневной жизни русского дворянства: служба, балы, сватовство, дуэли и "
            "карточная игра. Книга о том, как читать литературу пушкинской эпохи через её быт."
        ),
        subjects=("Дворянство -- Россия -- История -- XVIII в.", "Русская культура -- История"),
    ),
)


# --- Ukrainian -----------------------------------------------------------------------------------

_UKRAINIAN: tuple[SeedBook, ...] = (
    SeedBook(
        key="shevchenko-kobzar-uk",
        flavour=UNIMARC,
        language="ukr",
        title="Кобзарь",
        authors=(SHEVCHENKO,),
        publisher="Типография Е. Фишера",
        place="Санкт-Петербург",
        year=1840,
        summary=(
            "Перша збірка Тараса Шевченка: вісім поезій, серед них «Катерина», «Тополя» і «Думи "
            "мої, думи мої». Книжка, з якої починається нова українська література."
        ),
        subjects=("Українська поезія -- XIX ст.",),
        copies=3,
    ),
    SeedBook(
        key="hrushevsky-istoriia-ukrainy-rusy-uk",
        flavour=UNIMARC,
        language="ukr",
        title="Історія України-Руси",
        authors=(HRUSHEVSKY,),
        publisher="Наукове товариство імені Шевченка",
        place="Львів",
        year=1898,
        summary=(
            "Перший том багатотомної історії України від найдавніших часів. Праця, яка довела "
            "тяглість української історії від Київської Русі."
        ),
        subjects=("Україна -- Історія",),
    ),
    SeedBook(
        key="kostenko-marusia-churai-uk",
        flavour=UNIMARC,
        language="ukr",
        title="Маруся Чурай",
        subtitle="історичний роман у віршах",
        authors=(KOSTENKO,),
        publisher="Радянський письменник",
        place="Київ",
        year=1979,
        summary=(
            "Роман у віршах про легендарну полтавську піснярку XVII століття, засуджену за "
            "отруєння коханого. Твір, за який Ліна Костенко отримала Шевченківську премію."
        ),
        subjects=("Українська поезія -- XX ст.", "Історичні романи"),
        copies=2,
    ),
    SeedBook(
        key="kostenko-zapysky-samashedshoho-uk",
        flavour=MARC21,
        language="ukr",
        title="Записки українського самашедшого",
        subtitle="роман",
        authors=(KOSTENKO,),
        publisher="А-БА-БА-ГА-ЛА-МА-ГА",
        place="Київ",
        year=2010,
        summary=(
            "Київський програміст записує новини, розмови з родиною і власні тривоги на зламі "
            "тисячоліть. Перший прозовий роман Ліни Костенко."
        ),
        subjects=("Українська проза -- XXI ст.", "Україна -- Суспільне життя"),
        copies=2,
    ),
    SeedBook(
        key="stus-palimpsesty-uk",
        flavour=UNIMARC,
        language="ukr",
        title="Палімпсести",
        authors=(STUS, SVITLYCHNA),
        publisher="Сучасність",
        place="Нью-Йорк",
        year=1986,
        summary=(
            "Головна поетична книга Василя Стуса, написана в ув’язненні та на засланні. Видана за "
            "кордоном після смерті поета, упорядниця — Надія Світлична."
        ),
        subjects=("Українська поезія -- XX ст.", "Політичні репресії -- У художній літературі"),
    ),
    SeedBook(
        key="zhadan-voroshylovhrad-uk",
        flavour=MARC21,
        language="ukr",
        title="Ворошиловград",
        subtitle="роман",
        authors=(ZHADAN,),
        publisher="Фоліо",
        place="Харків",
        year=2010,
        summary=(
            "Герман повертається зі столиці на Донбас, щоб захистити бензозаправку зниклого брата "
            "від рейдерів. Роман про дружбу, вірність і рідне місто."
        ),
        subjects=("Українська проза -- XXI ст.", "Донбас -- У художній літературі"),
        copies=3,
    ),
    SeedBook(
        key="zhadan-mesopotamiia-uk",
        flavour=UNIMARC,
        language="ukr",
        title="Месопотамія",
        authors=(ZHADAN,),
        publisher="Meridian Czernowitz",
        place="Чернівці",
        year=2014,
        summary=(
            "Дев’ять історій і тридцять віршів про мешканців Харкова, їхню любов, смерть і віру. "
            "Місто між річками як давнє межиріччя."
        ),
        subjects=("Українська проза -- XXI ст.", "Харків -- У художній літературі"),
        copies=2,
    ),
    SeedBook(
        key="zhadan-internat-uk",
        flavour=UNIMARC,
        language="ukr",
        title="Інтернат",
        subtitle="роман",
        authors=(ZHADAN,),
        publisher="Meridian Czernowitz",
        place="Чернівці",
        year=2017,
        summary=(
            "Учитель Паша взимку 2015 року йде через лінію фронту на Донбасі, щоб забрати "
            "племінника з інтернату. Війна очима людини, яка не хотіла її помічати."
        ),
        subjects=(
            "Українська проза -- XXI ст.",
            "Донбас -- У художній літературі",
            "Російсько-українська війна, 2014- -- У художній літературі",
        ),
        copies=3,
    ),
    SeedBook(
        key="zabuzhko-polovi-doslidzhennia-uk",
        flavour=MARC21,
        language="ukr",
        title="Польові дослідження з українського сексу",
        subtitle="роман",
        authors=(ZABUZHKO,),
        publisher="Згода",
        place="Київ",
        year=1996,
        summary=(
            "Поетеса розповідає про кохання, насильство і колоніальну травму, переплітаючи "
            "особисте з національним. Один із найгучніших українських романів 1990-х."
        ),
        subjects=("Українська проза -- XX ст.", "Жінки -- У художній літературі"),
    ),
    SeedBook(
        key="zabuzhko-muzei-pokynutykh-sekretiv-uk",
        flavour=UNIMARC,
        language="ukr",
        title="Музей покинутих секретів",
        subtitle="роман",
        authors=(ZABUZHKO,),
        publisher="Факт",
        place="Київ",
        year=2009,
        summary=(
            "Київська тележурналістка розслідує смерть подруги-художниці і натрапляє на сімейні "
            "таємниці, що сягають часів УПА. Роман про пам’ять трьох поколінь."
        ),
        subjects=(
            "Українська проза -- XXI ст.",
            "Українська повстанська армія -- У художній літературі",
            "Історичні романи",
        ),
    ),
    SeedBook(
        key="andrukhovych-dvanadtsiat-obruchiv-uk",
        flavour=MARC21,
        language="ukr",
        title="Дванадцять обручів",
        subtitle="роман",
        authors=(ANDRUKHOVYCH,),
        publisher="Критика",
        place="Київ",
        year=2003,
        summary=(
            "Австрійський фотограф Карл-Йозеф Цумбруннен їде з українськими друзями в Карпати, і "
            "ця подорож закінчується трагічно. Роман про кохання, поезію Антонича і пострадянську "
            "Україну."
        ),
        subjects=("Українська проза -- XXI ст.", "Карпати -- У художній літературі"),
    ),
    SeedBook(
        key="shevchuk-dim-na-hori-uk",
        flavour=MARC21,
        language="ukr",
        title="Дім на горі",
        subtitle="роман-балада",
        authors=(SHEVCHUK,),
        publisher="Радянський письменник",
        place="Київ",
        year=1983,
        summary=(
            "Жінки з дому на горі чекають своїх суджених, а старий козопас записує новели про "
            "людей і демонів. Класика української химерної прози."
        ),
        subjects=("Українська проза -- XX ст.", "Химерна проза"),
    ),
    SeedBook(
        key="nestaiko-toreadory-z-vasiukivky-uk",
        flavour=UNIMARC,
        language="ukr",
        title="Тореадори з Васюківки",
        subtitle="трилогія про пригоди двох друзів",
        authors=(NESTAIKO, SEMENOV),
        publisher="Веселка",
        place="Київ",
        year=1973,
        pages=415,
        summary=(
            "Пригоди нерозлучних друзів Яви Реня і Павлуші Завгороднього з села Васюківка. "
            "Найулюбленіша українська дитяча книжка кількох поколінь."
        ),
        subjects=("Дитяча проза", "Пригодницькі повісті"),
        copies=3,
    ),
    SeedBook(
        key="hrytsak-narys-istorii-ukrainy-uk",
        flavour=MARC21,
        language="ukr",
        title="Нарис історії України",
        subtitle="формування модерної української нації XIX-XX століття",
        authors=(HRYTSAK,),
        publisher="Генеза",
        place="Київ",
        year=1996,
        summary=(
            "Як із селян, козацьких спогадів і національного руху XIX–XX століть склалася модерна "
            "українська нація. Синтеза, яка стала підручником для нового покоління."
        ),
        subjects=("Україна -- Історія -- XIX ст.", "Україна -- Історія -- XX ст."),
    ),
    SeedBook(
        key="orwell-kolhosp-tvaryn-uk",
        flavour=UNIMARC,
        language="ukr",
        title="Колгосп тварин",
        subtitle="казка",
        authors=(ORWELL_UK, CHERNIATYNSKYI),
        publisher="Прометей",
        place="Мюнхен",
        year=1947,
        pages=90,
        original_language="eng",
        summary=(
            "Перший переклад «Ферми тварин» іншою мовою, з передмовою, яку Орвелл написав для "
            "українських читачів. Видання для таборів переміщених осіб у повоєнній Німеччині."
        ),
        subjects=(
            "Тоталітаризм -- У художній літературі",
            "Алегорії",
            "Англійська література -- Переклади українською",
        ),
    ),
    SeedBook(
        key="rowling-filosofskyi-kamin-uk",
        flavour=UNIMARC,
        language="ukr",
        title="Гаррі Поттер і філософський камінь",
        authors=(ROWLING_UK, MOROZOV),
        publisher="А-БА-БА-ГА-ЛА-МА-ГА",
        place="Київ",
        year=2002,
        original_language="eng",
        summary=(
            "Гаррі Поттер дізнається, що він чарівник, і вирушає до Гоґвортсу. Перше українське "
            "видання, у перекладі Віктора Морозова."
        ),
        subjects=(
            "Фентезі",
            "Чарівники -- У художній літературі",
            "Англійська література -- Переклади українською",
        ),
        copies=3,
    ),
    SeedBook(
        key="tolkien-hobit-uk",
        flavour=MARC21,
        language="ukr",
        title="Гобіт, або Мандрівка за Імлисті гори",
        authors=(TOLKIEN_UK, MOKROVOLSKYI),
        publisher="Веселка",
        place="Київ",
        year=1985,
        original_language="eng",
        summary=(
            "Гобіт Більбо Торбин із чарівником Ґандальфом і тринадцятьма гномами вирушає по скарби "
            "дракона Смоґа. Перший український переклад казки Толкіна."
        ),
        subjects=("Фентезі", "Казки", "Англійська література -- Переклади українською"),
        copies=2,
    ),
)


# --- Romanian ------------------------------------------------------------------------------------

_ROMANIAN: tuple[SeedBook, ...] = (
    SeedBook(
        key="eminescu-poesii-ro",
        flavour=UNIMARC,
        language="rum",
        title="Poesii",
        authors=(EMINESCU, MAIORESCU),
        publisher="Editura Librăriei Socec & Comp.",
        place="București",
        year=1884,
        summary=(
            "Prima ediție a poeziilor lui Eminescu, alcătuită de Titu Maiorescu, cu „Luceafărul”, "
            "„Scrisorile” și „Glossă”. Volumul prin care Eminescu a devenit poetul național."
        ),
        subjects=("Poezie românească -- secolul al XIX-lea",),
        copies=3,
    ),
    SeedBook(
        key="caragiale-momente-ro",
        flavour=UNIMARC,
        language="rum",
        title="Momente",
        authors=(CARAGIALE,),
        publisher="Editura Librăriei Socec & Comp.",
        place="București",
        year=1901,
        summary=(
            "Schițe despre funcționari, politicieni de cafenea și familii bucureștene, auzite cu o "
            "ureche fără greș pentru limba vorbită. Caragiale prinde în câteva pagini o lume."
        ),
        subjects=("Proză românească -- secolul al XIX-lea", "Satiră"),
        copies=2,
    ),
    SeedBook(
        key="rebreanu-padurea-spanzuratilor-ro",
        flavour=UNIMARC,
        language="rum",
        title="Pădurea spânzuraților",
        subtitle="roman",
        authors=(REBREANU,),
        publisher="Cartea Românească",
        place="București",
        year=1922,
        summary=(
            "Ofițerul Apostol Bologa, român în armata austro-ungară, judecă dezertori de neamul "
            "lui și ajunge el însuși în fața aceleiași alegeri. Roman psihologic al Primului "
            "Război Mondial."
        ),
        subjects=(
            "Proză românească -- secolul al XX-lea",
            "Primul Război Mondial, 1914-1918 -- Ficțiune",
        ),
        copies=2,
    ),
    SeedBook(
        key="sadoveanu-baltagul-ro",
        flavour=UNIMARC,
        language="rum",
        title="Baltagul",
        subtitle="roman",
        authors=(SADOVEANU,),
        publisher="Cartea Românească",
        place="București",
        year=1930,
        summary=(
            "Vitoria Lipan pornește prin munți să afle ce s-a întâmplat cu soțul ei, Nechifor, "
            "plecat după oi și dispărut. O anchetă țărănească pe tiparul baladei „Miorița”."
        ),
        subjects=("Proză românească -- secolul al XX-lea", "Ciobani -- Ficțiune"),
        copies=3,
    ),
    SeedBook(
        key="petrescu-ultima-noapte-ro",
        flavour=MARC21,
        language="rum",
        title="Ultima noapte de dragoste, întâia noapte de război",
        authors=(PETRESCU,),
        publisher="Cartea Românească",
        place="București",
        year=1930,
        summary=(
            "Ștefan Gheorghidiu, student la filozofie, își analizează gelozia față de soția sa, "
            "apoi află pe front adevărul războiului. Roman al analizei interioare, la persoana "
            "întâi."
        ),
        subjects=(
            "Proză românească -- secolul al XX-lea",
            "Primul Război Mondial, 1914-1918 -- Ficțiune",
            "Gelozie -- Ficțiune",
        ),
        copies=2,
    ),
    SeedBook(
        key="eliade-maitreyi-ro",
        flavour=MARC21,
        language="rum",
        title="Maitreyi",
        subtitle="roman",
        authors=(ELIADE,),
        publisher="Editura Cultura Națională",
        place="București",
        year=1933,
        summary=(
            "Un tânăr inginer european trăiește la Calcutta o iubire interzisă pentru fiica gazdei "
            "sale. Roman inspirat din anii petrecuți de Eliade în India."
        ),
        subjects=("Proză românească -- secolul al XX-lea", "India -- Ficțiune"),
    ),
    SeedBook(
        key="sebastian-de-doua-mii-de-ani-ro",
        flavour=MARC21,
        language="rum",
        title="De două mii de ani",
        subtitle="roman",
        authors=(SEBASTIAN,),
        publisher="Editura Națională Ciornei",
        place="București",
        year=1934,
        summary=(
            "Jurnalul unui student evreu la București și Paris, între antisemitismul colegilor și "
            "prieteniile care se destramă. Romanul a stârnit una dintre marile polemici ale anilor "
            "’30."
        ),
        subjects=(
            "Proză românească -- secolul al XX-lea",
            "Evrei -- România -- Ficțiune",
            "Antisemitism -- Ficțiune",
        ),
    ),
    SeedBook(
        key="cioran-pe-culmile-disperarii-ro",
        flavour=UNIMARC,
        language="rum",
        title="Pe culmile disperării",
        authors=(CIORAN,),
        publisher="Fundația pentru Literatură și Artă „Regele Carol II”",
        place="București",
        year=1934,
        summary=(
            "Prima carte a lui Emil Cioran, scrisă în nopți de insomnie, despre disperare, moarte "
            "și lirism. Fragmente filozofice de o intensitate rar întâlnită."
        ),
        subjects=("Filozofie românească -- secolul al XX-lea", "Disperare"),
    ),
    SeedBook(
        key="preda-morometii-ro",
        flavour=MARC21,
        language="rum",
        title="Moromeții",
        authors=(PREDA,),
        publisher="Editura de Stat pentru Literatură și Artă",
        place="București",
        year=1955,
        summary=(
            "Familia lui Ilie Moromete trăiește în satul Siliștea-Gumești în anii de dinaintea "
            "celui de-al Doilea Război Mondial, când timpul părea să aibă cu oamenii nesfârșită "
            "răbdare. Primul volum al romanului."
        ),
        subjects=("Proză românească -- secolul al XX-lea", "Țărani -- România -- Ficțiune"),
        copies=2,
    ),
    SeedBook(
        key="cartarescu-nostalgia-ro",
        flavour=UNIMARC,
        language="rum",
        title="Nostalgia",
        authors=(CARTARESCU,),
        publisher="Humanitas",
        place="București",
        year=1993,
        summary=(
            "Proze despre copilărie, memorie și Bucureștiul periferiilor, între vis și "
            "halucinație. Prima ediție integrală a cărții apărute cenzurat în 1989 sub titlul "
            "„Visul”."
        ),
        subjects=("Proză românească -- secolul al XX-lea", "București -- Ficțiune"),
    ),
    SeedBook(
        key="cartarescu-orbitor-aripa-stanga-ro",
        flavour=MARC21,
        language="rum",
        title="Orbitor",
        subtitle="Aripa stângă",
        authors=(CARTARESCU,),
        publisher="Humanitas",
        place="București",
        year=1996,
        summary=(
            "Primul volum al trilogiei: Bucureștiul copilăriei naratorului, istoriile familiei "
            "mamei sale și un univers de fluturi, vise și anatomie."
        ),
        subjects=("Proză românească -- secolul al XX-lea", "București -- Ficțiune"),
        copies=2,
    ),
    SeedBook(
        key="cartarescu-solenoid-ro",
        flavour=UNIMARC,
        language="rum",
        title="Solenoid",
        authors=(CARTARESCU,),
        publisher="Humanitas",
        place="București",
        year=2015,
        summary=(
            "Un profesor de română dintr-o școală de la marginea Bucureștiului scrie un jurnal "
            "despre ieșirea din lume, despre solenoizii ascunși sub oraș și despre cărțile pe care "
            "nu le-a publicat."
        ),
        subjects=("Proză românească -- secolul al XXI-lea", "București -- Ficțiune"),
        copies=3,
    ),
    SeedBook(
        key="boia-istorie-si-mit-ro",
        flavour=MARC21,
        language="rum",
        title="Istorie și mit în conștiința românească",
        authors=(BOIA,),
        publisher="Humanitas",
        place="București",
        year=1997,
        summary=(
            "Lucian Boia analizează miturile prin care românii și-au construit identitatea: "
            "originea, continuitatea, unitatea și salvatorii. Carte care a stârnit o amplă "
            "dezbatere publică."
        ),
        subjects=("România -- Istoriografie", "Mituri politice -- România"),
        copies=2,
    ),
    SeedBook(
        key="naum-cartea-cu-apolodor-ro",
        flavour=UNIMARC,
        language="rum",
        title="Cartea cu Apolodor",
        authors=(NAUM, UNGUREANU),
        publisher="Editura Arthur",
        place="București",
        year=2016,
        summary=(
            "Pinguinul Apolodor, cântăreț la un circ din București, pleacă în Labrador să-și caute "
            "neamurile și înconjoară lumea în versuri. Ediție ilustrată de Dan Ungureanu."
        ),
        subjects=("Poezie pentru copii", "Pinguini -- Ficțiune"),
        copies=3,
    ),
    SeedBook(
        key="bulgakov-maestrul-si-margareta-ro",
        flavour=UNIMARC,
        language="rum",
        title="Maestrul și Margareta",
        authors=(BULGAKOV_RO, COVACI),
        publisher="Humanitas Fiction",
        place="București",
        year=2012,
        isbn="9789736895272",
        series="Raftul Denisei",
        original_language="rus",
        summary=(
            "Diavolul Woland vizitează Moscova anilor ’30, iar Maestrul și Margareta își caută "
            "libertatea și romanul pierdut despre Pilat din Pont. În traducerea lui Ion Covaci."
        ),
        subjects=("Proză rusă -- secolul al XX-lea -- Traduceri în limba română", "Satiră"),
        copies=2,
    ),
    SeedBook(
        key="orwell-o-mie-noua-sute-optzeci-si-patru-ro",
        flavour=MARC21,
        language="rum",
        title="O mie nouă sute optzeci și patru",
        authors=(ORWELL, GAFITA),
        publisher="Polirom",
        place="Iași",
        year=2016,
        isbn="9789734660711",
        pages=320,
        series="Biblioteca Polirom",
        original_language="eng",
        summary=(
            "Winston Smith rescrie trecutul la Ministerul Adevărului, până când începe un jurnal "
            "și o iubire interzisă. Distopia lui Orwell, în traducerea lui Mihnea Gafița."
        ),
        subjects=(
            "Totalitarism -- Ficțiune",
            "Distopii",
            "Literatură engleză -- Traduceri în limba română",
        ),
        copies=2,
    ),
    SeedBook(
        key="rowling-piatra-filozofala-ro",
        flavour=UNIMARC,
        language="rum",
        title="Harry Potter și piatra filozofală",
        authors=(ROWLING, IEPUREANU),
        publisher="Egmont",
        place="București",
        year=2000,
        original_language="eng",
        summary=(
            "La unsprezece ani, Harry Potter află că este vrăjitor și pleacă la Școala Hogwarts. "
            "Prima ediție în limba română, în traducerea Ioanei Iepureanu."
        ),
        subjects=(
            "Fantasy",
            "Vrăjitori -- Ficțiune",
            "Literatură engleză -- Traduceri în limba română",
        ),
        copies=3,
    ),
)


BOOKS: tuple[SeedBook, ...] = _ENGLISH + _RUSSIAN + _UKRAINIAN + _ROMANIAN
