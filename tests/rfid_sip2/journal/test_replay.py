"""Replaying the journal: in order, no block, original dates, and never applied twice."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from koha_bridge.sandbox.clock import parse_api_datetime
from rfid_sip2.journal.replay import ReplayReport, rebuild_request, replay
from rfid_sip2.journal.store import Journal, ReplayInProgress, State
from rfid_sip2.sip2.messages import (
    CheckinRequest,
    CheckoutRequest,
    ItemInformationRequest,
    Message,
    RenewRequest,
)
from rfid_sip2.upstreams.base import Terminal
from rfid_sip2.upstreams.sandbox import SandboxUpstream
from tests.rfid_sip2.gateway.upstreams import free_items
from tests.rfid_sip2.journal.fakes import (
    TERMINAL,
    Crash,
    FakeKoha,
    checkin,
    checkout,
    fee_paid,
    hold,
    renew,
    terminal_for,
)

T1 = datetime(2024, 3, 1, 10, 15, 0)
T2 = datetime(2024, 3, 1, 10, 16, 30)
T3 = datetime(2024, 3, 1, 10, 20, 0)
NOW = datetime(2024, 3, 2, 9, 0, 0)


def run_replay(journal: Journal, koha: FakeKoha, **options) -> ReplayReport:
    return asyncio.run(replay(journal, koha, terminal_for, now=lambda: NOW, **options))


def sent_items(koha: FakeKoha) -> list[tuple[str, str]]:
    return [(type(r).__name__, r.item_identifier) for r in koha.circulation()]


def test_replay_sends_entries_in_order_with_no_block_and_their_original_dates(journal: Journal):
    koha = FakeKoha(items=("B1", "B2"), loans={"B3": "P1"}, patrons=("P1",))
    journal.record(checkout("P1", "B1", T1), account="selfcheck-1", peer="10.0.0.7:1")
    journal.record(checkin("B3", T2), account="selfcheck-1", peer="10.0.0.7:1")
    journal.record(renew("P1", "B1", T3), account="selfcheck-1", peer="10.0.0.7:1")

    report = run_replay(journal, koha)

    out, back, again = koha.circulation()
    assert isinstance(out, CheckoutRequest) and out.no_block and out.transaction_date == T1
    assert out.patron_identifier == "P1" and out.item_identifier == "B1"
    assert isinstance(back, CheckinRequest) and back.no_block
    assert (back.transaction_date, back.return_date) == (T2, T2)
    assert isinstance(again, RenewRequest) and again.no_block and again.transaction_date == T3
    assert (report.replayed, report.confirmed, report.failed, report.remaining) == (3, 0, 0, 0)
    assert report.complete
    assert [e.state for e in journal.entries()] == [State.REPLAYED] * 3
    assert [e.attempts for e in journal.entries()] == [1, 1, 1]
    assert journal.get(1).outcome == "applied, due 20240315    235900"
    assert journal.get(1).answer.startswith("121")
    assert not journal.has_pending()


def test_a_checkout_keeps_the_due_date_the_device_gave(journal: Journal):
    due = datetime(2024, 3, 22, 23, 59)
    koha = FakeKoha(items=("B1",), patrons=("P1",))
    journal.record(checkout("P1", "B1", T1, nb_due_date=due), account="a", peer=None)

    run_replay(journal, koha)

    (sent,) = koha.received
    assert sent.nb_due_date == due
    assert rebuild_request(journal.get(1)).nb_due_date == due


def test_replay_can_send_without_no_block_for_an_ils_that_cannot_take_it(journal: Journal):
    koha = FakeKoha(items=("B1",), patrons=("P1",))
    journal.record(checkout("P1", "B1", T1), account="a", peer=None)

    run_replay(journal, koha, no_block=False)

    (sent,) = koha.received
    assert sent.no_block is False and sent.transaction_date == T1


def test_refusals_are_recorded_as_failures_with_the_ils_message(journal: Journal):
    koha = FakeKoha(items=("B1",), loans={"B2": "P9"}, patrons=("P1",))
    journal.record(checkout("P1", "B404", T1), account="a", peer=None)
    journal.record(checkout("P1", "B2", T1), account="a", peer=None)
    journal.record(checkin("B1", T2), account="a", peer=None)
    journal.record(checkout("P1", "B1", T3), account="a", peer=None)

    report = run_replay(journal, koha)

    assert (report.replayed, report.failed, report.remaining) == (1, 3, 0)
    assert [(f.entry_id, f.reason) for f in report.failures] == [
        (1, "Invalid Item"),
        (2, "Item checked out to another patron"),
        (3, "Item not checked out"),
    ]
    assert [e.state for e in journal.entries()] == [State.FAILED] * 3 + [State.REPLAYED]
    assert journal.get(2).outcome == "Item checked out to another patron"
    assert journal.get(2).answer.startswith("120")


def test_an_unexpected_answer_is_a_failure(journal: Journal):
    class Confused(FakeKoha):
        async def handle(self, request: Message, terminal) -> Message:
            self.received.append(request)
            return await super().handle(ItemInformationRequest(item_identifier="B1"), terminal)

    journal.record(checkin("B1", T1), account="a", peer=None)

    report = run_replay(journal, Confused(items=("B1",)))

    assert report.failures[0].reason == "unexpected response 18 (expected 10)"


def test_upstream_going_away_leaves_the_rest_pending_and_a_second_replay_finishes(
    journal: Journal,
):
    koha = FakeKoha(items=("B1", "B2", "B3"), patrons=("P1",))
    for item in ("B1", "B2", "B3"):
        journal.record(checkout("P1", item, T1), account="a", peer=None)
    koha.down_when = lambda request: request.item_identifier == "B2"

    first = run_replay(journal, koha)

    assert (first.replayed, first.failed, first.remaining) == (1, 0, 2)
    assert first.stopped.startswith("upstream unavailable at entry 2")
    assert not first.complete
    assert [e.state for e in journal.entries()] == [State.REPLAYED, State.PENDING, State.PENDING]
    assert journal.get(2).outcome == "upstream unavailable: connection refused"
    assert not journal.get(2).in_doubt  # refused before it was sent: it never left
    assert sent_items(koha) == [("CheckoutRequest", "B1"), ("CheckoutRequest", "B2")]

    koha.down_when = lambda request: False
    koha.received.clear()
    second = run_replay(journal, koha)

    assert sent_items(koha) == [("CheckoutRequest", "B2"), ("CheckoutRequest", "B3")]
    assert not any(isinstance(r, ItemInformationRequest) for r in koha.received)
    assert (second.replayed, second.confirmed, second.remaining) == (2, 0, 0)
    assert koha.applied == [("checkout", "B1"), ("checkout", "B2"), ("checkout", "B3")]
    assert [e.attempts for e in journal.entries()] == [1, 1, 1]


def test_replay_touches_nothing_when_the_upstream_is_not_healthy(journal: Journal):
    koha = FakeKoha(items=("B1",), patrons=("P1",), healthy=False)
    journal.record(checkout("P1", "B1", T1), account="a", peer=None)

    report = run_replay(journal, koha)

    assert koha.received == []
    assert report.stopped == "upstream unavailable: nothing sent"
    assert report.remaining == 1
    assert journal.get(1).attempts == 0


def test_an_applying_checkout_whose_item_is_charged_is_confirmed_and_not_sent_again(
    journal: Journal,
):
    koha = FakeKoha(loans={"B1": "P1"})  # the checkout reached Koha before the crash
    entry = journal.record(checkout("P1", "B1", T1), account="a", peer=None)
    journal.mark_applying(entry.id)

    report = run_replay(journal, koha)

    (question,) = koha.received
    assert isinstance(question, ItemInformationRequest)
    assert (question.item_identifier, question.transaction_date) == ("B1", NOW)
    assert question.institution_id == "CPL"
    assert (report.confirmed, report.replayed, report.remaining) == (1, 0, 0)
    done = journal.get(entry.id)
    assert done.state is State.REPLAYED
    assert done.outcome == "confirmed by item status 04 (charged); not sent again"
    assert done.attempts == 1


def test_an_applying_checkin_whose_item_is_back_is_confirmed_and_not_sent_again(
    journal: Journal,
):
    koha = FakeKoha(items=("B1",))  # returned already
    entry = journal.record(checkin("B1", T1), account="a", peer=None)
    journal.mark_applying(entry.id)

    report = run_replay(journal, koha)

    assert koha.circulation() == []
    assert report.confirmed == 1
    assert journal.get(entry.id).outcome == (
        "confirmed by item status 03 (not charged); not sent again"
    )


@pytest.mark.parametrize(
    ("request_", "make_koha"),
    [
        (checkout("P1", "B1", T1), lambda: FakeKoha(items=("B1",), patrons=("P1",))),
        (checkin("B1", T1), lambda: FakeKoha(loans={"B1": "P1"})),
    ],
    ids=["checkout", "checkin"],
)
def test_an_applying_entry_that_never_reached_koha_is_sent_again(
    journal: Journal, request_, make_koha
):
    koha = make_koha()
    entry = journal.record(request_, account="a", peer=None)
    journal.mark_applying(entry.id)

    report = run_replay(journal, koha)

    assert [type(r).__name__ for r in koha.received] == [
        "ItemInformationRequest",
        type(request_).__name__,
    ]
    assert (report.replayed, report.confirmed) == (1, 0)
    assert len(koha.applied) == 1
    assert journal.get(entry.id).attempts == 2


def test_a_process_killed_while_waiting_for_koha_never_applies_twice(journal_path):
    koha = FakeKoha(items=("B1", "B2"), loans={"B3": "P2"}, patrons=("P1", "P2"))
    koha.crash_when = lambda request: getattr(request, "item_identifier", "") == "B2"
    with Journal(journal_path) as journal:
        journal.record(checkout("P1", "B1", T1), account="a", peer=None)
        journal.record(checkout("P1", "B2", T2), account="a", peer=None)
        journal.record(checkin("B3", T3), account="a", peer=None)
        with pytest.raises(Crash):
            run_replay(journal, koha)
        assert [e.state for e in journal.entries()] == [
            State.REPLAYED,
            State.APPLYING,
            State.PENDING,
        ]

    koha.crash_when = lambda request: False
    koha.received.clear()
    with Journal(journal_path) as restarted:  # the gateway starts again
        report = run_replay(restarted, koha)
        states = [e.state for e in restarted.entries()]

    assert sent_items(koha) == [("CheckinRequest", "B3")]
    assert koha.applied == [("checkout", "B1"), ("checkout", "B2"), ("checkin", "B3")]
    assert (report.replayed, report.confirmed, report.failed, report.remaining) == (1, 1, 0, 0)
    assert states == [State.REPLAYED] * 3


def test_an_answer_lost_with_the_connection_is_checked_before_sending_again(journal: Journal):
    koha = FakeKoha(items=("B1",), patrons=("P1",))
    koha.lose_answer_when = lambda request: isinstance(request, CheckoutRequest)
    journal.record(checkout("P1", "B1", T1), account="a", peer=None)

    first = run_replay(journal, koha)
    assert first.remaining == 1 and journal.get(1).in_doubt

    koha.lose_answer_when = lambda request: False
    second = run_replay(journal, koha)

    assert second.confirmed == 1
    assert koha.applied == [("checkout", "B1")]


def test_a_payment_or_hold_in_doubt_is_held_for_the_staff_and_never_sent_again(
    journal: Journal,
):
    koha = FakeKoha(loans={"B1": "P1"})
    journal.record(fee_paid("P1", "2.50", T1), account="a", peer=None, in_doubt=True)
    journal.record(hold("P1", "B1", T1), account="a", peer=None)
    journal.mark_applying(2)

    report = run_replay(journal, koha)

    assert koha.received == []
    assert (report.held, report.failed, report.remaining) == (2, 0, 0)
    assert all(f.held and "may have reached the ILS" in f.reason for f in report.failures)
    assert [e.state for e in journal.entries()] == [State.HELD, State.HELD]


def test_entries_recorded_during_a_replay_are_replayed_too(journal: Journal):
    koha = FakeKoha(items=("B1", "B2"), patrons=("P1",))
    journal.record(checkout("P1", "B1", T1), account="a", peer=None)

    def meanwhile(request: Message) -> None:
        if request.item_identifier == "B1":
            journal.record(checkout("P1", "B2", T2), account="a", peer=None)

    koha.on_request = meanwhile

    report = run_replay(journal, koha)

    assert sent_items(koha) == [("CheckoutRequest", "B1"), ("CheckoutRequest", "B2")]
    assert report.replayed == 2 and report.complete


def test_two_replays_cannot_run_at_once(journal: Journal):
    koha = FakeKoha(items=("B1",), patrons=("P1",))
    journal.record(checkout("P1", "B1", T1), account="a", peer=None)

    with journal.replay_lock(), pytest.raises(ReplayInProgress):
        run_replay(journal, koha)

    assert koha.received == []
    assert run_replay(journal, koha).replayed == 1  # released


def test_the_terminal_comes_from_the_entry(journal: Journal):
    seen = []

    class Recording(FakeKoha):
        async def handle(self, request, terminal):
            seen.append(terminal)
            return await super().handle(request, terminal)

    journal.record(checkin("B1", T1), account="selfcheck-2", peer=None)

    asyncio.run(replay(journal, Recording(loans={"B1": "P1"}), lambda e: Terminal(e.account, "X")))

    assert [t.account for t in seen] == ["selfcheck-2"]


def test_an_entry_exported_while_the_replay_runs_is_not_sent(journal: Journal):
    koha = FakeKoha(items=("B1", "B2"), patrons=("P1",))
    journal.record(checkout("P1", "B1", T1), account="a", peer=None)
    journal.record(checkout("P1", "B2", T2), account="a", peer=None)

    def meanwhile(request: Message) -> None:
        if request.item_identifier == "B1":
            journal.mark_exported([2])  # by hand, in another process

    koha.on_request = meanwhile

    report = run_replay(journal, koha)

    assert sent_items(koha) == [("CheckoutRequest", "B1")]
    assert report.replayed == 1 and report.complete
    assert journal.get(2).state is State.EXPORTED


# -- renewals in doubt: settled by the due date ---------------------------------------------


def test_a_renewal_whose_answer_was_lost_is_confirmed_by_its_due_date_and_not_renewed_twice(
    journal: Journal,
):
    koha = FakeKoha(loans={"B1": "P1"})
    koha.lose_answer_when = lambda request: isinstance(request, RenewRequest)
    journal.record(renew("P1", "B1", T1), account="a", peer=None)

    first = run_replay(journal, koha)
    koha.lose_answer_when = lambda request: False
    second = run_replay(journal, koha)

    assert first.remaining == 1 and journal.get(1).due_before == "20240315    235900"
    assert (second.confirmed, second.replayed, second.held) == (1, 0, 0)
    assert koha.renewals == {"B1": 1}
    assert journal.get(1).outcome.startswith("confirmed by the due date, moved from 20240315")


def test_a_renewal_in_doubt_whose_due_date_did_not_move_is_sent_again(journal: Journal):
    koha = FakeKoha(loans={"B1": "P1"})
    entry = journal.record(renew("P1", "B1", T1), account="a", peer=None)
    journal.note_due_before(entry.id, "20240315    235900")
    journal.mark_applying(entry.id)  # the gateway died before Koha read it

    report = run_replay(journal, koha)

    assert (report.replayed, report.confirmed) == (1, 0)
    assert koha.renewals == {"B1": 1}


def test_a_renewal_in_doubt_with_no_due_date_noted_is_held_for_the_staff(journal: Journal):
    koha = FakeKoha(loans={"B1": "P1"})
    journal.record(renew("P1", "B1", T1), account="a", peer=None, in_doubt=True)  # lost online

    report = run_replay(journal, koha)

    assert koha.circulation() == [] and report.held == 1
    assert journal.get(1).state is State.HELD
    assert "due date before is unknown" in journal.get(1).outcome


# -- returns are never dated before the loan they close -------------------------------------

OLENA = "23529001000011"


def replay_to(sandbox, journal: Journal, *, no_block: bool) -> ReplayReport:
    upstream = SandboxUpstream(sandbox)
    return asyncio.run(replay(journal, upstream, terminal_for, no_block=no_block))


def closed_loan(sandbox, item: str) -> tuple[datetime, datetime]:
    """The last loan of the item that was returned: when it was made, and returned."""
    with sandbox.store.reading() as db:
        made, returned = db.execute(
            "SELECT checkout_date, checkin_date FROM old_checkouts JOIN items USING (item_id) "
            "WHERE external_id = ? ORDER BY checkout_id DESC",
            (item,),
        ).fetchone()
    return parse_api_datetime(made), parse_api_datetime(returned)


@pytest.mark.parametrize("no_block", [False, True])
def test_a_return_replayed_after_the_loan_it_closes_is_never_dated_before_that_loan(
    journal: Journal, sandbox, no_block
):
    # Offline, the day before: lent, then returned a minute later. Without no block Koha dates
    # the loan when the replay makes it; the return must not come before it.
    item = free_items(sandbox, 1)[0]
    journal.record(checkout(OLENA, item, datetime(2026, 11, 1, 15, 30)), account="a")
    journal.record(checkin(item, datetime(2026, 11, 1, 15, 31)), account="a")

    report = replay_to(sandbox, journal, no_block=no_block)

    made, returned = closed_loan(sandbox, item)
    assert report.replayed == 2
    assert returned >= made


def test_a_return_of_a_loan_made_before_the_outage_keeps_its_original_date(
    journal: Journal, sandbox, clock
):
    item = free_items(sandbox, 1)[0]
    lend = CheckoutRequest(institution_id="CPL", patron_identifier=OLENA, item_identifier=item)
    assert asyncio.run(SandboxUpstream(sandbox).handle(lend, TERMINAL)).ok  # online, 10:00
    back = datetime(2026, 11, 2, 11, 0)  # offline: 11:00 (the sandbox's clock is UTC)
    journal.record(checkin(item, back), account="a")
    clock.advance(hours=3)  # replayed at 13:00

    replay_to(sandbox, journal, no_block=False)

    assert closed_loan(sandbox, item)[1] == back.replace(tzinfo=UTC)
