"""The simulator served from an asyncio task, and on TCP to several hosts in turn."""

from __future__ import annotations

import asyncio
from pathlib import Path

from rfid_sip2.rfid.readers import open_reader
from rfid_sip2.rfid.simulator import SimulatedReader

UID = bytes.fromhex("E004010012345678")


def test_a_simulator_served_from_an_asyncio_task_answers_a_driver_in_a_worker_thread():
    async def scenario() -> list[bytes]:
        simulated = SimulatedReader("feig")
        url = simulated.serve_tcp()
        simulated.place(UID, bytes(16), afi=0x07)
        task = asyncio.create_task(simulated.serve())
        await asyncio.sleep(0.05)

        def inventory() -> list[bytes]:
            reader = open_reader(url, "feig", timeout=0.5)
            try:
                simulated.remove(UID)
                simulated.place(UID)
                return [tag.uid for tag in reader.inventory()]
            finally:
                reader.close()

        try:
            return await asyncio.to_thread(inventory)
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    assert asyncio.run(scenario()) == [UID]


def test_the_pty_path_is_a_link_to_the_pty_device_that_moves_when_plugged_back():
    with SimulatedReader("3m") as simulated:
        path = simulated.serve_pty()
        first = simulated.device
        assert first is not None and first.startswith("/dev/")
        simulated.unplug()
        assert simulated.device is None
        simulated.plug()
        assert simulated.device is not None
        assert Path(path).resolve() == Path(simulated.device).resolve()
