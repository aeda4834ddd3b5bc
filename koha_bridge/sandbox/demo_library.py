"""The invented Prut Valley Public Library as the sandbox knows it: branches, rules, patrons."""

from __future__ import annotations

from dataclasses import dataclass

# The sandbox's own API client and staff login, for demos and tests only.
CLIENT_ID = "library20"
CLIENT_SECRET = "library20-sandbox-secret"
STAFF_USERID = "librarian"
STAFF_PASSWORD = "library20-sandbox"

LIBRARIES = (
    # library_id, name, address, city, postal code, phone
    ("CPL", "Prut Valley Public Library", "1 Reading Square", "Lunca", "00001", "+373 000 00 000"),
    ("RIV", "Riverside Branch", "14 Willow Street", "Lunca", "00002", "+373 000 00 001"),
    ("KIDS", "Children's Library", "3 Garden Lane", "Lunca", "00003", "+373 000 00 002"),
)
ITEM_TYPES = (("BK", "Book", 0), ("AUD", "Audiobook", 0), ("REF", "Reference", 1))
PATRON_CATEGORIES = (
    ("PT", "Adult"),
    ("CH", "Child"),
    ("ST", "Staff"),
    ("SELFREG", "Registered online, to confirm at the desk"),
)
# Koha's sample authorised values for the coded item fields: (category, value) -> description.
AUTHORISED_VALUES = {
    ("LOST", "1"): "Lost",
    ("LOST", "2"): "Long overdue (lost)",
    ("LOST", "3"): "Lost and paid for",
    ("LOST", "4"): "Missing",
    ("NOT_LOAN", "-1"): "Ordered",
    ("NOT_LOAN", "1"): "Not for loan",
    ("NOT_LOAN", "2"): "Staff collection",
    ("WITHDRAWN", "1"): "Withdrawn",
    ("DAMAGED", "1"): "Damaged",
    ("LOC", "GEN"): "General stacks",
    ("LOC", "CHILD"): "Children's area",
    ("LOC", "REF"): "Reference",
    ("LOC", "NEW"): "New materials shelf",
}
CIRCULATION_RULES = (
    # library, category, item type, rule, value
    ("*", "CH", "*", "maxissueqty", "5"),
    ("*", "ST", "*", "maxissueqty", "50"),
    ("*", "*", "AUD", "issuelength", "14"),
    ("*", "*", "AUD", "renewalsallowed", "1"),
    ("*", "*", "AUD", "renewalperiod", "14"),
    ("*", "*", "AUD", "fine", "0.25"),
)


@dataclass(frozen=True)
class DemoPatron:
    cardnumber: str
    pin: str
    surname: str
    firstname: str
    category_id: str
    library_id: str
    lang: str
    email: str = ""
    expired: bool = False
    restricted: bool = False
    card_lost: bool = False
    fines: float = 0.0


PATRONS = (
    DemoPatron(
        "23529001000011",
        "1111",
        "Коваленко",
        "Олена",
        "PT",
        "CPL",
        "uk",
        "olena.kovalenko@library20.example",
    ),
    DemoPatron(
        "23529001000012",
        "2222",
        "Popescu",
        "Andrei",
        "PT",
        "RIV",
        "ro",
        "andrei.popescu@library20.example",
    ),
    DemoPatron(
        "23529001000013",
        "3333",
        "Соколов",
        "Дмитрий",
        "PT",
        "CPL",
        "ru",
        "dmitry.sokolov@library20.example",
        fines=7.50,
    ),
    DemoPatron(
        "23529001000014",
        "4444",
        "Clarke",
        "Emily",
        "PT",
        "CPL",
        "en",
        "emily.clarke@library20.example",
        expired=True,
    ),
    DemoPatron("23529001000015", "5555", "Moraru", "Ion", "PT", "RIV", "ro", restricted=True),
    DemoPatron("23529001000016", "6666", "Мельник", "Софія", "CH", "KIDS", "uk"),
    DemoPatron("23529001000017", "7777", "Ionescu", "Maria", "PT", "CPL", "ro", card_lost=True),
)
