"""Readers who suggest titles, the site's Koha being the test's sandbox."""

from __future__ import annotations

import pytest

from koha_bridge.client import KohaUnavailable
from koha_bridge.sandbox import demo_library
from plugins.readers.models import KohaCard
from tests.plugins.opac.contributions import make_reader

OLENA = demo_library.PATRONS[0]


def patron_id_of(sandbox, patron: demo_library.DemoPatron) -> int:
    with sandbox.store.reading() as db:
        row = db.execute("SELECT patron_id FROM patrons WHERE cardnumber = ?", (patron.cardnumber,))
        return row.fetchone()[0]


def koha_suggestions(sandbox) -> list[dict]:
    with sandbox.store.reading() as db:
        rows = db.execute("SELECT * FROM suggestions ORDER BY suggestion_id").fetchall()
    return [dict(row) for row in rows]


@pytest.fixture
def reader(client, catalogue, site_koha):
    """A signed-in reader with Olena's Koha card, the catalogue synced."""
    user = make_reader("suggester")
    KohaCard.objects.create(
        user=user, patron_id=patron_id_of(site_koha, OLENA), cardnumber=OLENA.cardnumber
    )
    client.force_login(user)
    return user


@pytest.fixture
def koha_down(monkeypatch):
    """Koha cannot be reached for suggestions until the test calls ``koha_down.back()``."""

    class Switch:
        def __init__(self) -> None:
            from koha_bridge.client.client import KohaClient

            self.original = KohaClient.add_suggestion

            def down(*args, **kwargs):
                raise KohaUnavailable("cannot connect", url="http://koha.example/api/v1")

            monkeypatch.setattr(KohaClient, "add_suggestion", down)

        def back(self) -> None:
            from koha_bridge.client.client import KohaClient

            monkeypatch.setattr(KohaClient, "add_suggestion", self.original)

    return Switch()
