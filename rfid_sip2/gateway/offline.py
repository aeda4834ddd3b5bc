"""The answers a device gets while the ILS cannot be reached, by the configured policy.

One rule ties the answer to the journal: a request the policy accepts is answered "yes" and, if
it changes something in the ILS, journaled to be replayed; a request it refuses is answered
"no" and journals nothing. ``POLICY_NAMES`` is the table of which policy governs which request;
a request that is not in it is never accepted offline.

=====================  ===============  ===================================  ==============
request                policy           answer: accept / refuse              journaled
=====================  ===============  ===================================  ==============
patron status 23, 63   patron_status    valid patron Y / N                   never
checkout 11            checkout         ok, due date promised / not ok       when accepted
checkin 09             checkin          ok / not ok                          when accepted
renew 29               renew            ok, due date promised / not ok       when accepted
renew all 65           (none)           not ok                               never
fee paid 37            fee_paid         payment accepted Y / N               when accepted
hold 15                hold             ok / not ok                          when accepted
item information 17    item_information status unknown, "offline" / "not     never
                                        possible offline"
end session 35         end_session      session ended Y / N                  never
others (19, 01, 25)    (none)           none: 96                             never
=====================  ===============  ===================================  ==============
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import datetime, time, timedelta

from rfid_sip2.sip2.dates import format_date
from rfid_sip2.sip2.messages import (
    CheckinRequest,
    CheckinResponse,
    CheckoutRequest,
    CheckoutResponse,
    EndPatronSessionRequest,
    EndSessionResponse,
    FeePaidRequest,
    FeePaidResponse,
    HoldRequest,
    HoldResponse,
    ItemInformationRequest,
    ItemInformationResponse,
    Message,
    PatronInformationRequest,
    PatronInformationResponse,
    PatronStatusRequest,
    PatronStatusResponse,
    RenewAllRequest,
    RenewAllResponse,
    RenewRequest,
    RenewResponse,
)
from rfid_sip2.upstreams.base import changes_ils

OFFLINE = "The library system is offline."
RECORDED = "Recorded: it will reach the library system when it is back."
NOT_OFFLINE = "Not possible while the library system is offline: please ask at the desk."

# Request type -> the policy name in the configuration's [offline] table. Renew all is not here:
# offline the patron's loans are unknown, so there is nothing to promise.
POLICY_NAMES: dict[type[Message], str] = {
    PatronStatusRequest: "patron_status",
    PatronInformationRequest: "patron_status",
    CheckoutRequest: "checkout",
    CheckinRequest: "checkin",
    RenewRequest: "renew",
    FeePaidRequest: "fee_paid",
    HoldRequest: "hold",
    ItemInformationRequest: "item_information",
    EndPatronSessionRequest: "end_session",
}


def accepts(policy: Mapping[str, str], request: Message) -> bool:
    """Whether the device is told yes."""
    name = POLICY_NAMES.get(type(request))
    return name is not None and policy.get(name) == "accept"


def journals(policy: Mapping[str, str], request: Message) -> bool:
    """Whether the request is journaled: exactly when the device is told yes to a change."""
    return accepts(policy, request) and changes_ils(request)


def prepare(request: Message, now: datetime, loan_days: int) -> Message:
    """The request as the journal keeps it: dated (now, if the device sent no date), and for a
    loan or renewal with the due date the device is told (sent to Koha as no-block due date)."""
    changes: dict[str, object] = {}
    if hasattr(request, "transaction_date") and request.transaction_date is None:
        changes["transaction_date"] = now
    if isinstance(request, CheckoutRequest | RenewRequest):
        changes["nb_due_date"] = offline_due_date(request, now, loan_days)
    return dataclasses.replace(request, **changes) if changes else request


def offline_due_date(
    request: CheckoutRequest | RenewRequest, now: datetime, loan_days: int
) -> datetime:
    if request.nb_due_date is not None:
        return request.nb_due_date
    return datetime.combine((now + timedelta(days=loan_days)).date(), time(23, 59))


def answer(
    request: Message, *, accepted: bool, now: datetime, institution_id: str, loan_days: int
) -> Message | None:
    """The offline answer to ``request``; None when SIP2 has none for it (the caller sends 96)."""
    ao = (request.institution_id or institution_id) if hasattr(request, "institution_id") else ""
    patron = getattr(request, "patron_identifier", "") or ""
    item = getattr(request, "item_identifier", "") or ""
    note = (OFFLINE, RECORDED) if accepted else (OFFLINE, NOT_OFFLINE)
    if isinstance(request, PatronStatusRequest):
        return PatronStatusResponse(
            transaction_date=now,
            institution_id=ao,
            patron_identifier=patron,
            valid_patron=accepted,
            screen_messages=(OFFLINE,),
            language=request.language,
        )
    if isinstance(request, PatronInformationRequest):
        return PatronInformationResponse(
            transaction_date=now,
            institution_id=ao,
            patron_identifier=patron,
            valid_patron=accepted,
            screen_messages=(OFFLINE,),
            language=request.language,
        )
    if isinstance(request, CheckoutRequest):
        due = format_date(offline_due_date(request, now, loan_days)) if accepted else ""
        return CheckoutResponse(
            ok=accepted,
            desensitize=accepted,
            transaction_date=now,
            institution_id=ao,
            patron_identifier=patron,
            item_identifier=item,
            due_date=due,
            screen_messages=note,
        )
    if isinstance(request, CheckinRequest):
        return CheckinResponse(
            ok=accepted,
            resensitize=accepted,
            transaction_date=now,
            institution_id=ao,
            item_identifier=item,
            permanent_location="",
            screen_messages=note,
        )
    if isinstance(request, RenewRequest):
        due = format_date(offline_due_date(request, now, loan_days)) if accepted else ""
        return RenewResponse(
            ok=accepted,
            renewal_ok=accepted,
            desensitize=False,
            transaction_date=now,
            institution_id=ao,
            patron_identifier=patron,
            item_identifier=item,
            due_date=due,
            screen_messages=note,
        )
    if isinstance(request, RenewAllRequest):
        return RenewAllResponse(
            ok=False,
            transaction_date=now,
            institution_id=ao,
            screen_messages=(OFFLINE, NOT_OFFLINE),
        )
    if isinstance(request, FeePaidRequest):
        return FeePaidResponse(
            payment_accepted=accepted,
            transaction_date=now,
            institution_id=ao,
            patron_identifier=patron,
            transaction_id=request.transaction_id,
            screen_messages=note,
        )
    if isinstance(request, HoldRequest):
        return HoldResponse(
            ok=accepted,
            transaction_date=now,
            institution_id=ao,
            patron_identifier=patron,
            item_identifier=request.item_identifier,
            screen_messages=note,
        )
    if isinstance(request, ItemInformationRequest):
        return ItemInformationResponse(
            circulation_status="01",  # other: offline the status is not known
            transaction_date=now,
            item_identifier=item,
            screen_messages=(OFFLINE,) if accepted else (OFFLINE, NOT_OFFLINE),
        )
    if isinstance(request, EndPatronSessionRequest):
        return EndSessionResponse(
            end_session=accepted,
            transaction_date=now,
            institution_id=ao,
            patron_identifier=patron,
            screen_messages=(OFFLINE,),
        )
    return None
