"""The answers a device gets while the ILS cannot be reached, by the configured policy."""

from __future__ import annotations

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

OFFLINE = "The library system is offline."
RECORDED = "Recorded: it will reach the library system when it is back."
NOT_OFFLINE = "Not possible while the library system is offline: please ask at the desk."

# Request type -> the policy name in the configuration's [offline] table.
POLICY_NAMES: dict[type[Message], str] = {
    PatronStatusRequest: "patron_status",
    PatronInformationRequest: "patron_status",
    CheckoutRequest: "checkout",
    CheckinRequest: "checkin",
    RenewRequest: "renew",
    RenewAllRequest: "renew",
    FeePaidRequest: "fee_paid",
    HoldRequest: "hold",
    ItemInformationRequest: "item_information",
    EndPatronSessionRequest: "end_session",
}
# What is written to the journal when accepted (the rest is only answered).
JOURNALED = (CheckoutRequest, CheckinRequest, RenewRequest, FeePaidRequest)


def accepts(policy: dict[str, str], request: Message) -> bool:
    name = POLICY_NAMES.get(type(request))
    return name is not None and policy.get(name) == "accept"


def offline_due_date(request: CheckoutRequest, now: datetime, loan_days: int) -> datetime:
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
        return RenewResponse(
            ok=False,
            transaction_date=now,
            institution_id=ao,
            patron_identifier=patron,
            item_identifier=item,
            screen_messages=(OFFLINE, NOT_OFFLINE),
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
            payment_accepted=False,
            transaction_date=now,
            institution_id=ao,
            patron_identifier=patron,
            transaction_id=request.transaction_id,
            screen_messages=(OFFLINE, NOT_OFFLINE),
        )
    if isinstance(request, HoldRequest):
        return HoldResponse(
            ok=False,
            transaction_date=now,
            institution_id=ao,
            patron_identifier=patron,
            screen_messages=(OFFLINE, NOT_OFFLINE),
        )
    if isinstance(request, ItemInformationRequest):
        return ItemInformationResponse(
            circulation_status="01",
            transaction_date=now,
            item_identifier=item,
            screen_messages=(OFFLINE,),
        )
    if isinstance(request, EndPatronSessionRequest):
        return EndSessionResponse(
            end_session=True, transaction_date=now, institution_id=ao, patron_identifier=patron
        )
    return None
