"""Failed logins counted per source address, across connections: too many lock it out."""

from __future__ import annotations

from rfid_sip2.gateway.lockout import Lockout


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def lockout(clock: Clock) -> Lockout:
    return Lockout(failures=3, window=60, duration=300, clock=clock)


def test_the_failure_that_reaches_the_limit_locks_that_address_and_says_so_once() -> None:
    guard = lockout(Clock())
    assert [guard.failed("10.0.0.1") for _ in range(3)] == [False, False, True]
    assert guard.locked("10.0.0.1")
    assert not guard.failed("10.0.0.1")  # already locked: nothing new to log


def test_other_addresses_are_not_locked_out() -> None:
    guard = lockout(Clock())
    for _ in range(3):
        guard.failed("10.0.0.1")
    assert not guard.locked("10.0.0.2")
    assert not guard.failed("10.0.0.2")


def test_failures_further_apart_than_the_window_do_not_add_up() -> None:
    clock = Clock()
    guard = lockout(clock)
    for _ in range(5):
        assert not guard.failed("10.0.0.1")
        clock.now += 31  # two fit in any 60 seconds, never three
    assert not guard.locked("10.0.0.1")


def test_a_lockout_ends_after_its_duration_and_counting_starts_again() -> None:
    clock = Clock()
    guard = lockout(clock)
    for _ in range(3):
        guard.failed("10.0.0.1")
    clock.now += 299
    assert guard.locked("10.0.0.1")
    clock.now += 1
    assert not guard.locked("10.0.0.1")
    assert not guard.failed("10.0.0.1")


def test_no_limit_means_no_lockout() -> None:
    guard = Lockout(failures=0, window=60, duration=300, clock=Clock())
    assert not any(guard.failed("10.0.0.1") for _ in range(100))
    assert not guard.locked("10.0.0.1")
