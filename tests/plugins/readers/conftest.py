"""Readers' pages against a sandbox Koha of their own, seeded by the real clock (due dates and
overdue marks are the site's now), and readers with and without a linked card."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
from dataclasses import dataclass

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.cache import cache

from koha_bridge.sandbox import demo_library
from koha_bridge.sandbox.sandbox import Sandbox
from plugins.readers.models import KohaCard

PASSWORD = "a-reader's-long-password"
# The demo patrons (koha_bridge.sandbox.demo_library): Olena has two loans of record 1 (items 1
# and 2, the second overdue), on which Andrei has a hold; Dmitry owes 7.50; Ion is restricted.
OLENA, ANDREI, DMITRY, EMILY, ION = demo_library.PATRONS[:5]


@pytest.fixture(scope="session")
def live_seeded_sandbox(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("readers-koha") / "seeded.sqlite3"
    Sandbox(path).store.close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def koha(tmp_path, live_seeded_sandbox, settings) -> Sandbox:
    """The site's Koha for this test: a fresh copy of the seeded sandbox."""
    path = tmp_path / "koha.sqlite3"
    shutil.copy(live_seeded_sandbox, path)
    settings.KOHA = dataclasses.replace(settings.KOHA, sandbox_path=path)
    return Sandbox(path)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counts and cached branch names do not leak from one test to the next."""
    cache.clear()
    yield
    cache.clear()


def patron_id_of(koha: Sandbox, patron: demo_library.DemoPatron) -> int:
    with koha.store.reading() as db:
        row = db.execute("SELECT patron_id FROM patrons WHERE cardnumber = ?", (patron.cardnumber,))
        return row.fetchone()[0]


@dataclass
class Reader:
    user: object
    email: str


def make_reader(name: str = "reader") -> Reader:
    email = f"{name}@example.org"
    user = get_user_model().objects.create_user(name, email, PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return Reader(user, email)


@pytest.fixture
def reader(db) -> Reader:
    return make_reader()


@pytest.fixture
def signed_in(client, reader):
    client.force_login(reader.user)
    return client


def link(koha: Sandbox, reader: Reader, patron: demo_library.DemoPatron) -> KohaCard:
    return KohaCard.objects.create(
        user=reader.user,
        patron_id=patron_id_of(koha, patron),
        cardnumber=patron.cardnumber,
        home_library_id=patron.library_id,
    )


@pytest.fixture
def olena(koha, reader, signed_in) -> KohaCard:
    """The signed-in reader, with Olena's card linked."""
    return link(koha, reader, OLENA)
