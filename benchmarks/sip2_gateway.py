"""Load the SIP2 gateway with devices looping checkout/checkin against the sandbox.

Usage: uv run python benchmarks/sip2_gateway.py [--devices 200] [--seconds 30]

The gateway runs as its own process (``rfid-sip2 serve``) on a fresh sandbox with an item for
every device. This process opens the device connections (asyncio, our SIP2 client), each
looping checkout and checkin of its own item for the given time, and prints transactions per
second, p50/p99 latency and the gateway's peak memory. In the same run it times the same
checkout/checkin loop one at a time twice: straight against the sandbox upstream in this
process, and through the gateway over a socket; the ratio is what the gateway adds.

Requests carry a transaction date, as real devices send it, so the gateway keeps each one's
answer for repeats (``gateway.repeats``); a device's dates are a second apart, as if it sent one
request a second, so that no two of its frames are the same (the same frame twice is a repeat).
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import dataclasses
import itertools
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.sandbox_gateway import free_port, prepare, serving, write_config  # noqa: E402
from koha_bridge.sandbox.sandbox import Sandbox  # noqa: E402
from rfid_sip2.client import SipClient  # noqa: E402
from rfid_sip2.sip2.messages import CheckinRequest, CheckoutRequest, Message  # noqa: E402
from rfid_sip2.upstreams.base import Terminal  # noqa: E402
from rfid_sip2.upstreams.sandbox import SandboxUpstream  # noqa: E402

PATRON = "23529001000011"
LOGIN, PASSWORD = "bench", "bench-password"


def peak_memory_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def requests_for(barcode: str) -> Iterator[Message]:
    """Checkout, checkin, checkout... of the item, dated a second apart."""
    checkout = CheckoutRequest(
        institution_id="CPL", patron_identifier=PATRON, item_identifier=barcode
    )
    checkin = CheckinRequest(institution_id="CPL", item_identifier=barcode, current_location="CPL")
    start = datetime.now().replace(microsecond=0)
    for n in itertools.count():
        request = checkout if n % 2 == 0 else checkin
        yield dataclasses.replace(request, transaction_date=start + timedelta(seconds=n))


async def device(port: int, barcode: str, until: float, latencies: list[float]) -> None:
    client = SipClient("127.0.0.1", port, timeout=30, retries=0)
    await client.connect()
    try:
        assert await client.login(LOGIN, PASSWORD)
        requests = requests_for(barcode)
        while time.perf_counter() < until:
            for request in itertools.islice(requests, 2):
                started = time.perf_counter()
                response = await client.request(request)
                latencies.append(time.perf_counter() - started)
                assert response.ok, response
    finally:
        await client.close()


async def load(port: int, barcodes: list[str], seconds: float) -> list[float]:
    latencies: list[float] = []
    until = time.perf_counter() + seconds
    await asyncio.gather(*(device(port, code, until, latencies) for code in barcodes))
    return latencies


async def direct(sandbox: Path, barcode: str, rounds: int) -> list[float]:
    upstream = SandboxUpstream(Sandbox(sandbox, seed=False))
    terminal = Terminal(LOGIN, "CPL")
    latencies = []
    for request in itertools.islice(requests_for(barcode), 2 * rounds):
        started = time.perf_counter()
        response = await upstream.handle(request, terminal)
        latencies.append(time.perf_counter() - started)
        assert response.ok, response
    return latencies


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--rounds", type=int, default=300, help="one-at-a-time comparison")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="library20-sip2-bench-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    sandbox, barcodes = prepare(folder, args.devices + 1)
    solo = barcodes.pop()
    port = free_port()
    env = {**os.environ, "BENCH_PASSWORD": PASSWORD, "LOG_LEVEL": "WARNING"}
    config = write_config(folder, port, sandbox, LOGIN, gateway="max_connections = 1000")
    with serving(config, port, env) as gateway:
        direct_latencies = asyncio.run(direct(sandbox, solo, args.rounds))
        through = asyncio.run(one_at_a_time(port, solo, args.rounds))
        latencies = asyncio.run(load(port, barcodes, args.seconds))
        memory = peak_memory_kib(gateway.pid)

    direct_p50 = statistics.median(direct_latencies) * 1000
    gateway_p50 = statistics.median(through) * 1000
    print(
        f"devices: {args.devices} connections for {args.seconds:.0f} s, "
        "each looping checkout/checkin of its own item; sandbox upstream (SQLite)"
    )
    print(
        f"throughput: {len(latencies) / args.seconds:8.1f} transactions/s "
        f"({len(latencies)} transactions)"
    )
    print(
        f"latency under load: p50 {percentile(latencies, 0.5) * 1000:7.1f} ms   "
        f"p99 {percentile(latencies, 0.99) * 1000:7.1f} ms"
    )
    print(f"gateway peak memory (VmHWM): {memory / 1024:.1f} MiB")
    print(
        f"one at a time, p50: upstream called directly {direct_p50:6.2f} ms, "
        f"through the gateway {gateway_p50:6.2f} ms"
    )
    print(
        f"ratio gateway / direct: {gateway_p50 / direct_p50:.2f} "
        f"(the gateway adds {gateway_p50 - direct_p50:.2f} ms)"
    )


async def one_at_a_time(port: int, barcode: str, rounds: int) -> list[float]:
    client = SipClient("127.0.0.1", port, timeout=30, retries=0)
    await client.connect()
    latencies = []
    try:
        assert await client.login(LOGIN, PASSWORD)
        for request in itertools.islice(requests_for(barcode), 2 * rounds):
            started = time.perf_counter()
            response = await client.request(request)
            latencies.append(time.perf_counter() - started)
            assert response.ok, response
    finally:
        await client.close()
    return latencies


if __name__ == "__main__":
    main()
