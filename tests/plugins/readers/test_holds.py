"""Placing a hold from a record page: the include for each kind of visitor, the pickup library
chosen, Koha's refusals and the patron's blocks in words, the way back to the page."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.template import RequestContext, Template
from django.test import RequestFactory

from koha_bridge.client import KohaUnavailable
from tests.html import soup_of
from tests.plugins.readers.conftest import ANDREI, DMITRY, EMILY, ION, link, make_reader

pytestmark = pytest.mark.django_db

RECORD_PAGE = "/en/catalogue/5/a-title/"
ON_SHELF = 5


def render_include(user, biblio_id: int = ON_SHELF, title: str = "A title"):
    request = RequestFactory().get(RECORD_PAGE)
    request.user = user
    template = Template(
        '{% include "readers/includes/place_hold.html" with biblio_id=biblio_id title=title %}'
    )
    html = template.render(RequestContext(request, {"biblio_id": biblio_id, "title": title}))
    return BeautifulSoup(html, "html.parser")


def place(client, biblio_id: int = ON_SHELF, pickup: str = "RIV", language: str = "en"):
    return client.post(
        f"/{language}/account/holds/",
        {"biblio_id": biblio_id, "pickup_library_id": pickup, "next": RECORD_PAGE},
    )


def messages_after(client, response) -> list[str]:
    page = client.get(response["Location"])
    return [item.get_text(strip=True) for item in soup_of(page).select(".messages li")]


def holds_of(koha, patron_id: int) -> list:
    with koha.store.reading() as db:
        return [
            dict(row) for row in db.execute("SELECT * FROM holds WHERE patron_id = ?", (patron_id,))
        ]


def test_a_visitor_is_asked_to_sign_in_and_come_back(koha):
    link_to = render_include(AnonymousUser()).select_one("a")

    assert link_to.get_text(strip=True) == "Sign in to place a hold"
    assert link_to["href"] == "/en/accounts/login/?next=%2Fen%2Fcatalogue%2F5%2Fa-title%2F"


def test_a_reader_without_a_card_is_asked_to_link_one(koha, reader):
    link_to = render_include(reader.user).select_one("a")

    assert link_to["href"] == "/en/account/card/?next=%2Fen%2Fcatalogue%2F5%2Fa-title%2F"


def test_a_reader_with_a_card_chooses_among_the_pickup_libraries_home_first(koha, reader):
    link(koha, reader, ANDREI)

    form = render_include(reader.user).select_one("form")

    assert (form["method"], form["action"]) == ("post", "/en/account/holds/")
    options = form.select("select[name=pickup_library_id] option")
    assert [option["value"] for option in options] == ["CPL", "KIDS", "RIV"]
    assert form.select_one("option[selected]")["value"] == ANDREI.library_id
    assert form.select_one("input[name=csrfmiddlewaretoken]") is not None
    assert "A title" in form.button.get_text()


def test_a_reader_who_holds_the_title_is_told_where_to_collect_it_instead_of_a_form(koha, reader):
    link(koha, reader, ANDREI)  # Andrei has a hold on record 1, to collect at his library

    section = render_include(reader.user, biblio_id=1)

    assert section.select_one("form") is None
    said = section.select_one("p").get_text(" ", strip=True)
    assert said.startswith("You have a hold on this title, to collect at ")
    assert section.select_one("p a")["href"] == "/en/account/"


def test_when_koha_is_down_the_include_says_so_instead_of_a_form(koha, reader, monkeypatch):
    link(koha, reader, ANDREI)

    def down(*args, **kwargs):
        raise KohaUnavailable("cannot connect", url="http://koha.example/api/v1")

    monkeypatch.setattr("koha_bridge.client.KohaClient.pickup_locations", down)

    soup = render_include(reader.user)

    assert soup.select_one("form") is None
    assert "not answering" in soup.select_one(".notice--error").get_text()


def test_a_hold_is_placed_at_the_chosen_library_and_the_reader_is_sent_back(koha, client):
    andrei = make_reader("andrei")
    card = link(koha, andrei, ANDREI)
    client.force_login(andrei.user)

    response = place(client)

    assert response["Location"] == RECORD_PAGE
    new = [hold for hold in holds_of(koha, card.patron_id) if hold["biblio_id"] == ON_SHELF]
    assert [hold["pickup_library_id"] for hold in new] == ["RIV"]


def test_the_reader_is_told_the_hold_is_placed_and_where_to_collect_it(koha, client):
    andrei = make_reader("andrei")
    link(koha, andrei, ANDREI)
    client.force_login(andrei.user)

    response = client.post(
        "/en/account/holds/", {"biblio_id": ON_SHELF, "pickup_library_id": "RIV"}, follow=True
    )

    [message] = [item.get_text(strip=True) for item in soup_of(response).select(".messages li")]
    assert message.startswith("Your hold on “") and message.endswith("at Riverside Branch.")


def test_a_second_hold_on_the_same_title_is_refused_in_words(koha, client):
    andrei = make_reader("andrei")
    link(koha, andrei, ANDREI)  # Andrei has a hold on record 1
    client.force_login(andrei.user)

    [said] = messages_after(client, place(client, 1))

    assert said.startswith("You cannot place a hold on “")
    assert said.endswith("”: you already have a hold on this title.")


def test_a_title_the_reader_has_on_loan_is_refused(koha, olena, signed_in):
    said = messages_after(signed_in, place(signed_in, 1))

    assert said[0].endswith("you already have this title on loan.")


def test_holds_beyond_the_librarys_limit_are_refused(koha, client):
    andrei = make_reader("andrei")
    link(koha, andrei, ANDREI)
    client.force_login(andrei.user)
    for biblio_id in range(10, 19):
        place(client, biblio_id)

    said = messages_after(client, place(client, 30))

    assert said[-1].endswith("you have as many holds as the library allows.")


@pytest.mark.parametrize(
    ("patron", "reason"),
    [
        (ION, "your account is restricted; please contact the library"),
        (EMILY, "your library card has expired; please renew it at the library"),
        (DMITRY, "your fines are too high; please pay them at the library"),
    ],
    ids=["restricted", "expired", "fines"],
)
def test_a_blocked_patron_is_refused_as_kohas_opac_would(koha, client, patron, reason):
    blocked = make_reader("blocked")
    card = link(koha, blocked, patron)
    client.force_login(blocked.user)

    said = messages_after(client, place(client))

    assert said[0].endswith(f"{reason}.")
    assert holds_of(koha, card.patron_id) == []


def test_a_hold_leads_back_only_to_pages_of_this_site(koha, client):
    andrei = make_reader("andrei")
    link(koha, andrei, ANDREI)
    client.force_login(andrei.user)

    response = client.post(
        "/en/account/holds/",
        {"biblio_id": ON_SHELF, "pickup_library_id": "RIV", "next": "https://evil.example/"},
    )

    assert response["Location"] == "/en/account/"


def test_holds_are_limited_per_reader(koha, client, settings):
    settings.READERS_RATE_LIMITS = {**settings.READERS_RATE_LIMITS, "place_hold": "2/h/user"}
    andrei = make_reader("andrei")
    link(koha, andrei, ANDREI)
    client.force_login(andrei.user)
    place(client, 10)
    place(client, 11)

    assert place(client, 12).status_code == 429


def test_placing_a_hold_needs_a_card_and_a_post(koha, signed_in):
    assert signed_in.get("/en/account/holds/").status_code == 405
    assert place(signed_in)["Location"] == "/en/account/card/"
