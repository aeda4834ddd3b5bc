"""The receipt e-mailed by the station, in the reader's language."""

from __future__ import annotations

from datetime import UTC, datetime

from rfid_sip2.station.control import ItemLine, Mode, Outcome, Patron, Screen
from rfid_sip2.station.kiosk import render_receipt

DUE = datetime(2026, 12, 23, 23, 59, tzinfo=UTC)
SESSION = Screen(
    version=9,
    mode=Mode.RECEIPT,
    patron=Patron(name="Anna Popescu", has_email=True),
    items=(
        ItemLine("31001", "Tiger Trails", Outcome.BORROWED, due=DUE),
        ItemLine("31002", "Moby-Dick", Outcome.BORROWED, due=DUE),
        ItemLine("31006", "Kobzar", Outcome.RECORDED_OFFLINE, due=DUE),
        ItemLine(
            "31004", "Dune", Outcome.REFUSED, ils_message="Item is on hold for another patron"
        ),
    ),
)


def test_the_english_receipt_lists_each_book_with_its_due_date_and_what_went_wrong():
    subject, body = render_receipt(SESSION, "en")

    assert subject == "Your library receipt"
    assert body.startswith("Hello, Anna Popescu,\n")
    assert "3 books borrowed\n1 book needs the desk's help\n" in body
    assert "* Tiger Trails\n  Borrowed: due back 23 December 2026\n" in body
    assert "* Kobzar\n  Recorded, will be confirmed: due back 23 December 2026\n" in body
    assert (
        "* Dune\n  Not done\n  Please take this book to the desk.\n"
        "  Item is on hold for another patron\n"
    ) in body
    assert "will be confirmed" in body.split("\n\n")[2]  # the offline note with the counts


def test_the_ukrainian_receipt_uses_ukrainian_words_plural_forms_and_month_names():
    subject, body = render_receipt(SESSION, "uk")

    assert subject == "Ваша квитанція з бібліотеки"
    assert body.startswith("Вітаємо, Anna Popescu!\n")
    assert "Ви взяли 3 книжки\n" in body
    assert "1 книжка: потрібна допомога бібліотекаря\n" in body
    assert "Видано: повернути до 23 грудня 2026" in body
    assert "Записано, буде підтверджено" in body
    assert "Item is on hold for another patron" in body  # the library system's words, as they came


def test_russian_plural_forms_follow_the_number():
    def borrowed(count: int) -> str:
        items = tuple(
            ItemLine(str(n), f"Book {n}", Outcome.BORROWED, due=DUE) for n in range(count)
        )
        body = render_receipt(Screen(version=1, mode=Mode.RECEIPT, items=items), "ru")[1]
        return next(line for line in body.splitlines() if line.startswith("Вы взяли"))

    assert borrowed(1) == "Вы взяли 1 книгу"
    assert borrowed(3) == "Вы взяли 3 книги"
    assert borrowed(5) == "Вы взяли 5 книг"
    assert borrowed(21) == "Вы взяли 21 книгу"


def test_a_return_without_a_reader_has_no_greeting_and_an_unknown_language_falls_back_to_english():
    returned = Screen(
        version=3,
        mode=Mode.RECEIPT,
        items=(ItemLine("32001", "Eneida", Outcome.HOLD_SHELF, sort_bin="2"),),
    )

    subject, body = render_receipt(returned, "de")

    assert subject == "Your library receipt"
    assert not body.startswith("Hello")
    assert "1 book returned" in body
    assert "Put this book aside, in bin 2." in body


def test_an_empty_session_says_nothing_was_done_in_romanian():
    subject, body = render_receipt(Screen(version=1, mode=Mode.RECEIPT), "ro")

    assert subject == "Chitanța dumneavoastră de la bibliotecă"
    assert "Nu s-a împrumutat și nu s-a returnat nimic." in body
