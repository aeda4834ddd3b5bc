"""A pysnmp manager for the tests: walks an agent's subtree, and receives notifications."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from pysnmp.carrier.asyncio.dgram import udp
from pysnmp.entity import config as snmp_config
from pysnmp.entity import engine
from pysnmp.entity.rfc3413 import ntfrcv
from pysnmp.hlapi.v3arch.asyncio import (
    CommunityData,
    ContextData,
    ObjectIdentity,
    ObjectType,
    SnmpEngine,
    UdpTransportTarget,
    UsmUserData,
    bulk_walk_cmd,
    usmAesCfb128Protocol,
    usmHMACSHAAuthProtocol,
    walk_cmd,
)

COMMUNITY = "monitoring-community-7f3a"
V3_USER, AUTH_KEY, PRIV_KEY = "library-nms", "auth-key-4d91c2e8", "priv-key-a07b55f1"
ENV = {
    "SNMP_COMMUNITY": COMMUNITY,
    "SNMP_V3_USER": V3_USER,
    "SNMP_V3_AUTH_KEY": AUTH_KEY,
    "SNMP_V3_PRIV_KEY": PRIV_KEY,
}


def v2c(community: str = COMMUNITY) -> CommunityData:
    return CommunityData(community, mpModel=1)


def v3(auth_key: str = AUTH_KEY, priv_key: str = PRIV_KEY) -> UsmUserData:
    return UsmUserData(
        V3_USER,
        auth_key,
        priv_key,
        authProtocol=usmHMACSHAAuthProtocol,
        privProtocol=usmAesCfb128Protocol,
    )


class Refused(Exception):
    """The agent did not answer (wrong community: SNMP agents stay silent) or said no."""


class _Manager:
    """One engine on one loop for every walk: a new engine loads its MIBs again (seconds)."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.engine = SnmpEngine()

    async def walk(
        self, port: int, auth, root: tuple[int, ...], bulk: int
    ) -> dict[tuple[int, ...], object]:
        found = {}
        target = await UdpTransportTarget.create(("127.0.0.1", port), timeout=1, retries=0)
        # GETBULK (as snmpbulkwalk) asks for ``bulk`` values a request; GETNEXT for one.
        repetitions = (0, bulk) if bulk else ()
        command = bulk_walk_cmd if bulk else walk_cmd
        async for error, status, _index, binds in command(
            self.engine,
            auth,
            target,
            ContextData(),
            *repetitions,
            ObjectType(ObjectIdentity(root)),
            lexicographicMode=False,
        ):
            if error or status:
                raise Refused(str(error or status.prettyPrint()))
            for name, value in binds:
                found[tuple(name)] = value
        return found


_manager: _Manager | None = None


def walk(port: int, auth, root: tuple[int, ...], bulk: int = 0) -> dict[tuple[int, ...], object]:
    """Every OID under ``root`` and its value, as snmpwalk (or, with ``bulk``, snmpbulkwalk)
    shows them."""
    global _manager
    _manager = _manager or _Manager()
    return _manager.loop.run_until_complete(_manager.walk(port, auth, root, bulk))


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Received:
    notification: tuple[int, ...]
    binds: dict[tuple[int, ...], object] = field(default_factory=dict)


SNMP_TRAP_OID = (1, 3, 6, 1, 6, 3, 1, 1, 4, 1, 0)


class Receiver:
    """A pysnmp notification receiver (traps and informs, SNMPv2c) on its own event loop."""

    def __init__(self, loop: asyncio.AbstractEventLoop, community: str = COMMUNITY) -> None:
        self.loop = loop
        self.community = community
        self.received: list[Received] = []
        self.arrived = asyncio.Event()
        self.port = 0
        self.engine: engine.SnmpEngine | None = None

    def start(self) -> int:
        snmp = self.engine = engine.SnmpEngine()
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.bind(("127.0.0.1", 0))
        sock.setblocking(False)
        self.port = sock.getsockname()[1]
        snmp_config.add_transport(
            snmp, udp.DOMAIN_NAME, udp.UdpAsyncioTransport().open_server_mode(sock=sock)
        )
        snmp_config.add_v1_system(snmp, "test-receiver", self.community)
        ntfrcv.NotificationReceiver(snmp, self._received)
        return self.port

    def _received(self, _engine, _state, _context_engine, _context_name, binds, _ctx) -> None:
        values = {tuple(name): value for name, value in binds}
        self.received.append(Received(tuple(values[SNMP_TRAP_OID]), values))
        self.arrived.set()

    async def wait_for(self, count: int, timeout: float = 10) -> list[Received]:
        async with asyncio.timeout(timeout):
            while len(self.received) < count:
                self.arrived.clear()
                await self.arrived.wait()
        return self.received

    def stop(self) -> None:
        if self.engine is not None:
            self.engine.close_dispatcher()


@contextmanager
def receiving(community: str = COMMUNITY) -> Iterator[tuple[Receiver, Callable]]:
    """A receiver on its own event loop in a thread; yields it and a ``call(coroutine)``."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()

    def call(coroutine, timeout: float = 30):
        return asyncio.run_coroutine_threadsafe(coroutine, loop).result(timeout)

    async def started() -> Receiver:
        receiver = Receiver(loop, community)
        receiver.start()
        return receiver

    receiver = call(started())
    try:
        yield receiver, call
    finally:

        async def stopped() -> None:
            receiver.stop()
            await asyncio.sleep(0)  # the dispatcher's cancelled timer task ends

        call(stopped())
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        loop.close()
