"""Home and standard pages in every language: language, alternates, translated frame, 404s."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from plugins.events.models import EventPage
from plugins.exhibitions.models import ExhibitionPage, TourPage
from plugins.reference.models import AskLibrarianPage, FaqEntryPage, KnowledgeBasePage
from tests.html import soup_of

LANGUAGES = ["en", "ru", "uk", "ro"]
# A string of the page frame (not of the content) in each language: the skip link.
SKIP_LINK = {
    "en": "Skip to main content",
    "ru": "Перейти к основному содержанию",
    "uk": "Перейти до основного вмісту",
    "ro": "Salt la conținutul principal",
}
HOME_TITLES = {
    "en": "Welcome to the library",
    "ru": "Добро пожаловать в библиотеку",
    "uk": "Ласкаво просимо до бібліотеки",
    "ro": "Bine ați venit la bibliotecă",
}
ABOUT_TITLES = {
    "en": "About the library",
    "ru": "О библиотеке",
    "uk": "Про бібліотеку",
    "ro": "Despre bibliotecă",
}

# Each page at its address in each language: translations have slugs of their own.
HOME = {language: f"/{language}/" for language in LANGUAGES}
ABOUT = {
    "en": "/en/about/",
    "ru": "/ru/o-biblioteke/",
    "uk": "/uk/pro-biblioteku/",
    "ro": "/ro/despre-biblioteca/",
}
VISITING = {
    "en": "/en/visiting/",
    "ru": "/ru/kak-nas-posetit/",
    "uk": "/uk/yak-nas-vidvidaty/",
    "ro": "/ro/vizitati-ne/",
}
CATALOGUE = {language: f"/{language}/catalogue/" for language in LANGUAGES}
CONTACTS = {
    "en": "/en/contacts/",
    "ru": "/ru/kontakty/",
    "uk": "/uk/kontakty/",
    "ro": "/ro/contact/",
}
EVENTS = {language: f"/{language}/events/" for language in LANGUAGES}
EXHIBITIONS = {language: f"/{language}/exhibitions/" for language in LANGUAGES}

pytestmark = pytest.mark.django_db


def alternates(soup: BeautifulSoup) -> dict[str, str]:
    """The page's translations (feeds are alternates too, of another type, with no hreflang)."""
    links = soup.select('head link[rel="alternate"][hreflang]')
    return {link["hreflang"]: link["href"] for link in links}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("paths", "titles"), [(HOME, HOME_TITLES), (ABOUT, ABOUT_TITLES)])
def test_page_is_served_in_each_language_with_its_frame_translated(client, language, paths, titles):
    response = client.get(paths[language])

    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["lang"] == language
    assert soup.h1.get_text(strip=True) == titles[language]
    assert soup.select_one("a.skip-link").get_text(strip=True) == SKIP_LINK[language]


@pytest.mark.parametrize("paths", [HOME, CATALOGUE, ABOUT, VISITING, CONTACTS])
def test_pages_link_every_translation_and_the_english_source_as_x_default(client, paths):
    response = client.get(paths["uk"])

    links = alternates(soup_of(response))
    assert links == {
        **{language: "http://testserver" + path for language, path in paths.items()},
        "x-default": "http://testserver" + paths["en"],
    }


def test_language_switcher_lists_every_language_by_its_own_name_and_marks_the_current(client):
    soup = soup_of(client.get(VISITING["ro"]))

    switcher = soup.select("nav.language-switcher a")
    assert [(a["hreflang"], a.get_text(strip=True), a["href"]) for a in switcher] == [
        ("en", "English", VISITING["en"]),
        ("ru", "Русский", VISITING["ru"]),
        ("uk", "Українська", VISITING["uk"]),
        ("ro", "Română", VISITING["ro"]),
    ]
    assert [a["hreflang"] for a in switcher if a.get("aria-current")] == ["ro"]


def test_switcher_falls_back_to_the_home_page_of_a_language_without_a_translation(client):
    from wagtail.models import Locale, Page

    from library_site.core.models import StandardPage

    home = Page.objects.get(depth=2, locale=Locale.get_default())
    home.add_child(instance=StandardPage(title="Opening of the new wing", slug="new-wing"))

    soup = soup_of(client.get("/en/new-wing/"))

    switcher = {a["hreflang"]: a for a in soup.select("nav.language-switcher a")}
    assert switcher["uk"]["href"] == "/uk/"
    assert "alternate" not in switcher["uk"].get("rel", [])
    assert set(alternates(soup)) == {"en", "x-default"}


def test_main_menu_lists_the_pages_of_the_active_language(client):
    soup = soup_of(client.get("/ru/"))

    menu = [a.get_text(strip=True) for a in soup.select("nav.main-nav a")]
    assert menu == [
        "Каталог",
        "О библиотеке",
        "Как нас посетить",
        "Контакты",
        "События",
        "Истории библиотеки",
        "Выставки",
        "Спросите библиотекаря",
    ]


def test_root_redirects_to_the_readers_language(client):
    response = client.get("/", headers={"accept-language": "uk,en;q=0.5"})

    assert response.status_code == 302
    assert response["Location"] == "/uk/"


def test_unknown_path_gives_the_sites_own_404_page_in_the_language(client):
    response = client.get("/ro/no-such-page/")

    assert response.status_code == 404
    soup = soup_of(response)
    assert soup.html["lang"] == "ro"
    assert soup.h1.get_text(strip=True) == "Pagina nu a fost găsită"
    assert soup.select_one("nav.language-switcher") is not None


def test_unknown_language_prefix_ends_on_the_sites_404_page(client):
    response = client.get("/de/about/", follow=True)

    assert response.status_code == 404
    soup = soup_of(response)
    assert soup.h1.get_text(strip=True) == "Page not found"
    assert soup.select_one("a.skip-link") is not None


def test_page_frame_is_accessible(client):
    soup = soup_of(client.get("/en/about/"))

    assert soup.select_one("a.skip-link")["href"] == "#main-content"
    assert soup.select_one("main#main-content") is not None
    assert soup.select_one("header.site-header") and soup.select_one("footer.site-footer")
    search_input = soup.select_one("header form[role=search] input[name=q]")
    assert soup.select_one(f"label[for={search_input['id']}]") is not None
    assert soup.select_one('meta[name="viewport"]') is not None
    assert all(nav.get("aria-label") for nav in soup.select("nav"))


DEMO_POSTS = [  # the demo blog's, at their dated addresses
    "2026/11/05/shevchenko-evening/",
    "2026/11/14/story-hour-podcast/",
    "2026/11/27/new-reading-room/",
]


def test_sitemap_lists_the_pages_of_every_language(client):
    import xml.etree.ElementTree as ET

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    namespace = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = ET.fromstring(response.content).findall("sm:url/sm:loc", namespace)
    locations = {loc.text for loc in urls}
    events = {f"http://localhost{event.url}" for event in EventPage.objects.live()}
    assert len(events) == 12  # the demo's three events in four languages
    exhibitions = {f"http://localhost{page.url}" for page in ExhibitionPage.objects.live()}
    assert len(exhibitions) == 4  # the demo's exhibition in four languages
    blog = ["", *DEMO_POSTS]
    tours = {
        f"http://localhost{tour.url}{stop}"
        for tour in TourPage.objects.live()
        for stop in ["", *(f"stops/{number}/" for number in range(2, 7))]
    }
    assert len(tours) == 24  # the demo's tour of six stops in four languages
    reference = {
        f"http://localhost{page.url}"
        for page in Page.objects.live().type(AskLibrarianPage, KnowledgeBasePage, FaqEntryPage)
    }
    assert len(reference) == 40  # the ask page, its knowledge base and 8 entries, 4 languages
    assert locations == events | exhibitions | tours | reference | {
        f"http://localhost{path}"
        for paths in (HOME, CATALOGUE, ABOUT, VISITING, CONTACTS, EVENTS, EXHIBITIONS)
        for path in paths.values()
    } | {f"http://localhost/{code}/blog/{post}" for code in HOME for post in blog}
