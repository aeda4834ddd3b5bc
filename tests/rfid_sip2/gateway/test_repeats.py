"""A device that lost an answer and sends the same frame again gets the first answer.

Self-check machines reconnect and resend the identical frame (same AY, same date, so the same
AZ). That is the same transaction: online it must not become a renewal, offline not a second
journal entry, and after a restart of the gateway neither.
"""

from __future__ import annotations

import asyncio
import threading
import time
from datetime import datetime

from rfid_sip2.gateway.answered import AnsweredRequests
from rfid_sip2.gateway.repeats import Repeats, request_key
from rfid_sip2.sip2.codec import Decoded, decode, encode
from rfid_sip2.sip2.connection import MessageReceived
from rfid_sip2.sip2.messages import (
    BlockPatronRequest,
    CheckoutRequest,
    CheckoutResponse,
    Message,
    PatronStatusResponse,
)
from rfid_sip2.upstreams.base import Terminal
from tests.rfid_sip2.gateway.harness import LOGIN, Device, gateway_config, running
from tests.rfid_sip2.gateway.upstreams import Cable, free_items, sandbox_cable

OLENA = "23529001000011"
WHEN = datetime(2026, 11, 2, 11, 15, 7)


def checkout_frame(item: str, *, sequence: int = 3, checksum: bool = True) -> bytes:
    request = CheckoutRequest(
        institution_id="CPL", patron_identifier=OLENA, item_identifier=item, transaction_date=WHEN
    )
    return encode(request, sequence_number=sequence if checksum else None, error_detection=checksum)


def send(port: int, frame: bytes) -> bytes:
    """On a new connection, as a device does after losing its answer: log in, send, read."""
    with Device(port) as device:
        assert device.login()
        device.send_raw(frame)
        return device.read_frame()


def renewals(sandbox, item: str) -> int:
    with sandbox.store.reading() as db:
        return db.execute(
            "SELECT checkouts.renewals_count FROM checkouts JOIN items USING (item_id) "
            "WHERE external_id = ?",
            (item,),
        ).fetchone()[0]


def checkouts_seen(cable: Cable) -> int:
    return sum(isinstance(request, CheckoutRequest) for request in cable.seen)


def test_a_checkout_sent_again_after_reconnecting_gets_the_first_answer_and_no_renewal(
    tmp_path, sandbox
):
    item = free_items(sandbox, 1)[0]
    cable = sandbox_cable(sandbox)
    with running(gateway_config(tmp_path), cable) as gateway:
        first = send(gateway.port, checkout_frame(item))
        again = send(gateway.port, checkout_frame(item))

    assert decode(first).message.ok
    assert again == first
    assert checkouts_seen(cable) == 1 and renewals(sandbox, item) == 0


def test_a_block_patron_sent_again_gets_the_first_answer_with_its_patron_status(tmp_path, sandbox):
    request = BlockPatronRequest(
        institution_id="CPL",
        blocked_card_message="card left in the machine",
        patron_identifier=OLENA,
        transaction_date=WHEN,
    )
    frame = encode(request, sequence_number=4, error_detection=True)
    with running(gateway_config(tmp_path), sandbox_cable(sandbox)) as gateway:
        first = send(gateway.port, frame)
        again = send(gateway.port, frame)

    assert isinstance(decode(first).message, PatronStatusResponse)
    assert again == first


def test_a_checkout_sent_again_while_offline_is_journaled_once(tmp_path, sandbox):
    item = free_items(sandbox, 1)[0]
    cable = sandbox_cable(sandbox)
    with running(gateway_config(tmp_path), cable) as gateway:
        cable.cut = True
        first = send(gateway.port, checkout_frame(item))
        again = send(gateway.port, checkout_frame(item))
        entries = gateway.gateway.journal.entries()

    assert decode(first).message.ok and again == first
    assert len(entries) == 1


def test_a_repeat_after_the_gateway_restarted_gets_the_first_answer(tmp_path, sandbox):
    item = free_items(sandbox, 1)[0]
    cable = sandbox_cable(sandbox)
    config = gateway_config(tmp_path)
    with running(config, cable) as gateway:
        first = send(gateway.port, checkout_frame(item))
    with running(config, cable) as restarted:
        again = send(restarted.port, checkout_frame(item))

    assert again == first
    assert checkouts_seen(cable) == 1 and renewals(sandbox, item) == 0


def test_a_repeat_that_arrives_while_the_first_is_answered_waits_for_that_answer(tmp_path, sandbox):
    item = free_items(sandbox, 1)[0]
    gate = threading.Event()

    class Slow(Cable):
        async def handle(self, request: Message, terminal: Terminal, deadline=None) -> Message:
            self.seen.append(request)
            await asyncio.to_thread(gate.wait, 30)
            return await self.upstream.handle(request, terminal, deadline)

    slow = Slow(sandbox_cable(sandbox).upstream)
    with (
        running(gateway_config(tmp_path, answer_deadline=60), slow) as gateway,
        Device(gateway.port) as one,
        Device(gateway.port) as other,
    ):
        assert one.login() and other.login()
        one.send_raw(checkout_frame(item))
        wait_for(lambda: len(slow.seen) == 1)
        other.send_raw(checkout_frame(item))
        connections = gateway.gateway.server.connections.values()
        wait_for(lambda: sum(connection.busy for connection in connections) == 2)
        gate.set()
        answers = one.read_frame(), other.read_frame()

    assert answers[0] == answers[1] and decode(answers[0]).message.ok
    assert len(slow.seen) == 1 and renewals(sandbox, item) == 0


def test_a_frame_without_error_detection_cannot_be_told_from_a_new_request(tmp_path, sandbox):
    item = free_items(sandbox, 1)[0]
    cable = sandbox_cable(sandbox)
    with running(gateway_config(tmp_path), cable) as gateway:
        send(gateway.port, checkout_frame(item, checksum=False))
        send(gateway.port, checkout_frame(item, checksum=False))

    assert checkouts_seen(cable) == 2  # the second is a renewal, as Koha would make it


def test_a_repeat_whose_first_copy_died_with_the_gateway_is_recorded_in_doubt(tmp_path, sandbox):
    item = free_items(sandbox, 1)[0]
    cable = sandbox_cable(sandbox)
    config = gateway_config(tmp_path)
    frame = checkout_frame(item)
    with AnsweredRequests(config.answered_path) as answered:  # claimed, then the gateway died
        answered.claim(key_of(frame), time.time(), since=0)

    with running(config, cable) as gateway:
        told = decode(send(gateway.port, frame)).message
        (entry,) = gateway.gateway.journal.entries()

    assert isinstance(told, CheckoutResponse) and told.ok
    assert checkouts_seen(cable) == 0  # not sent blindly: it may have been applied
    assert entry.in_doubt and entry.item_identifier == item


# -- the window -----------------------------------------------------------------------------


def test_after_the_window_the_same_frame_is_a_new_request(tmp_path):
    now = [1_000_000.0]
    computed = []

    async def compute(lost: bool):
        computed.append(lost)
        return CheckoutResponse(ok=True), "online"

    async def twice() -> None:
        repeats = Repeats(answered, window=600, clock=lambda: now[0])
        await repeats.answer("k", compute)
        now[0] += 599
        await repeats.answer("k", compute)  # within the window: the first answer
        now[0] += 2
        await repeats.answer("k", compute)  # 601 s after the first: new

    with AnsweredRequests(tmp_path / "answered.sqlite3") as answered:
        asyncio.run(twice())
    assert computed == [False, False]


def test_requests_arriving_together_share_one_commit_for_their_claims_and_one_for_answers(
    tmp_path,
):
    class Counting(AnsweredRequests):
        def __init__(self, path) -> None:
            super().__init__(path)
            self.writes: list[str] = []

        def claim_all(self, claims):
            self.writes.append(f"claim {len(claims)}")
            return super().claim_all(claims)

        def answer(self, answers):
            answers = list(answers)
            self.writes.append(f"answer {len(answers)}")
            super().answer(answers)

    async def compute(lost: bool):
        return CheckoutResponse(ok=True), "online"

    async def together() -> list:
        repeats = Repeats(store, window=600)
        return await asyncio.gather(*(repeats.answer(f"k{n}", compute) for n in range(5)))

    with Counting(tmp_path / "answered.sqlite3") as store:
        answers = asyncio.run(together())
        writes = list(store.writes)
        claimed_again = [store.claim(f"k{n}", time.time(), since=0) for n in range(5)]

    assert answers == [(CheckoutResponse(ok=True), "online")] * 5
    assert writes == ["claim 5", "answer 5"]
    assert all(claim.answered for claim in claimed_again)  # each answer is on disk


def test_old_answers_are_forgotten_on_disk_too(tmp_path):
    now = [1_000_000.0]

    async def compute(lost: bool):
        return CheckoutResponse(ok=True), "online"

    async def answer_then_forget() -> None:
        repeats = Repeats(answered, window=600, clock=lambda: now[0])
        await repeats.answer("k", compute)
        now[0] += 601
        repeats.forget_old()

    with AnsweredRequests(tmp_path / "answered.sqlite3") as answered:
        asyncio.run(answer_then_forget())
        assert answered.claim("k", now[0], since=0) is None


def key_of(frame: bytes) -> str:
    decoded = decode(frame.rstrip(b"\r"))
    assert isinstance(decoded, Decoded)
    received = MessageReceived(decoded.message, decoded.sequence_number, checksum=decoded.checksum)
    return request_key(LOGIN, received)


def wait_for(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the condition never came true"
        time.sleep(0.02)
