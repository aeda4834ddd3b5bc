"""The monitor counts, keeps states with the time they changed, and tells subscribers of the
changes that matter, once each."""

from __future__ import annotations

from rfid_sip2.monitor import Event, Monitor, Outcome, ReaderState, Role, UpstreamState, outcome
from rfid_sip2.sip2.messages import CheckoutResponse, FeePaidResponse


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def heard(monitor: Monitor) -> list[Event]:
    events: list[Event] = []
    monitor.subscribe(lambda event, _snapshot: events.append(event))
    return events


def test_transactions_are_counted_by_message_type_and_outcome():
    monitor = Monitor(Role.GATEWAY)
    monitor.transaction("11", Outcome.OK)
    monitor.transaction("11", Outcome.OK)
    monitor.transaction("11", Outcome.DENIED)
    monitor.transaction("09", Outcome.OFFLINE)
    assert monitor.snapshot().transactions == {
        ("11", Outcome.OK): 2,
        ("11", Outcome.DENIED): 1,
        ("09", Outcome.OFFLINE): 1,
    }


def test_the_outcome_comes_from_the_gateways_mode_and_the_answer():
    yes, no = CheckoutResponse(ok=True), CheckoutResponse(ok=False)
    assert outcome("online", yes) is Outcome.OK
    assert outcome("online", no) is Outcome.DENIED
    assert outcome("online", FeePaidResponse(payment_accepted=False)) is Outcome.DENIED
    assert outcome("online", None) is Outcome.OK
    assert outcome("offline", yes) is Outcome.OFFLINE
    assert outcome("refused", no) is Outcome.REFUSED
    assert outcome("offline, in doubt", yes) is Outcome.IN_DOUBT
    assert outcome("refused, in doubt", no) is Outcome.IN_DOUBT
    assert outcome("gateway", None) is Outcome.GATEWAY
    assert outcome("repeat", yes) is Outcome.REPEAT


def test_the_upstream_going_down_and_coming_back_is_told_once_each_with_its_age():
    clock = Clock()
    monitor = Monitor(Role.GATEWAY, clock=clock)
    events = heard(monitor)
    clock.now += 30
    monitor.upstream_is(UpstreamState.DOWN)
    monitor.upstream_is(UpstreamState.DOWN)
    clock.now += 12
    assert monitor.snapshot().upstream_age == 12
    monitor.upstream_is(UpstreamState.OFFLINE)  # back, replaying: not up yet
    monitor.upstream_is(UpstreamState.UP)
    assert events == [Event.UPSTREAM_DOWN, Event.UPSTREAM_UP]
    assert monitor.snapshot().uptime == 42


def test_a_reader_going_down_and_back_is_told_and_a_gateway_has_none():
    assert Monitor(Role.GATEWAY).snapshot().reader is ReaderState.NONE
    monitor = Monitor(Role.STATION)
    events = heard(monitor)
    monitor.reader_is(up=True)
    monitor.reader_is(up=False)
    monitor.reader_is(up=False)
    monitor.reader_is(up=True)
    assert events == [Event.READER_DOWN, Event.READER_UP]


def test_the_journal_backlog_is_told_when_it_reaches_the_threshold_and_when_it_clears():
    clock = Clock()
    monitor = Monitor(Role.GATEWAY, journal_threshold=2, clock=clock)
    events = heard(monitor)
    monitor.journal_recorded()
    clock.now += 60
    monitor.journal_recorded()
    monitor.journal_recorded()
    snapshot = monitor.snapshot()
    assert (snapshot.journal_depth, snapshot.journal_oldest_age) == (3, 60)
    monitor.journal_is(0, None)
    assert events == [Event.JOURNAL_BACKLOG, Event.JOURNAL_BACKLOG_CLEARED]
    assert monitor.snapshot().journal_oldest_age == 0


def test_a_journal_counted_on_disk_keeps_its_oldest_entrys_age():
    clock = Clock()
    monitor = Monitor(Role.GATEWAY, journal_threshold=0, clock=clock)
    events = heard(monitor)
    monitor.journal_is(500, 3600.0)
    clock.now += 10
    assert monitor.snapshot().journal_oldest_age == 3610
    assert events == []  # threshold 0: never told


def test_gauges_the_owner_keeps_are_read_when_the_snapshot_is_taken():
    monitor = Monitor(Role.STATION)
    pending = [1, 2]
    monitor.retry_list = lambda: len(pending)
    assert monitor.snapshot().retry_list == 2
    pending.pop()
    assert monitor.snapshot().retry_list == 1


def test_the_last_error_keeps_its_text_and_time():
    clock = Clock()
    monitor = Monitor(Role.GATEWAY, clock=clock)
    assert (monitor.snapshot().last_error, monitor.snapshot().last_error_age) == ("", 0)
    monitor.error("upstream unavailable: connection refused")
    clock.now += 5
    snapshot = monitor.snapshot()
    assert snapshot.last_error == "upstream unavailable: connection refused"
    assert snapshot.last_error_age == 5


def test_a_failing_subscriber_does_not_stop_the_others():
    monitor = Monitor(Role.GATEWAY)

    def broken(_event, _snapshot):
        raise RuntimeError("manager unreachable")

    monitor.subscribe(broken)
    events = heard(monitor)
    monitor.upstream_is(UpstreamState.DOWN)
    assert events == [Event.UPSTREAM_DOWN]


def test_a_journal_entry_dated_ahead_of_the_clock_is_no_older_than_now():
    monitor = Monitor(Role.GATEWAY, clock=Clock())
    monitor.journal_is(3, -120.0)  # recorded "in the future": the clock was set back
    assert monitor.snapshot().journal_oldest_age == 0
