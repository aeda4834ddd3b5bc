"""The exhibitions page groups exhibitions as on now, coming soon and past (still online), and
lists the virtual tours; the home page shows the current ones first, three at most; lists cost a
fixed number of queries."""

from __future__ import annotations

import pytest

from tests.html import soup_of
from tests.plugins.exhibitions.conftest import (
    add_exhibition,
    add_tour,
    days,
    index_of,
    picture,
    stop,
)
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def titles(soup, selector: str) -> list[str]:
    return [a.get_text() for a in soup.select(f"{selector} .exhibition-card__title a")]


def test_the_exhibitions_page_groups_current_upcoming_and_past(client, index):
    add_exhibition(index, "Soon", opens=days(3), closes=days(40))
    add_exhibition(index, "Over", opens=days(-60), closes=days(-1))
    add_exhibition(index, "Forever", opens=days(-400), closes=None, online_only=True, place="")

    soup = soup_of(client.get(index.url))

    on_now = [a.get_text() for a in soup.select("[aria-labelledby=exhibitions-current] h3 a")]
    assert on_now == ["First printings: Pushkin, Shevchenko, Gogol, Eminescu", "Forever"]
    assert [a.get_text() for a in soup.select("[aria-labelledby=exhibitions-upcoming] h3 a")] == [
        "Soon"
    ]
    assert [a.get_text() for a in soup.select("[aria-labelledby=exhibitions-past] h3 a")] == [
        "Over"
    ]
    assert "Online exhibition" in soup.select_one("[aria-labelledby=exhibitions-current]").text


def test_the_exhibitions_page_costs_the_same_queries_for_one_or_many(client, index):
    before = count_queries(client, index.url)
    for number in range(5):
        add_exhibition(index, f"More {number}", opens=days(-number))

    assert count_queries(client, index.url) == before


@pytest.mark.parametrize(
    ("language", "heading", "stops"),
    [("en", "Virtual tours", "6 stops"), ("uk", "Віртуальні екскурсії", "6 зупинок")],
)
def test_the_exhibitions_page_lists_the_virtual_tours(client, language, heading, stops):
    soup = soup_of(client.get(index_of(language).url))

    section = soup.select_one("section[aria-labelledby=exhibitions-tours]")
    assert section.h2.get_text() == heading
    assert [li.p.get_text().startswith(stops) for li in section.select(".tour-list li")] == [True]


def test_the_exhibitions_page_costs_the_same_queries_for_one_tour_or_many(client, index):
    before = count_queries(client, index.url)
    image = picture()
    for number in range(3):
        add_tour(f"Tour {number}", [stop("Hall", image), stop("Stairs", image)])

    assert count_queries(client, index.url) == before


def test_a_restricted_tour_is_not_listed(client, index):
    from wagtail.models import PageViewRestriction

    hidden = add_tour("Staff corridors", [stop("Hall", picture())])
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")

    assert "Staff corridors" not in client.get(index.url).content.decode()


def test_a_restricted_exhibition_is_not_listed(client, index):
    from wagtail.models import PageViewRestriction

    hidden = add_exhibition(index, "Staff only")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")

    assert "Staff only" not in client.get(index.url).content.decode()
    assert "Staff only" not in client.get("/en/").content.decode()


def test_the_home_page_shows_current_exhibitions_first_three_at_most(client, index):
    add_exhibition(index, "Soon", opens=days(3))
    add_exhibition(index, "Also now", opens=days(-2))
    add_exhibition(index, "Later", opens=days(9))
    add_exhibition(index, "Over", opens=days(-60), closes=days(-1))

    soup = soup_of(client.get("/en/"))

    strip = soup.select_one(".home-exhibitions")
    shown = [a.get_text() for a in strip.select(".exhibition-card__title a")]
    assert shown == [
        "First printings: Pushkin, Shevchenko, Gogol, Eminescu",
        "Also now",
        "Soon",
    ]
    assert strip.select_one(".shelf__head a")["href"] == "/en/exhibitions/"


def test_the_home_page_shows_the_exhibitions_of_its_language(client):
    soup = soup_of(client.get("/ro/"))

    strip = soup.select_one(".home-exhibitions")
    assert [a.get_text() for a in strip.select(".exhibition-card__title a")] == [
        "Primele ediții: Pușkin, Șevcenko, Gogol, Eminescu"
    ]


def test_the_home_page_costs_the_same_queries_however_many_exhibitions(client, index):
    before = count_queries(client, "/en/")
    add_exhibition(index_of("en"), "Also now", opens=days(-2))
    add_exhibition(index, "Soon", opens=days(3))

    assert count_queries(client, "/en/") == before
