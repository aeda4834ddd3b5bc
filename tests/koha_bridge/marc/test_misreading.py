"""Text decoded with the wrong character set is recognised, with the encoding to use instead."""

import pymarc.marc8
import pytest

from koha_bridge.marc.misreading import Misreading, MisreadingTally, misreading
from tests.koha_bridge.marc.records import UNIMARC_LEADER, field, record
from tests.koha_bridge.marc.samples import eminescu_poezii, great_expectations, kobzar

TITLE, AUTHOR = "Кобзар", "Шевченко, Тарас Григорович"


def misread(text: str, written_in: str, read_as: str) -> str:
    return text.encode(written_in).decode(read_as, errors="replace")


def book(title: str, author: str) -> pymarc.Record:
    return record(
        field("200", "1 ", "a", title), field("700", " 1", "a", author), leader=UNIMARC_LEADER
    )


@pytest.mark.parametrize(
    ("read_as", "garbled"),
    [
        ("cp1251", "РљРѕР±Р·Р°СЂ"),  # "Р" and "С" pairs
        ("cp1252", "ÐšÐ¾Ð±Ð·Ð°Ñ€"),  # "Ð" and "Ñ" sequences
        ("latin-1", "Ð\x9aÐ¾Ð±Ð·Ð°Ñ\x80"),
    ],
)
def test_utf8_read_as_a_single_byte_code_page_is_recognised(read_as, garbled):
    assert misread(TITLE, "utf-8", read_as) == garbled
    found = misreading(book(garbled, misread(AUTHOR, "utf-8", read_as)))
    assert found is not None
    assert (found.what, found.encoding) == (f"UTF-8 read as {read_as}", "utf-8")
    assert found.example.startswith(garbled[0])  # shown without its control characters


def test_romanian_utf8_read_as_latin_1_is_recognised():
    found = misreading(book(misread("Poezii. Ediție îngrijită", "utf-8", "cp1252"), "Eminescu"))
    assert found is not None and found.encoding == "utf-8"


def test_a_legacy_code_page_read_as_utf8_is_recognised_by_its_replacement_characters():
    found = misreading(book(misread(TITLE, "cp1251", "utf-8"), misread(AUTHOR, "cp1251", "utf-8")))
    assert found == Misreading("a legacy code page read as UTF-8", "cp1251", "\ufffd" * 6)


def test_one_damaged_character_is_not_a_misreading():
    assert misreading(book("Кобз\ufffdр", AUTHOR)) is None


def test_a_legacy_code_page_read_as_marc8_is_recognised_by_stray_diacritics():
    # As pymarc's test/1251.dat reads with a blank leader/09: cp1251 taken for MARC-8.
    garbled = pymarc.marc8.marc8_to_unicode(
        f"{TITLE} / {AUTHOR}".encode("cp1251"), hide_utf8_warnings=True
    )
    found = misreading(book(garbled, "Шевченко"))
    assert found is not None
    assert (found.what, found.encoding) == ("a legacy code page read as MARC-8", "cp1251")


@pytest.mark.parametrize(
    "sample",
    [great_expectations, kobzar, eminescu_poezii],
)
def test_well_read_records_are_not_misreadings(sample):
    assert misreading(sample()) is None


@pytest.mark.parametrize(
    "text",
    [
        "Вічний revizor",  # an uppercase letter and "і": bytes that begin UTF-8
        "Société linnéenne de Bordeaux",
        "Garci\u0301a Ma\u0301rquez",  # decomposed, as MARC21 records often are
        "Sobor Rozhdestva Presvi\u0361atoi\u0306 Bogorodit\u0361sy",  # MARC-8 ligatures
        "Tie\u0302\u0301ng Vie\u0323\u0302t",  # two diacritics on one letter
    ],
)
def test_text_as_catalogued_is_not_a_misreading(text):
    assert misreading(book(text, "Шевченко")) is None


def test_a_tally_counts_the_records_and_keeps_the_commonest_misreading():
    tally = MisreadingTally()
    garbled = book(misread(TITLE, "utf-8", "cp1251"), misread(AUTHOR, "utf-8", "cp1251"))
    for each in (garbled, kobzar(), garbled):
        tally.note(each)
    found, count = tally.commonest()
    assert (found.what, count, tally.records) == ("UTF-8 read as cp1251", 2, 3)


def test_a_tally_of_well_read_records_has_no_misreading():
    tally = MisreadingTally()
    tally.note(kobzar())
    assert tally.commonest() is None
