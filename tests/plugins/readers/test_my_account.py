"""My account, live from Koha: loans (overdue marked, renew one or all), holds (status, queue,
cancel), fines, and the reading history for those who ask."""

from __future__ import annotations

import pytest

from koha_bridge.client import KohaUnavailable
from koha_bridge.sandbox import circulation
from tests.html import soup_of
from tests.plugins.readers.conftest import ANDREI, DMITRY, link, make_reader, patron_id_of

pytestmark = pytest.mark.django_db


def account_page(client, language: str = "en"):
    response = client.get(f"/{language}/account/")
    assert response.status_code == 200
    return soup_of(response)


def rows(soup, heading_id: str) -> list[list[str]]:
    section = soup.select_one(f'section[aria-labelledby="{heading_id}"]')
    return [
        [cell.get_text(" ", strip=True) for cell in row.select("td")]
        for row in section.select("tbody tr")
    ]


def messages_of(response) -> list[str]:
    return [item.get_text(strip=True) for item in soup_of(response).select(".messages li")]


def test_loans_show_title_and_due_date_with_the_overdue_one_marked(olena, signed_in):
    loans = rows(account_page(signed_in), "loans-heading")

    assert len(loans) == 2
    overdue, current = loans  # earliest due first
    assert "Overdue" in overdue[1] and "Overdue" not in current[1]
    assert overdue[0] == current[0] != ""


def test_a_reader_without_a_card_is_offered_to_link_one_or_to_register(signed_in):
    soup = account_page(signed_in)

    links = [a["href"] for a in soup.select("main a")]
    assert "/en/account/card/" in links and "/en/register/" in links
    assert soup.select_one('section[aria-labelledby="loans-heading"]') is None


def test_renewing_a_loan_moves_its_due_date_and_says_until_when(koha, olena, signed_in):
    with koha.store.transaction() as db:  # nobody waits for record 1 any more
        db.execute("DELETE FROM holds WHERE biblio_id = 1")
    [current] = [loan for loan in koha_loans(koha, olena) if loan["item_id"] == 1]

    response = signed_in.post(f"/en/account/loans/{current['checkout_id']}/renew/", follow=True)

    [renewed] = [loan for loan in koha_loans(koha, olena) if loan["item_id"] == 1]
    assert renewed["due_date"] > current["due_date"]
    assert renewed["renewals_count"] == 1
    assert "is renewed until" in messages_of(response)[0]


def koha_loans(koha, card) -> list:
    with koha.store.reading() as db:
        return [
            dict(row)
            for row in db.execute("SELECT * FROM checkouts WHERE patron_id = ?", (card.patron_id,))
        ]


def test_a_refused_renewal_says_why_in_the_readers_language(koha, olena, signed_in):
    [loan] = [loan for loan in koha_loans(koha, olena) if loan["item_id"] == 1]

    response = signed_in.post(f"/uk/account/loans/{loan['checkout_id']}/renew/", follow=True)

    [message] = messages_of(response)
    assert "не продовжено" in message and "інший читач" in message
    [unchanged] = [row for row in koha_loans(koha, olena) if row["item_id"] == 1]
    assert unchanged == loan


def test_renew_all_renews_what_it_can_and_says_why_not_for_the_rest(koha, olena, signed_in):
    response = signed_in.post("/en/account/loans/renew/", follow=True)

    said = messages_of(response)
    assert len(said) == 2
    assert all("was not renewed: another reader is waiting for it" in text for text in said)


def test_another_readers_loan_cannot_be_renewed(koha, olena, client):
    andrei = make_reader("andrei")
    link(koha, andrei, ANDREI)
    client.force_login(andrei.user)
    [loan] = [row for row in koha_loans(koha, olena) if row["item_id"] == 2]

    response = client.post(f"/en/account/loans/{loan['checkout_id']}/renew/")

    assert response.status_code == 404
    [unchanged] = [row for row in koha_loans(koha, olena) if row["item_id"] == 2]
    assert unchanged["renewals_count"] == 0


def holds_of(koha, patron_id: int) -> list:
    with koha.store.reading() as db:
        return [
            dict(row) for row in db.execute("SELECT * FROM holds WHERE patron_id = ?", (patron_id,))
        ]


def test_holds_show_their_status_queue_position_and_pickup_library(koha, client):
    andrei = make_reader("andrei")
    card = link(koha, andrei, ANDREI)
    with koha.store.transaction() as db:
        circulation.place_hold(
            db, patron_id=card.patron_id, biblio_id=9, pickup_library_id="CPL", when=koha.clock()
        )
        circulation.checkin(db, 1, "RIV", koha.clock())  # Andrei's first hold is now waiting
    client.force_login(andrei.user)

    holds = rows(account_page(client), "holds-heading")

    assert [hold[1:3] for hold in holds] == [
        ["Waiting for you since " + holds[0][1].split("since ")[1], "Riverside Branch"],
        ["Waiting: number 1 in the queue", "Prut Valley Public Library"],
    ]
    assert holds[0][3] == "" and holds[1][3].startswith("Cancel")


def test_a_hold_is_cancelled_after_confirming(koha, client):
    andrei = make_reader("andrei")
    card = link(koha, andrei, ANDREI)
    client.force_login(andrei.user)
    [hold] = holds_of(koha, card.patron_id)

    asked = client.get(f"/en/account/holds/{hold['hold_id']}/cancel/")
    assert holds_of(koha, card.patron_id) == [hold]
    done = client.post(f"/en/account/holds/{hold['hold_id']}/cancel/", follow=True)

    assert soup_of(asked).select_one("main form")["method"] == "post"
    assert holds_of(koha, card.patron_id) == []
    assert "is cancelled" in messages_of(done)[0]


def test_another_readers_hold_cannot_be_cancelled(koha, olena, signed_in):
    [hold] = holds_of(koha, patron_id_of(koha, ANDREI))

    asked = signed_in.get(f"/en/account/holds/{hold['hold_id']}/cancel/")
    posted = signed_in.post(f"/en/account/holds/{hold['hold_id']}/cancel/")

    assert asked.status_code == posted.status_code == 404
    assert holds_of(koha, patron_id_of(koha, ANDREI)) == [hold]


def test_the_fines_balance_is_shown(koha, client):
    dmitry = make_reader("dmitry")
    link(koha, dmitry, DMITRY)
    client.force_login(dmitry.user)

    section = account_page(client).select_one('section[aria-labelledby="fines-heading"]')

    assert "You owe the library 7.50" in section.get_text()


def test_the_reading_history_is_shown_only_to_a_reader_who_asks(koha, olena, signed_in):
    with koha.store.transaction() as db:
        circulation.checkin(db, 2, "CPL", koha.clock())
    assert (
        account_page(signed_in).select('section[aria-labelledby="history-heading"] tbody tr') == []
    )

    signed_in.post("/en/account/history/", {"shows_reading_history": "on"})
    history = rows(account_page(signed_in), "history-heading")

    assert len(history) == 1 and history[0][0]


def test_koha_keeping_no_history_for_the_patron_is_said(koha, olena, signed_in):
    olena.shows_reading_history = True
    olena.save()
    with koha.store.transaction() as db:
        db.execute("UPDATE patrons SET privacy = 2 WHERE patron_id = ?", (olena.patron_id,))

    section = account_page(signed_in).select_one('section[aria-labelledby="history-heading"]')

    assert "keeps no reading history for you" in section.get_text()


def test_koha_being_down_is_a_clear_message_in_the_readers_language(olena, signed_in, monkeypatch):
    def down(*args, **kwargs):
        raise KohaUnavailable("no answer within 10 s", url="http://koha.example/api/v1")

    monkeypatch.setattr("koha_bridge.client.KohaClient.patron", down)

    notice = account_page(signed_in, "ro").select_one(".notice--error").get_text()

    assert "nu răspunde" in notice


def test_the_account_page_asks_the_database_a_bounded_number_of_times(
    koha, olena, signed_in, django_assert_max_num_queries
):
    with koha.store.transaction() as db:
        for biblio_id in range(10, 19):  # nine more titles: one short of the most allowed
            circulation.place_hold(
                db,
                patron_id=olena.patron_id,
                biblio_id=biblio_id,
                pickup_library_id="CPL",
                when=koha.clock(),
            )

    account_page(signed_in)  # the site's frame is built once, then kept in the cache
    # The frame 5, the reader 3, the card 1, the catalogue's sections (for you 3, shelves 2,
    # purchase suggestions 1).
    with django_assert_max_num_queries(18):
        account_page(signed_in)


def test_my_account_needs_a_signed_in_reader(client):
    assert client.get("/en/account/")["Location"].startswith("/en/accounts/login/")
