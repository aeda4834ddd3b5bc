"""One telling state of the station for each mode of the screen, for axe and for pictures."""

from __future__ import annotations

from datetime import UTC, date, datetime

from rfid_sip2.station.control import Hold, ItemLine, Loan, Mode, Notice, Outcome, Patron

DUE = datetime(2026, 12, 23, 23, 59, tzinfo=UTC)
ANNA = Patron(
    name="Anna Popescu",
    has_email=True,
    loans=(
        Loan("30001", "The Master and Margarita", due=date(2026, 12, 10)),
        Loan("30002", "Kobzar", due=date(2026, 11, 20), overdue=True),
    ),
    holds=(Hold("30003", "Ion", ready=True), Hold("30004", "War and Peace")),
)
BORROWING = (
    ItemLine("31001", "Tiger Trails", Outcome.BORROWED, due=DUE),
    ItemLine("31002", "Moby-Dick", Outcome.BORROWED, due=DUE),
    ItemLine("31003", "The Lord of the Rings", Outcome.PARTS_MISSING, part=2, parts=3),
    ItemLine("31004", "Dune", Outcome.REFUSED, ils_message="Item is on hold for another patron"),
    ItemLine("31005", "Anna Karenina", Outcome.WORKING),
)
RETURNING = (
    ItemLine("32003", "Eneida", Outcome.HOLD_SHELF, sort_bin="2"),
    ItemLine("32002", "Mioriţa", Outcome.TRANSFER, destination="Central Library"),
    ItemLine("31001", "Tiger Trails", Outcome.RETURNED),
    ItemLine("32004", "Zahar Berkut", Outcome.RECORDED_OFFLINE),
)
SCENES = {
    "welcome": {"mode": Mode.WELCOME},
    "sign_in": {"mode": Mode.SIGN_IN, "notice": Notice.WRONG_PIN},
    "checkout": {"mode": Mode.CHECKOUT, "patron": ANNA, "items": BORROWING},
    "return": {"mode": Mode.RETURN, "offline": True, "items": RETURNING},
    "account": {"mode": Mode.ACCOUNT, "patron": ANNA, "notice": Notice.RENEWED},
    "receipt": {"mode": Mode.RECEIPT, "patron": ANNA, "items": BORROWING[:4]},
}
