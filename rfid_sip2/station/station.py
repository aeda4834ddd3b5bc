"""The self-service station: the pad's tags, the patron's session and the SIP2 conversation.

One loop polls the pad; the kiosk's calls (``StationControl``) come in beside it. Both take
turns (one lock), so a session never changes under an item being circulated. The rules:

- security changes only after the library system said so: on loan only when a checkout said
  ok=1 and desensitize=Y, in the library when a checkin said resensitize=Y;
- a tag is circulated once per session (remembered by UID), and tags left lying on the pad
  when a session ends are not circulated by the next one until they are lifted;
- a failed security write puts the tag on the retry list (on disk) and alerts staff; the tag is
  fixed the next time it comes on the pad, in any mode.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from rfid_sip2.monitor import Monitor, Role
from rfid_sip2.rfid.readers.base import (
    InventoriedTag,
    Reader,
    ReaderError,
    ReaderUnavailable,
    TagGone,
)
from rfid_sip2.rfid.tags import ItemTag, UndecodableTag
from rfid_sip2.sip2.messages import (
    CheckinRequest,
    CheckinResponse,
    CheckoutRequest,
    CheckoutResponse,
    EndPatronSessionRequest,
    HoldRequest,
    HoldResponse,
    ItemInformationRequest,
    ItemInformationResponse,
    Message,
    PatronInformationResponse,
    RenewRequest,
    RenewResponse,
    SCStatus,
)
from rfid_sip2.station import events
from rfid_sip2.station.account import CHARGED, Known, Who, load_account, patron_information
from rfid_sip2.station.config import StationConfig
from rfid_sip2.station.control import (
    Hold,
    ItemLine,
    Mode,
    Notice,
    Outcome,
    Patron,
    Screen,
)
from rfid_sip2.station.ils import (
    Ils,
    IlsUnreachable,
    due_day,
    ils_message,
    said_offline,
)
from rfid_sip2.station.languages import kiosk_language
from rfid_sip2.station.mail import MailFailed, RenderReceipt, compose, send
from rfid_sip2.station.pad import Pad
from rfid_sip2.station.retry import PendingTag, RetryList, Wanted
from rfid_sip2.station.timings import Timings
from rfid_sip2.station.verdicts import (
    Verdict,
    checkin_verdict,
    checkout_verdict,
    missing_parts,
    not_ours,
)

# What the ILS answers to a change of the signed-in patron's account.
Answer = TypeVar("Answer", RenewResponse, HoldResponse)

CIRCULATING = (Mode.CHECKOUT, Mode.RETURN)
CHARGED_STATUS = "04"  # SIP2 circulation status of an item on loan


class Station:
    """Implements ``StationControl`` for the kiosk, and runs the pad (``run``)."""

    def __init__(
        self,
        config: StationConfig,
        reader: Reader,
        *,
        render_receipt: RenderReceipt | None = None,
        home: Mode = Mode.WELCOME,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        language: str = "en",
    ) -> None:
        self.config = config
        self.home = home  # WELCOME for a kiosk, RETURN for a book drop
        self.clock = clock
        self.default_language = language
        self.render_receipt = render_receipt
        self.timings = Timings()
        self.alerts = events.Alerts()
        self.pad = Pad(
            reader,
            security=config.security,
            tag_settings=config.tag_settings,
            tag_blocks=config.tag_blocks,
            timings=self.timings,
        )
        self.monitor = Monitor(Role.STATION)
        self.ils = Ils(config, self.timings, monitor=self.monitor)
        self.retry = RetryList(config.retry_list_path)
        self.monitor.retry_list = lambda: len(self.retry)
        self._screen = Screen(version=0, mode=home, language=language)
        self._bump = asyncio.Event()
        self._turn = asyncio.Lock()
        self._present: set[str] = set()  # UIDs in the last inventory
        self._leftover: set[str] = set()  # on the pad when the session began: not ours to touch
        self._reader_error = ""
        self._known: dict[str, Known] = {}  # item id -> title and due date
        self._new_session()
        if config.security.use_eas and not reader.eas_supported:
            events.log.warning(events.line("eas_not_supported", reader=type(reader).__name__))

    @property
    def offline_loans_unsecured(self) -> bool:
        """Whether loans the gateway records offline leave with their security off; when not,
        the kiosk tells the reader to show them at the desk."""
        return self.config.unsecure_offline_loans

    def _new_session(self) -> None:
        self._who: Who | None = None
        self._email: str | None = None
        self._card: str | None = None  # a patron card lying on the pad
        self._finished = False
        self._intent = Mode.CHECKOUT  # where the sign-in leads
        self._seen: set[str] = set()  # UIDs circulated (or judged) in this session
        self._tags: dict[str, ItemTag] = {}  # UIDs read in this session
        self._lines: dict[str, ItemLine] = {}  # by UID, in the order they came
        self._after_fix: dict[str, Outcome] = {}  # what a pending line becomes once secured

    # -- the screen -----------------------------------------------------------------------

    def screen(self) -> Screen:
        return self._screen

    async def changed(self, version: int) -> Screen:
        while self._screen.version <= version:
            await self._bump.wait()
        return self._screen

    def _show(self, **changes: object) -> None:
        self._screen = replace(self._screen, version=self._screen.version + 1, **changes)
        bump, self._bump = self._bump, asyncio.Event()
        bump.set()

    def _line(self, uid: str, line: ItemLine) -> None:
        self._lines[uid] = line
        self._show(items=tuple(self._lines.values()))
        self._touch()

    def _touch(self) -> None:
        """Activity: the idle reset moves on (none at home with nothing on the screen)."""
        idle = self._screen.mode == self.home and not self._lines and self._who is None
        at = None if idle else self.clock() + timedelta(seconds=self.config.idle_seconds)
        self._show(idle_reset_at=at)

    async def touch(self) -> None:
        """The reader is still there: the idle reset moves on."""
        self._touch()

    def set_language(self, language: str) -> None:
        if language in self._screen.languages:
            self._show(language=language)
            self._touch()

    # -- the pad --------------------------------------------------------------------------

    async def run(self, stop: asyncio.Event) -> None:
        """Poll the pad until ``stop`` is set; reset idle sessions; close reader and ILS."""
        events.event("station_started", reader=self.config.reader_url, home=self.home)
        try:
            while not stop.is_set():
                try:
                    await self.poll_once()
                    await self.reset_if_idle()
                except Exception:  # a fault of ours must not leave the kiosk without a pad
                    events.log.exception(events.line("poll_failed"))
                wait = (
                    self.config.poll_interval
                    if self._screen.reader_ok
                    else self.config.reader_retry_seconds
                )
                try:
                    async with asyncio.timeout(wait):
                        await stop.wait()
                except TimeoutError:
                    pass
        finally:
            await self.close()

    async def close(self) -> None:
        await self.ils.close()
        await self.pad.close()

    async def poll_once(self) -> None:
        """One inventory, and whatever the tags on the pad call for."""
        async with self._turn:
            try:
                tags = await self.pad.inventory()
            except ReaderUnavailable as error:
                self._reader_down(error)
                return
            except ReaderError as error:
                events.event("inventory_failed", error=error)
                return
            self.monitor.reader_is(up=True)
            if not self._screen.reader_ok:
                events.event("reader_back")
                self._reader_error = ""
                notice = None if self._screen.notice is Notice.READER_DOWN else self._screen.notice
                self._show(reader_ok=True, notice=notice, notice_detail="")
            on_pad = {tag.uid_hex: tag for tag in tags}
            appeared = [uid for uid in on_pad if uid not in self._present]
            self._present = set(on_pad)
            self._leftover &= self._present
            for uid in appeared:
                if uid in self.retry:
                    await self._fix(on_pad[uid])
            await self._handle(on_pad)

    def _reader_down(self, error: ReaderError) -> None:
        self.monitor.error(f"reader: {error}")
        self.monitor.reader_is(up=False)
        if self._screen.reader_ok or str(error) != self._reader_error:
            events.log.warning(events.line("reader_down", error=error))
        self._reader_error = str(error)
        self._present = set()  # while it is down, tags may come and go unseen
        self._show(reader_ok=False, notice=Notice.READER_DOWN, notice_detail=str(error))

    async def _handle(self, on_pad: dict[str, InventoriedTag]) -> None:
        waiting = [
            uid
            for uid in on_pad
            if uid not in self._seen and uid not in self._leftover and uid not in self.retry
        ]
        for uid in waiting:
            if uid not in self._tags:
                await self._read(on_pad[uid])
        cards = [uid for uid in waiting if uid in self._tags and self._is_card(uid)]
        for uid in cards:
            self._seen.add(uid)
            await self._card_seen(self._tags[uid])
        if self._screen.mode not in CIRCULATING:
            return
        groups: dict[str, list[str]] = {}
        for uid in waiting:
            if uid in self._tags and uid not in self._seen:
                groups.setdefault(self._tags[uid].item_id, []).append(uid)
        if groups and self.ils.resting:  # it failed a moment ago: the books wait, and it shows
            if self._screen.notice is not Notice.ILS_UNREACHABLE:
                self._show(notice=Notice.ILS_UNREACHABLE)
            return
        for item_id, uids in groups.items():
            if not await self._circulate(item_id, uids):
                return  # the ILS is unreachable: the rest waits for the next poll

    def _is_card(self, uid: str) -> bool:
        usage = self._tags[uid].usage
        return usage is not None and usage.is_patron_card

    async def _read(self, tag: InventoriedTag) -> None:
        """Read and decode the tag into ``_tags``; what cannot be read is shown or retried."""
        uid = tag.uid_hex
        with self.timings.item(uid):
            try:
                self._tags[uid] = await self.pad.read_tag(tag)
            except UndecodableTag as error:
                self._seen.add(uid)
                events.event("item", uid=uid, outcome=Outcome.UNREADABLE, reason=error)
                self._line(uid, ItemLine(item_id=uid, outcome=Outcome.UNREADABLE))
            except TagGone:
                pass  # lifted as it was read: read again when it is back
            except ReaderUnavailable as error:
                self._reader_down(error)
            except ReaderError as error:
                events.event("tag_read_failed", uid=uid, error=error)
        if uid in self._tags:
            self.timings.merge(uid, self._tags[uid].item_id)

    async def _card_seen(self, card: ItemTag) -> None:
        """A patron card on the pad: its number is the one to sign in with; at the welcome
        screen it starts the sign-in, and where no PIN is asked it signs in at once."""
        if self._who is not None:
            return
        self._card = card.item_id
        events.event("patron_card", mode=self._screen.mode)
        self._show(card_on_pad=True)
        if self._screen.mode is Mode.WELCOME:
            self._show(mode=Mode.SIGN_IN, notice=None, notice_detail="")
            self._touch()
        if self._screen.mode is Mode.SIGN_IN and not self.config.pin_required:
            await self._sign_in(card.item_id, "")

    # -- circulation ----------------------------------------------------------------------

    async def _circulate(self, item_id: str, uids: list[str]) -> bool:
        """Check one item (all its parts on the pad) out or in; False when the ILS is
        unreachable (nothing done, the tags wait)."""
        tags = [self._tags[uid] for uid in uids]
        first = tags[0]
        if not_ours(first, self.config.owner_isils):
            self._judged(uids, Outcome.NOT_OURS, owner=first.owner_isil or "-")
            return True
        missing = missing_parts(tags)
        if missing and self.config.refuse_incomplete_sets:
            for uid, tag in zip(uids, tags, strict=True):
                line = self._item_line(tag, Outcome.PARTS_MISSING)
                if self._lines.get(uid) != line:
                    events.event("item", uid=uid, item=item_id, outcome=Outcome.PARTS_MISSING)
                    self._line(uid, line)
            return True  # not seen: circulated once the other parts come
        for uid, tag in zip(uids, tags, strict=True):
            self._line(uid, self._item_line(tag, Outcome.WORKING))
        with self.timings.item(item_id):
            try:
                if self._screen.mode is Mode.CHECKOUT:
                    await self._check_out(item_id, uids, missing)
                else:
                    await self._check_in(item_id, uids)
            except IlsUnreachable as error:
                for uid in uids:
                    self._lines.pop(uid, None)
                events.event("item", item=item_id, outcome="not_sent", error=error)
                self._show(
                    items=tuple(self._lines.values()),
                    notice=Notice.ILS_UNREACHABLE,
                    notice_detail=str(error),
                )
                return False
        self._seen.update(uids)
        return True

    def _item_line(self, tag: ItemTag, outcome: Outcome, **fields: object) -> ItemLine:
        known = self._known.get(tag.item_id)
        return ItemLine(
            item_id=tag.item_id,
            title=known.title if known else "",
            outcome=outcome,
            part=tag.part,
            parts=tag.parts,
            **fields,
        )

    def _judged(self, uids: list[str], outcome: Outcome, **log: object) -> None:
        for uid in uids:
            self._seen.add(uid)
            tag = self._tags[uid]
            events.event("item", uid=uid, item=tag.item_id, outcome=outcome, **log)
            self._line(uid, self._item_line(tag, outcome))

    async def _offline_now(self) -> bool:
        """Whether the ILS is offline, asked of the gateway (98) unless already known."""
        if self._screen.offline:
            return True
        response = await self.ils.ask(SCStatus())
        self._note_offline(response)
        return self._screen.offline

    def _note_offline(self, response: Message) -> None:
        offline = said_offline(response)
        if offline != self._screen.offline:
            events.event("ils_offline" if offline else "ils_online")
            notice = Notice.OFFLINE if offline else None
            if not offline and self._screen.notice is not Notice.OFFLINE:
                notice = self._screen.notice
            self._show(offline=offline, notice=notice, notice_detail="")
        elif self._screen.notice is Notice.ILS_UNREACHABLE:
            self._show(notice=Notice.OFFLINE if offline else None, notice_detail="")

    async def _check_out(self, item_id: str, uids: list[str], missing: list[int]) -> None:
        usage = self._tags[uids[0]].usage
        if usage is not None and usage.not_for_issue_offline and await self._offline_now():
            self._judged(uids, Outcome.REFUSED, reason="not_for_issue_offline")
            return
        response = await self.ils.change(
            CheckoutRequest(
                transaction_date=self.ils.stamp(),
                institution_id=self.config.institution_id,
                patron_identifier=self._who.patron_id,
                item_identifier=item_id,
                terminal_password=self.config.terminal_password,
            )
        )
        self._note_offline(response)
        if isinstance(response, CheckoutResponse):
            self._known[item_id] = Known(response.title_identifier, response.due_date)
        verdict = checkout_verdict(
            response, unsecure_offline_loans=self.config.unsecure_offline_loans
        )
        await self._apply(uids, verdict, note="parts_missing" if missing else "")

    async def _check_in(self, item_id: str, uids: list[str]) -> None:
        usage = self._tags[uids[0]].usage
        if usage is not None and usage.not_for_return_offline and await self._offline_now():
            self._judged(uids, Outcome.REFUSED, reason="not_for_return_offline")
            return
        stamp = self.ils.stamp()
        response = await self.ils.change(
            CheckinRequest(
                transaction_date=stamp,
                return_date=stamp,
                current_location=self.config.location,
                institution_id=self.config.institution_id,
                item_identifier=item_id,
                terminal_password=self.config.terminal_password,
            )
        )
        self._note_offline(response)
        if isinstance(response, CheckinResponse) and response.title_identifier:
            self._known[item_id] = Known(response.title_identifier)
        await self._apply(uids, checkin_verdict(response))

    async def _apply(self, uids: list[str], verdict: Verdict, note: str = "") -> None:
        """Write the security the verdict wants to each part, then its line and log line."""
        for uid in uids:
            outcome = verdict.outcome
            if verdict.wanted and not await self._secure(uid, verdict.wanted, outcome):
                outcome = Outcome.SECURITY_PENDING
            tag = self._tags[uid]
            timing = self.timings.items.get(tag.item_id)
            events.event(
                "item",
                mode=self._screen.mode,
                uid=uid,
                item=tag.item_id,
                part=f"{tag.part}/{tag.parts}",
                outcome=outcome,
                security=verdict.wanted or "unchanged",
                **({"note": note} if note else {}),
                reader_ms=f"{timing.reader * 1000:.1f}" if timing else "-",
                sip2_ms=f"{timing.sip2 * 1000:.1f}" if timing else "-",
            )
            line = self._item_line(
                tag,
                outcome,
                due=verdict.due,
                ils_message=verdict.ils_message,
                sort_bin=verdict.sort_bin,
                destination=verdict.destination,
                show_at_desk=verdict.show_at_desk,
            )
            self._line(uid, line)

    async def _secure(self, uid: str, wanted: Wanted, done: Outcome) -> bool:
        """Write the security state; on failure the tag goes on the retry list and staff are
        alerted. ``done`` is what its line becomes once it is fixed."""
        try:
            await self.pad.secure(bytes.fromhex(uid), wanted)
            return True
        except ReaderError as error:
            tag = self._tags[uid]
            self.retry.add(
                PendingTag(
                    uid=uid,
                    item_id=tag.item_id,
                    wanted=wanted,
                    since=self.clock().isoformat(timespec="seconds"),
                    reason=f"{type(error).__name__}: {error}",
                )
            )
            self._after_fix[uid] = done
            self.alerts.raise_alert(
                "security_write_failed",
                uid=uid,
                item=tag.item_id,
                wanted=wanted,
                error=type(error).__name__,
                pending=len(self.retry),
            )
            self.monitor.error(f"security write failed: item {tag.item_id}: {error}")
            if isinstance(error, TagGone):
                self._present.discard(uid)  # lifted: its return is its next sight
            if isinstance(error, ReaderUnavailable):
                self._reader_down(error)
            return False

    async def _fix(self, tag: InventoriedTag) -> None:
        """A tag from the retry list is back on the pad: write what it still needs. A tag to
        unsecure is unsecured only while the ILS still has it on loan (it may have been
        returned at the desk since)."""
        pending = self.retry.get(tag.uid_hex)
        with self.timings.item(pending.item_id):
            if pending.wanted is Wanted.ON_LOAN and not await self._still_on_loan(pending):
                return
            try:
                await self.pad.secure(tag.uid, pending.wanted)
            except ReaderError as error:
                events.event(
                    "security_retry_failed", uid=pending.uid, item=pending.item_id, error=error
                )
                if isinstance(error, ReaderUnavailable):
                    self._reader_down(error)
                return
        self.retry.remove(pending.uid)
        events.log.warning(
            events.line(
                "security_fixed",
                uid=pending.uid,
                item=pending.item_id,
                wanted=pending.wanted,
                pending=len(self.retry),
            )
        )
        line = self._lines.get(pending.uid)
        if line is not None and pending.uid in self._after_fix:
            self._line(pending.uid, replace(line, outcome=self._after_fix.pop(pending.uid)))

    async def _still_on_loan(self, pending: PendingTag) -> bool:
        """Whether the ILS says the item is charged (17); a pending entry for an item that is
        not is dropped, and one the ILS cannot answer for waits."""
        try:
            response = await self.ils.ask(
                ItemInformationRequest(
                    transaction_date=self.ils.stamp(),
                    institution_id=self.config.institution_id,
                    item_identifier=pending.item_id,
                    terminal_password=self.config.terminal_password,
                )
            )
        except IlsUnreachable:
            return False
        if said_offline(response) or not isinstance(response, ItemInformationResponse):
            return False
        if response.circulation_status != CHARGED_STATUS:
            self.retry.remove(pending.uid)
            events.log.warning(
                events.line(
                    "security_retry_dropped",
                    uid=pending.uid,
                    item=pending.item_id,
                    reason="not_on_loan",
                    status=response.circulation_status,
                )
            )
            return False
        return True

    # -- the kiosk's requests -------------------------------------------------------------

    async def _begin(self) -> None:
        """A kiosk request starts: buttons off, the last notice gone (unless the reader is
        still down: that one stays until it is back)."""
        down = not self._screen.reader_ok
        self._show(
            busy=True,
            notice=Notice.READER_DOWN if down else None,
            notice_detail=self._reader_error if down else "",
        )
        self._touch()

    async def choose(self, mode: Mode) -> None:
        """RETURN at any time; CHECKOUT or ACCOUNT, signed in; before that they (or SIGN_IN)
        ask for the sign-in, and the chosen mode follows it."""
        async with self._turn:
            if self._screen.mode is Mode.RECEIPT and mode is not Mode.RECEIPT:
                await self._reset("next")  # the next reader, straight from the receipt
            if mode not in (Mode.SIGN_IN, Mode.RETURN, Mode.CHECKOUT, Mode.ACCOUNT):
                events.event("choice_ignored", mode=self._screen.mode, chosen=mode)
                return
            await self._begin()
            if self._who is None and mode is not Mode.RETURN:
                self._intent = Mode.CHECKOUT if mode is Mode.SIGN_IN else mode
                mode = Mode.SIGN_IN
            elif mode is Mode.SIGN_IN:
                mode = Mode.CHECKOUT  # already signed in
            if mode is Mode.ACCOUNT:
                await self._refresh_account()
            events.event("mode", mode=mode)
            self._show(mode=mode, busy=False)
            self._touch()

    async def sign_in(self, patron_id: str, pin: str) -> None:
        """Sign in with the number typed or scanned, or with an empty one the patron card
        lying on the pad; then the mode chosen before (borrowing, unless the account)."""
        async with self._turn:
            await self._sign_in(patron_id, pin)

    async def _sign_in(self, patron_id: str, pin: str) -> None:
        patron_id = patron_id.strip() or self._card or ""
        if self._who is not None:
            return
        await self._begin()
        if not patron_id:
            self._show(busy=False, notice=Notice.PATRON_UNKNOWN)
            return
        if self.config.pin_required and not pin:
            self._show(busy=False, notice=Notice.WRONG_PIN)
            return
        who = Who(patron_id, self.config.institution_id, self.config.terminal_password)
        try:
            response = await self.ils.ask(patron_information(self.ils, who, CHARGED, pin or None))
        except IlsUnreachable as error:
            self._show(busy=False, notice=Notice.ILS_UNREACHABLE, notice_detail=str(error))
            return
        self._note_offline(response)
        refusal = self._refusal(response, pin)
        if refusal is not None:
            events.event("sign_in", outcome=refusal)
            self._show(busy=False, notice=refusal, notice_detail=ils_message(response))
            return
        self._signed_in(who, response)
        if self._intent is Mode.ACCOUNT:
            await self._refresh_account()

    @staticmethod
    def _refusal(response: Message, pin: str) -> Notice | None:
        if not isinstance(response, PatronInformationResponse) or not response.valid_patron:
            return Notice.PATRON_UNKNOWN
        if pin and response.valid_patron_password is False:
            return Notice.WRONG_PIN
        if response.patron_status.blocked:
            return Notice.PATRON_BLOCKED
        return None

    def _signed_in(self, who: Who, response: PatronInformationResponse) -> None:
        language = kiosk_language(response.language, self.config.languages)
        self._who = who
        self._email = response.email_address or None
        # The card number the ILS answers with: a typed alias becomes the real card.
        if response.patron_identifier:
            self._who = replace(who, patron_id=response.patron_identifier)
        patron = Patron(
            name=response.personal_name,
            language=language,
            has_email=self._email is not None,
            ils_message=ils_message(response),
        )
        events.event(
            "sign_in", outcome="ok", patron=self._who.patron_id, offline=self._screen.offline
        )
        notice = Notice.OFFLINE if self._screen.offline else None
        self._show(
            patron=patron,
            mode=self._intent,
            language=language or self._screen.language,
            busy=False,
            notice=notice,
        )
        self._touch()

    async def _refresh_account(self) -> None:
        try:
            found = await load_account(self.ils, self._who, self._known)
        except IlsUnreachable as error:
            self._show(notice=Notice.ILS_UNREACHABLE, notice_detail=str(error))
            return
        if found is not None:
            loans, holds = found
            self._show(patron=replace(self._screen.patron, loans=loans, holds=holds))

    async def renew(self, item_id: str) -> None:
        async with self._turn:
            if self._who is None:
                return
            await self._begin()
            request = RenewRequest(
                transaction_date=self.ils.stamp(),
                institution_id=self.config.institution_id,
                patron_identifier=self._who.patron_id,
                item_identifier=item_id,
                terminal_password=self.config.terminal_password,
            )
            response = await self._account_change(
                "renew", item_id, request, RenewResponse, Notice.RENEW_REFUSED
            )
            if response is None:
                return
            due = due_day(response.due_date)
            self._known[item_id] = Known(response.title_identifier, response.due_date)
            patron = self._screen.patron
            loans = tuple(
                replace(loan, due=due, overdue=False) if loan.item_id == item_id else loan
                for loan in patron.loans
            )
            self._show(
                patron=replace(patron, loans=loans),
                busy=False,
                notice=Notice.RENEWED,
                notice_detail=ils_message(response),
            )

    async def place_hold(self, item_id: str) -> None:
        async with self._turn:
            if self._who is None:
                return
            await self._begin()
            request = HoldRequest(
                hold_mode="+",
                transaction_date=self.ils.stamp(),
                institution_id=self.config.institution_id,
                patron_identifier=self._who.patron_id,
                item_identifier=item_id,
                terminal_password=self.config.terminal_password,
            )
            response = await self._account_change(
                "hold", item_id, request, HoldResponse, Notice.HOLD_REFUSED
            )
            if response is None:
                return
            patron = self._screen.patron
            hold = Hold(item_id=item_id, title=response.title_identifier or "", ready=False)
            self._show(
                patron=replace(patron, holds=(*patron.holds, hold)),
                busy=False,
                notice=Notice.HOLD_PLACED,
                notice_detail=ils_message(response),
            )

    async def _account_change(
        self,
        kind: str,
        item_id: str,
        request: Message,
        answer: type[Answer],
        refused: Notice,
    ) -> Answer | None:
        """Send a renewal or hold and log it; the answer when the ILS agreed, else None with
        the refusal or the outage already on screen."""
        try:
            response = await self.ils.change(request)
        except IlsUnreachable as error:
            self._show(busy=False, notice=Notice.ILS_UNREACHABLE, notice_detail=str(error))
            return None
        self._note_offline(response)
        agreed = isinstance(response, answer) and response.ok
        events.event(kind, item=item_id, ok="Y" if agreed else "N")
        if not agreed:
            self._show(busy=False, notice=refused, notice_detail=ils_message(response))
            return None
        return response

    async def finish(self) -> None:
        async with self._turn:
            await self._begin()
            await self._end_session()
            events.event("finish", items=len(self._lines))
            self._show(mode=Mode.RECEIPT, busy=False)
            self._touch()

    async def _end_session(self) -> None:
        if self._who is None or self._finished:
            return
        self._finished = True
        try:
            response = await self.ils.ask(
                EndPatronSessionRequest(
                    transaction_date=self.ils.stamp(),
                    institution_id=self.config.institution_id,
                    patron_identifier=self._who.patron_id,
                    terminal_password=self.config.terminal_password,
                )
            )
            self._note_offline(response)
        except IlsUnreachable as error:
            events.event("end_session_not_sent", error=error)

    async def email_receipt(self) -> None:
        async with self._turn:
            await self._begin()
            smtp, recipient = self.config.smtp, self._email
            if smtp is None or recipient is None or self.render_receipt is None:
                why = "no_smtp" if smtp is None else "no_address" if recipient is None else "-"
                events.event("receipt_not_sent", reason=why)
                self._show(busy=False, notice=Notice.RECEIPT_NOT_SENT)
                return
            subject, body = self.render_receipt(self._screen, self._screen.language)
            try:
                await asyncio.to_thread(send, smtp, compose(smtp, recipient, subject, body))
            except MailFailed as error:
                events.event("receipt_not_sent", reason=error)
                self._show(busy=False, notice=Notice.RECEIPT_NOT_SENT, notice_detail=str(error))
                return
            events.event("receipt_sent", items=len(self._lines))
            self._show(busy=False, notice=Notice.RECEIPT_SENT)

    async def done(self) -> None:
        async with self._turn:
            await self._reset("done")

    async def reset_if_idle(self) -> None:
        """The idle reset, once its time has come."""
        at = self._screen.idle_reset_at
        if at is not None and self.clock() >= at:
            async with self._turn:
                if self._screen.idle_reset_at is not None and self.clock() >= at:
                    await self._reset("idle")

    async def _reset(self, why: str) -> None:
        await self._end_session()
        events.event("session_reset", reason=why, items=len(self._lines))
        self._new_session()
        self._leftover = set(self._present)
        self._show(
            mode=self.home,
            patron=None,
            card_on_pad=False,
            items=(),
            notice=None if self._screen.reader_ok else Notice.READER_DOWN,
            notice_detail=self._reader_error,
            busy=False,
            idle_reset_at=None,
            language=self.default_language,
        )
