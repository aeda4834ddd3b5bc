"""The session's receipt: the same words on the screen and in the e-mail the station sends."""

from __future__ import annotations

from collections.abc import Sequence

from rfid_sip2.station.control import ItemLine, Outcome, Screen
from rfid_sip2.station.kiosk.wording import ItemWords, item_words
from rfid_sip2.station.kiosk.words import language_of
from rfid_sip2.station.texts import translation

BORROWED = {Outcome.BORROWED}
RETURNED = {Outcome.RETURNED, Outcome.HOLD_SHELF, Outcome.TRANSFER}


def _counted(items: Sequence[ItemLine]) -> tuple[int, int, int]:
    """How many items were borrowed, returned, and left for the desk (nothing still working)."""
    borrowed = returned = trouble = 0
    for line in items:
        if line.outcome in BORROWED or (line.outcome is Outcome.RECORDED_OFFLINE and line.due):
            borrowed += 1
        elif line.outcome in RETURNED or line.outcome is Outcome.RECORDED_OFFLINE:
            returned += 1
        elif line.outcome is not Outcome.WORKING:
            trouble += 1
    return borrowed, returned, trouble


def receipt_summary(items: Sequence[ItemLine], language: str) -> list[str]:
    """One sentence per kind of result ("2 books borrowed"), in ``language``."""
    tr = translation(language)
    npgettext, pgettext = tr.npgettext, tr.pgettext
    borrowed, returned, trouble = _counted(items)
    lines = []
    if borrowed:
        lines.append(
            npgettext("kiosk", "%(count)s book borrowed", "%(count)s books borrowed", borrowed)
            % {"count": borrowed}
        )
    if returned:
        lines.append(
            npgettext("kiosk", "%(count)s book returned", "%(count)s books returned", returned)
            % {"count": returned}
        )
    if trouble:
        lines.append(
            npgettext(
                "kiosk",
                "%(count)s book needs the desk's help",
                "%(count)s books need the desk's help",
                trouble,
            )
            % {"count": trouble}
        )
    if not items:
        lines.append(pgettext("kiosk", "Nothing was borrowed or returned."))
    if any(line.outcome is Outcome.RECORDED_OFFLINE for line in items):
        lines.append(
            pgettext(
                "kiosk",
                "The library system was offline: what is marked “recorded” will be confirmed.",
            )
        )
    return lines


def receipt_items(items: Sequence[ItemLine], language: str) -> list[ItemWords]:
    return [item_words(line, language) for line in items]


def render_receipt(screen: Screen, language: str) -> tuple[str, str]:
    """The e-mail subject and plain-text body of the session's receipt in ``language``."""
    language = language_of(language)
    pgettext = translation(language).pgettext
    subject = pgettext("kiosk", "Your library receipt")
    lines: list[str] = []
    if screen.patron is not None:
        lines += [pgettext("kiosk", "Hello, %(name)s,") % {"name": screen.patron.name}, ""]
    lines += [pgettext("kiosk", "This is the receipt of your visit to the library."), ""]
    lines += receipt_summary(screen.items, language)
    for words in receipt_items(screen.items, language):
        lines += ["", f"* {words.title}", f"  {words.headline}"]
        lines += [f"  {text}" for text in (words.action, words.detail) if text]
    lines += ["", pgettext("kiosk", "Thank you, and enjoy your reading.")]
    return subject, "\n".join(lines) + "\n"
