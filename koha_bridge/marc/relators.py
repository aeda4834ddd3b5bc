"""Relator codes and terms: the role a person or body played, as one lower-case English term."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

# MARC Code List for Relators (https://id.loc.gov/vocabulary/relators): the roles the site shows.
MARC21_RELATORS: Mapping[str, str] = {
    "aut": "author",
    "cre": "author",  # RDA's "creator", used where older records said "aut"
    "edt": "editor",
    "trl": "translator",
    "ill": "illustrator",
    "com": "compiler",
    "aui": "author of introduction",
    "pht": "photographer",
    "ctb": "contributor",
    "nrt": "narrator",
    "prf": "performer",
}

# UNIMARC Appendix C relator codes.
UNIMARC_RELATORS: Mapping[str, str] = {
    "070": "author",
    "340": "editor",
    "730": "translator",
    "440": "illustrator",
    "205": "contributor",
    "080": "author of introduction",
    "220": "compiler",
    "600": "photographer",
}

# Relator terms as catalogues abbreviate them, or write them in full in their own language,
# and the role each names: AACR2 and RDA appendix I; GOST 7.0.12 (Russian) and DSTU 3582
# (Ukrainian) abbreviations; Romanian usage. Keys are as ``relator_term`` writes them.
_TERMS: Mapping[str, str] = {
    "ill": "illustrator",
    "illus": "illustrator",
    "ed": "editor",
    "eds": "editor",
    "tr": "translator",
    "trans": "translator",
    "transl": "translator",
    "comp": "compiler",
    "пер": "translator",
    "переводчик": "translator",
    "перекладач": "translator",
    "ред": "editor",
    "редактор": "editor",
    "сост": "compiler",
    "составитель": "compiler",
    "упоряд": "compiler",
    "упорядник": "compiler",
    "ил": "illustrator",
    "іл": "illustrator",
    "худож": "illustrator",
    "художник": "illustrator",
    "авт.предисл": "author of introduction",
    "авт.передм": "author of introduction",
    "trad": "translator",
    "traducător": "translator",
    "il": "illustrator",
    "ilustrator": "illustrator",
    "îngr": "editor",
}

# A role the record names but the site has no word for is still not authorship.
UNKNOWN_ROLE = "contributor"


def relator_term(term: str) -> str:
    """A catalogued relator term ("Translator.", "пер.", "ill.") as a role name for display."""
    term = " ".join(term.split()).lower().strip(" .,;:/=")
    term = term.removesuffix(", etc").strip(" .,;:/=")
    # "авт. предисл." and "авт.предисл." are one abbreviation.
    return _TERMS.get(term.replace(". ", "."), term)


def relator_code(code: str) -> str:
    """The bare code from "trl", "TRL." or "http://id.loc.gov/vocabulary/relators/trl"."""
    return code.strip().rstrip("/").rsplit("/", 1)[-1].strip(" .,;:").lower()


def role(terms: Iterable[str], codes: Iterable[str], table: Mapping[str, str], default: str) -> str:
    """The role from a known relator code, else the first relator term, else ``default``.

    A known code wins over a term because terms are in the cataloguing language
    ("переводчик", "traducător") and the site's roles are English terms it translates itself.
    """
    given = [code for code in map(relator_code, codes) if code]
    for code in given:
        if code in table:
            return table[code]
    for term in terms:
        if found := relator_term(term):
            return found
    return UNKNOWN_ROLE if given else default
