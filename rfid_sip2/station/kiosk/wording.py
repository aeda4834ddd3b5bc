"""What each item's outcome and each notice mean to a reader, in their language.

The station's screen carries codes (``Outcome``, ``Notice``); this module turns them into what a
person at the pad needs: what happened, and what to do with the book now. What the library system
said (SIP2 AF) is passed on as it came, next to our own words, never instead of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from rfid_sip2.station.control import ItemLine, Notice, Outcome
from rfid_sip2.station.kiosk.words import long_date
from rfid_sip2.station.texts import translation


@dataclass(frozen=True)
class ItemWords:
    """One item line as the reader reads it."""

    title: str
    headline: str  # what happened
    action: str  # what to do with the book now; "" when nothing
    detail: str  # the library system's own words, as they came
    tone: str  # "done", "working" or "attention": how the line is drawn


@dataclass(frozen=True)
class NoticeWords:
    text: str
    detail: str
    urgent: bool  # something went wrong: announced at once (role="alert")


def due_text(due: date | datetime | None, language: str) -> str:
    """The due date as a reader reads it; "" when there is none."""
    if due is None:
        return ""
    return long_date(due.date() if isinstance(due, datetime) else due, language)


def item_title(item_id: str, title: str, language: str) -> str:
    """The title, or the item's number when the library system gave no title."""
    pgettext = translation(language).pgettext
    return title or pgettext("kiosk", "Item %(item_id)s") % {"item_id": item_id}


def item_words(line: ItemLine, language: str) -> ItemWords:
    """What became of ``line`` and what the reader should do about it."""
    tr = translation(language)
    pgettext, npgettext = tr.pgettext, tr.npgettext
    due = due_text(line.due, language)
    to_desk = pgettext("kiosk", "Please take this book to the desk.")
    aside = (
        pgettext("kiosk", "Put this book aside, in bin %(bin)s.") % {"bin": line.sort_bin}
        if line.sort_bin
        else pgettext("kiosk", "Put this book aside.")
    )
    headline, action, tone = "", "", "attention"
    match line.outcome:
        case Outcome.WORKING:
            headline = pgettext("kiosk", "Working on it…")
            action = pgettext("kiosk", "Leave it on the pad.")
            tone = "working"
        case Outcome.BORROWED:
            headline = (
                pgettext("kiosk", "Borrowed: due back %(date)s") % {"date": due}
                if due
                else pgettext("kiosk", "Borrowed")
            )
            tone = "done"
        case Outcome.RETURNED:
            headline, tone = pgettext("kiosk", "Returned"), "done"
        case Outcome.RECORDED_OFFLINE:
            headline = (
                pgettext("kiosk", "Recorded, will be confirmed: due back %(date)s") % {"date": due}
                if due
                else pgettext("kiosk", "Recorded, will be confirmed")
            )
            tone = "done"
        case Outcome.HOLD_SHELF:
            headline = pgettext("kiosk", "Returned. Someone is waiting for this book.")
            action = aside
        case Outcome.TRANSFER:
            headline = (
                pgettext("kiosk", "Returned. It belongs to %(place)s.")
                % {"place": line.destination}
                if line.destination
                else pgettext("kiosk", "Returned. It belongs to another library.")
            )
            action = aside
        case Outcome.REFUSED:
            headline = pgettext("kiosk", "Not done")
            action = to_desk
        case Outcome.PARTS_MISSING:
            headline = pgettext("kiosk", "Parts missing: %(part)s of %(parts)s") % {
                "part": line.part,
                "parts": line.parts,
            }
            action = npgettext(
                "kiosk",
                "Put all %(parts)s part on the pad together.",
                "Put all %(parts)s parts on the pad together.",
                line.parts,
            ) % {"parts": line.parts}
        case Outcome.SECURITY_PENDING:
            headline = pgettext("kiosk", "Not finished")
            action = pgettext("kiosk", "Put it back on the pad.")
        case Outcome.UNREADABLE:
            headline = pgettext("kiosk", "This book's tag cannot be read.")
            action = to_desk
        case Outcome.NOT_OURS:
            headline = pgettext("kiosk", "This book belongs to another library.")
            action = to_desk
    if line.show_at_desk and line.outcome in (Outcome.BORROWED, Outcome.RECORDED_OFFLINE):
        action = pgettext("kiosk", "Its security is still on: show it at the desk on your way out.")
        tone = "attention"
    return ItemWords(
        title=item_title(line.item_id, line.title, language),
        headline=headline,
        action=action,
        detail=line.ils_message,
        tone=tone,
    )


def notice_words(notice: Notice, detail: str, language: str) -> NoticeWords:
    """The screen-wide message for ``notice``, with what the library system or reader said."""
    pgettext = translation(language).pgettext
    texts = {
        Notice.PATRON_UNKNOWN: pgettext(
            "kiosk", "We do not know this card. Check the number, or ask at the desk."
        ),
        Notice.WRONG_PIN: pgettext("kiosk", "The PIN is not right. Please try again."),
        Notice.PATRON_BLOCKED: pgettext(
            "kiosk", "This card cannot borrow at the moment. Please ask at the desk."
        ),
        Notice.OFFLINE: pgettext(
            "kiosk", "The library system is offline: loans are recorded and will be confirmed."
        ),
        Notice.ILS_UNREACHABLE: pgettext(
            "kiosk", "The library system does not answer. Please ask at the desk."
        ),
        Notice.READER_DOWN: pgettext(
            "kiosk", "The RFID pad is not working. Please ask at the desk."
        ),
        Notice.RENEWED: pgettext("kiosk", "Renewed."),
        Notice.RENEW_REFUSED: pgettext("kiosk", "This loan could not be renewed."),
        Notice.HOLD_PLACED: pgettext("kiosk", "Your hold is placed."),
        Notice.HOLD_REFUSED: pgettext("kiosk", "The hold could not be placed."),
        Notice.RECEIPT_SENT: pgettext("kiosk", "The receipt is on its way to your e-mail."),
        Notice.RECEIPT_NOT_SENT: pgettext(
            "kiosk", "The receipt could not be sent. Please try again or ask at the desk."
        ),
    }
    calm = {Notice.RENEWED, Notice.HOLD_PLACED, Notice.RECEIPT_SENT, Notice.OFFLINE}
    return NoticeWords(text=texts[notice], detail=detail, urgent=notice not in calm)
