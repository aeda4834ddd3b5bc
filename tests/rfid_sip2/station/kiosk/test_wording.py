"""Every outcome and notice worded in every language, with the library system's words kept."""

from __future__ import annotations

from datetime import date

import pytest

from rfid_sip2.station.control import ItemLine, Notice, Outcome
from rfid_sip2.station.kiosk.wording import item_words, notice_words
from rfid_sip2.station.kiosk.words import labels, long_date

LANGUAGES = ["en", "ru", "uk", "ro"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("outcome", list(Outcome))
def test_every_outcome_says_what_happened_in_every_language(outcome, language):
    words = item_words(ItemLine("1", "Ion", outcome, parts=3, part=2), language)

    assert words.headline
    if language != "en":
        assert words.headline != item_words(ItemLine("1", "Ion", outcome), "en").headline


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("notice", list(Notice))
def test_every_notice_is_worded_in_every_language(notice, language):
    words = notice_words(notice, "", language)

    assert words.text
    if language != "en":
        assert words.text != notice_words(notice, "", "en").text


def test_the_books_a_reader_must_act_on_say_what_to_do_with_them():
    def action(outcome: Outcome, **fields) -> str:
        return item_words(ItemLine("1", "Ion", outcome, **fields), "en").action

    assert action(Outcome.HOLD_SHELF) == "Put this book aside."
    assert action(Outcome.TRANSFER, sort_bin="B") == "Put this book aside, in bin B."
    assert action(Outcome.SECURITY_PENDING) == "Put it back on the pad."
    assert action(Outcome.NOT_OURS) == "Please take this book to the desk."
    assert action(Outcome.BORROWED) == ""


def test_a_line_without_a_title_is_named_by_its_item_number():
    assert item_words(ItemLine("31009"), "en").title == "Item 31009"
    assert item_words(ItemLine("31009"), "ro").title == "Exemplarul 31009"


def test_errors_are_urgent_and_confirmations_are_calm():
    assert notice_words(Notice.WRONG_PIN, "", "en").urgent
    assert notice_words(Notice.READER_DOWN, "", "en").urgent
    assert not notice_words(Notice.RENEWED, "", "en").urgent
    assert notice_words(Notice.PATRON_BLOCKED, "Too many fines", "en").detail == "Too many fines"


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("en", "2 December 2026"),
        ("ru", "2 декабря 2026"),
        ("uk", "2 грудня 2026"),
        ("ro", "2 decembrie 2026"),
    ],
)
def test_dates_are_written_with_the_month_in_the_readers_language(language, written):
    assert long_date(date(2026, 12, 2), language) == written


@pytest.mark.parametrize("language", ["ru", "uk", "ro"])
def test_every_fixed_word_of_the_screen_is_translated(language):
    english = labels("en")
    translated = labels(language)

    same = [key for key, text in translated.items() if text == english[key]]
    assert same == []


def test_no_word_is_named_like_a_dict_method_the_templates_would_show_instead():
    assert set(labels("en")) & set(dir(dict)) == set()


@pytest.mark.parametrize("outcome", [Outcome.BORROWED, Outcome.RECORDED_OFFLINE])
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_loan_whose_security_is_still_on_sends_the_reader_to_the_desk(outcome, language):
    calm = item_words(ItemLine("1", "Ion", outcome), language)
    words = item_words(ItemLine("1", "Ion", outcome, show_at_desk=True), language)

    assert not calm.action
    assert words.action and words.tone == "attention"
    if language != "en":
        assert (
            words.action
            != item_words(ItemLine("1", "Ion", outcome, show_at_desk=True), "en").action
        )
