"""Linking a Koha card to a site account: Koha checks the card number and PIN, the site keeps
Koha's patron id, never the PIN."""

from __future__ import annotations

import enum
import logging

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction

from koha_bridge.client import KohaClient
from plugins.readers.models import KohaCard, masked

log = logging.getLogger(__name__)


class Refusal(enum.Enum):
    WRONG = "wrong"  # Koha does not know the card, or the PIN is not its PIN
    TAKEN = "taken"  # another account has the card
    HAS_CARD = "has_card"  # this account has a card already


class CardRefused(Exception):
    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.value)
        self.refusal = refusal


def link_card(user: AbstractBaseUser, cardnumber: str, pin: str, koha: KohaClient) -> KohaCard:
    """The card, linked to ``user`` once Koha has validated the card number and PIN.

    Raises CardRefused, or KohaError when Koha could not be asked; nothing is saved then.
    """
    if KohaCard.objects.filter(user=user).exists():
        raise CardRefused(Refusal.HAS_CARD)
    validated = koha.validate_password(cardnumber, pin)
    if validated is None:
        log.warning("card link refused user=%s card=%s reason=wrong", user.pk, masked(cardnumber))
        raise CardRefused(Refusal.WRONG)
    patron = koha.patron(validated["patron_id"])
    try:
        with transaction.atomic():
            card = KohaCard.objects.create(
                user=user,
                patron_id=validated["patron_id"],
                cardnumber=validated.get("cardnumber") or cardnumber,
                home_library_id=patron.get("library_id") or "",
            )
    except IntegrityError:
        log.warning("card link refused user=%s card=%s reason=taken", user.pk, masked(cardnumber))
        raise CardRefused(Refusal.TAKEN) from None
    log.info("card linked user=%s card=%s patron_id=%s", user.pk, card, card.patron_id)
    return card
