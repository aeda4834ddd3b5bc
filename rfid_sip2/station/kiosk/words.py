"""The kiosk's fixed words (headings, buttons, labels, dates) in one language.

Every string is a literal inside a ``pgettext("kiosk", ...)`` call so Django's ``makemessages``
finds it and ru, uk and ro are translated with the site's strings; the "kiosk" context keeps a
touch-screen word apart from the same English word on the site. Templates receive the translated
words, never msgids.
"""

from __future__ import annotations

from datetime import date

from rfid_sip2.station.texts import LANGUAGES, translation

# Each language named in itself, as the language button shows it.
LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "uk": "Українська", "ro": "Română"}


def language_of(code: str | None) -> str:
    """``code`` when the kiosk speaks it, else English (the source)."""
    return code if code in LANGUAGES else "en"


def labels(language: str) -> dict[str, str]:
    """The screen's fixed words in ``language``, by key."""
    pgettext = translation(language).pgettext
    return {
        "title": pgettext("kiosk", "Library self-service"),
        "languages": pgettext("kiosk", "Language"),
        "welcome": pgettext("kiosk", "Welcome to the library"),
        "welcome_hint": pgettext("kiosk", "What would you like to do?"),
        "borrow": pgettext("kiosk", "Borrow"),
        "borrow_hint": pgettext("kiosk", "Take books home"),
        "return": pgettext("kiosk", "Return"),
        "return_hint": pgettext("kiosk", "Bring books back"),
        "account": pgettext("kiosk", "My account"),
        "account_hint": pgettext("kiosk", "Loans, renewals and holds"),
        "sign_in": pgettext("kiosk", "Sign in"),
        "sign_in_hint": pgettext(
            "kiosk", "Place your library card on the pad, or type its number and your PIN."
        ),
        "card_found": pgettext("kiosk", "Your library card is on the pad: now type your PIN."),
        "card_number": pgettext("kiosk", "Card number"),
        "pin": pgettext("kiosk", "PIN"),
        "keypad": pgettext("kiosk", "Keypad"),
        "keypad_target": pgettext("kiosk", "Typing into:"),
        "delete_last": pgettext("kiosk", "Delete the last digit"),
        "clear_key": pgettext("kiosk", "Clear"),
        "clear_field": pgettext("kiosk", "Clear the field"),
        "cancel": pgettext("kiosk", "Cancel"),
        "checkout_heading": pgettext("kiosk", "Borrow books"),
        "checkout_hint": pgettext(
            "kiosk", "Put your books on the pad. You can put several at once and leave them there."
        ),
        "return_heading": pgettext("kiosk", "Return books"),
        "return_hint_long": pgettext(
            "kiosk", "Put the books on the pad. You can put several at once and leave them there."
        ),
        "pad_items": pgettext("kiosk", "Books on the pad"),
        "receipt_items": pgettext("kiosk", "Your books"),
        "no_items": pgettext("kiosk", "No books yet."),
        "finish": pgettext("kiosk", "Finish"),
        "account_heading": pgettext("kiosk", "My account"),
        "loans": pgettext("kiosk", "Your loans"),
        "no_loans": pgettext("kiosk", "You have no books on loan."),
        "renew": pgettext("kiosk", "Renew"),
        "overdue": pgettext("kiosk", "Overdue"),
        "holds": pgettext("kiosk", "Your holds"),
        "no_holds": pgettext("kiosk", "You have no holds."),
        "hold_ready": pgettext("kiosk", "Ready to pick up"),
        "hold_waiting": pgettext("kiosk", "Not ready yet"),
        "place_hold": pgettext("kiosk", "Place a hold"),
        "hold_item": pgettext("kiosk", "Item number"),
        "hold_hint": pgettext("kiosk", "The number on the book's label or in the catalogue."),
        "receipt_heading": pgettext("kiosk", "Your receipt"),
        "email_receipt": pgettext("kiosk", "E-mail me the receipt"),
        "done": pgettext("kiosk", "Done"),
        "message_from_library": pgettext("kiosk", "Message from the library:"),
        "one_moment": pgettext("kiosk", "One moment, please…"),
        "time_left": pgettext("kiosk", "The screen resets in"),
        "more_time": pgettext("kiosk", "More time"),
        "offline_banner": pgettext(
            "kiosk",
            "The library system is offline: what you do now is recorded and confirmed later.",
        ),
        "reader_down_banner": pgettext(
            "kiosk", "The RFID pad is not working at the moment. Please ask at the desk."
        ),
    }


def long_date(day: date, language: str) -> str:
    """``day`` as a reader writes it in ``language`` ("2 December 2026", "2 декабря 2026")."""
    pgettext = translation(language).pgettext
    # Whole phrases rather than month names: the month's case and the order differ by language.
    phrases = (
        pgettext("kiosk date", "%(day)s January %(year)s"),
        pgettext("kiosk date", "%(day)s February %(year)s"),
        pgettext("kiosk date", "%(day)s March %(year)s"),
        pgettext("kiosk date", "%(day)s April %(year)s"),
        pgettext("kiosk date", "%(day)s May %(year)s"),
        pgettext("kiosk date", "%(day)s June %(year)s"),
        pgettext("kiosk date", "%(day)s July %(year)s"),
        pgettext("kiosk date", "%(day)s August %(year)s"),
        pgettext("kiosk date", "%(day)s September %(year)s"),
        pgettext("kiosk date", "%(day)s October %(year)s"),
        pgettext("kiosk date", "%(day)s November %(year)s"),
        pgettext("kiosk date", "%(day)s December %(year)s"),
    )
    return phrases[day.month - 1] % {"day": day.day, "year": day.year}
