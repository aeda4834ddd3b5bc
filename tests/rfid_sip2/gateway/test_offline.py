"""Koha unreachable: the gateway answers by policy, journals first, and replays in order."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from rfid_sip2.sip2.messages import (
    ACSStatus,
    CheckinRequest,
    CheckoutRequest,
    FeePaidRequest,
    RenewRequest,
    SCStatus,
)
from tests.rfid_sip2.gateway.harness import Device, gateway_config, running
from tests.rfid_sip2.gateway.upstreams import free_items, sandbox_cable

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
