"""What monitoring costs: an SNMP walk's latency, and the gateway's per-transaction overhead of
counting.

Usage: uv run python benchmarks/snmp.py [--rounds 5] [--walks 20] [--pairs 20000]

1. Walks: the agent (its own event loop, in a thread, as in ``rfid-sip2 serve``) serves a
   monitor holding a gateway's values and 20 transaction rows; a pysnmp manager in this process
   times, in turn each round, a GET of one scalar (the baseline), a v2c walk of the subtree and
   an SNMPv3 authPriv (SHA, AES) walk. Ratios walk/GET per round, and their median.
2. Counting: ``GatewayService.handle`` for checkout/checkin pairs on ``FastUpstream`` (real
   answers, no ILS), with the monitor counting, then with one that does not (its transaction
   method does nothing), in short blocks alternating ABBA within each round, each side's
   fastest block kept. Logging is off, so the counting's share is the largest it can be (with
   the INFO log line of production it is smaller still).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pysnmp.hlapi.v3arch.asyncio import (  # noqa: E402
    CommunityData,
    ContextData,
    ObjectIdentity,
    ObjectType,
    SnmpEngine,
    UdpTransportTarget,
    UsmUserData,
    get_cmd,
    usmAesCfb128Protocol,
    usmHMACSHAAuthProtocol,
    walk_cmd,
)

from benchmarks.sip2_gateway import FastUpstream  # noqa: E402
from rfid_sip2.gateway.answered import AnsweredRequests  # noqa: E402
from rfid_sip2.gateway.config import from_mapping  # noqa: E402
from rfid_sip2.gateway.service import GatewayService, Session  # noqa: E402
from rfid_sip2.journal.store import Journal  # noqa: E402
from rfid_sip2.monitor import Monitor, Outcome, Role, outcome  # noqa: E402
from rfid_sip2.sip2.messages import CheckinRequest, CheckoutRequest, CheckoutResponse  # noqa: E402
from rfid_sip2.snmp.agent import Agent  # noqa: E402
from rfid_sip2.snmp.config import DEFAULT_ENTERPRISE, SnmpConfig, V3User  # noqa: E402

ROOT = DEFAULT_ENTERPRISE
COMMUNITY, USER, AUTH, PRIV = "bench-community", "bench-user", "bench-auth-key", "bench-priv-key"


# -- walks ----------------------------------------------------------------------------------


def start_agent() -> tuple[Agent, asyncio.AbstractEventLoop]:
    monitor = Monitor(Role.GATEWAY)
    for code in ("11", "09", "29", "63", "17"):
        for result in (Outcome.OK, Outcome.DENIED, Outcome.OFFLINE, Outcome.REFUSED):
            monitor.transaction(code, result)
    settings = SnmpConfig(
        listen=("127.0.0.1", 0),
        community=COMMUNITY,
        v3_user=V3User(USER, AUTH, PRIV),
    )
    loop = asyncio.new_event_loop()
    threading.Thread(target=loop.run_forever, daemon=True).start()
    agent = Agent(settings, monitor)

    async def started() -> None:
        agent.start()

    asyncio.run_coroutine_threadsafe(started(), loop).result(30)
    return agent, loop


async def timed_walks(port: int, walks: int, engine: SnmpEngine) -> dict[str, float]:
    """Milliseconds per operation: GET of one scalar, v2c walk, v3 authPriv walk."""
    target = await UdpTransportTarget.create(("127.0.0.1", port), timeout=2, retries=0)
    v2c = CommunityData(COMMUNITY, mpModel=1)
    v3 = UsmUserData(
        USER, AUTH, PRIV, authProtocol=usmHMACSHAAuthProtocol, privProtocol=usmAesCfb128Protocol
    )
    uptime = ObjectType(ObjectIdentity((*ROOT, 1, 2, 0)))

    async def get() -> int:
        error, status, _index, binds = await get_cmd(engine, v2c, target, ContextData(), uptime)
        assert not error and not status, error or status
        return len(binds)

    async def walk(auth) -> int:
        count = 0
        async for error, status, _index, binds in walk_cmd(
            engine,
            auth,
            target,
            ContextData(),
            ObjectType(ObjectIdentity(ROOT)),
            lexicographicMode=False,
        ):
            assert not error and not status, error or status
            count += len(binds)
        return count

    figures = {}
    for name, operation in (
        ("get", get),
        ("walk_v2c", lambda: walk(v2c)),
        ("walk_v3", lambda: walk(v3)),
    ):
        await operation()  # warm: engine discovery (v3), MIB view
        started = time.perf_counter()
        for _ in range(walks):
            found = await operation()
        figures[name] = (time.perf_counter() - started) * 1000 / walks
        figures[name + "_varbinds"] = found
    return figures


# -- counting -------------------------------------------------------------------------------


class Uncounted(Monitor):
    """A monitor that counts nothing: the baseline."""

    def transaction(self, command: str, result: Outcome) -> None:
        pass


def service(directory: Path, counted: bool) -> GatewayService:
    data = {
        "accounts": [{"login": "bench", "password_env": "BENCH_PASSWORD"}],
        "journal": {"path": str(directory / "journal.sqlite3")},
    }
    config = from_mapping(data, {"BENCH_PASSWORD": "bench"}, directory, directory)
    journal = Journal(config.journal_path)
    gateway = GatewayService(
        config, FastUpstream(), journal, AnsweredRequests(config.answered_path)
    )
    if not counted:
        gateway.monitor = Uncounted(Role.GATEWAY)
    return gateway


async def timed_pairs(gateway: GatewayService, pairs: int) -> float:
    """Microseconds per transaction through ``handle``."""
    session = Session("127.0.0.1:1", "127.0.0.1", account=gateway.config.accounts[0])
    checkout = CheckoutRequest(
        institution_id="CPL", patron_identifier="23529001000011", item_identifier="39520000000001"
    )
    checkin = CheckinRequest(institution_id="CPL", item_identifier="39520000000001")
    started = time.perf_counter()
    for _ in range(pairs):
        await gateway.handle(checkout, session)
        await gateway.handle(checkin, session)
    return (time.perf_counter() - started) * 1e6 / (2 * pairs)


def timed_hook(monitor: Monitor, pairs: int) -> float:
    """Microseconds per call of what ``handle`` adds for counting, alone."""
    answer = CheckoutResponse(ok=True)
    started = time.perf_counter()
    for _ in range(pairs):
        monitor.transaction("11", outcome("online", answer))
        monitor.transaction("09", outcome("offline", answer))
    return (time.perf_counter() - started) * 1e6 / (2 * pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--walks", type=int, default=20)
    parser.add_argument("--pairs", type=int, default=20000)
    args = parser.parse_args()

    agent, _loop = start_agent()
    manager_loop = asyncio.new_event_loop()
    engine = SnmpEngine()
    print(f"walks: {args.walks} per operation and round, agent on {agent.address[1]}/udp")
    walk_ratios = []
    for round_number in range(1, args.rounds + 1):
        f = manager_loop.run_until_complete(timed_walks(agent.address[1], args.walks, engine))
        ratio = f["walk_v2c"] / f["get"], f["walk_v3"] / f["get"]
        walk_ratios.append(ratio)
        print(
            f"  round {round_number}: GET {f['get']:.2f} ms; walk v2c {f['walk_v2c']:.2f} ms, "
            f"v3 authPriv {f['walk_v3']:.2f} ms ({f['walk_v2c_varbinds']} values); "
            f"walk/GET v2c {ratio[0]:.1f}, v3 {ratio[1]:.1f}"
        )
    print(
        f"  median walk/GET: v2c {statistics.median(r[0] for r in walk_ratios):.1f}, "
        f"v3 {statistics.median(r[1] for r in walk_ratios):.1f}"
    )

    print(f"counting: {args.pairs} checkout/checkin pairs per side and round, logging off")
    count_ratios = []
    with tempfile.TemporaryDirectory() as counted_dir, tempfile.TemporaryDirectory() as bare_dir:
        sides = {
            "counted": service(Path(counted_dir), counted=True),
            "uncounted": service(Path(bare_dir), counted=False),
        }
        for gateway in sides.values():  # warm
            manager_loop.run_until_complete(timed_pairs(gateway, 100))
        for round_number in range(1, args.rounds + 1):
            # Short blocks, alternating sides (ABBA), each side's fastest block: what the code
            # costs, with the load of other processes on the shared cores left out.
            us = dict.fromkeys(sides, float("inf"))
            hook = float("inf")
            blocks = 10
            for block in range(blocks):
                order = list(sides) if block % 2 else list(reversed(sides))
                for name in order:
                    spent = manager_loop.run_until_complete(
                        timed_pairs(sides[name], args.pairs // blocks)
                    )
                    us[name] = min(us[name], spent)
                hook = min(hook, timed_hook(sides["counted"].monitor, args.pairs // blocks))
            ratio = us["counted"] / us["uncounted"]
            count_ratios.append(ratio)
            print(
                f"  round {round_number}: counted {us['counted']:.1f} µs, uncounted "
                f"{us['uncounted']:.1f} µs per transaction; ratio {ratio:.3f} "
                f"(+{us['counted'] - us['uncounted']:.2f} µs); the counting alone {hook:.2f} µs, "
                f"{hook / us['uncounted']:.1%} of the uncounted transaction"
            )
        print(f"  median counted/uncounted: {statistics.median(count_ratios):.3f}")
    agent.stop()
    engine.close_dispatcher()
    manager_loop.run_until_complete(asyncio.sleep(0))  # the dispatcher's timer task ends


if __name__ == "__main__":
    main()
