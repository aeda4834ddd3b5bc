"""Load the SIP2 gateway with devices looping checkout/checkin: its throughput on the sandbox, its
own ceiling with a fast upstream, and its latency at a fixed request rate.

Usage: uv run python benchmarks/sip2_gateway.py [--devices 200] [--seconds 10] [--rounds 3]
           [--open-devices 200] [--workers 1,2]

Gateways run as processes of their own, as ``rfid-sip2 serve`` runs (INFO logging, one
key=value line per transaction, written to a file as in production), on the same configuration
but for the upstream: the sandbox (SQLite, an item for every device), and ``FastUpstream``
(``sip2_gateway_serve.py``, where the gateways are started: a real
upstream answering real checkout and checkin responses from a dictionary of loans), without an
ILS; a pair of them for each count of worker processes ``--workers`` lists (the first is the
baseline). Each round, in turn (round-robin, so every gateway sees the same machine):

1. one at a time, a block of checkout/checkin pairs straight against a ``SandboxUpstream`` in this
   process, then the same through the sandbox gateway over a socket: what the gateway adds;
2. for each count of workers: closed loop, ``--devices`` connections, each sending its next
   request as soon as the answer to the last comes, on the sandbox gateway, then on the fast one
   (transactions/s, p50/p99); open loop, ``--open-devices`` connections each sending one request
   a second (spread over the second), on the sandbox gateway: latency without queueing.

Ratios are printed per round with their median: fast/sandbox, and each count of workers against
the first. The load generator shares the machine's cores
with the gateway, so it is made cheap: one process, plain asyncio protocols (uvloop if
installed), frames encoded once per device and re-dated by patching their date, sequence
number and checksum bytes; answers are read no further than their ok flag. Requests carry a
transaction date a second apart per device, as real devices send them, so the gateway keeps
each answer for repeats and no two frames of a device are the same.
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import itertools
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.sandbox_gateway import free_port, prepare, serving, write_config  # noqa: E402
from koha_bridge.sandbox.sandbox import Sandbox  # noqa: E402
from rfid_sip2.sip2.checksum import checksum  # noqa: E402
from rfid_sip2.sip2.codec import encode  # noqa: E402
from rfid_sip2.sip2.messages import (  # noqa: E402
    CheckinRequest,
    CheckoutRequest,
    LoginRequest,
    Message,
)
from rfid_sip2.upstreams.base import Terminal  # noqa: E402
from rfid_sip2.upstreams.sandbox import SandboxUpstream  # noqa: E402

PATRON = "23529001000011"
LOGIN, PASSWORD = "bench", "bench-password"
BLOCK = 100  # one-at-a-time pairs per round and side
DATE_FORMAT = "%Y%m%d    %H%M%S"
FIRST_DATE = datetime(2026, 1, 1)
_SPANS = itertools.count()
SERVE = Path(__file__).with_name("sip2_gateway_serve.py")  # the gateways' own processes


# -- the load generator -------------------------------------------------------------------


class Frames:
    """A device's checkout and checkin frames, encoded once, re-dated a second apart."""

    def __init__(self, barcode: str) -> None:
        # A span of dates of its own: no frame is ever one another device or phase sent.
        self.start = FIRST_DATE + timedelta(seconds=next(_SPANS) * 100_000)
        self.templates = []
        for request, date_at in (
            (CheckoutRequest(patron_identifier=PATRON, item_identifier=barcode), 4),
            (CheckinRequest(item_identifier=barcode, current_location="CPL"), 3),
        ):
            dated = replace(request, institution_id="CPL", transaction_date=self.start)
            frame = encode(dated, sequence_number=0, error_detection=True)
            sequence_at = frame.rindex(b"|AY") + 3
            prefix = bytearray(frame[: sequence_at + 3])  # up to and with "AZ"
            self.templates.append((prefix, date_at, sequence_at))
        self.sent = 0

    def next(self) -> bytes:
        """Checkout, checkin, checkout...: each with its own date and sequence number."""
        n = self.sent
        self.sent += 1
        prefix, date_at, sequence_at = self.templates[n % 2]
        date = (self.start + timedelta(seconds=n)).strftime(DATE_FORMAT).encode()
        prefix[date_at : date_at + 18] = date
        prefix[sequence_at] = 48 + n % 10
        return bytes(prefix) + checksum(prefix).encode() + b"\r"


@dataclass
class Device(asyncio.Protocol):
    """One connection: logs in, then sends what ``pace`` says when it says; records latencies."""

    barcode: str
    latencies: list[float]
    failures: list[bytes]
    frames: Frames = field(init=False)
    transport: asyncio.Transport | None = None
    buffer: bytes = b""
    sent_at: float = 0.0
    waiting: bool = False
    logged_in: asyncio.Future | None = None
    on_answer: Callable[[], None] = lambda: None

    def __post_init__(self) -> None:
        self.frames = Frames(self.barcode)

    def connection_made(self, transport) -> None:
        self.transport = transport
        self.logged_in = asyncio.get_running_loop().create_future()
        transport.write(encode(LoginRequest(login_user_id=LOGIN, login_password=PASSWORD)))

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while (end := self.buffer.find(b"\r")) >= 0:
            frame, self.buffer = self.buffer[:end], self.buffer[end + 1 :]
            self.answered(frame)

    def answered(self, frame: bytes) -> None:
        if not self.logged_in.done():
            self.logged_in.set_result(frame.startswith(b"941"))
            return
        self.latencies.append(time.perf_counter() - self.sent_at)
        self.waiting = False
        if frame[2:3] != b"1":  # the ok flag of 12 and 10
            self.failures.append(frame)
        self.on_answer()

    def send(self) -> None:
        self.waiting = True
        self.sent_at = time.perf_counter()
        self.transport.write(self.frames.next())

    def connection_lost(self, exc) -> None:
        if self.logged_in is not None and not self.logged_in.done():
            self.logged_in.set_result(False)


async def connect(port: int, barcodes: list[str]) -> tuple[list[Device], list[float], list]:
    latencies: list[float] = []
    failures: list[bytes] = []
    loop = asyncio.get_running_loop()
    devices = []
    for barcode in barcodes:
        _transport, device = await loop.create_connection(
            lambda b=barcode: Device(b, latencies, failures), "127.0.0.1", port
        )
        devices.append(device)
    logins = await asyncio.gather(*(device.logged_in for device in devices))
    assert all(logins), "a device could not log in"
    return devices, latencies, failures


async def closed_loop(port: int, barcodes: list[str], seconds: float) -> Result:
    """Every device sends its next request as soon as its answer comes; each ends on a checkin."""
    devices, latencies, failures = await connect(port, barcodes)
    until = time.perf_counter() + seconds
    running = len(devices)
    finished = asyncio.get_running_loop().create_future()

    def pace(device: Device) -> None:
        nonlocal running
        if time.perf_counter() < until or device.frames.sent % 2:
            device.send()
            return
        running -= 1
        if running == 0:
            finished.set_result(None)

    started = time.perf_counter()
    for device in devices:
        device.on_answer = lambda d=device: pace(d)
        device.send()
    await finished
    elapsed = time.perf_counter() - started
    close(devices)
    return Result(latencies, failures, elapsed)


async def open_loop(port: int, barcodes: list[str], seconds: float) -> Result:
    """Each device sends one request a second, the devices' seconds spread evenly."""
    devices, latencies, failures = await connect(port, barcodes)
    loop = asyncio.get_running_loop()
    sends = max(2, int(seconds) // 2 * 2)  # even: each device ends on a checkin
    late = 0
    done = loop.create_future()
    remaining = len(devices) * sends

    def due(device: Device) -> None:
        nonlocal late
        if device.waiting:  # the last answer has not come: a device never sends two at once
            late += 1
            device.on_answer = lambda: send_late(device)
            return
        device.send()

    def send_late(device: Device) -> None:
        answered()  # the answer that was waited for counts too
        device.on_answer = answered
        device.send()

    def answered() -> None:
        nonlocal remaining
        remaining -= 1
        if remaining == 0:
            done.set_result(None)

    start = loop.time() + 0.5
    for index, device in enumerate(devices):
        device.on_answer = answered
        offset = index / len(devices)
        for n in range(sends):
            loop.call_at(start + offset + n, due, device)
    started = time.perf_counter()
    await done
    elapsed = time.perf_counter() - started
    close(devices)
    return Result(latencies, failures, elapsed, late)


def close(devices: list[Device]) -> None:
    for device in devices:
        device.transport.close()


async def one_at_a_time(port: int, barcode: str, pairs: int) -> list[float]:
    devices, latencies, failures = await connect(port, [barcode])
    device = devices[0]
    for _ in range(2 * pairs):
        answer = asyncio.get_running_loop().create_future()
        device.on_answer = lambda a=answer: a.set_result(None)
        device.send()
        await answer
    close(devices)
    assert not failures, failures
    return latencies


async def direct(upstream: SandboxUpstream, frames: DirectRequests, pairs: int) -> list[float]:
    terminal = Terminal(LOGIN, "CPL")
    latencies = []
    for _ in range(2 * pairs):
        request = frames.next()
        started = time.perf_counter()
        response = await upstream.handle(request, terminal)
        latencies.append(time.perf_counter() - started)
        assert response.ok, response
    return latencies


class DirectRequests:
    """The same checkout/checkin loop as messages, for the upstream called directly."""

    def __init__(self, barcode: str) -> None:
        self.requests = itertools.cycle(
            (
                CheckoutRequest(
                    institution_id="CPL", patron_identifier=PATRON, item_identifier=barcode
                ),
                CheckinRequest(
                    institution_id="CPL", item_identifier=barcode, current_location="CPL"
                ),
            )
        )

    def next(self) -> Message:
        return next(self.requests)


@dataclass
class Result:
    latencies: list[float]
    failures: list[bytes]
    elapsed: float
    late: int = 0
    gateway_cpu: float = 0.0  # seconds of CPU the gateway's processes used meanwhile
    generator_cpu: float = 0.0  # and this process, the load generator

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.elapsed

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000

    def line(self) -> str:
        failed = f", {len(self.failures)} refused" if self.failures else ""
        late = f", {self.late} sends waited for an answer" if self.late else ""
        count = max(1, len(self.latencies))
        return (
            f"{self.rate:8.1f} tx/s  p50 {self.percentile(0.5):7.2f} ms  "
            f"p99 {self.percentile(0.99):7.2f} ms  ({len(self.latencies)} tx{failed}{late}); "
            f"CPU/tx gateway {self.gateway_cpu / count * 1000:.3f} ms, "
            f"load generator {self.generator_cpu / count * 1000:.3f} ms"
        )


def measured(gateway: int, phase) -> Result:
    """Run ``phase`` (a coroutine giving a Result), with the CPU time it cost on both sides:
    figures the other programs sharing the machine do not change, unlike rates."""
    gateway_before, generator_before = cpu_seconds(gateway), time.process_time()
    result = asyncio.run(phase)
    result.gateway_cpu = cpu_seconds(gateway) - gateway_before
    result.generator_cpu = time.process_time() - generator_before
    return result


def cpu_seconds(pid: int) -> float:
    """User and system CPU of a process and its children (a gateway's workers)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    total = 0
    for process in [pid, *map(int, children)]:
        fields = Path(f"/proc/{process}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14, 15)
    return total / os.sysconf("SC_CLK_TCK")


# -- the gateways ---------------------------------------------------------------------------


def peak_memory_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def start_gateway(stack: ExitStack, folder: Path, kind: str, sandbox: Path, workers: int):
    home = folder / f"{kind}-{workers}"
    home.mkdir()
    port = free_port()
    settings = f"max_connections = 1000\nworkers = {workers}"
    config = write_config(home, port, sandbox, LOGIN, gateway=settings)
    log = stack.enter_context((home / "gateway.log").open("wb"))
    env = {**os.environ, "BENCH_PASSWORD": PASSWORD, "LOG_LEVEL": "INFO"}
    command = [
        sys.executable,
        str(Path(__file__).with_name("sip2_gateway_serve.py")),
        kind,
        str(config),
    ]
    process = stack.enter_context(serving(config, port, env, command=command, stderr=log))
    return port, process, home / "gateway.log"


def peak_memory(pid: int) -> float:
    """The largest peak of the gateway's processes (its workers', when it has some)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return max(peak_memory_mib(int(process)) for process in [pid, *children])


def parse_workers(text: str) -> list[int]:
    counts = [int(part) for part in text.split(",")]
    if not counts or min(counts) < 1:
        raise argparse.ArgumentTypeError("expected counts of processes, such as 1,2")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--open-devices", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=10, help="each loaded phase")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--workers",
        type=parse_workers,
        default=[1],
        help="counts of gateway processes to compare, the first the baseline (e.g. 1,2)",
    )
    args = parser.parse_args()
    try:
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    except ImportError:
        pass

    folder = Path(tempfile.mkdtemp(prefix="library20-sip2-bench-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    sandbox, barcodes = prepare(folder, max(args.devices, args.open_devices) + 1)
    solo = barcodes.pop()
    print(
        f"{args.devices} devices closed loop, {args.open_devices} open loop at 1 request/s, "
        f"{args.seconds:.0f} s a phase, {args.rounds} rounds; INFO logging to a file; "
        f"workers {', '.join(map(str, args.workers))} (baseline {args.workers[0]})"
    )
    with ExitStack() as stack:
        gateways = {
            workers: (
                start_gateway(stack, folder, "sandbox", sandbox, workers),
                start_gateway(stack, folder, "fast", sandbox, workers),
            )
            for workers in args.workers
        }
        upstream = SandboxUpstream(Sandbox(sandbox, seed=False))
        requests = DirectRequests(solo)
        baseline = args.workers[0]
        solo_port = gateways[baseline][0][0]
        solos: list[float] = []
        rows: dict[int, list[tuple[float, float, float, float]]] = {n: [] for n in args.workers}
        for number in range(1, args.rounds + 1):
            print(f"round {number}")
            solo_direct = asyncio.run(direct(upstream, requests, BLOCK))
            solo_through = asyncio.run(one_at_a_time(solo_port, solo, BLOCK))
            solos.append(statistics.median(solo_through) / statistics.median(solo_direct))
            print(
                f"  one at a time p50: direct {statistics.median(solo_direct) * 1000:6.2f} ms, "
                f"through the gateway {statistics.median(solo_through) * 1000:6.2f} ms; "
                f"ratio gateway/direct {solos[-1]:.2f}"
            )
            for workers, ((sandbox_port, on, _), (fast_port, fast, _)) in gateways.items():
                devices = barcodes[: args.devices]
                on_sandbox = measured(on.pid, closed_loop(sandbox_port, devices, args.seconds))
                on_fast = measured(fast.pid, closed_loop(fast_port, devices, args.seconds))
                opened = measured(
                    on.pid, open_loop(sandbox_port, barcodes[: args.open_devices], args.seconds)
                )
                rows[workers].append(
                    (
                        on_sandbox.rate,
                        on_fast.rate,
                        opened.percentile(0.99),
                        on_fast.rate / on_sandbox.rate,
                    )
                )
                print(f"  workers {workers}")
                print(f"    closed loop, sandbox upstream: {on_sandbox.line()}")
                print(f"    closed loop, fast upstream:    {on_fast.line()}")
                print(f"      ratio fast/sandbox {rows[workers][-1][3]:.2f}")
                print(f"    open loop, sandbox upstream:   {opened.line()}")
            for workers in args.workers[1:]:
                mine, base = rows[workers][-1], rows[baseline][-1]
                print(
                    f"  workers {workers}/{baseline}: sandbox {mine[0] / base[0]:.2f}, "
                    f"fast {mine[1] / base[1]:.2f}, open-loop p99 {mine[2] / base[2]:.2f}"
                )
        logs = {}
        for workers, ((_p, sandbox_gateway, log), (_q, fast_gateway, _l)) in gateways.items():
            lines = sum(1 for _ in log.open("rb"))
            memory = peak_memory(sandbox_gateway.pid), peak_memory(fast_gateway.pid)
            logs[workers] = (lines, memory)
    print("medians over the rounds")
    print(f"  one at a time, gateway/direct {statistics.median(solos):.2f}")
    for workers in args.workers:
        median = [statistics.median(column) for column in zip(*rows[workers], strict=True)]
        lines, memory = logs[workers]
        print(
            f"  workers {workers}: closed loop sandbox {median[0]:8.1f} tx/s, fast "
            f"{median[1]:8.1f} tx/s (ratio fast/sandbox {median[3]:.2f}); open loop p99 "
            f"{median[2]:.2f} ms"
        )
        print(
            f"    sandbox gateway log: {lines} lines; peak memory (VmHWM, a process) "
            f"{memory[0]:.1f} MiB sandbox, {memory[1]:.1f} MiB fast"
        )
        if workers != baseline:
            ratios = [
                [mine[i] / base[i] for i in range(3)]
                for mine, base in zip(rows[workers], rows[baseline], strict=True)
            ]
            median_ratio = [statistics.median(column) for column in zip(*ratios, strict=True)]
            print(
                f"    against {baseline} worker(s), median of per-round ratios: sandbox "
                f"{median_ratio[0]:.2f}, fast {median_ratio[1]:.2f}, open-loop p99 "
                f"{median_ratio[2]:.2f}"
            )


if __name__ == "__main__":
    main()
