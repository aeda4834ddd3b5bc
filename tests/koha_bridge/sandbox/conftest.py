"""The demo library's people and shelves as the sandbox tests use them."""

from __future__ import annotations

import itertools
import sqlite3
from dataclasses import dataclass

import pytest

from koha_bridge.sandbox import catalogue
from koha_bridge.sandbox.demo_library import PATRONS, DemoPatron
from koha_bridge.sandbox.sandbox import Sandbox


def _demo(test) -> DemoPatron:
    return next(patron for patron in PATRONS if test(patron))


def _in_good_standing(patron: DemoPatron) -> bool:
    flags = (patron.expired, patron.restricted, patron.card_lost, patron.fines)
    return patron.category_id == "PT" and not any(flags)


# Seeded as demo_library and seeding say: the first reader has two loans of biblio 1 (items 1 and
# 2, the second overdue), the second reader a hold on biblio 1 (pickup RIV), the child a loan of
# item 3 and a hold on biblio 2 (pickup KIDS).
READER = _demo(_in_good_standing)
OTHER_READER = _demo(lambda p: _in_good_standing(p) and p is not READER)
IN_DEBT = _demo(lambda p: p.fines)
EXPIRED = _demo(lambda p: p.expired)
RESTRICTED = _demo(lambda p: p.restricted)
CARD_LOST = _demo(lambda p: p.card_lost)
CHILD = _demo(lambda p: p.category_id == "CH")


@dataclass(frozen=True)
class People:
    """Patron ids of the demo patrons, by the part they play in a test."""

    reader: int
    other_reader: int
    in_debt: int
    expired: int
    restricted: int
    card_lost: int
    child: int


def patron_id(db: sqlite3.Connection, patron: DemoPatron) -> int:
    row = db.execute("SELECT patron_id FROM patrons WHERE cardnumber = ?", (patron.cardnumber,))
    return row.fetchone()["patron_id"]


@pytest.fixture
def people(sandbox: Sandbox) -> People:
    with sandbox.store.reading() as db:
        return People(
            reader=patron_id(db, READER),
            other_reader=patron_id(db, OTHER_READER),
            in_debt=patron_id(db, IN_DEBT),
            expired=patron_id(db, EXPIRED),
            restricted=patron_id(db, RESTRICTED),
            card_lost=patron_id(db, CARD_LOST),
            child=patron_id(db, CHILD),
        )


@pytest.fixture
def db(sandbox: Sandbox):
    """One transaction on the test's sandbox, committed at the end of the test."""
    with sandbox.store.transaction() as connection:
        yield connection


@pytest.fixture
def add_item(sandbox: Sandbox, clock):
    """Shelve a new copy of a record: ``add_item(biblio_id, item_type_id, library_id)``."""
    numbers = itertools.count(1)

    def add(biblio_id: int, item_type_id: str, library_id: str = "CPL") -> int:
        with sandbox.store.transaction() as connection:
            return catalogue.add_item(
                connection,
                biblio_id=biblio_id,
                barcode=f"TEST-{next(numbers):04d}",
                library_id=library_id,
                item_type_id=item_type_id,
                when=clock(),
            )

    return add
