"""A tour's public pages: the first stop at the tour's address, every stop at its own address,
each a complete page without JavaScript (picture with hotspots as links, the same links as a
list, previous and next, the list of stops with the current one marked)."""

from __future__ import annotations

import pytest

from plugins.exhibitions.models import TourPage
from tests.html import soup_of
from tests.plugins.exhibitions.conftest import add_tour, home_of, hotspot, picture, stop
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

XSS = '"><script>alert(1)</script>'


@pytest.fixture
def tour(image) -> TourPage:
    return add_tour(
        "Library tour",
        [
            stop("Entrance", image, [hotspot("Our hours", 10, 20, url="https://hours.example/")]),
            stop(
                "Reading room", image, [hotspot("Tall windows", 75.5, 40, url="https://w.example/")]
            ),
            stop("Attic", image),
        ],
        intro="Three rooms.",
    )


def test_the_tours_address_shows_its_introduction_and_first_stop(client, tour):
    soup = soup_of(client.get(tour.url))

    assert soup.h1.get_text() == "Library tour"
    assert "Three rooms." in soup.select_one(".page-header").get_text()
    assert soup.select_one("#tour-stop-heading").get_text() == "Entrance"
    assert soup.select_one(".tour-stop__count").get_text() == "Stop 1 of 3"


def test_every_stop_has_its_own_address(client, tour):
    response = client.get(f"{tour.url}stops/2/")

    soup = soup_of(response)
    assert response.status_code == 200
    assert soup.select_one("#tour-stop-heading").get_text() == "Reading room"
    assert soup.title.get_text().startswith("Reading room — Library tour")


@pytest.mark.parametrize("number", ["0", "4", "99"])
def test_a_stop_the_tour_does_not_have_is_not_found(client, tour, number):
    assert client.get(f"{tour.url}stops/{number}/").status_code == 404


def test_hotspots_are_links_placed_in_percent_on_the_picture(client, tour):
    soup = soup_of(client.get(f"{tour.url}stops/2/"))

    spot = soup.select_one(".tour-stop__canvas a.tour-hotspot")
    assert spot["href"] == "https://w.example/"
    assert spot["style"] == "left: 75.50%; top: 40.00%"
    assert spot.select_one(".tour-hotspot__caption").get_text() == "Tall windows"
    assert soup.select_one(".tour-stop__canvas img")["alt"] == "A drawing of Reading room"


def test_the_same_hotspots_are_listed_below_the_picture(client, tour):
    soup = soup_of(client.get(f"{tour.url}stops/2/"))

    listed = soup.select(".tour-stop__hotspots a")
    assert [(a.get_text(), a["href"]) for a in listed] == [("Tall windows", "https://w.example/")]
    assert "on another site" in soup.select_one(".tour-stop__hotspots").get_text()


def test_a_stop_links_to_the_previous_and_next_stops(client, tour):
    middle = soup_of(client.get(f"{tour.url}stops/2/"))
    first = soup_of(client.get(f"{tour.url}stops/1/"))
    last = soup_of(client.get(f"{tour.url}stops/3/"))

    assert middle.select_one("a[rel=prev]")["href"] == f"{tour.url}stops/1/"
    assert middle.select_one("a[rel=next]")["href"] == f"{tour.url}stops/3/"
    assert "Next: Attic" in middle.select_one("a[rel=next]").get_text()
    assert first.select_one("a[rel=prev]") is None
    assert last.select_one("a[rel=next]") is None


def test_the_list_of_stops_marks_the_current_one(client, tour):
    soup = soup_of(client.get(f"{tour.url}stops/3/"))

    links = soup.select(".tour__stops ol a")
    assert [a.get_text() for a in links] == ["Entrance", "Reading room", "Attic"]
    assert [a.get("aria-current") for a in links] == [None, None, "page"]
    assert links[0]["href"] == f"{tour.url}stops/1/"


def test_a_panorama_is_a_focusable_region_readers_can_pan(client, image):
    tour = add_tour("Wide", [stop("Hall", image, panorama=True)])

    soup = soup_of(client.get(tour.url))

    region = soup.select_one("[data-tour-panorama]")
    assert region["tabindex"] == "0"
    assert region["role"] == "region"
    assert "arrow keys" in region["aria-label"]


def test_record_hotspots_lead_to_the_records_pages(client, catalogue, image):
    tour = add_tour(
        "Shelves",
        [stop("Shelf", image, [hotspot("Kobzar", record=41), hotspot("Pooh", record=11)])],
    )

    soup = soup_of(client.get(tour.url))

    hrefs = [a["href"] for a in soup.select(".tour-stop__hotspots a")]
    assert hrefs == ["/en/catalogue/41/кобзарь/", "/en/catalogue/11/winnie-the-pooh/"]
    assert "in the catalogue" in soup.select_one(".tour-stop__hotspots").get_text()


def test_page_hotspots_lead_to_the_page_in_the_readers_language(client, image):
    english_visiting = home_of("en").get_children().get(slug="visiting")
    english = add_tour("Visit", [stop("Door", image, [hotspot("Hours", page=english_visiting)])])
    russian_home = home_of("ru")
    russian = english.copy_for_translation(russian_home.locale, copy_parents=False)
    russian.save_revision().publish()

    soup = soup_of(client.get(russian.url))

    assert soup.select_one(".tour-stop__hotspots a")["href"] == "/ru/kak-nas-posetit/"


def test_what_editors_type_is_shown_as_text(client, image):
    tour = add_tour(
        "Escaped",
        [stop(f"Room {XSS}", image, [hotspot(f"Spot {XSS}", url="https://x.example/")])],
        slug="escaped",
    )

    response = client.get(tour.url)

    assert XSS not in response.content.decode()
    assert soup_of(response).select_one(".tour-hotspot__caption").get_text() == f"Spot {XSS}"


def tour_of(stops: int, image, visiting) -> TourPage:
    """A tour whose every stop has a record, a page and an address as hotspots."""
    return add_tour(
        f"Tour of {stops}",
        [
            stop(
                f"Room {number}",
                image,
                [
                    hotspot("A book", record=1 + number % 70),
                    hotspot("A page", page=visiting),
                    hotspot("Elsewhere", url="https://elsewhere.example/"),
                ],
            )
            for number in range(stops)
        ],
    )


def test_a_stops_queries_do_not_grow_with_the_stops_and_hotspots(client, catalogue):
    image = picture()
    visiting = home_of("en").get_children().get(slug="visiting")
    small, large = tour_of(2, image, visiting), tour_of(30, image, visiting)

    small_queries = count_queries(client, f"{small.url}stops/2/")
    large_queries = count_queries(client, f"{large.url}stops/2/")

    assert large_queries == small_queries
    assert small_queries <= 16  # Wagtail reads a page per path segment: home, exhibitions, tour


def test_the_demo_tour_is_there_in_every_language(client):
    tours = {t.locale.language_code: t for t in TourPage.objects.select_related("locale")}

    assert sorted(tours) == ["en", "ro", "ru", "uk"]
    for language, tour in tours.items():
        response = client.get(f"{tour.url}stops/3/")
        soup = soup_of(response)
        assert response.status_code == 200, language
        assert len(soup.select(".tour__stops ol li")) == 6
        assert soup.select_one("[data-tour-panorama]") is not None  # the reading room
    russian = soup_of(client.get(tours["ru"].url))
    assert russian.h1.get_text() == "Прогулка по библиотеке"
    assert russian.select_one("#tour-stop-heading").get_text() == "Вестибюль"


def test_a_tour_offers_share_links_to_itself(client, tour):
    soup = soup_of(client.get(f"{tour.url}stops/2/"))

    share = soup.select_one("section.share")
    assert share is not None
    assert soup.select_one(".share__mastodon input[name=page]")["value"] == str(tour.pk)


def test_each_stop_is_its_own_canonical_page_but_the_first_is_the_tours(client, tour):
    first = soup_of(client.get(f"{tour.url}stops/1/"))
    second = soup_of(client.get(f"{tour.url}stops/2/"))

    assert first.find("link", rel="canonical")["href"] == f"http://testserver{tour.url}"
    assert second.find("link", rel="canonical")["href"] == f"http://testserver{tour.url}stops/2/"


def test_the_introduction_opens_the_tour_and_later_stops_go_straight_to_the_picture(client, tour):
    later = soup_of(client.get(f"{tour.url}stops/2/"))

    assert later.h1.get_text() == "Library tour"
    assert "Three rooms." not in later.select_one(".page-header").get_text()
