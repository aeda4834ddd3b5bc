"""SIP2 on the sandbox ILS, each request answered as Koha's SIP2 server answers it.

Koha's server (C4/SIP) is the model, field by field: which fields a response carries, its screen
messages (``koha_texts``), which of CanBookBeIssued's answers a self-check may override, the alert
types of a return. Where Koha's code would answer nonsense because of a plain bug, the sandbox
answers what the code means to; those places say so. Each request is a sandbox transaction of its
own, run in a worker thread so the event loop never waits on the database; requests that arrive
together share that thread's COMMIT (``group_commit``).

Times: the sandbox keeps instants; SIP2 dates are the library's wall-clock time (Koha writes them
with four blank zone characters). ``zone`` is the library's time zone, UTC unless told otherwise.
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, tzinfo
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from koha_bridge.sandbox import accounts, circulation, patrons
from koha_bridge.sandbox.clock import parse_api_datetime
from koha_bridge.sandbox.errors import SandboxError
from koha_bridge.sandbox.rules import preference
from koha_bridge.sandbox.verified_pins import VerifiedPins
from rfid_sip2.sip2.dates import format_date
from rfid_sip2.sip2.fields import PatronStatus
from rfid_sip2.sip2.messages import (
    BlockPatronRequest,
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
    ItemStatusUpdateRequest,
    ItemStatusUpdateResponse,
    Message,
    PatronEnableRequest,
    PatronEnableResponse,
    PatronInformationRequest,
    PatronInformationResponse,
    PatronStatusRequest,
    PatronStatusResponse,
    RenewAllRequest,
    RenewAllResponse,
    RenewRequest,
    RenewResponse,
    RequestSCResend,
)
from rfid_sip2.upstreams import koha_texts as koha
from rfid_sip2.upstreams.base import Terminal, UpstreamInDoubt, UpstreamUnavailable
from rfid_sip2.upstreams.group_commit import GroupCommit

if TYPE_CHECKING:
    from koha_bridge.sandbox.sandbox import Sandbox

Extra = list[tuple[str, str]]
_PRIVILEGES_DENIED = dict.fromkeys(
    (
        "charge_privileges_denied",
        "renewal_privileges_denied",
        "recall_privileges_denied",
        "hold_privileges_denied",
    ),
    True,
)
_DENIED = PatronStatus(**_PRIVILEGES_DENIED)  # Koha's "YYYY" for a card nobody has
_AMOUNT = re.compile(r"\d+(\.\d*)?|\.\d+")


@dataclass(frozen=True)
class PatronState:
    """What Koha's C4::SIP::ILS::Patron makes of a borrower: privileges, flags, greeting."""

    row: sqlite3.Row
    privileges_ok: bool  # charge_ok = renew_ok = recall_ok = hold_ok
    debarred: bool
    expired: bool
    fine_blocked: bool
    card_lost: bool  # lost card or gone with no address, as Koha reports it
    fines: float  # what the patron owes (BV)
    fee_limit: str  # noissuescharge (CC)
    balance: float
    screen_message: str

    @property
    def cardnumber(self) -> str:
        return self.row["cardnumber"] or ""

    @property
    def name(self) -> str:
        return f"{self.row['firstname'] or ''} {self.row['surname']}"

    @property
    def excessive_fines(self) -> bool:
        return self.fines > float(self.fee_limit)

    def status(self) -> PatronStatus:
        denied = not self.privileges_ok
        return PatronStatus(
            charge_privileges_denied=denied,
            renewal_privileges_denied=denied,
            recall_privileges_denied=denied,
            hold_privileges_denied=denied,
            card_reported_lost=self.card_lost,
            excessive_outstanding_fines=self.excessive_fines,
            excessive_outstanding_fees=self.excessive_fines,
        )


class SandboxUpstream:
    """The ``Upstream`` of a gateway whose ILS is the sandbox: Koha's SIP2 answers, locally.

    ``show_outstanding_amount`` is the Koha SIP account option of that name: fines are named in
    refused checkouts ("Patron has fines - You owe €7.50.") and in returns that charged one.
    """

    def __init__(
        self,
        sandbox: Sandbox,
        currency: str = "EUR",
        *,
        zone: tzinfo = UTC,
        show_outstanding_amount: bool = True,
    ) -> None:
        self.sandbox = sandbox
        self.currency = currency
        self.zone = zone
        self.show_outstanding_amount = show_outstanding_amount
        self.pins = VerifiedPins()  # a device sends the PIN with every request: hash it once
        self._transactions = GroupCommit(sandbox.store)
        self._handlers: dict[type[Message], Callable] = {
            PatronStatusRequest: self._patron_status,
            CheckoutRequest: self._checkout,
            CheckinRequest: self._checkin,
            BlockPatronRequest: self._block_patron,
            PatronInformationRequest: self._patron_information,
            EndPatronSessionRequest: self._end_session,
            FeePaidRequest: self._fee_paid,
            ItemInformationRequest: self._item_information,
            ItemStatusUpdateRequest: self._item_status_update,
            PatronEnableRequest: self._patron_enable,
            HoldRequest: self._hold,
            RenewRequest: self._renew,
            RenewAllRequest: self._renew_all,
        }

    # -- the Upstream protocol ------------------------------------------------------------

    async def handle(
        self, request: Message, terminal: Terminal, deadline: float | None = None
    ) -> Message:
        try:
            async with asyncio.timeout_at(deadline):
                return await self._transactions.run(lambda: self.answer(request, terminal))
        except TimeoutError:
            # Its thread cannot be stopped: the transaction may still commit.
            raise UpstreamInDoubt("the sandbox did not answer by the deadline") from None
        except sqlite3.Error as error:
            raise UpstreamUnavailable(f"sandbox database: {error}") from error

    async def healthy(self) -> bool:
        try:
            return await asyncio.to_thread(self._ping)
        except sqlite3.Error:
            return False

    async def close(self) -> None:
        """Stop the worker thread (the sandbox itself belongs to whoever made it)."""
        await self._transactions.close()

    def _ping(self) -> bool:
        self.sandbox.store.ping()
        return True

    def answer(self, request: Message, terminal: Terminal) -> Message:
        """The response to ``request``, in one sandbox transaction; 96 for what Koha skips."""
        handler = self._handlers.get(type(request))
        if handler is None:
            return RequestSCResend()
        with self.sandbox.store.transaction() as db:
            return handler(db, request, terminal)

    # -- time -----------------------------------------------------------------------------

    def _now(self) -> datetime:
        return self.sandbox.clock().astimezone(self.zone)

    def _wall(self, moment: datetime) -> datetime:
        """An instant as the library's clock shows it: what Koha writes in SIP2 dates."""
        return moment.astimezone(self.zone).replace(tzinfo=None)

    def _stamp(self) -> datetime:
        return self._wall(self._now())

    def _instant(self, value: datetime) -> datetime:
        """A device's date as an instant: naive dates are the library's local time."""
        return value.replace(tzinfo=self.zone) if value.tzinfo is None else value

    def _due(self, stored: str) -> str:
        """A due date as Koha's timestamp() writes it, to the minute."""
        return format_date(self._wall(parse_api_datetime(stored)).replace(second=0))

    @staticmethod
    def _day(iso: str) -> str:
        return date.fromisoformat(iso[:10]).strftime(koha.DATE_FORMAT)

    # -- look-ups -------------------------------------------------------------------------

    @staticmethod
    def _library(db: sqlite3.Connection, *candidates: str | None) -> str | None:
        """The first candidate that names one of the sandbox's libraries."""
        return next((c for c in candidates if circulation.is_library(db, c)), None)

    @staticmethod
    def _institution(request: Message, terminal: Terminal) -> str:
        return getattr(request, "institution_id", "") or terminal.institution_id

    def _pin_ok(self, patron: sqlite3.Row, pin: str | None) -> bool:
        return pin is not None and self.pins.verify(
            patron["patron_id"], pin, patron["password_hash"]
        )

    @staticmethod
    def _media_type(item: sqlite3.Row) -> str | None:
        return koha.SIP_MEDIA_TYPES.get(item["item_type_id"] or "")

    @staticmethod
    def _card(db: sqlite3.Connection, patron_id: int) -> str:
        return circulation.get_patron(db, patron_id)["cardnumber"] or ""

    # -- patrons --------------------------------------------------------------------------

    def _patron_state(self, db: sqlite3.Connection, row: sqlite3.Row) -> PatronState:
        """C4::SIP::ILS::Patron->new: privileges and the greeting with Koha's notes appended."""
        now = self._now()
        today = now.date()
        note, expired = "", False
        if row["expiry_date"]:
            days_left = (date.fromisoformat(row["expiry_date"][:10]) - today).days
            expires = self._day(row["expiry_date"])
            if days_left < 0:
                note, expired = koha.ACCOUNT_EXPIRED.format(date=expires), True
            elif days_left < koha.NOTIFY_BORROWER_DEPARTURE_DAYS:
                note = koha.CARD_WILL_EXPIRE.format(date=expires)
        debarred = circulation.restricted_until(row, now) is not None
        fines = accounts.outstanding_debt(db, row["patron_id"])
        fee_limit = preference(db, "noissuescharge")
        fine_blocked = fines > float(fee_limit)
        balance = accounts.balance(db, row["patron_id"])
        message = koha.GREETING + note
        if fine_blocked:
            message += koha.SEPARATOR + koha.BLOCKED_BY_FINES
        if debarred and row["restriction_comment"]:
            message += koha.SEPARATOR + row["restriction_comment"]
        # patronflags, in Patron.pm's order: CHARGES, CREDITS, GNA, LOST (each "noissues" but
        # CREDITS, and a noissues flag takes every privilege away).
        noissues = False
        if fines > 0:
            message += koha.SEPARATOR + koha.PATRON_OWES.format(amount=fines)
            noissues = fine_blocked
        elif balance < 0:
            message += koha.SEPARATOR + koha.PATRON_CREDIT.format(amount=-balance)
        if row["incorrect_address"]:
            message += koha.SEPARATOR + koha.NO_VALID_ADDRESS
            noissues = True
        if row["patron_card_lost"]:
            message += koha.SEPARATOR + koha.CARD_REPORTED_LOST
            noissues = True
        return PatronState(
            row=row,
            privileges_ok=not (debarred or expired or fine_blocked or noissues),
            debarred=debarred,
            expired=expired,
            fine_blocked=fine_blocked,
            card_lost=bool(row["patron_card_lost"] or row["incorrect_address"]),
            fines=fines,
            fee_limit=fee_limit,
            balance=balance,
            screen_message=message,
        )

    def _patron_status_response(
        self,
        state: PatronState | None,
        request: PatronStatusRequest | BlockPatronRequest,
        terminal: Terminal,
        *,
        language: str,
        pin: str | None,
        status: PatronStatus | None = None,
        message: str | None = None,
    ) -> PatronStatusResponse:
        """MsgType.pm build_patron_status, for 23 and 01."""
        institution = self._institution(request, terminal)
        if state is None:
            return PatronStatusResponse(
                patron_status=_DENIED,
                language=language,
                transaction_date=self._stamp(),
                institution_id=institution,
                patron_identifier=request.patron_identifier,
                personal_name="",
                valid_patron=False,
                screen_messages=(koha.INVALID_CARD,),
            )
        pin_ok = self._pin_ok(state.row, pin) if pin else False
        text = state.screen_message if message is None else message
        if pin and not pin_ok:
            text += koha.SEPARATOR + koha.INVALID_PW
        return PatronStatusResponse(
            patron_status=status or state.status(),
            language=language,
            transaction_date=self._stamp(),
            institution_id=institution,
            patron_identifier=state.cardnumber,
            personal_name=state.name,
            valid_patron=True,
            valid_patron_password=pin_ok,
            currency_type=self.currency,
            fee_amount=f"{state.fines:.2f}",
            screen_messages=(text,),
        )

    def _patron_status(self, db, request: PatronStatusRequest, terminal: Terminal) -> Message:
        row = patrons.find_by_identifier(db, request.patron_identifier)
        state = self._patron_state(db, row) if row is not None else None
        return self._patron_status_response(
            state, request, terminal, language=request.language, pin=request.patron_password
        )

    def _block_patron(self, db, request: BlockPatronRequest, terminal: Terminal) -> Message:
        """Koha's Patron->block denies every privilege in the answer and stores nothing."""
        row = patrons.find_by_identifier(db, request.patron_identifier)
        if row is None:  # Koha dies here ($patron->language on undef); answer as for 23
            return self._patron_status_response(None, request, terminal, language="000", pin=None)
        state = self._patron_state(db, row)
        blocked = replace(state.status(), **_PRIVILEGES_DENIED)
        return self._patron_status_response(
            state,
            request,
            terminal,
            language="000",
            pin=None,
            status=blocked,
            message=koha.BLOCK_NOT_IMPLEMENTED,
        )

    def _patron_enable(self, db, request: PatronEnableRequest, terminal: Terminal) -> Message:
        """Koha's Patron->enable restores privileges in the answer only, PIN permitting."""
        institution = self._institution(request, terminal)
        row = patrons.find_by_identifier(db, request.patron_identifier)
        if row is None:
            return PatronEnableResponse(
                patron_status=_DENIED,
                transaction_date=self._stamp(),
                institution_id=institution,
                patron_identifier=request.patron_identifier,
                personal_name="",
                valid_patron=False,
                valid_patron_password=False,
            )
        state = self._patron_state(db, row)
        pin = request.patron_password
        status, message = state.status(), state.screen_message
        if pin is None or self._pin_ok(row, pin):
            status = replace(status, **dict.fromkeys(_PRIVILEGES_DENIED, False))
            message = koha.ENABLE_NOT_IMPLEMENTED
        return PatronEnableResponse(
            patron_status=status,
            transaction_date=self._stamp(),
            institution_id=institution,
            patron_identifier=state.cardnumber,
            personal_name=state.name,  # Koha sends AE empty unless ae_field_template is set
            valid_patron=True,
            valid_patron_password=None if pin is None else self._pin_ok(row, pin),
            screen_messages=(message,),
        )

    def _patron_information(
        self, db, request: PatronInformationRequest, terminal: Terminal
    ) -> Message:
        """MsgType.pm handle_patron_info: counts, the one list the summary asks for, contacts."""
        institution = self._institution(request, terminal)
        row = patrons.find_by_identifier(db, request.patron_identifier)
        if row is None:
            return PatronInformationResponse(
                patron_status=_DENIED,
                language=request.language,
                transaction_date=self._stamp(),
                **dict.fromkeys(_COUNTS, 0),
                institution_id=institution,
                patron_identifier=request.patron_identifier,
                personal_name="",
                valid_patron=False,
                screen_messages=(koha.INVALID_CARD,),
            )
        state = self._patron_state(db, row)
        lists = _PatronLists(db, row, self._now())
        pin = request.patron_password
        pin_ok = self._pin_ok(row, pin) if pin is not None else None
        message = state.screen_message
        if pin is not None and not pin_ok:
            message += koha.SEPARATOR + koha.INVALID_PW
        details = lists.summary(request.summary, request.start_item, request.end_item)
        extra: Extra = []
        if row["date_of_birth"]:
            extra.append((koha.FIELD_PATRON_BIRTHDATE, row["date_of_birth"][:10].replace("-", "")))
        extra.append((koha.FIELD_PATRON_CLASS, row["category_id"]))
        # Koha's inet privileges: lost with every other privilege.
        extra.append((koha.FIELD_INTERNET_PROFILE, "Y" if state.privileges_ok else "N"))
        address = " ".join(
            row[column] for column in ("address", "city", "postal_code", "country") if row[column]
        )
        language = request.language if len(request.language) == 3 else "000"
        return PatronInformationResponse(
            patron_status=state.status(),
            language=language,
            transaction_date=self._stamp(),
            hold_items_count=len(lists.holds_waiting),
            overdue_items_count=len(lists.overdue),
            charged_items_count=len(lists.charged),
            fine_items_count=len(lists.fines),
            recall_items_count=0,
            unavailable_holds_count=len(lists.holds_unavailable),
            institution_id=institution,
            patron_identifier=state.cardnumber,
            personal_name=state.name,
            valid_patron=True,
            valid_patron_password=pin_ok,
            currency_type=self.currency,
            fee_amount=f"{state.fines:.2f}",
            fee_limit=state.fee_limit,
            home_address=address or None,
            email_address=row["email"] or None,
            home_phone_number=row["phone"] or None,
            screen_messages=(message,),
            extra_fields=tuple(extra),
            **details,
        )

    def _end_session(self, db, request: EndPatronSessionRequest, terminal: Terminal) -> Message:
        return EndSessionResponse(
            end_session=True,
            transaction_date=self._stamp(),
            institution_id=self._institution(request, terminal),
            patron_identifier=request.patron_identifier,
            screen_messages=(koha.THANK_YOU,),
        )

    # -- checkout -------------------------------------------------------------------------

    def _checkout(self, db, request: CheckoutRequest, terminal: Terminal) -> Message:
        """ILS.pm checkout and Transaction/Checkout.pm do_checkout, in their order."""
        patron = patrons.find_by_identifier(db, request.patron_identifier)
        item = circulation.item_by_barcode(db, request.item_identifier)

        def refused(message: str) -> CheckoutResponse:
            extra: Extra = [(koha.FIELD_VALID_PATRON, "Y" if patron is not None else "N")]
            if patron is not None and request.patron_password is not None:
                pin_ok = self._pin_ok(patron, request.patron_password)
                extra.append((koha.FIELD_VALID_PATRON_PASSWORD, "Y" if pin_ok else "N"))
            return CheckoutResponse(
                ok=False,
                renewal_ok=False,
                magnetic_media=None,
                desensitize=False,
                transaction_date=self._stamp(),
                institution_id=self._institution(request, terminal),
                patron_identifier=request.patron_identifier,
                item_identifier=request.item_identifier,
                title_identifier=circulation.title_of(db, item) if item is not None else "",
                due_date="",
                screen_messages=(message,),
                extra_fields=tuple(extra),
            )

        if patron is None:
            return refused(koha.INVALID_PATRON)
        forced = request.no_block and request.nb_due_date is not None
        if (
            not forced
            and request.patron_password
            and not self._pin_ok(patron, request.patron_password)
        ):
            return refused(koha.INVALID_PATRON_PASSWORD)  # the sandbox's own: Koha ignores AD
        if item is None:
            return refused(koha.INVALID_ITEM)
        library = self._library(db, terminal.location, self._institution(request, terminal))
        if forced:
            return self._checkout_no_block(db, request, terminal, patron, item, library)
        state = self._patron_state(db, patron)
        if not state.privileges_ok:
            return refused(self._charge_denied(state))
        loan = circulation.loan_of(db, item["item_id"])
        if loan is not None and loan["patron_id"] != patron["patron_id"]:
            return refused(koha.CHECKED_OUT_TO_ANOTHER)  # AllowItemsOnLoanCheckoutSIP is off
        now = self._now()
        found = circulation.availability(db, patron["patron_id"], item["item_id"], now)
        refusal, message = self._issue_verdict(found)
        if refusal:
            return refused(message)
        renewing = loan is not None
        circulation.checkout(
            db,
            patron_id=patron["patron_id"],
            item_id=item["item_id"],
            when=now,
            library_id=library,
            confirmed=True,  # only RENEW_ISSUE can be left to confirm here
            found=found,
        )
        return self._lent(db, request, terminal, item, renewing=renewing, message=message)

    def _charge_denied(self, state: PatronState) -> str:
        """Why ILS.pm refuses a patron whose charge privileges are denied."""
        if state.debarred:
            return koha.PATRON_DEBARRED
        if state.expired:
            return koha.PATRON_EXPIRED_ON.format(date=self._day(state.row["expiry_date"]))
        if state.fine_blocked:
            message = koha.PATRON_HAS_FINES
            if self.show_outstanding_amount and state.balance:
                message += koha.YOU_OWE.format(amount=koha.price(state.balance, self.currency))
            return message
        return koha.PATRON_BLOCKED

    @staticmethod
    def _issue_verdict(found: circulation.Availability) -> tuple[bool, str]:
        """do_checkout's reading of CanBookBeIssued: (refused, screen message)."""
        blockers = [code for code in found.blockers if code.isupper()]
        if blockers:
            return True, koha.ISSUE_FAILED.format(code=blockers[0])
        refused, message = False, ""
        for code in (code for code in found.confirms if code.isupper()):
            if code in koha.ALLOWED_CONFIRMATIONS:
                message = koha.RENEWING
                continue
            refused = True
            message = koha.CONFIRMATION_REFUSALS.get(code) or koha.CANNOT_BE_ISSUED.format(
                code=code
            )
            if code in koha.FINAL_CONFIRMATIONS or code not in koha.CONFIRMATION_REFUSALS:
                break
        return refused, message

    def _checkout_no_block(
        self,
        db,
        request: CheckoutRequest,
        terminal: Terminal,
        patron: sqlite3.Row,
        item: sqlite3.Row,
        library: str | None,
    ) -> Message:
        """Koha's no-block checkout (a no block flag with a no-block due date): the patron has
        the item already, so it is lent whatever blocks it, dated when it happened and due when
        the device said (Koha's ProcessOfflineIssue, bug 32934). What would have refused it is
        still said."""
        when = self._instant(request.transaction_date) if request.transaction_date else None
        when = when or self._now()
        due = self._instant(request.nb_due_date)
        found = circulation.availability(db, patron["patron_id"], item["item_id"], when)
        _refused, message = self._issue_verdict(found)
        circulation.checkout(
            db,
            patron_id=patron["patron_id"],
            item_id=item["item_id"],
            when=when,
            library_id=library,
            confirmed=True,
            ignore_blocks=frozenset(code for code in found.blockers if code.isupper()),
            due=due,
            found=found,
        )
        return self._lent(db, request, terminal, item, renewing=False, message=message)

    def _lent(
        self,
        db,
        request: CheckoutRequest,
        terminal: Terminal,
        item: sqlite3.Row,
        *,
        renewing: bool,
        message: str,
    ) -> CheckoutResponse:
        loan = circulation.loan_of(db, item["item_id"])
        return CheckoutResponse(
            ok=True,
            renewal_ok=renewing,
            magnetic_media=False,  # Koha never knows an item to be magnetic
            desensitize=True,
            transaction_date=self._stamp(),
            institution_id=self._institution(request, terminal),
            patron_identifier=request.patron_identifier,
            item_identifier=request.item_identifier,
            title_identifier=circulation.title_of(db, item),
            due_date=self._due(loan["due_date"]) if loan is not None else "",
            media_type=self._media_type(item),
            screen_messages=(message,) if message else (),
        )

    # -- checkin --------------------------------------------------------------------------

    def _checkin(self, db, request: CheckinRequest, terminal: Terminal) -> Message:
        """ILS.pm checkin and Transaction/Checkin.pm do_checkin."""
        institution = self._institution(request, terminal)
        item = circulation.item_by_barcode(db, request.item_identifier)
        if item is None:
            return CheckinResponse(
                ok=False,
                resensitize=False,
                magnetic_media=None,
                alert=True,
                transaction_date=self._stamp(),
                institution_id=institution,
                item_identifier=request.item_identifier,
                screen_messages=(koha.INVALID_ITEM,),
                extra_fields=((koha.FIELD_ALERT_TYPE, koha.ALERT_OTHER),),
            )
        extra: Extra = []
        if item["callnumber"]:
            extra.append((koha.FIELD_CALL_NUMBER, item["callnumber"]))
        response = CheckinResponse(
            resensitize=True,  # Koha: resensitize unless magnetic, which it never knows of
            magnetic_media=False,
            transaction_date=self._stamp(),
            institution_id=institution,
            item_identifier=request.item_identifier,
            permanent_location=item["home_library_id"] or "",
            title_identifier=circulation.title_of(db, item),
            media_type=self._media_type(item),
        )
        if item["withdrawn"]:  # BlockReturnOfWithdrawnItems is on by default: nothing changes
            extra.append((koha.FIELD_ALERT_TYPE, koha.ALERT_OTHER))
            return _with(
                response, ok=False, alert=True, messages=[koha.WITHDRAWN_RETURN], extra=extra
            )
        library = (
            self._library(db, request.current_location, terminal.location, institution)
            or (item["home_library_id"])
        )
        when = request.return_date or (request.transaction_date if request.no_block else None)
        result = circulation.checkin(
            db, item["item_id"], library, self._instant(when) if when else self._now()
        )
        # Checkin.pm: 04 for an item sent home, then 01/02 when a hold claims it instead.
        alert_type, destination, holder = None, result.transfer_to, None
        if result.transfer_to:
            alert_type = koha.ALERT_SEND_ELSEWHERE
        if result.hold is not None:
            here = result.hold.waiting_here
            alert_type = koha.ALERT_HOLD_HERE if here else koha.ALERT_HOLD_ELSEWHERE
            destination = result.hold.pickup_library_id
            holder = circulation.get_patron(db, result.hold.patron_id)
            extra.append((koha.FIELD_HOLD_PATRON_ID, holder["cardnumber"] or ""))
        if destination:
            extra.append((koha.FIELD_DESTINATION, destination))
        if holder is not None:
            extra.append((koha.FIELD_HOLD_PATRON_NAME, _hold_patron_name(holder)))
        if alert_type:
            extra.append((koha.FIELD_ALERT_TYPE, alert_type))
        messages = []
        if not result.was_on_loan:
            messages.append(koha.ITEM_NOT_CHECKED_OUT)
        elif self.show_outstanding_amount:
            owed = accounts.overdue_owed(db, result.patron_id, item["item_id"])
            if owed > 0:  # Koha says "You owe 0.00" too: its result set is always true
                amount = koha.price(owed, self.currency)
                messages.append(koha.YOU_OWE_FOR_ITEM.format(amount=amount))
        return _with(
            response,
            ok=result.was_on_loan,
            alert=not result.was_on_loan or alert_type is not None,
            patron=self._card(db, result.patron_id) if result.was_on_loan else None,
            messages=messages,
            extra=extra,
        )

    # -- items ----------------------------------------------------------------------------

    def _item_information(self, db, request: ItemInformationRequest, terminal: Terminal):
        """MsgType.pm handle_item_information with Item.pm's circulation status."""
        item = circulation.item_by_barcode(db, request.item_identifier)
        if item is None:
            return ItemInformationResponse(
                circulation_status=koha.STATUS_OTHER,
                security_marker=koha.SECURITY_MARKER_UNKNOWN,
                fee_type=koha.FEE_TYPE_OTHER,
                transaction_date=self._stamp(),
                item_identifier=request.item_identifier,
                title_identifier="",
            )
        loan = circulation.loan_of(db, item["item_id"])
        attached = circulation.attached_hold(db, item["item_id"])
        status = _circulation_status(item, loan, attached)
        queue = circulation.hold_count(db, item["biblio_id"])
        pickup_by = None
        if attached is not None and attached["status"] == "W" and attached["expiration_date"]:
            pickup_by = datetime.combine(date.fromisoformat(attached["expiration_date"]), time())
        return ItemInformationResponse(
            circulation_status=status,
            security_marker=koha.SECURITY_MARKER,
            fee_type=koha.FEE_TYPE_OTHER,
            transaction_date=self._stamp(),
            hold_queue_length=str(queue) if queue else None,
            due_date=self._due(loan["due_date"]) if loan is not None else None,
            hold_pickup_date=pickup_by,
            item_identifier=item["external_id"],
            title_identifier=circulation.title_of(db, item),
            owner=item["home_library_id"],
            media_type=self._media_type(item),
            permanent_location=item["home_library_id"],
            current_location=item["holding_library_id"],  # Koha's Item.pm leaves it unset
            screen_messages=(koha.ITEM_DAMAGED,) if status == koha.STATUS_OTHER else (),
        )

    def _item_status_update(self, db, request: ItemStatusUpdateRequest, terminal: Terminal):
        """Item.pm status_update: accepted and echoed, stored nowhere (Koha says it does not
        support 19 in its ACS status, and answers it so)."""
        item = circulation.item_by_barcode(db, request.item_identifier)
        if item is None:
            return ItemStatusUpdateResponse(
                item_properties_ok=False,
                transaction_date=self._stamp(),
                item_identifier=request.item_identifier,
            )
        return ItemStatusUpdateResponse(
            item_properties_ok=True,
            transaction_date=self._stamp(),
            item_identifier=item["external_id"],
            title_identifier=circulation.title_of(db, item),
            item_properties=request.item_properties or None,
        )

    # -- renewals -------------------------------------------------------------------------

    def _renew(self, db, request: RenewRequest, terminal: Terminal) -> Message:
        """ILS.pm renew with Transaction/Renew.pm: only an item the patron has; AD and AJ are
        not looked at, no block is only logged."""
        institution = self._institution(request, terminal)
        patron = patrons.find_by_identifier(db, request.patron_identifier)
        item = circulation.item_by_barcode(db, request.item_identifier)
        state = self._patron_state(db, patron) if patron is not None else None
        loan = circulation.loan_of(db, item["item_id"]) if item is not None else None
        mine = loan is not None and patron is not None and loan["patron_id"] == patron["patron_id"]

        def refused(message: str) -> RenewResponse:
            return RenewResponse(
                ok=False,
                renewal_ok=False,
                magnetic_media=None,
                desensitize=False,
                transaction_date=self._stamp(),
                institution_id=institution,
                patron_identifier=state.cardnumber if state else request.patron_identifier,
                item_identifier=item["external_id"] if mine else request.item_identifier or "",
                title_identifier=circulation.title_of(db, item)
                if mine
                else request.title_identifier or "",
                due_date="",
                screen_messages=(message,),
            )

        if state is None:
            return refused(koha.INVALID_PATRON_BARCODE)
        if not state.privileges_ok:
            return refused(koha.RENEWALS_NOT_ALLOWED)
        if not mine:
            return refused(koha.NOT_CHECKED_OUT_TO.format(name=state.name))
        now = self._now()
        allowed, reason = circulation.can_renew(db, loan, now)
        if not allowed:
            return refused(koha.RENEWAL_REFUSALS.get(reason, reason))
        circulation.renew(db, loan["checkout_id"], now)
        return RenewResponse(
            ok=True,
            renewal_ok=True,
            magnetic_media=False,
            desensitize=False,  # ILS.pm renew: desensitize(0)
            transaction_date=self._stamp(),
            institution_id=institution,
            patron_identifier=state.cardnumber,
            item_identifier=item["external_id"],
            title_identifier=circulation.title_of(db, item),
            due_date=self._due(circulation.loan_of(db, item["item_id"])["due_date"]),
            media_type=self._media_type(item) or "",
        )

    def _renew_all(self, db, request: RenewAllRequest, terminal: Terminal) -> Message:
        """ILS.pm renew_all with RenewAll.pm: each loan renewed or not, no message per item."""
        institution = self._institution(request, terminal)
        patron = patrons.find_by_identifier(db, request.patron_identifier)

        def refused(message: str) -> RenewAllResponse:
            return RenewAllResponse(
                ok=False,
                transaction_date=self._stamp(),
                institution_id=institution,
                screen_messages=(message,),
            )

        if patron is None:
            return refused(koha.INVALID_PATRON_BARCODE)
        if not self._patron_state(db, patron).privileges_ok:
            return refused(koha.RENEWALS_NOT_ALLOWED)
        now = self._now()
        renewed, unrenewed = [], []
        for loan in circulation.pending_checkouts(db, patron["patron_id"]):
            barcode = circulation.get_item(db, loan["item_id"])["external_id"] or ""
            allowed, _reason = circulation.can_renew(db, loan, now)
            if allowed:
                circulation.renew(db, loan["checkout_id"], now)
                renewed.append(barcode)
            else:
                unrenewed.append(barcode)
        return RenewAllResponse(
            ok=True,
            renewed_count=len(renewed),
            unrenewed_count=len(unrenewed),
            transaction_date=self._stamp(),
            institution_id=institution,
            renewed_items=tuple(renewed),
            unrenewed_items=tuple(unrenewed),
        )

    # -- fees -----------------------------------------------------------------------------

    def _fee_paid(self, db, request: FeePaidRequest, terminal: Terminal) -> Message:
        """ILS.pm pay_fee with FeePayment.pm: Koha::Account->pay, overpaying allowed (the
        account option disallow_overpayment is off by default), CG naming an existing line."""
        patron = patrons.find_by_identifier(db, request.patron_identifier)

        def answer(accepted: bool, message: str | None = None) -> FeePaidResponse:
            return FeePaidResponse(
                payment_accepted=accepted,
                transaction_date=self._stamp(),
                institution_id=self._institution(request, terminal),
                patron_identifier=request.patron_identifier,
                transaction_id=request.transaction_id or None,
                screen_messages=(message,) if message else (),
            )

        if patron is None:
            return answer(False, koha.INVALID_PATRON_BARCODE)
        if request.fee_identifier and not accounts.line_exists(db, request.fee_identifier.strip()):
            return answer(False)
        amount = _amount(request.fee_amount)
        if amount is None or amount <= 0:
            return answer(False, koha.AMOUNT_NOT_POSITIVE)
        accounts.pay(
            db,
            patron_id=patron["patron_id"],
            amount=float(amount),
            when=self._now(),
            payment_type=f"SIP{request.payment_type}",
            library_id=self._library(db, terminal.location, self._institution(request, terminal)),
            interface="sip",
        )
        return answer(True)

    # -- holds ----------------------------------------------------------------------------

    def _hold(self, db, request: HoldRequest, terminal: Terminal) -> Message:
        """MsgType.pm handle_hold with ILS.pm add_hold/cancel_hold and Transaction/Hold.pm."""
        institution = self._institution(request, terminal)
        patron = patrons.find_by_identifier(db, request.patron_identifier)

        def refused(message: str | None) -> HoldResponse:
            return HoldResponse(
                ok=False,
                available=False,
                transaction_date=self._stamp(),
                institution_id=institution,
                patron_identifier=request.patron_identifier,
                screen_messages=(message,) if message else (),
            )

        if request.hold_mode not in "+-*" or len(request.hold_mode) != 1:
            return refused(koha.SYSTEM_ERROR)
        if patron is None:
            return refused(koha.INVALID_PATRON_BARCODE)
        if request.hold_mode == "*":  # alter_hold looks for an item_id its holds never carry
            return refused(koha.NO_SUCH_OUTSTANDING_HOLD)
        # Koha looks the title identifier up as a barcode too.
        item = circulation.item_by_barcode(db, request.item_identifier or request.title_identifier)
        if item is None:
            return refused(koha.NO_SUCH_ITEM)
        available = circulation.available_for(db, item, patron["patron_id"])
        now = self._now()
        messages = []
        if request.hold_mode == "+":
            if accounts.outstanding_debt(db, patron["patron_id"]) > koha.MAXOUTSTANDING:
                messages.append(koha.EXCESSIVE_FEES_HOLD)
            pickup = request.pickup_location or patron["library_id"]
            try:
                hold_id = circulation.place_hold(
                    db,
                    patron_id=patron["patron_id"],
                    biblio_id=item["biblio_id"],
                    pickup_library_id=pickup,
                    when=now,
                )
            except SandboxError:
                return refused(messages[0] if messages else None)
            position = circulation.hold_priority(db, hold_id)
        else:
            hold = circulation.patron_hold_on(db, patron["patron_id"], item)
            if hold is None:
                return refused(koha.DROP_HOLD_FAILED)
            circulation.cancel_hold(db, hold["hold_id"], now)
            messages.append(koha.HOLD_CANCELLED)
            position = None
        return HoldResponse(
            ok=True,
            available=available,
            transaction_date=self._stamp(),
            queue_position=str(position) if position else None,
            pickup_location=request.pickup_location or None,
            institution_id=institution,
            patron_identifier=patron["cardnumber"] or "",
            item_identifier=item["external_id"],
            title_identifier=circulation.title_of(db, item),
            screen_messages=tuple(messages),
        )


# -- helpers ------------------------------------------------------------------------------

_COUNTS = (
    "hold_items_count",
    "overdue_items_count",
    "charged_items_count",
    "fine_items_count",
    "recall_items_count",
    "unavailable_holds_count",
)


def _with(
    response: CheckinResponse,
    *,
    ok: bool,
    alert: bool,
    messages: list[str],
    extra: Extra,
    patron: str | None = None,
) -> CheckinResponse:
    return replace(
        response,
        ok=ok,
        alert=alert,
        patron_identifier=patron,
        screen_messages=tuple(messages),
        extra_fields=tuple(extra),
    )


def _hold_patron_name(patron: sqlite3.Row) -> str:
    """Item.pm hold_patron_name: "First Last (email, phone)"."""
    contacts = ", ".join(value for value in (patron["email"], patron["phone"]) if value)
    name = f"{patron['firstname']} " if patron["firstname"] else ""
    name += patron["surname"]
    return f"{name} ({contacts})" if contacts else name


def _circulation_status(
    item: sqlite3.Row, loan: sqlite3.Row | None, attached: sqlite3.Row | None
) -> str:
    """Item.pm sip_circulation_status, in its order. The sandbox keeps no transfers: an item in
    transit is one whose hold sends it ("T"), or one returned away from home and not yet back."""
    travelling_home = (
        loan is None
        and attached is None
        and item["home_library_id"]
        and item["holding_library_id"] != item["home_library_id"]
    )
    if (attached is not None and attached["status"] == "T") or travelling_home:
        return koha.STATUS_IN_TRANSIT
    if item["lost_status"]:
        return koha.STATUS_LOST
    if loan is not None:
        return koha.STATUS_CHARGED
    if attached is not None:
        return koha.STATUS_ON_HOLD_SHELF
    if item["location"] == "CART":
        return koha.STATUS_RESHELVING
    if item["damaged_status"]:
        return koha.STATUS_OTHER
    if item["not_for_loan_status"] < 0:
        return koha.STATUS_ON_ORDER
    return koha.STATUS_AVAILABLE


def _amount(text: str) -> Decimal | None:
    text = (text or "").strip()
    if not _AMOUNT.fullmatch(text):
        return None
    try:
        return Decimal(text).quantize(Decimal("0.01"))
    except InvalidOperation:
        return None


def _page(values: list[str], start: str | None, end: str | None) -> list[str]:
    """Patron.pm x_items: BP and BQ count from 1, either may be left out."""
    first = _number(start)
    last = _number(end)
    first = first - 1 if first and first > 1 else 0
    last = last if last and last < len(values) else len(values)
    return values[first:last]


def _number(text: str | None) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() else None


class _PatronLists:
    """The item lists of a Patron Information response, as Patron.pm gathers them."""

    def __init__(self, db: sqlite3.Connection, patron: sqlite3.Row, now: datetime) -> None:
        patron_id = patron["patron_id"]
        self.holds_waiting = circulation.waiting_hold_barcodes(db, patron_id)
        loans = circulation.pending_checkouts(db, patron_id)
        barcodes = circulation.loan_barcodes(db, patron_id)
        self.charged = [barcodes[loan["item_id"]] for loan in loans]
        overdue = [loan for loan in loans if parse_api_datetime(loan["due_date"]) < now]
        overdue.sort(key=lambda loan: parse_api_datetime(loan["due_date"]))
        self.overdue = [barcodes[loan["item_id"]] for loan in overdue]
        self.fines = [
            f"{line['description'] or ''} {line['amount_outstanding']:.2f}"
            for line in accounts.outstanding_lines(db, patron_id)
        ]
        self.holds_unavailable = circulation.unavailable_hold_barcodes(db, patron_id)

    def summary(self, summary: str, start: str | None, end: str | None) -> dict[str, tuple]:
        """The one list the first Y of the summary asks for (positions 0-5), paged."""
        position = summary.find("Y")
        fields = (
            ("hold_items", self.holds_waiting),
            ("overdue_items", self.overdue),
            ("charged_items", self.charged),
            ("fine_items", self.fines),
            ("recall_items", []),
            ("unavailable_hold_items", self.holds_unavailable),
        )
        if not 0 <= position < len(fields):
            return {}
        name, values = fields[position]
        return {name: tuple(_page(values, start, end))}
