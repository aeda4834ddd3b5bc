"""What stops a patron placing holds in Koha's OPAC, which Koha's staff API does not check."""

from __future__ import annotations

from datetime import date

from django.conf import settings


def hold_blocks(patron: dict, account: dict, today: date) -> list[str]:
    """The reasons, in Koha's words (can_place_holds), this patron may not place a hold now."""
    reasons = []
    if patron.get("restricted"):
        reasons.append("restricted")
    expiry = patron.get("expiry_date")
    if expiry and date.fromisoformat(expiry[:10]) < today:
        reasons.append("expired")
    if patron.get("patron_card_lost"):
        reasons.append("card_lost")
    if patron.get("incorrect_address"):
        reasons.append("bad_address")
    if float(account.get("balance") or 0) > settings.READERS_HOLD_DEBT_LIMIT:
        reasons.append("debt_limit")
    return reasons
