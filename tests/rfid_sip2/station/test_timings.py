"""Where an item's time goes: the accumulator the benchmark reads."""

from __future__ import annotations

import asyncio
import time

from rfid_sip2.station.timings import Timings


def test_time_is_split_per_item_into_reader_sip2_and_the_rest():
    timings = Timings()
    with timings.spent("reader"):  # polling: no item yet
        time.sleep(0.002)
    with timings.item("E004"), timings.spent("reader"):
        time.sleep(0.002)
    timings.merge("E004", "3952001")  # the tag said which item it is
    with timings.item("3952001"):
        with timings.spent("sip2"):
            time.sleep(0.004)
        time.sleep(0.002)
    (item,) = timings.items.values()
    assert item.item_id == "3952001"
    assert item.reader >= 0.002 and item.sip2 >= 0.004
    assert item.total >= item.reader + item.sip2 + 0.002
    assert item.rest >= 0.002
    assert timings.unattributed.reader >= 0.002


def test_a_request_in_another_task_is_not_counted_in_the_items_time():
    timings = Timings()

    async def kiosk() -> None:
        with timings.spent("sip2"):
            await asyncio.sleep(0.01)

    async def scenario() -> None:
        task = asyncio.create_task(kiosk())
        with timings.item("1"):
            await asyncio.sleep(0.02)
        await task

    asyncio.run(scenario())
    assert timings.items["1"].sip2 == 0
    assert timings.unattributed.sip2 >= 0.01
