"""Names of what the catalogue codes, in the reader's language: languages, formats, roles.

Records keep MARC's codes and English terms (locale-independent); pages show them translated.
Language names come from Django's own translations, through ISO 639-1.
"""

from __future__ import annotations

from django.conf.locale import LANG_INFO
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from koha_bridge.marc import formats

# MARC language codes (ISO 639-2/B, with MARC's obsolete ones) of languages Django names.
MARC_TO_ISO_639_1 = {
    "eng": "en",
    "rus": "ru",
    "ukr": "uk",
    "rum": "ro",
    "ron": "ro",
    "mol": "ro",  # Moldavian: MARC's code until 2008, Romanian since
    "bel": "be",
    "pol": "pl",
    "ger": "de",
    "fre": "fr",
    "spa": "es",
    "ita": "it",
    "por": "pt",
    "dut": "nl",
    "cze": "cs",
    "slo": "sk",
    "slv": "sl",
    "hrv": "hr",
    "srp": "sr",
    "bos": "bs",
    "mac": "mk",
    "bul": "bg",
    "hun": "hu",
    "gre": "el",
    "tur": "tr",
    "heb": "he",
    "ara": "ar",
    "per": "fa",
    "arm": "hy",
    "geo": "ka",
    "aze": "az",
    "kaz": "kk",
    "kir": "ky",
    "uzb": "uz",
    "tat": "tt",
    "lit": "lt",
    "lav": "lv",
    "est": "et",
    "fin": "fi",
    "swe": "sv",
    "nor": "no",
    "dan": "da",
    "ice": "is",
    "gle": "ga",
    "wel": "cy",
    "chi": "zh-hans",
    "jpn": "ja",
    "kor": "ko",
    "hin": "hi",
    "epo": "eo",
}

FORMAT_NAMES = {
    formats.BOOK: pgettext_lazy("format", "Book"),
    formats.SERIAL: pgettext_lazy("format", "Journal or newspaper"),
    formats.ARTICLE: pgettext_lazy("format", "Article"),
    formats.MANUSCRIPT: pgettext_lazy("format", "Manuscript"),
    formats.SCORE: pgettext_lazy("format", "Music score"),
    formats.MAP: pgettext_lazy("format", "Map"),
    formats.VIDEO: pgettext_lazy("format", "Film or video"),
    formats.AUDIOBOOK: pgettext_lazy("format", "Audiobook"),
    formats.MUSIC: pgettext_lazy("format", "Music recording"),
    formats.IMAGE: pgettext_lazy("format", "Picture"),
    formats.ELECTRONIC: pgettext_lazy("format", "Electronic resource"),
    formats.KIT: pgettext_lazy("format", "Kit"),
    formats.OBJECT: pgettext_lazy("format", "Object"),
}

ROLE_NAMES = {
    "author": _("author"),
    "editor": _("editor"),
    "translator": _("translator"),
    "illustrator": _("illustrator"),
    "compiler": _("compiler"),
    "author of introduction": _("author of introduction"),
    "photographer": _("photographer"),
    "contributor": _("contributor"),
    "narrator": _("narrator"),
    "performer": _("performer"),
}


def iso_639_1(marc_code: str) -> str:
    """The ISO 639-1 code (BCP 47 language) of a MARC language code; "" when not known."""
    return MARC_TO_ISO_639_1.get(marc_code, "")


def language_name(marc_code: str) -> str:
    """The language's name in the active language; its MARC code when Django has no name."""
    info = LANG_INFO.get(iso_639_1(marc_code))
    return gettext(info["name"]) if info else marc_code


def format_name(code: str) -> str:
    return str(FORMAT_NAMES.get(code, code))


def role_name(role: str) -> str:
    return str(ROLE_NAMES.get(role, role))
