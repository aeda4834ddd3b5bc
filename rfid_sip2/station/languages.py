"""The patron's SIP2 language code (3 digits, the SIP2 table) as a kiosk language.

The SIP2 2.00 table has English (001, and 024 "United Kingdom") and Russian (015), but neither
Ukrainian nor Romanian; a site gives those codes in ``[languages]``. Koha sends ISO 639-2
codes ("eng") in the same field, so those are understood too.
"""

from __future__ import annotations

from collections.abc import Mapping

SIP2_LANGUAGES = {"001": "en", "024": "en", "015": "ru"}
ISO_639_2 = {"eng": "en", "rus": "ru", "ukr": "uk", "rum": "ro", "ron": "ro"}


def kiosk_language(code: str, extra: Mapping[str, str] = {}) -> str | None:
    """en, ru, uk or ro for ``code``; None when unknown (000) or not one of those."""
    code = code.strip().lower()
    return extra.get(code) or SIP2_LANGUAGES.get(code) or ISO_639_2.get(code)
