"""Fill an empty sandbox with the demo library, its catalogue and a little circulation history."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from koha_bridge.sandbox import accounts, circulation, demo_library, patrons
from koha_bridge.sandbox.clock import to_api_datetime
from koha_bridge.sandbox.passwords import hash_secret
from koha_bridge.sandbox.rules import PREFERENCES
from koha_bridge.sandbox.store import Store

BARCODE_PREFIX = "39520"
CATALOGUED_BEFORE = timedelta(days=365)


def barcode_for(item_number: int) -> str:
    return f"{BARCODE_PREFIX}{item_number:09d}"


def is_seeded(store: Store) -> bool:
    return store.setting("seeded") == "1"


def seed(store: Store, now: datetime) -> None:
    """Everything at once, in one transaction: a sandbox is either seeded or empty."""
    with store.transaction() as db:
        if db.execute("SELECT value FROM settings WHERE name = 'seeded'").fetchone():
            return
        seed_library(db, now)
        seed_catalogue(db, now)
        seed_patrons(db, now)
        seed_circulation(db, now)
        seed_item_states(db, now)
        db.execute("INSERT INTO settings (name, value) VALUES ('seeded', '1')")


def add_missing(store: Store) -> None:
    """What a sandbox seeded by an earlier version lacks: the patron categories added since."""
    with store.transaction() as db:
        db.executemany(
            "INSERT OR IGNORE INTO patron_categories VALUES (?, ?)", demo_library.PATRON_CATEGORIES
        )


def seed_library(db: sqlite3.Connection, now: datetime) -> None:
    db.executemany(
        "INSERT OR IGNORE INTO settings (name, value) VALUES (?, ?)", PREFERENCES.items()
    )
    db.executemany(
        "INSERT INTO libraries (library_id, name, address1, city, postal_code, phone, country) "
        "VALUES (?, ?, ?, ?, ?, ?, 'Moldova')",
        demo_library.LIBRARIES,
    )
    db.executemany("INSERT INTO item_types VALUES (?, ?, ?)", demo_library.ITEM_TYPES)
    db.executemany("INSERT INTO patron_categories VALUES (?, ?)", demo_library.PATRON_CATEGORIES)
    db.executemany(
        "INSERT INTO circulation_rules VALUES (?, ?, ?, ?, ?)", demo_library.CIRCULATION_RULES
    )
    staff_id = _add_patron(
        db,
        now,
        cardnumber="L20-STAFF-1",
        surname="Librarian",
        firstname="Demo",
        category_id="ST",
        library_id="CPL",
        userid=demo_library.STAFF_USERID,
        secret=demo_library.STAFF_PASSWORD,
        is_staff=True,
    )
    db.execute(
        "INSERT INTO api_clients (client_id, secret_hash, patron_id) VALUES (?, ?, ?)",
        (demo_library.CLIENT_ID, hash_secret(demo_library.CLIENT_SECRET), staff_id),
    )


def _add_patron(
    db: sqlite3.Connection, now: datetime, *, secret: str, is_staff: bool = False, **fields
) -> int:
    fields.setdefault("date_enrolled", (now - timedelta(days=400)).date().isoformat())
    fields.setdefault("expiry_date", (now + timedelta(days=700)).date().isoformat())
    if "userid" not in fields:  # Koha gives every patron one
        fields["userid"] = patrons.generate_userid(db, fields.get("firstname"), fields["surname"])
    columns = [*fields, "password_hash", "is_staff", "updated_on"]
    values = [*fields.values(), hash_secret(secret), int(is_staff), to_api_datetime(now)]
    cursor = db.execute(
        f"INSERT INTO patrons ({', '.join(columns)}) VALUES ({', '.join('?' * len(values))})",
        values,
    )
    return cursor.lastrowid


def seed_catalogue(db: sqlite3.Connection, now: datetime) -> None:
    """The demo catalogue, catalogued with its items a year before the sandbox opens.

    Stamped ``now``, every record would share the second in which the demo's first catalogue
    sync starts, and a sync re-reads its watermark's own second: the second sync would copy
    the whole catalogue again.
    """
    # Imported here: MARC (pymarc) is for seeding and the catalogue; a sandbox opened already
    # seeded, as the SIP2 gateway opens it, needs none of it (half its memory).
    from koha_bridge.sandbox import catalogue
    from koha_bridge.sandbox.seed.books import BOOKS
    from koha_bridge.sandbox.seed.marc import to_marc

    libraries = [library[0] for library in demo_library.LIBRARIES]
    catalogued = now - CATALOGUED_BEFORE
    item_number = 0
    for number, book in enumerate(BOOKS, start=1):
        biblio_id = catalogue.save_biblio(
            db, to_marc(book, number), book.flavour, catalogued, number
        )
        for copy in range(book.copies):
            item_number += 1
            catalogue.add_item(
                db,
                biblio_id=biblio_id,
                barcode=barcode_for(item_number),
                library_id=libraries[(number + copy) % len(libraries)],
                item_type_id="BK",
                when=catalogued,
                replacement_price=15.0,
                location="GEN",
                callnumber=f"{book.language.upper()} {book.authors[0].name.split(',')[0][:3]}"
                if book.authors
                else None,
            )


def seed_patrons(db: sqlite3.Connection, now: datetime) -> None:
    for demo in demo_library.PATRONS:
        patron_id = _add_patron(
            db,
            now,
            cardnumber=demo.cardnumber,
            secret=demo.pin,
            surname=demo.surname,
            firstname=demo.firstname,
            category_id=demo.category_id,
            library_id=demo.library_id,
            lang=demo.lang,
            email=demo.email or None,
            expiry_date=(now - timedelta(days=30) if demo.expired else now + timedelta(days=700))
            .date()
            .isoformat(),
            restricted_until=(now + timedelta(days=60)).date().isoformat()
            if demo.restricted
            else None,
            patron_card_lost=int(demo.card_lost),
        )
        if demo.fines:
            accounts.add_debit(
                db,
                patron_id=patron_id,
                amount=demo.fines,
                debit_type="OVERDUE",
                description="Overdue fines carried over",
                when=now - timedelta(days=20),
                library_id=demo.library_id,
            )


def _patron_id(db: sqlite3.Connection, cardnumber: str) -> int:
    return db.execute(
        "SELECT patron_id FROM patrons WHERE cardnumber = ?", (cardnumber,)
    ).fetchone()[0]


def seed_circulation(db: sqlite3.Connection, now: datetime) -> None:
    """A few loans (one overdue) and holds, so the demo has something to show."""
    olena = _patron_id(db, "23529001000011")
    andrei = _patron_id(db, "23529001000012")
    sofiia = _patron_id(db, "23529001000016")
    circulation.checkout(db, patron_id=olena, item_id=1, when=now - timedelta(days=5))
    circulation.checkout(db, patron_id=olena, item_id=2, when=now - timedelta(days=30))
    circulation.checkout(db, patron_id=sofiia, item_id=3, when=now - timedelta(days=2))
    circulation.place_hold(
        db, patron_id=andrei, biblio_id=1, pickup_library_id="RIV", when=now - timedelta(days=1)
    )
    circulation.place_hold(
        db, patron_id=sofiia, biblio_id=2, pickup_library_id="KIDS", when=now - timedelta(hours=3)
    )


# Items at the end of the catalogue, clear of the loans and holds above, in the states an OPAC
# shows besides "on shelf" and "on loan".
LOST_ITEM = 138  # "Harry Potter şi piatra filozofală", the Riverside copy
REFERENCE_ITEM = 131  # "Cartea cu Apolodor", a reference copy kept at Riverside
IN_TRANSIT_ITEM = 133  # "Maestrul şi Margareta", returned at the Children's Library


def seed_item_states(db: sqlite3.Connection, now: datetime) -> None:
    stamp = to_api_datetime(now - timedelta(days=3))
    db.execute(
        "UPDATE items SET lost_status = 1, timestamp = ? WHERE item_id = ?", (stamp, LOST_ITEM)
    )
    db.execute(
        "UPDATE items SET item_type_id = 'REF', location = 'REF', timestamp = ? WHERE item_id = ?",
        (stamp, REFERENCE_ITEM),
    )
    returned = now - timedelta(days=1)
    home = db.execute(
        "SELECT home_library_id FROM items WHERE item_id = ?", (IN_TRANSIT_ITEM,)
    ).fetchone()[0]
    circulation.checkin(db, IN_TRANSIT_ITEM, "KIDS" if home != "KIDS" else "CPL", returned)
