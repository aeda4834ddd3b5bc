"""Online registration: a provisional patron in Koha, for a librarian to confirm at the desk."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings

from koha_bridge.client import KohaClient

# Koha's notice languages for the site's languages.
KOHA_LANGUAGES = {"en": "en", "ru": "ru-RU", "uk": "uk-UA", "ro": "ro-RO"}


def _like(text: str) -> str:
    """An exact, case-insensitive match in Koha's q (SQL LIKE with its wildcards escaped)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def already_registered(koha: KohaClient, details: dict[str, Any]) -> bool:
    """Whether Koha has a patron with this e-mail address, or this name and date of birth."""
    by_email = {"email": {"-like": _like(details["email"])}}
    by_person = {
        "surname": {"-like": _like(details["surname"])},
        "firstname": {"-like": _like(details["firstname"])},
        "date_of_birth": details["date_of_birth"].isoformat(),
    }
    return bool(koha.find_patrons(by_email)) or bool(koha.find_patrons(by_person))


def register(koha: KohaClient, details: dict[str, Any], language: str, today: date) -> dict:
    """The provisional patron Koha created (in the self-registration category)."""
    patron = {
        "firstname": details["firstname"],
        "surname": details["surname"],
        "date_of_birth": details["date_of_birth"].isoformat(),
        "address": details["address"],
        "city": details["city"],
        "postal_code": details["postal_code"] or None,
        "phone": details["phone"] or None,
        "email": details["email"],
        "library_id": details["library_id"],
        "category_id": settings.KOHA_SELF_REGISTRATION_CATEGORY,
        "lang": KOHA_LANGUAGES.get(language, "default"),
        "staff_notes": (
            f"Registered on the website on {today.isoformat()}: check an identity document "
            "and a proof of address before confirming."
        ),
    }
    return koha.add_patron(patron)
