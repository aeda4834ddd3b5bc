"""Relator codes and terms: the role a person or body played, as one English role name."""

import pytest

from koha_bridge.marc.marc21 import normalise_marc21
from koha_bridge.marc.relators import MARC21_RELATORS, role
from tests.koha_bridge.marc.records import field, record


def term_role(term: str) -> str:
    return role([term], [], MARC21_RELATORS, "contributor")


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        # AACR2 and RDA appendix I abbreviations
        ("ill.", "illustrator"),
        ("illus.", "illustrator"),
        ("ed.", "editor"),
        ("tr.", "translator"),
        ("trans.", "translator"),
        ("comp.", "compiler"),
        # Russian and Ukrainian (GOST 7.0.12, DSTU 3582)
        ("пер.", "translator"),
        ("ред.", "editor"),
        ("сост.", "compiler"),
        ("упоряд.", "compiler"),
        ("ил.", "illustrator"),
        ("іл.", "illustrator"),
        ("худож.", "illustrator"),
        ("авт. предисл.", "author of introduction"),
        # Romanian
        ("trad.", "translator"),
        ("il.", "illustrator"),
        ("îngr.", "editor"),
    ],
)
def test_abbreviated_relator_terms_expand_to_role_names(term, expected):
    assert term_role(term) == expected


def test_abbreviations_match_whatever_the_case_and_the_full_stop():
    assert term_role("Ill") == "illustrator"
    assert term_role("ПЕР") == "translator"
    assert term_role("Trad.,") == "translator"
    assert term_role("авт.предисл.") == "author of introduction"


def test_relator_terms_in_full_in_the_cataloguing_language_become_role_names():
    assert term_role("переводчик.") == "translator"
    assert term_role("перекладач") == "translator"
    assert term_role("traducător") == "translator"
    assert term_role("редактор") == "editor"


def test_a_relator_term_that_is_no_known_abbreviation_is_kept_as_written():
    assert term_role("Calligrapher.") == "calligrapher"


def test_an_illustrator_catalogued_with_ill_is_an_illustrator():
    # As in pymarc's test/alphatag.dat: 700 1_ $aCase, Bernard,$eill.
    book = record(
        field("245", "10", "a", "Chemistry experiments for children,"),
        field("700", "1 ", "a", "Case, Bernard,", "e", "ill."),
    )
    assert normalise_marc21(book, 1).authors[0].role == "illustrator"
