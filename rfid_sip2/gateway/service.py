"""What the gateway does with each request: login and status itself, the rest upstream, and
by the offline policy (journaled first) while the upstream cannot be reached.

Every request is answered within ``answer_deadline``. A request that reached the upstream but
whose answer was lost (cut, reset, late) is *in doubt*: the device gets the offline answer, and
the journal records what that answer promised, marked in doubt so that the replay settles it
before sending anything again (``journal.replay``). When the offline answer is "no", a
transaction in doubt is held for the staff instead: Koha may have applied what the device was
refused. A device's repeat of a request gets the first answer (``gateway.repeats``).
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from rfid_sip2.gateway import offline, translog
from rfid_sip2.gateway.answered import AnsweredRequests
from rfid_sip2.gateway.config import Account, GatewayConfig
from rfid_sip2.gateway.lockout import Lockout
from rfid_sip2.gateway.repeats import Answer, Repeats, request_key
from rfid_sip2.journal.replay import ReplayReport, replay
from rfid_sip2.journal.store import ReplayInProgress
from rfid_sip2.monitor import Monitor, Role, UpstreamState, outcome
from rfid_sip2.sip2.connection import MessageReceived
from rfid_sip2.sip2.messages import (
    SUPPORTED_MESSAGES_ORDER,
    ACSStatus,
    LoginRequest,
    LoginResponse,
    Message,
    SCStatus,
)
from rfid_sip2.upstreams.base import (
    Terminal,
    Upstream,
    UpstreamInDoubt,
    UpstreamUnavailable,
    changes_ils,
)

log = logging.getLogger(__name__)
SUPPORTED = "".join("N" if code == "19" else "Y" for code in SUPPORTED_MESSAGES_ORDER)


@dataclass
class Session:
    """One device connection, as the gateway knows it."""

    peer: str
    address: str
    account: Account | None = None
    failed_logins: int = 0
    close_requested: bool = False

    @property
    def terminal(self) -> Terminal:
        account = self.account
        assert account is not None  # the connection only delivers requests after a login
        return Terminal(account.login, account.institution_id, account.location)


class GatewayService:
    """Answers every request a logged-in device sends."""

    def __init__(
        self,
        config: GatewayConfig,
        upstream: Upstream,
        journal,
        answered: AnsweredRequests,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.config = config
        self.upstream = upstream
        self.journal = journal
        self.clock = clock
        self.lockout = Lockout(
            config.failed_logins_before_lockout,
            config.lockout_window,
            config.lockout_duration,
            config.lockout_path,
        )
        self.monitor = Monitor(Role.GATEWAY)  # its threshold is set when monitoring starts
        self._online = True
        # Times a request found the upstream gone: a health check that began before one of
        # them says nothing about the upstream since (``check_upstream``).
        self.outages = 0
        # Transactions wait in the journal: until they are replayed, new ones queue behind them.
        self._pending = journal.has_pending()
        self._note_upstream()
        self.repeats = Repeats(answered, config.repeat_window)
        self._replay_lock = asyncio.Lock()

    # -- the upstream's state, as the monitor sees it ----------------------------------------

    @property
    def online(self) -> bool:
        return self._online

    @online.setter
    def online(self, value: bool) -> None:
        self._online = value
        self._note_upstream()

    @property
    def pending(self) -> bool:
        return self._pending

    @pending.setter
    def pending(self, value: bool) -> None:
        self._pending = value
        self._note_upstream()

    def _note_upstream(self) -> None:
        if not self._online:
            self.monitor.upstream_is(UpstreamState.DOWN)
        else:
            self.monitor.upstream_is(UpstreamState.OFFLINE if self._pending else UpstreamState.UP)

    async def note_journal(self) -> None:
        """Count again what waits in the journal, on disk."""
        depth, oldest = await asyncio.to_thread(self.journal.backlog)
        age = (self.clock().astimezone() - oldest).total_seconds() if oldest else None
        self.monitor.journal_is(depth, age)

    # -- login and status, answered here --------------------------------------------------

    def login(self, request: LoginRequest, session: Session) -> LoginResponse:
        if self.lockout.locked(session.address):
            # The same answer whatever the login and password: nothing to learn while locked.
            session.close_requested = True
            log.debug("login refused peer=%s reason='address locked out'", session.peer)
            return LoginResponse(ok=False)
        account = self.config.account(request.login_user_id)
        reason = ""
        if account is None:
            reason = "unknown login"
        elif not hmac.compare_digest(account.password.encode(), request.login_password.encode()):
            reason = "wrong password"
        elif not account.allows(session.address):
            reason = "address not allowed"
        if reason:
            session.failed_logins += 1
            locked = self.lockout.failed(session.address)
            session.close_requested = (
                locked or session.failed_logins >= self.config.failed_logins_before_close
            )
            log.warning(
                "login refused peer=%s login=%s reason=%r failures=%s",
                session.peer,
                request.login_user_id,
                reason,
                session.failed_logins,
            )
            if locked:
                log.warning(
                    "login lockout address=%s failures=%s window_s=%g duration_s=%g",
                    session.address,
                    self.config.failed_logins_before_lockout,
                    self.config.lockout_window,
                    self.config.lockout_duration,
                )
            return LoginResponse(ok=False)
        session.account = account
        log.info("login peer=%s account=%s", session.peer, account.login)
        return LoginResponse(ok=True)

    def status(self, session: Session) -> ACSStatus:
        policy = self.config.offline
        online = self.online and not self.pending
        account = session.account
        return ACSStatus(
            online_status=True,
            checkin_ok=online or policy["checkin"] == "accept",
            checkout_ok=online or policy["checkout"] == "accept",
            acs_renewal_policy=online,
            status_update_ok=False,
            offline_ok=True,  # devices may send their own stored transactions (no block)
            timeout_period="050",
            retries_allowed="003",
            date_time_sync=self.clock(),
            institution_id=account.institution_id if account else self.config.institution_id,
            library_name=self.config.library_name or None,
            supported_messages=SUPPORTED,
            terminal_location=account.location if account and account.location else None,
            screen_messages=() if online else (offline.OFFLINE,),
        )

    # -- everything else ------------------------------------------------------------------

    async def handle(
        self, request: Message, session: Session, received: MessageReceived | None = None
    ) -> Message | None:
        """The answer to a request from a logged-in device (None: nothing sensible to say).

        ``received`` (the frame's sequence number and checksum) lets a repeat of the request
        be recognised.
        """
        started = time.perf_counter()
        if isinstance(request, SCStatus):  # the only request allowed before a login
            response, mode = self.status(session), "gateway"
        elif received and (key := request_key(session.terminal.account, received)):
            response, mode = await self.repeats.answer(
                key, lambda lost: self._answer(request, session, lost=lost)
            )
        else:
            response, mode = await self._answer(request, session, lost=False)
        translog.transaction(
            peer=session.peer,
            account=session.account.login if session.account else "",
            request=request,
            response=response,
            mode=mode,
            elapsed_ms=(time.perf_counter() - started) * 1000,
        )
        self.monitor.transaction(request.CODE, outcome(mode, response))
        return response

    async def _answer(self, request: Message, session: Session, *, lost: bool) -> Answer:
        if lost:
            why = "a repeat of a request whose first copy was never answered (the gateway stopped)"
            return await self._in_doubt(request, session, why)
        if not self.online or self.pending:
            return await self._offline(request, session)
        deadline = asyncio.get_running_loop().time() + self.config.answer_deadline
        try:
            response = await self.upstream.handle(request, session.terminal, deadline)
        except UpstreamInDoubt as error:
            log.warning("upstream answer lost, working offline: %s", error)
            self.monitor.error(f"upstream answer lost: {error}")
            self._gone()
            return await self._in_doubt(request, session, str(error))
        except UpstreamUnavailable as error:
            log.warning("upstream unavailable, working offline: %s", error)
            self.monitor.error(f"upstream unavailable: {error}")
            self._gone()
            return await self._offline(request, session)
        return response, "online"

    def _gone(self) -> None:
        self.online = False
        self.outages += 1

    async def _offline(self, request: Message, session: Session) -> Answer:
        """The policy's answer; what it says yes to is journaled before the device hears it."""
        now = self.clock()
        request = offline.prepare(request, now, self.config.offline_loan_days)
        if offline.journals(self.config.offline, request):
            await self._record(request, session, in_doubt=False)
        return self._offline_answer(request, session, now)

    async def _in_doubt(self, request: Message, session: Session, why: str) -> Answer:
        """A request the upstream may have applied: answered by the policy, and journaled in
        doubt (yes) or held for the staff (no)."""
        if not changes_ils(request):
            return await self._offline(request, session)  # a read changes nothing: no doubt
        now = self.clock()
        request = offline.prepare(request, now, self.config.offline_loan_days)
        if offline.journals(self.config.offline, request):
            await self._record(request, session, in_doubt=True)
        else:
            reason = (
                f"held: sent to Koha and its answer was lost ({why}); the device was told no, "
                "but Koha may have applied it: check it in Koha"
            )
            await asyncio.to_thread(
                self.journal.record_held,
                request,
                reason,
                account=session.terminal.account,
                peer=session.peer,
            )
        response, mode = self._offline_answer(request, session, now)
        return response, f"{mode}, in doubt"

    async def _record(self, request: Message, session: Session, *, in_doubt: bool) -> None:
        # On disk before the device hears "ok": nothing accepted can be lost.
        await asyncio.to_thread(
            self.journal.record,
            request,
            account=session.terminal.account,
            peer=session.peer,
            in_doubt=in_doubt,
        )
        self.monitor.journal_recorded()
        self.pending = True

    def _offline_answer(self, request: Message, session: Session, now: datetime) -> Answer:
        accepted = offline.accepts(self.config.offline, request)
        response = offline.answer(
            request,
            accepted=accepted,
            now=now,
            institution_id=session.terminal.institution_id,
            loan_days=self.config.offline_loan_days,
        )
        return response, "offline" if accepted else "refused"

    # -- coming back ----------------------------------------------------------------------

    async def check_upstream(self) -> bool:
        """Ask the upstream whether it is up; when it is, replay what was journaled."""
        outages = self.outages
        try:
            healthy = await self.upstream.healthy()
        except UpstreamUnavailable:
            healthy = False
        # Another worker may have journaled transactions: new ones queue behind those too.
        self.pending = await asyncio.to_thread(self.journal.has_pending)
        if self.outages != outages:
            # A request found the upstream gone while this check was under way: that is the
            # newer news, and the next check starts after it.
            return False
        if healthy and (not self.online or self.pending):
            await self.replay()
        if self.outages == outages:
            self.online = healthy
        return healthy

    async def replay(self) -> ReplayReport | None:
        """Replay the journal in order (one replay at a time); online again when it is empty."""
        async with self._replay_lock:
            try:
                report = await replay(
                    self.journal,
                    self.upstream,
                    self._terminal_for,
                    no_block=self.config.replay_no_block,
                )
            except ReplayInProgress:
                log.info("journal replay skipped: another replay holds the journal")
                return None
            self.pending = await asyncio.to_thread(self.journal.has_pending)
            await self.note_journal()
            if report.stopped:
                self.monitor.error(f"journal replay stopped: {report.stopped}")
            log.info(
                "journal replay replayed=%s confirmed=%s failed=%s remaining=%s stopped=%r",
                report.replayed,
                report.confirmed,
                report.failed,
                report.remaining,
                report.stopped,
            )
            return report

    def _terminal_for(self, entry) -> Terminal:
        account = self.config.account(entry.account) or self.config.accounts[0]
        return Terminal(account.login, account.institution_id, account.location)
