"""The station's words in the reader's language, from the project's own catalogues (``locale/``).

The station has no Django, so it reads the compiled catalogues with the standard library;
strings are marked with ``gettext``/``ngettext``/``pgettext`` calls that Django's
``makemessages`` finds, so ru, uk and ro are translated in one place with the site's strings.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"
LANGUAGES = ("en", "ru", "uk", "ro")


@cache
def translation(language: str) -> gettext.NullTranslations:
    """The catalogue for ``language``; English (the source) for any other."""
    if language not in LANGUAGES or language == "en":
        return gettext.NullTranslations()
    return gettext.translation("django", LOCALE_DIR, languages=[language], fallback=True)
