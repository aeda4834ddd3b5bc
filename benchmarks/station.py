"""A 20-book stack through the self-service station: checkout, then return, against the gateway.

Usage: uv run python benchmarks/station.py [--books 20] [--runs 5] [--pad 3m|feig|memory]
                                          [--io-ms 0]

The gateway runs as its own process (``rfid-sip2 serve``) on a fresh sandbox with an item for
every book. The station runs here on a pluggable pad (``Stack``): ``3m`` (the default) or
``feig``, the reader simulator (``rfid_sip2.rfid.simulator``) over a pty with the real driver,
framing and serial I/O included; or ``memory``, the scripted reader the tests use, answering
from memory (``--io-ms`` adds a delay to every reader call, as a serial line would).

Each run puts the whole stack on the pad signed in (every book checked out, its security
written and read back), then again in return mode (every book checked in and resecured), and
prints ms per book split into reader I/O, SIP2 and the rest (the station's own work). Runs are
interleaved with the baseline: the bare SIP2 checkout and checkin of the same books, one at a
time, on one connection, without the station; the ratio is what the station costs beyond SIP2.
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.sandbox_gateway import free_port, prepare, serving, write_config  # noqa: E402
from rfid_sip2.client import SipClient  # noqa: E402
from rfid_sip2.rfid.readers.base import Reader  # noqa: E402
from rfid_sip2.sip2.messages import CheckinRequest, CheckoutRequest  # noqa: E402
from rfid_sip2.station.config import StationConfig  # noqa: E402
from rfid_sip2.station.control import Mode, Outcome  # noqa: E402
from rfid_sip2.station.station import Station  # noqa: E402
from rfid_sip2.station.timings import Timings  # noqa: E402
from tests.rfid_sip2.station.fakes import FakeReader, item_memory  # noqa: E402

PATRON, PIN = "23529001000012", "2222"
LOGIN, PASSWORD = "bench-station", "bench-password"
SECOND = 1.05  # between runs: the gateway takes the same frame within a second for a repeat


class Stack(Protocol):
    """A pad with the books' tags on it, or not."""

    reader: Reader

    def place_all(self) -> None: ...

    def lift_all(self) -> None: ...


@dataclass
class MemoryStack:
    """The books' tags on the in-memory pad."""

    barcodes: list[str]
    io_ms: float = 0.0
    reader: FakeReader = field(init=False)

    def __post_init__(self) -> None:
        delay = self.io_ms / 1000
        self.reader = FakeReader(on_call=(lambda _name: time.sleep(delay)) if delay else None)
        self.uids = [
            self.reader.new_tag(item_memory(code, owner="MD-CPL")) for code in self.barcodes
        ]

    def place_all(self) -> None:
        self.reader.place(*self.uids)

    def lift_all(self) -> None:
        self.reader.clear()


@dataclass
class SimulatorStack:
    """The books' tags on the simulated reader, served on a pty and read by the real driver."""

    barcodes: list[str]
    protocol: str = "3m"

    def __post_init__(self) -> None:
        from rfid_sip2.rfid.readers import open_reader
        from rfid_sip2.rfid.simulator import SimulatedReader

        self.simulator = SimulatedReader(self.protocol)
        self.uids = [f"E0040100{n:08X}" for n in range(1, len(self.barcodes) + 1)]
        for uid, barcode in zip(self.uids, self.barcodes, strict=True):
            self.simulator.place(uid, memory=item_memory(barcode, owner="MD-CPL"), afi=0x07)
            self.simulator.remove(uid)
        device = self.simulator.serve_pty()
        self.simulator.start()
        self.reader = open_reader(device, self.protocol)

    def place_all(self) -> None:
        for uid in self.uids:
            self.simulator.place(uid)

    def lift_all(self) -> None:
        for uid in self.uids:
            self.simulator.remove(uid)


@dataclass
class Phase:
    """One pass of the stack: wall time and its split, in seconds."""

    wall: float
    reader: float
    sip2: float
    rest: float


def phase(timings: Timings, wall: float) -> Phase:
    reader = sum(item.reader for item in timings.items.values()) + timings.unattributed.reader
    sip2 = sum(item.sip2 for item in timings.items.values()) + timings.unattributed.sip2
    return Phase(wall, reader, sip2, max(0.0, wall - reader - sip2))


async def station_run(config: StationConfig, stack: Stack, books: int) -> tuple[Phase, Phase]:
    station = Station(config, stack.reader)
    try:
        await station.choose(Mode.SIGN_IN)
        await station.sign_in(PATRON, PIN)
        assert station.screen().mode is Mode.CHECKOUT, station.screen().notice
        checkout = await timed_pass(station, stack, [Outcome.BORROWED] * books)
        await station.finish()
        await station.done()
        stack.lift_all()
        await station.poll_once()
        await station.choose(Mode.RETURN)
        checkin = await timed_pass(station, stack, [Outcome.RETURNED] * books)
        await station.done()
        stack.lift_all()
        await station.poll_once()
    finally:
        await station.close()
    return checkout, checkin


async def timed_pass(station: Station, stack: Stack, expected: list[Outcome]) -> Phase:
    """The whole stack put on the pad and handled in one poll, each book as ``expected``."""
    station.timings.clear()
    started = time.perf_counter()
    stack.place_all()
    await station.poll_once()
    timed = phase(station.timings, time.perf_counter() - started)
    outcomes = [line.outcome for line in station.screen().items]
    assert outcomes == expected, outcomes
    return timed


async def baseline_run(port: int, barcodes: list[str]) -> tuple[float, float]:
    """The same checkouts and checkins, bare SIP2: seconds for each pass."""
    client = SipClient("127.0.0.1", port, timeout=30)
    await client.connect()
    try:
        assert await client.login(LOGIN, PASSWORD, "CPL")
        now = datetime.now().replace(microsecond=0)
        started = time.perf_counter()
        for barcode in barcodes:
            response = await client.request_once(
                CheckoutRequest(
                    transaction_date=now,
                    institution_id="CPL",
                    patron_identifier=PATRON,
                    item_identifier=barcode,
                )
            )
            assert response.ok, response
        checkout = time.perf_counter() - started
        started = time.perf_counter()
        for barcode in barcodes:
            response = await client.request_once(
                CheckinRequest(
                    transaction_date=now,
                    return_date=now,
                    current_location="CPL",
                    institution_id="CPL",
                    item_identifier=barcode,
                )
            )
            assert response.ok, response
        return checkout, time.perf_counter() - started
    finally:
        await client.close()


async def measure(args: argparse.Namespace, port: int, barcodes: list[str], folder: Path):
    config = StationConfig(
        reader_url="memory:",
        sip2_host="127.0.0.1",
        sip2_port=port,
        sip2_login=LOGIN,
        sip2_password=PASSWORD,
        location="CPL",
        retry_list_path=folder / "retry.json",
    )
    stack = (
        MemoryStack(barcodes, args.io_ms)
        if args.pad == "memory"
        else SimulatorStack(barcodes, args.pad)
    )
    stations: list[tuple[Phase, Phase]] = []
    baselines: list[tuple[float, float]] = []
    await station_run(config, stack, len(barcodes))  # warm-up: imports, connections, caches
    for n in range(args.runs):
        # Interleaved, in turns: neither side always runs on a warmer machine.
        order = ("station", "baseline") if n % 2 == 0 else ("baseline", "station")
        for which in order:
            await asyncio.sleep(SECOND)
            if which == "station":
                stations.append(await station_run(config, stack, len(barcodes)))
            else:
                baselines.append(await baseline_run(port, barcodes))
    return stations, baselines


def ms_per_book(values: list[float], books: int) -> float:
    return statistics.fmean(values) * 1000 / books


def report(stations, baselines, books: int, pad: str) -> None:
    print(
        f"stack: {books} books, {len(stations)} runs each side, interleaved; gateway on the "
        f"sandbox (SQLite); pad: {pad}"
    )
    print(
        f"{'pass':<9}{'total':>9}{'reader':>9}{'SIP2':>9}{'rest':>9}{'bare SIP2':>11}{'ratio':>8}"
    )
    for index, name in enumerate(("checkout", "return")):
        runs = [run[index] for run in stations]
        total = ms_per_book([run.wall for run in runs], books)
        reader = ms_per_book([run.reader for run in runs], books)
        sip2 = ms_per_book([run.sip2 for run in runs], books)
        rest = ms_per_book([run.rest for run in runs], books)
        bare = ms_per_book([run[index] for run in baselines], books)
        print(
            f"{name:<9}{total:>9.2f}{reader:>9.2f}{sip2:>9.2f}{rest:>9.2f}{bare:>11.2f}"
            f"{total / bare:>7.2f}x"
        )
    print(
        "ms per book (means over the runs); ratio: the station's total over bare SIP2 "
        "for the same books"
    )
    beyond = max(
        ms_per_book([run[index].wall - run[index].reader for run in stations], books)
        for index in (0, 1)
    )
    print(f"beyond reader I/O: {beyond:.2f} ms per book (target: at most 100)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--books", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pad", choices=("3m", "feig", "memory"), default="3m")
    parser.add_argument("--io-ms", type=float, default=0.0, help="memory pad: ms per call")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="library20-station-bench-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    sandbox, barcodes = prepare(folder, args.books)
    port = free_port()
    env = {
        "PATH": "/usr/bin:/bin",
        "BENCH_PASSWORD": PASSWORD,
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(REPO),
    }
    config = write_config(folder, port, sandbox, LOGIN, account='location = "CPL"')
    with serving(config, port, env):
        stations, baselines = asyncio.run(measure(args, port, barcodes, folder))
    pad = (
        f"in memory, {args.io_ms:g} ms per reader call"
        if args.pad == "memory"
        else f"simulated {args.pad} reader over a pty"
    )
    report(stations, baselines, args.books, pad)


if __name__ == "__main__":
    main()
