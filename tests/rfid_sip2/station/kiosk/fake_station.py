"""A scripted stand-in for the station: a ``StationControl`` whose screen changes as a real
station's would when the kiosk calls it, with books put on the pad by the test."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta

from rfid_sip2.station.control import Hold, ItemLine, Loan, Mode, Notice, Outcome, Patron, Screen
from rfid_sip2.station.kiosk.receipt import render_receipt

DUE = datetime(2026, 12, 23, 23, 59, tzinfo=UTC)


@dataclass(frozen=True)
class Book:
    title: str
    # What the library system answers for this book at checkout and at return.
    checkout: Outcome = Outcome.BORROWED
    checkin: Outcome = Outcome.RETURNED
    ils_message: str = ""
    sort_bin: str = ""
    destination: str = ""
    renewable: bool = True
    parts_on_pad: int = 1
    parts: int = 1


@dataclass(frozen=True)
class Card:
    pin: str
    patron: Patron


@dataclass
class FakeStation:
    cards: dict[str, Card]
    books: dict[str, Book]
    idle: timedelta = timedelta(seconds=90)
    calls: list[str] = field(default_factory=list)
    sent: list[tuple[str, str]] = field(default_factory=list)  # receipts "e-mailed"

    def __post_init__(self) -> None:
        self._screen = Screen(version=1)
        self._intent = Mode.CHECKOUT
        self._wakeup = asyncio.Event()

    # What the kiosk may ask (StationControl).

    def screen(self) -> Screen:
        return self._screen

    async def changed(self, version: int) -> Screen:
        while self._screen.version <= version:
            await self._wakeup.wait()
        return self._screen

    async def choose(self, mode: Mode) -> None:
        self.calls.append(f"choose {mode.value}")
        current = self._screen.mode
        if current is Mode.WELCOME and mode is Mode.RETURN:
            self._show(mode=Mode.RETURN, items=())
        elif current is Mode.WELCOME:
            self._intent = mode
            self._show(mode=Mode.SIGN_IN)
        elif {current, mode} == {Mode.ACCOUNT, Mode.CHECKOUT}:
            self._show(mode=mode)

    async def sign_in(self, patron_id: str, pin: str) -> None:
        self.calls.append(f"sign_in {patron_id}")
        self._show(busy=True, notice=None)
        await asyncio.sleep(0.05)  # the library system thinks
        card = self.cards.get(patron_id)
        if card is None:
            self._show(busy=False, notice=Notice.PATRON_UNKNOWN)
        elif card.pin != pin:
            self._show(busy=False, notice=Notice.WRONG_PIN)
        else:
            patron = card.patron
            self._show(
                busy=False,
                mode=self._intent,
                patron=patron,
                language=patron.language or self._screen.language,
            )

    async def renew(self, item_id: str) -> None:
        self.calls.append(f"renew {item_id}")
        patron = self._screen.patron
        assert patron is not None, "renew needs a patron signed in"
        book = self.books.get(item_id)
        if book is None or not book.renewable:
            self._show(notice=Notice.RENEW_REFUSED, notice_detail="Renewal limit reached")
            return
        loans = tuple(
            replace(loan, due=loan.due + timedelta(days=14), overdue=False)
            if loan.item_id == item_id and loan.due
            else loan
            for loan in patron.loans
        )
        self._show(patron=replace(patron, loans=loans), notice=Notice.RENEWED)

    async def place_hold(self, item_id: str) -> None:
        self.calls.append(f"place_hold {item_id}")
        patron = self._screen.patron
        assert patron is not None, "a hold needs a patron signed in"
        book = self.books.get(item_id)
        if book is None:
            self._show(notice=Notice.HOLD_REFUSED, notice_detail="No such item")
            return
        holds = (*patron.holds, Hold(item_id, book.title, ready=False))
        self._show(patron=replace(patron, holds=holds), notice=Notice.HOLD_PLACED)

    async def finish(self) -> None:
        self.calls.append("finish")
        self._show(mode=Mode.RECEIPT)

    async def email_receipt(self) -> None:
        self.calls.append("email_receipt")
        patron = self._screen.patron
        if patron is None or not patron.has_email:
            self._show(notice=Notice.RECEIPT_NOT_SENT)
            return
        self.sent.append(render_receipt(self._screen, self._screen.language))
        self._show(notice=Notice.RECEIPT_SENT)

    async def done(self) -> None:
        self.calls.append("done")
        self._screen = Screen(version=self._screen.version + 1)
        self._wake()

    def set_language(self, language: str) -> None:
        self.calls.append(f"language {language}")
        self._show(language=language)

    async def touch(self) -> None:
        self.calls.append("touch")
        self._show()

    # What the test does at the pad.

    def put_on_pad(self, *item_ids: str) -> None:
        """Books put down: each shows as being worked on."""
        lines = tuple(ItemLine(item_id, self._title(item_id)) for item_id in item_ids)
        self._show(items=self._screen.items + lines)

    def circulate(self) -> None:
        """The station finishes every book on the pad, as the library system answers for it."""
        self._show(items=tuple(self._circulated(line) for line in self._screen.items))

    def show(self, **fields: object) -> None:
        """Put the screen in any state at once (for pictures of every mode)."""
        self._show(**fields)

    def _title(self, item_id: str) -> str:
        book = self.books.get(item_id)
        return book.title if book else ""

    def _circulated(self, line: ItemLine) -> ItemLine:
        if line.outcome is not Outcome.WORKING:
            return line
        book = self.books.get(line.item_id)
        if book is None:
            return replace(line, outcome=Outcome.UNREADABLE)
        borrowing = self._screen.mode is Mode.CHECKOUT
        outcome = book.checkout if borrowing else book.checkin
        due = DUE if outcome in {Outcome.BORROWED, Outcome.RECORDED_OFFLINE} and borrowing else None
        return replace(
            line,
            outcome=outcome,
            due=due,
            ils_message=book.ils_message,
            sort_bin=book.sort_bin,
            destination=book.destination,
            part=book.parts_on_pad,
            parts=book.parts,
        )

    def _show(self, **fields: object) -> None:
        """A new screen, a greater version, the idle reset pushed back, and the waiters woken."""
        now = datetime.now(UTC)
        self._screen = replace(
            self._screen,
            version=self._screen.version + 1,
            idle_reset_at=None
            if fields.get("mode", self._screen.mode) is Mode.WELCOME
            else now + self.idle,
            **fields,
        )
        self._wake()

    def _wake(self) -> None:
        self._wakeup.set()
        self._wakeup = asyncio.Event()


def library() -> FakeStation:
    """A small library: two readers, a handful of books with every answer a station meets."""
    anna = Patron(
        name="Anna Popescu",
        language=None,
        has_email=True,
        loans=(
            Loan("30001", "The Master and Margarita", due=date(2026, 12, 10)),
            Loan("30002", "Kobzar", due=date(2026, 11, 20), overdue=True),
        ),
        holds=(
            Hold("30003", "Ion", ready=True),
            Hold("30004", "War and Peace", ready=False),
        ),
    )
    olena = Patron(name="Олена Коваль", language="uk", has_email=False)
    return FakeStation(
        cards={"1001": Card("1234", anna), "1002": Card("5678", olena)},
        books={
            "30001": Book("The Master and Margarita"),
            "30002": Book("Kobzar", renewable=False),
            "31001": Book("Tiger Trails"),
            "31002": Book("Moby-Dick"),
            "31003": Book(
                "The Lord of the Rings",
                checkout=Outcome.PARTS_MISSING,
                parts_on_pad=2,
                parts=3,
            ),
            "31004": Book(
                "Dune",
                checkout=Outcome.REFUSED,
                ils_message="Item is on hold for another patron",
            ),
            "31005": Book("Anna Karenina", checkout=Outcome.SECURITY_PENDING),
            "32001": Book("Eneida", checkin=Outcome.HOLD_SHELF, sort_bin="2"),
            "32002": Book("Mioriţa", checkin=Outcome.TRANSFER, destination="Central Library"),
        },
    )
