"""Names as catalogues write them ("Dickens, Charles") and as readers say them."""

from __future__ import annotations


def natural_name(catalogued: str) -> str:
    """ "Dickens, Charles" -> "Charles Dickens"; a name without a comma stays as it is."""
    surname, comma, given = catalogued.partition(",")
    return f"{given.strip()} {surname.strip()}" if comma and given.strip() else catalogued.strip()
