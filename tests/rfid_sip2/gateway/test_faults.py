"""The gateway in front of Koha when the link breaks: answers lost, cut, reset, late, or never.

"Koha" is a second gateway on the sandbox (speaking as Koha's SIP2 server does); a fault proxy
between the two breaks the link as each test says (``tests/rfid_sip2/faultproxy.py``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest

from rfid_sip2.gateway.offline import RECORDED
from rfid_sip2.journal.store import State
from rfid_sip2.sip2.codec import decode, encode
from rfid_sip2.sip2.messages import (
    CheckinRequest,
    CheckoutRequest,
    FeePaidRequest,
    Message,
    RenewRequest,
)
from tests.rfid_sip2.faultproxy import Fault, FaultProxy, command
from tests.rfid_sip2.gateway.harness import (
    KOHA_SIP_LOGIN,
    Device,
    RunningGateway,
    gateway_config,
    running,
)
from tests.rfid_sip2.gateway.test_koha_upstream import koha_config
from tests.rfid_sip2.gateway.upstreams import free_items, sandbox_cable
from tests.services import free_port

OLENA = "23529001000011"
OWES_FINES = "23529001000013"
LOST = [Fault.DROP, Fault.CUT, Fault.RESET]


@dataclass
class Link:
    proxy: FaultProxy
    gateway: RunningGateway
    device: Device


@contextmanager
def faulty_link(tmp_path, sandbox, *, upstream: dict | None = None, **gateway) -> Iterator[Link]:
    """Device -> gateway under test -> fault proxy -> "Koha"; the device logged in."""
    port = free_port()
    with (
        running(koha_config(tmp_path, port), sandbox_cable(sandbox)),
        FaultProxy(port) as proxy,
        running(through(tmp_path, proxy, upstream=upstream, **gateway), None) as running_gateway,
        Device(running_gateway.port, timeout=20) as device,
    ):
        assert device.login()
        yield Link(proxy, running_gateway, device)


def through(tmp_path, proxy: FaultProxy, *, upstream: dict | None = None, **gateway):
    """The gateway under test, reaching Koha through the proxy."""
    folder = tmp_path / "gateway"
    folder.mkdir(exist_ok=True)
    return gateway_config(
        folder,
        upstream={
            "kind": "koha",
            "host": "127.0.0.1",
            "port": proxy.port,
            "login": KOHA_SIP_LOGIN,
            "password_env": "KOHA_SIP_PASSWORD",
            "terminator": "CRLF",
            "pool_size": 2,
            "timeout": 2,
            "retries": 1,
            **(upstream or {}),
        },
        answer_deadline=gateway.pop("answer_deadline", 3),
        **gateway,
    )


def only(code: bytes, fault: Fault):
    return lambda connection, frame: fault if command(frame) == code else Fault.PASS


def passing(connection: int, frame: bytes) -> Fault:
    return Fault.PASS


def stalling(connection: int, frame: bytes) -> Fault:
    return Fault.STALL


def checkout(item: str, patron: str = OLENA) -> CheckoutRequest:
    return CheckoutRequest(institution_id="CPL", patron_identifier=patron, item_identifier=item)


def checkin(item: str) -> CheckinRequest:
    return CheckinRequest(institution_id="CPL", item_identifier=item, current_location="CPL")


def settle(gateway: RunningGateway) -> None:
    """Let the gateway find Koha again and replay its journal to the end."""
    journal, service = gateway.gateway.journal, gateway.gateway.service
    deadline = time.monotonic() + 60
    while (journal.has_pending() or not service.online) and time.monotonic() < deadline:
        gateway.call(service.check_upstream())
        time.sleep(0.1)
    assert not journal.has_pending() and service.online


def loan(sandbox, item: str) -> tuple[str, int] | None:
    """Who has the item, and how many times the loan was renewed."""
    with sandbox.store.reading() as db:
        row = db.execute(
            "SELECT cardnumber, checkouts.renewals_count FROM checkouts JOIN items "
            "USING (item_id) JOIN patrons USING (patron_id) WHERE external_id = ?",
            (item,),
        ).fetchone()
    return (row[0], row[1]) if row else None


def returns(sandbox, item: str) -> int:
    with sandbox.store.reading() as db:
        return db.execute(
            "SELECT COUNT(*) FROM old_checkouts JOIN items USING (item_id) WHERE external_id = ?",
            (item,),
        ).fetchone()[0]


def payments(sandbox) -> int:
    with sandbox.store.reading() as db:
        return db.execute(
            "SELECT COUNT(*) FROM account_lines WHERE credit_type = 'PAYMENT'"
        ).fetchone()[0]


# -- a lost answer is in doubt, and settled before anything is sent again ------------------


@pytest.mark.parametrize("fault", LOST, ids=lambda fault: fault.value)
def test_a_checkout_whose_answer_was_lost_is_not_applied_twice(tmp_path, sandbox, fault):
    item = free_items(sandbox, 1)[0]
    with faulty_link(tmp_path, sandbox) as link:
        link.proxy.plan = only(b"11", fault)
        told = link.device.exchange(checkout(item)).message
        (entry,) = link.gateway.gateway.journal.entries()
        assert entry.in_doubt

        link.proxy.plan = passing
        settle(link.gateway)
        (entry,) = link.gateway.gateway.journal.entries()

    assert told.ok and RECORDED in told.screen_messages
    assert loan(sandbox, item) == (OLENA, 0)  # lent once, not "renewed" by a second checkout
    assert entry.state is State.REPLAYED and entry.outcome.startswith("confirmed")


def test_a_return_whose_answer_was_lost_is_not_applied_twice(tmp_path, sandbox):
    item = free_items(sandbox, 1)[0]
    with faulty_link(tmp_path, sandbox) as link:
        assert link.device.exchange(checkout(item)).message.ok
        link.proxy.plan = only(b"09", Fault.DROP)
        told = link.device.exchange(checkin(item)).message

        link.proxy.plan = passing
        settle(link.gateway)
        counts = link.gateway.gateway.journal.counts()

    assert told.ok and RECORDED in told.screen_messages
    assert loan(sandbox, item) is None and returns(sandbox, item) == 1
    assert counts[State.REPLAYED] == 1 and counts[State.FAILED] == 0


def test_a_payment_whose_answer_was_lost_is_kept_for_staff_and_never_sent_again(tmp_path, sandbox):
    before = payments(sandbox)
    with faulty_link(tmp_path, sandbox, offline={"fee_paid": "accept"}) as link:
        link.proxy.plan = only(b"37", Fault.DROP)
        paying = FeePaidRequest(
            institution_id="CPL", patron_identifier=OWES_FINES, fee_amount="1.00"
        )
        told = link.device.exchange(paying).message

        link.proxy.plan = passing
        settle(link.gateway)
        (entry,) = link.gateway.gateway.journal.entries()

    assert told.payment_accepted  # the policy takes payments offline: the money was taken
    assert payments(sandbox) == before + 1  # Koha has it once: the replay did not pay again
    assert entry.state is State.HELD and "may have reached" in entry.outcome


def test_a_refused_renewal_whose_answer_was_lost_is_noted_for_staff(tmp_path, sandbox):
    item = free_items(sandbox, 1)[0]
    with faulty_link(tmp_path, sandbox) as link:
        assert link.device.exchange(checkout(item)).message.ok
        link.proxy.plan = only(b"29", Fault.DROP)
        told = link.device.exchange(
            RenewRequest(institution_id="CPL", patron_identifier=OLENA, item_identifier=item)
        ).message

        link.proxy.plan = passing
        settle(link.gateway)
        (entry,) = link.gateway.gateway.journal.entries()

    assert not told.ok  # renewals are refused offline
    assert entry.state is State.HELD and "told no" in entry.outcome


# -- deadlines, and a pool that never hangs a device ---------------------------------------


def test_a_device_hears_before_its_deadline_when_koha_hangs(tmp_path, sandbox):
    item = free_items(sandbox, 1)[0]
    # Without a deadline a hung Koha would keep the device 30 s x 3 tries (its own read
    # timeout is 20 s).
    with faulty_link(tmp_path, sandbox, upstream={"timeout": 30, "retries": 2}) as link:
        assert link.device.exchange(checkout(item)).message.ok
        link.proxy.plan = stalling  # as if Koha were stopped with SIGSTOP

        told = link.device.exchange(checkin(item)).message

    assert told.ok and RECORDED in told.screen_messages


@pytest.mark.parametrize("fault", [Fault.CUT, Fault.RESET], ids=lambda fault: fault.value)
def test_a_request_waiting_for_the_pool_wakes_when_the_connection_in_use_breaks(
    tmp_path, sandbox, fault
):
    first, second = free_items(sandbox, 2)
    options = {"upstream": {"pool_size": 1}, "answer_deadline": 8}
    with faulty_link(tmp_path, sandbox, **options) as link, Device(link.gateway.port) as other:
        assert other.login()
        link.proxy.delay = 3  # the first checkout holds the only connection for a while ...
        link.proxy.plan = only(b"11", fault)  # ... and then that connection breaks
        link.device.send_raw(frame(checkout(first)))
        wait_for(lambda: any(command(f) == b"11" for f in link.proxy.forwarded))
        link.proxy.plan = passing
        waiting = other.exchange(checkout(second)).message  # queued behind the first
        first_told = decode(link.device.read_frame()).message

    assert first_told.ok and RECORDED in first_told.screen_messages  # in doubt
    assert waiting.ok and RECORDED not in waiting.screen_messages  # served by Koha
    assert loan(sandbox, second) == (OLENA, 0)


def test_a_request_waiting_behind_a_stalled_connection_hears_by_its_deadline(tmp_path, sandbox):
    first, second = free_items(sandbox, 2)
    options = {"upstream": {"pool_size": 1, "timeout": 30}, "answer_deadline": 2}
    with faulty_link(tmp_path, sandbox, **options) as link, Device(link.gateway.port) as other:
        assert other.login()
        link.proxy.plan = stalling
        link.device.send_raw(frame(checkout(first)))
        wait_for(lambda: link.proxy.faulted)  # the first holds the only connection, stalled
        waiting = other.exchange(checkout(second)).message
        first_told = decode(link.device.read_frame()).message
        (entry,) = [
            e for e in link.gateway.gateway.journal.entries() if e.item_identifier == second
        ]

    assert first_told.ok and RECORDED in first_told.screen_messages  # sent: in doubt
    assert waiting.ok and RECORDED in waiting.screen_messages  # never sent: offline
    assert not entry.in_doubt


def test_after_koha_hangs_and_recovers_the_gateway_comes_back_online(tmp_path, sandbox):
    first, second = free_items(sandbox, 2)
    upstream = {"pool_size": 1, "health_interval": 0.1, "timeout": 5}
    with faulty_link(tmp_path, sandbox, upstream=upstream) as link:
        assert link.device.exchange(checkout(first)).message.ok  # the pooled connection works
        link.proxy.plan = stalling
        hung = link.device.exchange(checkout(second)).message

        link.proxy.plan = passing  # Koha is back; the stalled connection stays stalled
        wait_for(lambda: link.gateway.gateway.service.online, seconds=60)
        wait_for(lambda: not link.gateway.gateway.journal.has_pending(), seconds=60)

    assert hung.ok and RECORDED in hung.screen_messages
    assert loan(sandbox, first) == (OLENA, 0) and loan(sandbox, second) == (OLENA, 0)


def frame(message: Message, sequence: int = 5) -> bytes:
    return encode(message, sequence_number=sequence, error_detection=True)


def wait_for(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the condition never came true"
        time.sleep(0.02)
