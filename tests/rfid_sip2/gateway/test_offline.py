"""Koha unreachable: the gateway answers by policy, journals first, and replays in order."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from datetime import datetime

import pytest

from rfid_sip2.gateway import offline
from rfid_sip2.gateway.answered import AnsweredRequests
from rfid_sip2.gateway.config import OFFLINE_DEFAULTS
from rfid_sip2.gateway.service import GatewayService, Session
from rfid_sip2.journal.store import Journal, State
from rfid_sip2.sip2.dates import format_date
from rfid_sip2.sip2.messages import (
    ACSStatus,
    BlockPatronRequest,
    CheckinRequest,
    CheckoutRequest,
    EndPatronSessionRequest,
    EndSessionResponse,
    FeePaidRequest,
    FeePaidResponse,
    HoldRequest,
    ItemInformationRequest,
    ItemInformationResponse,
    ItemStatusUpdateRequest,
    Message,
    PatronEnableRequest,
    PatronInformationRequest,
    PatronInformationResponse,
    PatronStatusRequest,
    PatronStatusResponse,
    RenewAllRequest,
    RenewRequest,
    SCStatus,
)
from rfid_sip2.upstreams.base import UpstreamInDoubt
from tests.rfid_sip2.gateway.harness import Device, gateway_config, running
from tests.rfid_sip2.gateway.upstreams import Cable, free_items, sandbox_cable
from tests.rfid_sip2.journal.fakes import FakeKoha

OLENA, ANDREI = "23529001000011", "23529001000012"


def loans(sandbox) -> dict[str, str]:
    with sandbox.store.reading() as db:
        rows = db.execute(
            "SELECT items.external_id, patrons.cardnumber, checkouts.checkout_date FROM checkouts "
            "JOIN items USING (item_id) JOIN patrons USING (patron_id)"
        ).fetchall()
    return {row[0]: (row[1], row[2]) for row in rows}


def test_offline_checkout_and_return_are_accepted_journaled_and_replayed_in_order(
    tmp_path, sandbox
):
    first, second = free_items(sandbox, 2)
    cable = sandbox_cable(sandbox)
    config = gateway_config(tmp_path)
    with running(config, cable) as gateway, Device(gateway.port) as device:
        assert device.login()
        lent = device.exchange(
            CheckoutRequest(institution_id="CPL", patron_identifier=OLENA, item_identifier=first)
        ).message
        assert lent.ok

        cable.cut = True
        yesterday = datetime(2026, 11, 1, 15, 30)
        returned = device.exchange(
            CheckinRequest(
                institution_id="CPL",
                item_identifier=first,
                current_location="CPL-HALL",
                transaction_date=yesterday,
                return_date=yesterday,
            )
        ).message
        borrowed = device.exchange(
            CheckoutRequest(
                institution_id="CPL",
                patron_identifier=ANDREI,
                item_identifier=first,
                transaction_date=datetime(2026, 11, 1, 15, 31),
            )
        ).message
        other = device.exchange(
            CheckoutRequest(
                institution_id="CPL",
                patron_identifier=OLENA,
                item_identifier=second,
                transaction_date=datetime(2026, 11, 1, 15, 32),
            )
        ).message

        assert returned.ok and returned.resensitize
        assert borrowed.ok and borrowed.desensitize and borrowed.due_date
        assert other.ok
        assert any("offline" in text for text in borrowed.screen_messages)
        # Each answered transaction is on disk already, in order.
        with sqlite3.connect(config.journal_path) as journal:
            kinds = [row[0] for row in journal.execute("SELECT code FROM entries ORDER BY id")]
        assert kinds == ["09", "11", "11"]
        assert first in loans(sandbox) and loans(sandbox)[first][0] == OLENA  # not yet applied

        cable.cut = False
        gateway.call(gateway.gateway.service.check_upstream())

        now_lent = loans(sandbox)
        assert now_lent[first][0] == ANDREI
        assert now_lent[first][1].startswith("2026-11-01T15:31")  # the original date
        assert now_lent[second][0] == OLENA
        assert not gateway.gateway.journal.has_pending()
        status = device.exchange(SCStatus()).message
        assert isinstance(status, ACSStatus) and not status.screen_messages


def test_offline_the_policy_refuses_money_and_renewals(tmp_path, sandbox):
    cable = sandbox_cable(sandbox)
    with running(gateway_config(tmp_path), cable) as gateway, Device(gateway.port) as device:
        assert device.login()
        cable.cut = True

        paid = device.exchange(
            FeePaidRequest(institution_id="CPL", patron_identifier=OLENA, fee_amount="2.00")
        ).message
        renewed = device.exchange(
            RenewRequest(
                institution_id="CPL", patron_identifier=OLENA, item_identifier="39520000000001"
            )
        ).message

        assert not paid.payment_accepted and not renewed.ok
        assert not gateway.gateway.journal.has_pending()


def test_offline_checkouts_can_be_refused_by_policy(tmp_path, sandbox):
    cable = sandbox_cable(sandbox)
    config = gateway_config(tmp_path, offline={"checkout": "refuse"})
    with running(config, cable) as gateway, Device(gateway.port) as device:
        assert device.login()
        cable.cut = True

        refused = device.exchange(
            CheckoutRequest(
                institution_id="CPL",
                patron_identifier=OLENA,
                item_identifier=free_items(sandbox, 1)[0],
            )
        )
        status = device.exchange(SCStatus()).message

    assert not refused.message.ok and not refused.message.desensitize
    assert not status.checkout_ok and status.checkin_ok


def test_offline_loans_reach_koha_past_blocks_with_the_due_date_the_device_was_given(
    tmp_path, sandbox
):
    cable = sandbox_cable(sandbox)
    blocked = "23529001000013"  # owes more than the limit: refused online
    item = free_items(sandbox, 1)[0]
    with running(gateway_config(tmp_path), cable) as gateway, Device(gateway.port) as device:
        assert device.login()
        cable.cut = True
        answer = device.exchange(
            CheckoutRequest(institution_id="CPL", patron_identifier=blocked, item_identifier=item)
        ).message
        cable.cut = False

        report = gateway.call(gateway.gateway.service.replay())

    assert report.replayed == 1
    with sandbox.store.reading() as db:
        due = db.execute(
            "SELECT due_date FROM checkouts JOIN items USING (item_id) WHERE external_id = ?",
            (item,),
        ).fetchone()[0]
    assert due[:10].replace("-", "") == answer.due_date[:8]


def test_a_transaction_koha_refuses_on_replay_is_kept_for_staff(tmp_path, sandbox):
    cable = sandbox_cable(sandbox)
    with running(gateway_config(tmp_path), cable) as gateway, Device(gateway.port) as device:
        assert device.login()
        cable.cut = True
        device.exchange(
            CheckoutRequest(
                institution_id="CPL",
                patron_identifier="00000000000000",
                item_identifier=free_items(sandbox, 1)[0],
            )
        )
        cable.cut = False

        report = gateway.call(gateway.gateway.service.replay())
        counts = gateway.gateway.journal.counts()

    assert report.failed == 1 and "invalid patron" in report.failures[0].reason.lower()
    assert counts["failed"] == 1


# -- the policy table: what the device is told is what the journal does -------------------

# Every request a device may send after logging in, the [offline] policy that governs it (None:
# never accepted offline), and whether it changes something in the ILS.
TABLE = [
    (PatronStatusRequest(institution_id="CPL", patron_identifier=OLENA), "patron_status", False),
    (
        PatronInformationRequest(institution_id="CPL", patron_identifier=OLENA),
        "patron_status",
        False,
    ),
    (
        CheckoutRequest(institution_id="CPL", patron_identifier=OLENA, item_identifier="B1"),
        "checkout",
        True,
    ),
    (
        CheckinRequest(institution_id="CPL", item_identifier="B1", current_location="CPL"),
        "checkin",
        True,
    ),
    (
        RenewRequest(institution_id="CPL", patron_identifier=OLENA, item_identifier="B1"),
        "renew",
        True,
    ),
    (RenewAllRequest(institution_id="CPL", patron_identifier=OLENA), None, True),
    (
        FeePaidRequest(institution_id="CPL", patron_identifier=OLENA, fee_amount="2.00"),
        "fee_paid",
        True,
    ),
    (
        HoldRequest(institution_id="CPL", patron_identifier=OLENA, item_identifier="B1"),
        "hold",
        True,
    ),
    (ItemInformationRequest(institution_id="CPL", item_identifier="B1"), "item_information", False),
    (EndPatronSessionRequest(institution_id="CPL", patron_identifier=OLENA), "end_session", False),
    (ItemStatusUpdateRequest(institution_id="CPL", item_identifier="B1"), None, True),
    (BlockPatronRequest(institution_id="CPL", patron_identifier=OLENA), None, True),
    (PatronEnableRequest(institution_id="CPL", patron_identifier=OLENA), None, True),
]


class LosesEveryAnswer:
    """An upstream that gets every request and whose every answer is lost."""

    async def handle(self, request: Message, terminal, deadline=None) -> Message:
        raise UpstreamInDoubt("connection reset after the request was sent")

    async def healthy(self) -> bool:
        return False

    async def close(self) -> None:
        pass


def said_yes(response: Message | None) -> bool:
    if response is None:
        return False
    if isinstance(response, PatronStatusResponse | PatronInformationResponse):
        return bool(response.valid_patron)
    if isinstance(response, FeePaidResponse):
        return response.payment_accepted
    if isinstance(response, ItemInformationResponse):
        return offline.NOT_OFFLINE not in response.screen_messages
    if isinstance(response, EndSessionResponse):
        return response.end_session
    return bool(response.ok)


def answered_offline(tmp_path, request: Message, value: str, koha: FakeKoha):
    """The service's answer with every [offline] policy set to ``value``, and the journal."""
    config = gateway_config(tmp_path, offline=dict.fromkeys(OFFLINE_DEFAULTS, value))
    with (
        Journal(config.journal_path) as journal,
        AnsweredRequests(config.answered_path) as answered,
    ):
        service = GatewayService(config, koha, journal, answered)
        session = Session("10.0.0.7:5100", "10.0.0.7", account=config.accounts[0])
        response = asyncio.run(service.handle(request, session))
        return response, journal.entries()


@pytest.mark.parametrize("value", ["accept", "refuse"])
@pytest.mark.parametrize(
    ("request_", "policy", "changes"), TABLE, ids=[type(r).__name__ for r, *_ in TABLE]
)
def test_offline_the_device_is_told_yes_exactly_when_the_policy_accepts_and_only_that_is_journaled(
    tmp_path, request_, policy, changes, value
):
    down = FakeKoha()
    down.down_when = lambda request: True

    response, entries = answered_offline(tmp_path, request_, value, down)

    yes = policy is not None and value == "accept"
    assert said_yes(response) is yes
    assert [entry.code for entry in entries] == ([request_.CODE] if yes and changes else [])
    assert not any(entry.in_doubt for entry in entries)


@pytest.mark.parametrize("value", ["accept", "refuse"])
@pytest.mark.parametrize(
    ("request_", "policy", "changes"), TABLE, ids=[type(r).__name__ for r, *_ in TABLE]
)
def test_a_lost_answer_is_journaled_in_doubt_when_the_device_is_told_yes_and_held_when_no(
    tmp_path, request_, policy, changes, value
):
    response, entries = answered_offline(tmp_path, request_, value, LosesEveryAnswer())

    yes = policy is not None and value == "accept"
    assert said_yes(response) is yes
    if not changes:
        assert entries == []  # a read changes nothing: nothing is in doubt
    elif yes:
        assert [(e.code, e.in_doubt, e.state) for e in entries] == [
            (request_.CODE, True, State.PENDING)
        ]
    else:
        assert [(e.code, e.state) for e in entries] == [(request_.CODE, State.HELD)]
        assert "told no" in entries[0].outcome


def test_offline_loans_and_renewals_are_promised_the_due_date_the_journal_keeps(tmp_path):
    down = FakeKoha()
    down.down_when = lambda request: True
    for request in (TABLE[2][0], TABLE[4][0]):
        response, (entry,) = answered_offline(tmp_path / request.CODE, request, "accept", down)

        assert response.due_date == format_date(entry.request.nb_due_date)


def test_a_health_check_begun_before_a_request_found_koha_gone_does_not_bring_the_gateway_back(
    tmp_path, sandbox
):
    # The gateway's own watch checks the upstream as it starts: on a busy machine that check
    # can still be under way when the first request finds Koha gone. Its "healthy", older news,
    # must not say the gateway is online again (the device was refused checkouts: it would be
    # told they are allowed).
    began, gate = threading.Event(), threading.Event()

    class SlowToAnswer(Cable):
        async def healthy(self) -> bool:
            up = not self.cut  # as a health check sees it when it starts
            began.set()
            await asyncio.to_thread(gate.wait, 30)
            return up

    cable = SlowToAnswer(sandbox_cable(sandbox).upstream)
    config = gateway_config(tmp_path, offline={"checkout": "refuse"})
    with running(config, cable) as gateway, Device(gateway.port) as device:
        assert device.login()
        service = gateway.gateway.service
        check = asyncio.run_coroutine_threadsafe(service.check_upstream(), gateway.loop)
        assert began.wait(30)
        cable.cut = True
        refused = device.exchange(
            CheckoutRequest(
                institution_id="CPL",
                patron_identifier=OLENA,
                item_identifier=free_items(sandbox, 1)[0],
            )
        ).message
        gate.set()
        check.result(30)
        status = device.exchange(SCStatus()).message

    assert not refused.ok
    assert not service.online
    assert not status.checkout_ok and not status.acs_renewal_policy
