"""Waiting suggestions are sent to Koha later (``library20 send_suggestions``), oldest first,
and Koha's decisions come back as their status."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from plugins.opac.acquisitions import suggestions
from plugins.opac.acquisitions.models import PurchaseSuggestion
from plugins.readers import koha
from tests.plugins.opac.acquisitions.conftest import koha_suggestions

pytestmark = pytest.mark.django_db


def wait(reader, title: str) -> PurchaseSuggestion:
    return suggestions.submit(reader, suggestions.Wish(title), "en", koha.client())


def test_send_suggestions_sends_those_that_wait_oldest_first(reader, koha_down, site_koha, capsys):
    wait(reader, "Dune")
    wait(reader, "Solaris")
    koha_down.back()

    call_command("send_suggestions")

    assert [s["title"] for s in koha_suggestions(site_koha)] == ["Dune", "Solaris"]
    assert "2 sent, 0 still waiting" in capsys.readouterr().out
    assert not PurchaseSuggestion.objects.filter(koha_suggestion_id=None).exists()


def test_while_koha_is_down_they_keep_waiting_with_the_reason(reader, koha_down):
    wait(reader, "Dune")

    sent, waiting = suggestions.send_waiting(koha.client())

    assert (sent, waiting) == (0, 1)
    assert "cannot connect" in PurchaseSuggestion.objects.get().last_error


def test_kohas_decisions_come_back_as_the_status(reader, site_koha):
    made = wait(reader, "Dune")
    with site_koha.store.transaction() as db:
        db.execute("UPDATE suggestions SET status = 'ACCEPTED'")

    call_command("send_suggestions", verbosity=0)

    made.refresh_from_db()
    assert made.koha_status == "ACCEPTED"
    assert suggestions.status_label(made) == "Accepted"


def test_the_same_title_however_typed_is_one_suggestion(reader):
    wait(reader, "Dune: Messiah")

    with pytest.raises(suggestions.SuggestionRefused):
        wait(reader, "dune — MESSIAH")
