"""A tiny ILS behind the Upstream interface: loans in a dict, and ways to fail on purpose."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from rfid_sip2.sip2.dates import format_date
from rfid_sip2.sip2.messages import (
    CheckinRequest,
    CheckinResponse,
    CheckoutRequest,
    CheckoutResponse,
    FeePaidRequest,
    FeePaidResponse,
    HoldRequest,
    ItemInformationRequest,
    ItemInformationResponse,
    Message,
    RenewRequest,
    RenewResponse,
)
from rfid_sip2.upstreams.base import Terminal, UpstreamInDoubt, UpstreamUnavailable

INSTITUTION = "CPL"
TERMINAL = Terminal("selfcheck-1", INSTITUTION, "CPL-HALL")
DUE = datetime(2024, 3, 15, 23, 59)  # every loan's first due date; each renewal adds 21 days


def terminal_for(entry) -> Terminal:
    return TERMINAL


def checkout(patron: str, item: str, when: datetime, **fields) -> CheckoutRequest:
    return CheckoutRequest(
        transaction_date=when,
        institution_id=INSTITUTION,
        patron_identifier=patron,
        item_identifier=item,
        **fields,
    )


def checkin(item: str, when: datetime, **fields) -> CheckinRequest:
    return CheckinRequest(
        transaction_date=when,
        current_location="CPL-HALL",
        institution_id=INSTITUTION,
        item_identifier=item,
        **fields,
    )


def renew(patron: str, item: str, when: datetime, **fields) -> RenewRequest:
    return RenewRequest(
        transaction_date=when,
        institution_id=INSTITUTION,
        patron_identifier=patron,
        item_identifier=item,
        **fields,
    )


def hold(patron: str, item: str, when: datetime, **fields) -> HoldRequest:
    return HoldRequest(
        transaction_date=when,
        institution_id=INSTITUTION,
        patron_identifier=patron,
        item_identifier=item,
        **fields,
    )


def fee_paid(patron: str, amount: str, when: datetime, **fields) -> FeePaidRequest:
    return FeePaidRequest(
        transaction_date=when,
        institution_id=INSTITUTION,
        patron_identifier=patron,
        fee_amount=amount,
        **fields,
    )


class Crash(BaseException):
    """The gateway process dying: nothing catches it, nothing after it runs."""


class FakeKoha:
    """Applies checkouts, checkins, renewals and payments to its own state, and says so.

    ``down_when(request)`` true: raises UpstreamUnavailable before applying the request.
    ``lose_answer_when(request)`` true: applies it, then raises UpstreamInDoubt.
    ``crash_when(request)`` true: applies it, then raises Crash (the process is killed).
    """

    def __init__(
        self,
        *,
        items: tuple[str, ...] = (),
        loans: dict[str, str] | None = None,
        patrons: tuple[str, ...] = (),
        healthy: bool = True,
    ) -> None:
        self.items = set(items) | set(loans or {})
        self.loans: dict[str, str] = dict(loans or {})
        self.patrons = set(patrons) | set((loans or {}).values())
        self.is_healthy = healthy
        self.received: list[Message] = []
        self.applied: list[tuple[str, str]] = []  # (what, item or patron)
        self.renewals: dict[str, int] = {}
        self.due: dict[str, str] = dict.fromkeys(self.loans, format_date(DUE))
        self.paid: list[tuple[str, str]] = []
        self.down_when: Callable[[Message], bool] = lambda request: False
        self.lose_answer_when: Callable[[Message], bool] = lambda request: False
        self.crash_when: Callable[[Message], bool] = lambda request: False
        self.on_request: Callable[[Message], None] = lambda request: None

    async def healthy(self) -> bool:
        return self.is_healthy

    async def close(self) -> None:
        pass

    def circulation(self) -> list[Message]:
        """What was sent, without the item status questions."""
        return [r for r in self.received if not isinstance(r, ItemInformationRequest)]

    async def handle(
        self, request: Message, terminal: Terminal, deadline: float | None = None
    ) -> Message:
        self.received.append(request)
        self.on_request(request)
        if self.down_when(request):
            raise UpstreamUnavailable("connection refused")
        response = self._apply(request)
        if self.lose_answer_when(request):
            raise UpstreamInDoubt("connection reset while waiting for the answer")
        if self.crash_when(request):
            raise Crash(f"killed after applying {request.CODE}")
        return response

    def _apply(self, request: Message) -> Message:
        if isinstance(request, ItemInformationRequest):
            item = request.item_identifier
            status = "04" if item in self.loans else ("03" if item in self.items else "01")
            return ItemInformationResponse(
                circulation_status=status,
                item_identifier=item,
                title_identifier="A title",
                due_date=self.due.get(item) if item in self.loans else None,
            )
        if isinstance(request, CheckoutRequest):
            patron, item = request.patron_identifier, request.item_identifier
            refused = self._refuse_checkout(patron, item)
            if refused:
                return CheckoutResponse(
                    ok=False,
                    patron_identifier=patron,
                    item_identifier=item,
                    screen_messages=refused,
                )
            self.loans[item] = patron
            self.due[item] = format_date(DUE)
            self.applied.append(("checkout", item))
            return CheckoutResponse(
                ok=True, patron_identifier=patron, item_identifier=item, due_date=self.due[item]
            )
        if isinstance(request, CheckinRequest):
            item = request.item_identifier
            if item not in self.loans:
                return CheckinResponse(
                    ok=False, item_identifier=item, screen_messages=("Item not checked out",)
                )
            del self.loans[item]
            self.applied.append(("checkin", item))
            return CheckinResponse(ok=True, item_identifier=item)
        if isinstance(request, RenewRequest):
            patron, item = request.patron_identifier, request.item_identifier or ""
            if self.loans.get(item) != patron:
                return RenewResponse(
                    ok=False, item_identifier=item, screen_messages=("Item not checked out",)
                )
            self.renewals[item] = self.renewals.get(item, 0) + 1
            self.due[item] = format_date(DUE + timedelta(days=21 * self.renewals[item]))
            self.applied.append(("renew", item))
            return RenewResponse(
                ok=True, patron_identifier=patron, item_identifier=item, due_date=self.due[item]
            )
        if isinstance(request, FeePaidRequest):
            self.paid.append((request.patron_identifier, request.fee_amount))
            self.applied.append(("payment", request.patron_identifier))
            return FeePaidResponse(
                payment_accepted=True, patron_identifier=request.patron_identifier
            )
        raise AssertionError(f"the fake ILS does not do {type(request).__name__}")

    def _refuse_checkout(self, patron: str, item: str) -> tuple[str, ...]:
        if patron not in self.patrons:
            return ("Invalid Patron",)
        if item not in self.items:
            return ("Invalid Item",)
        if self.loans.get(item, patron) != patron:
            return ("Item checked out to another patron",)
        return ()
