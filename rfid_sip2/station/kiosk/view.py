"""What one screen shows, worded in its language: the templates' only input."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rfid_sip2.station.control import Mode, Outcome, Screen
from rfid_sip2.station.kiosk.receipt import receipt_summary
from rfid_sip2.station.kiosk.wording import (
    ItemWords,
    NoticeWords,
    due_text,
    item_title,
    item_words,
    notice_words,
)
from rfid_sip2.station.kiosk.words import LANGUAGE_NAMES, labels, language_of
from rfid_sip2.station.texts import translation

# Without JavaScript the page reloads itself this often while books may appear on the pad.
PAD_REFRESH_SECONDS = 3


@dataclass(frozen=True)
class LanguageChoice:
    code: str
    name: str  # in the language itself
    current: bool


@dataclass(frozen=True)
class ItemView:
    item_id: str
    words: ItemWords
    outcome: str


@dataclass(frozen=True)
class LoanView:
    item_id: str
    title: str
    due: str
    overdue: bool
    renew_label: str  # names the book, so each Renew button is told apart


@dataclass(frozen=True)
class HoldView:
    item_id: str
    title: str
    ready: bool


@dataclass(frozen=True)
class View:
    version: int
    lang: str
    mode: str
    words: dict[str, str]
    heading: str
    languages: list[LanguageChoice]
    busy: bool
    offline: bool
    reader_ok: bool
    card_on_pad: bool
    notice: NoticeWords | None
    greeting: str
    patron_message: str
    can_email: bool
    items: list[ItemView]
    loans: list[LoanView]
    holds: list[HoldView]
    summary: list[str]
    seconds_left: int | None  # until the idle reset
    ends_at: str  # the idle reset, ISO 8601 UTC, for the page's own countdown
    refresh: int | None  # seconds before a page without JavaScript reloads itself

    @property
    def time_left(self) -> str:
        """The countdown as minutes:seconds, which needs no plural forms."""
        seconds = self.seconds_left or 0
        return f"{seconds // 60}:{seconds % 60:02d}"


HEADINGS = {
    Mode.WELCOME: "welcome",
    Mode.SIGN_IN: "sign_in",
    Mode.CHECKOUT: "checkout_heading",
    Mode.RETURN: "return_heading",
    Mode.ACCOUNT: "account_heading",
    Mode.RECEIPT: "receipt_heading",
}


def _refresh(screen: Screen, seconds_left: int | None) -> int | None:
    pad_modes = {Mode.CHECKOUT, Mode.RETURN}
    waiting = screen.busy or any(line.outcome is Outcome.WORKING for line in screen.items)
    if screen.mode in pad_modes or waiting:
        return PAD_REFRESH_SECONDS
    if seconds_left is not None:
        return seconds_left + 1  # show the welcome screen once the session has reset
    return None


def build_view(screen: Screen, now: datetime) -> View:
    """The view of ``screen`` at ``now`` (UTC), in the screen's language."""
    lang = language_of(screen.language)
    words = labels(lang)
    pgettext = translation(lang).pgettext
    patron = screen.patron
    seconds_left = (
        max(0, int((screen.idle_reset_at - now).total_seconds()))
        if screen.idle_reset_at is not None
        else None
    )
    return View(
        version=screen.version,
        lang=lang,
        mode=screen.mode.value,
        words=words,
        heading=words[HEADINGS[screen.mode]],
        languages=[
            LanguageChoice(code, LANGUAGE_NAMES[code], code == lang)
            for code in screen.languages
            if code in LANGUAGE_NAMES
        ],
        busy=screen.busy,
        offline=screen.offline,
        reader_ok=screen.reader_ok,
        card_on_pad=screen.card_on_pad,
        notice=(
            notice_words(screen.notice, screen.notice_detail, lang)
            if screen.notice is not None
            else None
        ),
        greeting=(pgettext("kiosk", "Hello, %(name)s") % {"name": patron.name}) if patron else "",
        patron_message=patron.ils_message if patron else "",
        can_email=bool(patron and patron.has_email),
        items=[
            ItemView(line.item_id, item_words(line, lang), line.outcome.value)
            for line in screen.items
        ],
        loans=[
            LoanView(
                loan.item_id,
                item_title(loan.item_id, loan.title, lang),
                pgettext("kiosk", "Due back %(date)s") % {"date": due_text(loan.due, lang)}
                if loan.due
                else "",
                loan.overdue,
                pgettext("kiosk", "Renew “%(title)s”")
                % {"title": item_title(loan.item_id, loan.title, lang)},
            )
            for loan in (patron.loans if patron else ())
        ],
        holds=[
            HoldView(hold.item_id, item_title(hold.item_id, hold.title, lang), hold.ready)
            for hold in (patron.holds if patron else ())
        ],
        summary=receipt_summary(screen.items, lang) if screen.mode is Mode.RECEIPT else [],
        seconds_left=seconds_left,
        ends_at=screen.idle_reset_at.isoformat() if screen.idle_reset_at else "",
        refresh=_refresh(screen, seconds_left),
    )
