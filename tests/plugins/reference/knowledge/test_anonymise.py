"""What names a reader is taken out of a question before it becomes a public entry."""

from __future__ import annotations

import pytest

from plugins.reference.anonymise import anonymise, name_parts


def test_email_addresses_are_removed():
    assert anonymise("Write to ana.popescu+lib@mail.example.md please") == (
        "Write to [e-mail address] please"
    )


@pytest.mark.parametrize(
    "phone", ["+373 22 123 456", "(022) 12-34-56", "069123456", "+7 (495) 123-45-67"]
)
def test_telephone_numbers_are_removed(phone):
    assert anonymise(f"Call me on {phone}, thanks.") == "Call me on [telephone number], thanks."


@pytest.mark.parametrize("number", ["23529001000011", "CPL0012345", "12345"])
def test_card_numbers_and_other_long_numbers_are_removed(number):
    assert anonymise(f"My card {number} is blocked") == "My card [number] is blocked"


def test_years_prices_and_short_numbers_stay():
    text = "Books from 1920 for 3 lei, room 204, on 12.05"

    assert anonymise(text) == text


def test_the_askers_name_is_removed_in_any_case_and_ending():
    names = ["Мария Иванова", "mivanova"]

    text = anonymise("Здравствуйте! Я МАРИЯ Иванова. Для Марии это важно. mivanova", names)

    assert text == "Здравствуйте! Я [name] [name]. Для [name] это важно. [name]"


def test_other_words_that_merely_contain_the_name_stay():
    assert anonymise("Ion's lion and Ionel", ["Ion"]) == "[name]'s lion and Ionel"


def test_name_parts_split_full_names_and_drop_initials_and_numbers():
    assert name_parts(["Ana-Maria Popescu", "A.", "ana_popescu", "007"]) == [
        "Ana-Maria",
        "Popescu",
        "popescu",
        "ana",
    ]


def test_the_marks_are_in_the_active_language(settings):
    from django.utils import translation

    with translation.override("en"):
        assert anonymise("a@b.example") == "[e-mail address]"
