"""The station's words in the reader's language, from the project's own catalogues (``locale/``).

The station has no Django, so it reads the catalogues with polib and the standard library's
gettext; strings are marked with ``gettext``/``ngettext``/``pgettext`` calls that Django's
``makemessages`` finds, so ru, uk and ro are translated in one place with the site's strings.
The .po file is read (not a compiled .mo) so a station never shows a stale translation.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"
LANGUAGES = ("en", "ru", "uk", "ro")


@cache
def translation(language: str) -> gettext.NullTranslations:
    """The catalogue for ``language``; English (the source) for any other."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    if language not in LANGUAGES or not path.exists():
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(polib.pofile(str(path)).to_binary()))
