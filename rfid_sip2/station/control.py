"""The contract between the station's flow and its kiosk screen.

The flow (``rfid_sip2.station``) owns the reader, the SIP2 client and every rule; the kiosk
(``rfid_sip2.station.kiosk``) shows a ``Screen`` and turns the reader's touches and keys into the
calls below. The screen carries codes and data, never sentences: the kiosk words them in the
reader's language. What the library system said (SIP2 AF/AG) is carried as it came.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol


class Mode(StrEnum):
    WELCOME = "welcome"  # nobody signed in: choose borrow (sign in first) or return
    SIGN_IN = "sign_in"  # waiting for a card on the pad, a scanned or typed number, and a PIN
    CHECKOUT = "checkout"  # signed in: books put on the pad are borrowed
    RETURN = "return"  # books put on the pad are returned (no sign-in needed)
    ACCOUNT = "account"  # signed in: loans (renew) and holds; place a hold
    RECEIPT = "receipt"  # the session's receipt, until "done" or the idle reset


class Outcome(StrEnum):
    """What became of one item on the pad, in the order a screen would explain them."""

    WORKING = "working"  # being circulated or secured now
    BORROWED = "borrowed"  # checked out, security off, read back
    RETURNED = "returned"  # checked in, security on
    RECORDED_OFFLINE = "recorded_offline"  # accepted while the library system is offline
    HOLD_SHELF = "hold_shelf"  # returned, and someone is waiting: put it aside (sort bin)
    TRANSFER = "transfer"  # returned, belongs elsewhere: put it aside (destination)
    REFUSED = "refused"  # the library system said no: ``ils_message`` says why
    PARTS_MISSING = "parts_missing"  # a set with parts not on the pad: nothing circulated
    SECURITY_PENDING = "security_pending"  # circulated, security write failed: put it back
    UNREADABLE = "unreadable"  # a tag that decodes under no configured model
    NOT_OURS = "not_ours"  # another library's item (owner ISIL)


class Notice(StrEnum):
    """One message for the whole screen, cleared by the next action."""

    PATRON_UNKNOWN = "patron_unknown"
    WRONG_PIN = "wrong_pin"
    PATRON_BLOCKED = "patron_blocked"
    OFFLINE = "offline"  # the library system is offline: loans recorded, to be confirmed
    ILS_UNREACHABLE = "ils_unreachable"  # neither the ILS nor the gateway answers
    READER_DOWN = "reader_down"  # the RFID reader does not answer: ask staff
    RENEWED = "renewed"
    RENEW_REFUSED = "renew_refused"
    HOLD_PLACED = "hold_placed"
    HOLD_REFUSED = "hold_refused"
    RECEIPT_SENT = "receipt_sent"
    RECEIPT_NOT_SENT = "receipt_not_sent"


@dataclass(frozen=True)
class ItemLine:
    item_id: str
    title: str = ""
    outcome: Outcome = Outcome.WORKING
    due: datetime | None = None  # for BORROWED / RECORDED_OFFLINE (offline: promised)
    part: int = 1
    parts: int = 1
    ils_message: str = ""  # SIP2 AF as the library system worded it
    sort_bin: str = ""  # SIP2 CL, for HOLD_SHELF / TRANSFER
    destination: str = ""  # SIP2 CT, for TRANSFER
    # Lent with its security still on (recorded offline, or the ILS said not to desensitize):
    # the gate would sound, so the reader shows it at the desk on the way out.
    show_at_desk: bool = False


@dataclass(frozen=True)
class Loan:
    item_id: str
    title: str = ""
    due: date | None = None
    overdue: bool = False


@dataclass(frozen=True)
class Hold:
    item_id: str
    title: str = ""
    ready: bool = False  # waiting for the reader to pick it up


@dataclass(frozen=True)
class Patron:
    name: str
    language: str | None = None  # "en", "ru", "uk" or "ro", from the SIP2 language code
    has_email: bool = False  # the address itself never reaches the screen
    loans: tuple[Loan, ...] = ()
    holds: tuple[Hold, ...] = ()
    ils_message: str = ""  # SIP2 AF of the patron information response


@dataclass(frozen=True)
class Screen:
    version: int  # grows with every change; ``changed`` waits for a greater one
    mode: Mode = Mode.WELCOME
    language: str = "en"
    patron: Patron | None = None
    items: tuple[ItemLine, ...] = ()
    notice: Notice | None = None
    notice_detail: str = ""  # SIP2 AF or the reader's error, as it came
    offline: bool = False  # the library system answers through the gateway's offline mode
    reader_ok: bool = True
    card_on_pad: bool = False  # a library card was found on the pad: a PIN is all it needs
    busy: bool = False  # a request is under way: the kiosk disables its buttons
    idle_reset_at: datetime | None = None  # when the session resets by itself (UTC)
    languages: tuple[str, ...] = field(default=("en", "ru", "uk", "ro"))


class StationControl(Protocol):
    """What the kiosk may ask of the station. Every call returns once the screen shows its
    outcome; none raises for the reader's own mistakes (those are notices)."""

    def screen(self) -> Screen: ...

    async def changed(self, version: int) -> Screen:
        """The screen once its version is greater than ``version`` (long polling)."""
        ...

    async def choose(self, mode: Mode) -> None:
        """Welcome → SIGN_IN (to borrow or see the account) or RETURN; ACCOUNT ↔ CHECKOUT."""
        ...

    async def sign_in(self, patron_id: str, pin: str) -> None: ...

    async def renew(self, item_id: str) -> None: ...

    async def place_hold(self, item_id: str) -> None: ...

    async def finish(self) -> None:
        """End the session (SIP2 35): the receipt, then WELCOME on ``done`` or the idle reset."""
        ...

    async def email_receipt(self) -> None: ...

    async def done(self) -> None:
        """Back to WELCOME at once, forgetting the patron."""
        ...

    def set_language(self, language: str) -> None: ...

    async def touch(self) -> None:
        """The reader is still there (a touch, a key, "more time"): push ``idle_reset_at`` back."""
        ...
