"""The events page: upcoming events soonest first, filtered by month and audience, paged; past
events in the archive; the next events on the home page."""

from __future__ import annotations

import pytest

from plugins.events.listing import PAGE_SIZE
from plugins.events.models import Audience
from tests.html import soup_of
from tests.plugins.events.conftest import add_event, in_days, index_of
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [a.get_text() for a in soup_of(response).select(".event-item__title a")]


@pytest.fixture
def few(index):
    return [
        add_event(index, "Soon", in_days(1), audience=Audience.CHILDREN),
        add_event(index, "Later", in_days(40), audience=Audience.ADULTS),
        add_event(index, "Gone", in_days(-40)),
    ]


def test_upcoming_events_soonest_first_and_past_ones_in_the_archive(client, few):
    upcoming = titles(client.get("/en/events/"))
    past = titles(client.get("/en/events/past/"))

    assert upcoming.index("Soon") < upcoming.index("Later")
    assert "Gone" not in upcoming
    assert "Gone" in past and "Soon" not in past


def test_month_filter_keeps_events_of_that_month(client, few):
    month = few[1].start.strftime("%Y-%m")

    found = titles(client.get("/en/events/", {"month": month}))

    assert "Later" in found and "Soon" not in found  # forty days apart: never the same month


def test_audience_filter_keeps_that_audience_and_events_for_everyone(client, index, few):
    add_event(index, "Open day", in_days(2), audience=Audience.EVERYONE)

    found = titles(client.get("/en/events/", {"audience": "children"}))

    assert "Soon" in found and "Open day" in found and "Later" not in found


@pytest.mark.parametrize(
    "params",
    [
        {"month": "2026-13"},
        {"month": "<script>alert(1)</script>"},
        {"audience": '"><img src=x onerror=alert(1)>'},
        {"page": "abc"},
        {"page": "999"},
    ],
)
def test_junk_in_the_address_gives_the_page_and_is_never_echoed(client, few, params):
    response = client.get("/en/events/", params)

    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert(1)" not in body and "onerror=alert(1)>" not in body
    assert "Soon" in titles(response)


def test_sixty_events_are_paged_with_a_bounded_number_of_queries(client, index):
    for day in range(65):
        add_event(index, f"Event {day:02}", in_days(day + 1), slug=f"event-{day}")

    pages = [titles(client.get("/en/events/", {"page": n})) for n in (1, 2, 3, 4)]

    assert [len(page) for page in pages[:3]] == [PAGE_SIZE] * 3
    listed = [title for page in pages for title in page]
    assert len(listed) == len(set(listed)) and listed[0] == "Event 00"
    assert {f"Event {day:02}" for day in range(65)} <= set(listed)
    assert count_queries(client, "/en/events/") <= 12
    assert count_queries(client, "/en/events/", {"page": 3}) <= 12
    assert count_queries(client, "/en/events/past/") <= 12


def test_home_page_costs_the_same_queries_however_many_events(client, index):
    add_event(index, "One", in_days(1))
    before = count_queries(client, "/en/")
    for day in range(30):
        add_event(index, f"More {day}", in_days(day + 2), slug=f"more-{day}")

    assert count_queries(client, "/en/") == before


def test_page_links_keep_the_filters(client, index):
    for day in range(PAGE_SIZE + 2):
        add_event(index, f"Kids {day:02}", in_days(day + 1), slug=f"k-{day}", audience="children")

    soup = soup_of(client.get("/en/events/", {"audience": "children"}))

    assert soup.select_one("a[rel=next]")["href"] == "?audience=children&page=2"


def test_home_page_lists_the_next_events_of_its_language(client, few):
    soup = soup_of(client.get("/en/"))

    section = soup.select_one(".home-events")
    assert section.select_one(".event-item__title a").get_text() == "Soon"
    assert section.find("a", string="All events")["href"] == "/en/events/"


def test_each_language_lists_its_own_events(client):
    english = titles(client.get("/en/events/"))
    russian = titles(client.get("/ru/events/"))

    assert "Час сказки: Алиса и Винни-Пух" in russian
    assert "Storytime: Alice and Winnie-the-Pooh" in english
    assert not set(english) & set(russian)
    assert index_of("ru").url == "/ru/events/"
