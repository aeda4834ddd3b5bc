"""What kind of thing a record describes (a book, a score, a film...), from its leader.

MARC21 and UNIMARC both code it in leader/06 (type of record) and leader/07 (bibliographic
level), with mostly the same letters; where they differ the table says so. The names are the
site's format facet values, in English (the site translates them).
"""

from __future__ import annotations

from koha_bridge.marc.record import Flavour

BOOK, SERIAL, ARTICLE = "book", "serial", "article"
MANUSCRIPT, SCORE, MAP = "manuscript", "score", "map"
VIDEO, AUDIOBOOK, MUSIC = "video", "audiobook", "music"
IMAGE, ELECTRONIC, KIT, OBJECT = "image", "electronic", "kit", "object"
FORMATS = (
    BOOK, SERIAL, ARTICLE, MANUSCRIPT, SCORE, MAP, VIDEO, AUDIOBOOK, MUSIC, IMAGE,
    ELECTRONIC, KIT, OBJECT,
)  # fmt: skip

# leader/06, the same in both flavours except where noted below.
_TYPES = {
    "a": BOOK,  # language material
    "t": MANUSCRIPT,  # MARC21: manuscript language material
    "b": MANUSCRIPT,  # UNIMARC: manuscript text
    "c": SCORE,
    "d": SCORE,  # manuscript music
    "e": MAP,
    "f": MAP,  # manuscript cartographic material
    "g": VIDEO,  # projected medium
    "i": AUDIOBOOK,  # nonmusical sound recording
    "j": MUSIC,  # musical sound recording
    "k": IMAGE,  # two-dimensional graphic
    "m": ELECTRONIC,  # MARC21: computer file
    "l": ELECTRONIC,  # UNIMARC: electronic resource
    "o": KIT,  # MARC21: kit
    "p": KIT,  # MARC21: mixed materials
    "r": OBJECT,  # three-dimensional artefact
}
_UNIMARC_TYPES = {"m": KIT}  # UNIMARC leader/06 "m": multimedia


def format_of(leader: str, flavour: Flavour) -> str:
    """The record's format; a book when the leader says nothing usable."""
    record_type = leader[6:7].lower()
    level = leader[7:8].lower()
    if flavour is Flavour.UNIMARC and record_type in _UNIMARC_TYPES:
        return _UNIMARC_TYPES[record_type]
    found = _TYPES.get(record_type, BOOK)
    if found == BOOK and level in ("s", "i"):  # serial, integrating resource
        return SERIAL
    if found == BOOK and level in ("a", "b"):  # component part of a monograph or a serial
        return ARTICLE
    return found
