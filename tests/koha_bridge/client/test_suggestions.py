"""KohaClient's purchase suggestions and holds listing, against the in-process sandbox."""

from __future__ import annotations

from datetime import date

import pytest

from koha_bridge.client import KohaBadRequest
from tests.koha_bridge.client.test_calls import ANDREI, OLENA, patron_id


def test_add_suggestion_sends_what_the_reader_gave_and_koha_answers_asked(koha_client):
    olena = patron_id(koha_client, OLENA)

    made = koha_client.add_suggestion(
        "Solaris",
        suggested_by=olena,
        author="Stanisław Lem",
        isbn="9780156027601",
        publisher_code="Harcourt",
        publication_year="2002",
        patron_reason="For the reading club",
    )

    assert made["status"] == "ASKED"
    assert made["suggested_by"] == olena
    assert (made["title"], made["author"], made["isbn"]) == (
        "Solaris",
        "Stanisław Lem",
        "9780156027601",
    )
    assert (made["publisher_code"], made["publication_year"]) == ("Harcourt", "2002")
    assert made["patron_reason"] == "For the reading club"


def test_add_suggestion_leaves_out_what_was_not_given(koha_client):
    made = koha_client.add_suggestion("Dune", author="", isbn=None)

    assert (made["author"], made["isbn"], made["suggested_by"]) == (None, None, None)


def test_suggestions_lists_every_page_filtered_by_a_query(client_on, sandbox):
    client = client_on(sandbox.app, page_size=2)
    olena, andrei = patron_id(client, OLENA), patron_id(client, ANDREI)
    for title in ("One", "Two", "Three"):
        client.add_suggestion(title, suggested_by=olena)
    client.add_suggestion("Other", suggested_by=andrei)

    assert [s["title"] for s in client.suggestions({"suggested_by": olena})] == [
        "One",
        "Two",
        "Three",
    ]
    assert len(client.suggestions()) == 4


def test_a_patron_over_kohas_limit_is_a_bad_request_with_its_code(koha_client, sandbox):
    with sandbox.store.transaction() as db:
        db.execute("INSERT OR REPLACE INTO settings VALUES ('MaxOpenSuggestions', '1')")
    olena = patron_id(koha_client, OLENA)
    koha_client.add_suggestion("Dune", suggested_by=olena)

    with pytest.raises(KohaBadRequest) as refused:
        koha_client.add_suggestion("Solaris", suggested_by=olena)

    assert refused.value.code == "max_pending_reached"


def test_holds_placed_are_those_with_a_hold_date_in_the_period(koha_client, sandbox):
    andrei = patron_id(koha_client, ANDREI)
    koha_client.place_hold(andrei, "RIV", biblio_id=5)
    today = sandbox.clock().date()

    placed = koha_client.holds_placed(today, today)
    long_ago = koha_client.holds_placed(date(2000, 1, 1), date(2000, 12, 31))

    assert 5 in [h["biblio_id"] for h in placed]
    assert long_ago == []
