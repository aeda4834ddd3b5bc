"""Reading one item ahead in a thread: the same items, errors where they were due, memory flat."""

import threading
import time

import pytest

from koha_bridge.read_ahead import read_ahead


class PageTrouble(Exception):
    pass


def test_the_items_come_in_their_order():
    assert list(read_ahead(iter(range(7)))) == list(range(7))
    assert list(read_ahead(iter([]))) == []


def test_an_error_producing_an_item_is_raised_where_the_item_was_due():
    def pages():
        yield "page 1"
        yield "page 2"
        raise PageTrouble("Koha went away")

    received = []
    with pytest.raises(PageTrouble, match="Koha went away"):
        for page in read_ahead(pages()):
            received.append(page)
    assert received == ["page 1", "page 2"]


def test_no_more_than_one_item_is_produced_ahead_of_the_caller():
    started: list[int] = []
    second_ready = threading.Event()

    def pages():
        for number in range(1, 6):
            started.append(number)
            if number == 2:
                second_ready.set()
            yield number

    items = read_ahead(pages())
    assert next(items) == 1
    assert second_ready.wait(timeout=10)
    time.sleep(0.2)  # room for the worker to run on, were it allowed to
    assert started == [1, 2]
    assert list(items) == [2, 3, 4, 5]


def test_leaving_early_stops_the_worker_and_closes_the_pages():
    closed = threading.Event()

    def pages():
        try:
            yield from range(100)
        finally:
            closed.set()

    for page in read_ahead(pages()):
        if page == 3:
            break
    assert closed.is_set()
    assert not [thread for thread in threading.enumerate() if thread.name == "read-ahead"]
