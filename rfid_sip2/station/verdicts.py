"""What an answer of the library system means for the item on the pad: its outcome, and which
security state (if any) its tag must get. Pure rules, no I/O: the station applies them.

- a checkout unsecures only with ok=1 and desensitize=Y; a loan the gateway recorded offline
  only where the site allows it;
- a checkin resecures whenever resensitize=Y, a refused one too (the item stays here);
- a checkin alert type (CV) 01 is the hold shelf, 02 (a hold elsewhere) and 04 (sent home) a
  transfer, whatever ok says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from rfid_sip2.rfid.tags import ItemTag
from rfid_sip2.sip2.messages import CheckinResponse, CheckoutResponse, Message
from rfid_sip2.station.control import Outcome
from rfid_sip2.station.ils import due_date, extra_field, ils_message, recorded_offline
from rfid_sip2.station.retry import Wanted

# Checkin alert types (CV, the 3M extension Koha sends): where a returned item goes instead.
ALERT_OUTCOMES = {
    "01": Outcome.HOLD_SHELF,  # a hold waiting here
    "02": Outcome.TRANSFER,  # a hold at another library: it travels there
    "04": Outcome.TRANSFER,  # returned away from home: sent home
}
FIELD_DESTINATION, FIELD_ALERT_TYPE = "CT", "CV"


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    wanted: Wanted | None = None  # the security to write; None: leave the tag as it is
    due: datetime | None = None
    ils_message: str = ""
    sort_bin: str = ""
    destination: str = ""
    show_at_desk: bool = False


def checkout_verdict(response: Message, *, unsecure_offline_loans: bool) -> Verdict:
    if not isinstance(response, CheckoutResponse):
        return Verdict(Outcome.REFUSED)
    message = ils_message(response)
    if not response.ok:
        return Verdict(Outcome.REFUSED, ils_message=message)
    offline = recorded_offline(response)
    unsecure = response.desensitize is True and (not offline or unsecure_offline_loans)
    return Verdict(
        Outcome.RECORDED_OFFLINE if offline else Outcome.BORROWED,
        Wanted.ON_LOAN if unsecure else None,
        due=due_date(response.due_date),
        ils_message=message,
        show_at_desk=not unsecure,
    )


def checkin_verdict(response: Message) -> Verdict:
    if not isinstance(response, CheckinResponse):
        return Verdict(Outcome.REFUSED)
    alert = extra_field(response, FIELD_ALERT_TYPE)
    if alert in ALERT_OUTCOMES:
        outcome = ALERT_OUTCOMES[alert]
    elif response.ok and recorded_offline(response):
        outcome = Outcome.RECORDED_OFFLINE
    elif response.ok:
        outcome = Outcome.RETURNED
    else:
        outcome = Outcome.REFUSED
    return Verdict(
        outcome,
        Wanted.IN_LIBRARY if response.resensitize else None,
        ils_message=ils_message(response),
        sort_bin=response.sort_bin or "",
        destination=extra_field(response, FIELD_DESTINATION),
    )


def missing_parts(tags: Sequence[ItemTag]) -> list[int]:
    """The part numbers of the item's set that are not among ``tags`` (all of one item)."""
    return sorted(set(range(1, tags[0].parts + 1)) - {tag.part for tag in tags})


def not_ours(tag: ItemTag, owner_isils: Sequence[str]) -> bool:
    """Another library's item: its owner is not in the list (an empty list: all are ours)."""
    return bool(owner_isils) and tag.owner_isil not in owner_isils
