"""Everything the site keeps about a reader, as one JSON document they may download."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth.models import AbstractBaseUser

from plugins.readers.extensions import account_sections
from plugins.readers.models import KohaCard


def _when(value) -> str | None:
    return value.isoformat() if value else None


def personal_data(user: AbstractBaseUser) -> dict[str, Any]:
    card = KohaCard.objects.filter(user=user).first()
    data = {
        "account": {
            "username": user.get_username(),
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "joined": _when(user.date_joined),
            "last_sign_in": _when(user.last_login),
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "koha_card": None
        if card is None
        else {
            "cardnumber": card.cardnumber,
            "koha_patron_id": card.patron_id,
            "home_library": card.home_library_id,
            "linked": _when(card.linked_at),
            "shows_reading_history": card.shows_reading_history,
        },
    }
    for section in account_sections():
        data[section.key] = section.personal_data(user)
    return data
