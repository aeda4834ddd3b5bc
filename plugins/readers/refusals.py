"""Koha's refusals and failures in words, in the reader's language.

Koha answers with reason codes (CanBookBeRenewed's ``too_many``, CanItemBeReserved's
``tooManyReserves``...) inside English messages; a reader sees what the code means instead.
"""

from __future__ import annotations

import logging
import re

from django.utils.translation import gettext as _

from koha_bridge.client import (
    KohaAuthError,
    KohaError,
    KohaProtocolError,
    KohaUnavailable,
)

log = logging.getLogger(__name__)

_RENEWAL_REASON = re.compile(r"Renewal not authorized \((\w+)\)")
_HOLD_REASON = re.compile(r"Reason: (\w+)")


def renewal_refusal(error: KohaError) -> str:
    """Why Koha would not renew a loan (Koha/REST/V1/Checkouts.pm, CanBookBeRenewed)."""
    found = _RENEWAL_REASON.search(error.message)
    code = error.code or (found.group(1) if found else "")
    reasons = {
        "on_reserve": _("another reader is waiting for it"),
        "too_many": _("it has been renewed as many times as the library allows"),
        "too_unseen": _("it must be shown at the library before it is renewed again"),
        "restriction": _("your account is restricted; please contact the library"),
        "debarred": _("your account is restricted; please contact the library"),
        "overdue": _("it is overdue, and overdue loans are renewed at the library"),
        "too_soon": _("it is too early to renew it"),
        "auto_too_soon": _("it will be renewed automatically; it is too early to renew it now"),
        "auto_renew": _("it will be renewed automatically"),
        "auto_too_late": _("it can no longer be renewed"),
        "auto_too_much_oweing": _("your fines are too high; please pay them at the library"),
        "auto_account_expired": _("your library card has expired"),
        "card_expired": _("your library card has expired"),
        "onsite_checkout": _("it is lent for use in the library only"),
        "item_denied_renewal": _("the library does not renew this item"),
        "recalled": _("the library has recalled it"),
        "booked": _("another reader has booked it"),
        "no_checkout": _("it is no longer on loan to you"),
    }
    return reasons.get(code, _("the library's system did not allow it"))


def hold_refusal(code: str) -> str:
    """Why a hold cannot be placed (CanItemBeReserved's codes, and the patron's blocks)."""
    elsewhere = _("it cannot be collected at the library you chose; please choose another")
    unholdable = _("this title cannot be placed on hold")
    reasons = {
        "tooManyReserves": _("you have as many holds as the library allows"),
        "tooManyHoldsForThisRecord": _("you already have a hold on this title"),
        "alreadyReserved": _("you already have a hold on this title"),
        "itemAlreadyOnHold": _("you already have a hold on this title"),
        "tooManyReservesToday": _("you have placed as many holds today as the library allows"),
        "alreadypossession": _("you already have this title on loan"),
        "ageRestricted": _("this title is for older readers"),
        "notReservable": unholdable,
        "noReservesAllowed": unholdable,
        "notforloan": unholdable,
        "damaged": unholdable,
        "recall": unholdable,
        "cannotReserveFromOtherBranches": elsewhere,
        "branchNotInHoldGroup": elsewhere,
        "pickupNotInHoldGroup": elsewhere,
        "cannotBeTransferred": elsewhere,
        "libraryNotPickupLocation": elsewhere,
        "libraryNotFound": elsewhere,
        "restricted": _("your account is restricted; please contact the library"),
        "expired": _("your library card has expired; please renew it at the library"),
        "debt_limit": _("your fines are too high; please pay them at the library"),
        "card_lost": _("your card is reported lost; please contact the library"),
        "bad_address": _("the library needs your new address; please contact the library"),
    }
    return reasons.get(code, _("the library's system did not allow it"))


def hold_refusal_code(error: KohaError) -> str:
    """The reason code inside Koha's "Hold cannot be placed. Reason: ..." message."""
    found = _HOLD_REASON.search(error.message)
    return found.group(1) if found else ""


def failure(error: KohaError, action: str) -> str:
    """What the reader is told when Koha could not be asked, or failed: it is not their doing.

    Failures that are the site's configuration (credentials, a wrong KOHA_URL) are logged.
    """
    if isinstance(error, (KohaAuthError, KohaProtocolError)):
        log.error("koha failure action=%s error=%s", action, error)
        return _(
            "The library's system could not be asked just now. The library has been told; "
            "please try again later."
        )
    if isinstance(error, KohaUnavailable):
        log.warning("koha unavailable action=%s error=%s", action, error)
        return _(
            "The library's system is not answering just now. Please try again in a few minutes."
        )
    log.warning("koha refused action=%s error=%s", action, error)
    return _("The library's system did not accept this. Please try again, or ask the library.")
