"""The SNMP agent: GET, GETNEXT and GETBULK under the enterprise subtree, read-only, for an
SNMPv2c community and an SNMPv3 user (authPriv: HMAC-SHA, AES-128) from the environment.

Values are read from the monitor's snapshot at each request; nothing is copied in advance.
"""

from __future__ import annotations

import bisect
import logging
import socket

from pysnmp.carrier.asyncio.dgram import udp
from pysnmp.entity import config as snmp_config
from pysnmp.entity import engine
from pysnmp.entity.rfc3413 import cmdrsp, context
from pysnmp.proto import rfc1902, rfc1905
from pysnmp.smi.instrum import AbstractMibInstrumController

from rfid_sip2.monitor import Monitor
from rfid_sip2.snmp import layout
from rfid_sip2.snmp.config import SnmpConfig

log = logging.getLogger(__name__)
COMMUNITY_NAME = "library20-read"  # the community's index in the engine's tables, not a secret
V2C, V3 = 2, 3  # VACM security models


class SnapshotInstrumentation(AbstractMibInstrumController):
    """Answers reads from the monitor's snapshot, within what VACM lets the requester see."""

    def __init__(self, monitor: Monitor, root: tuple[int, ...]) -> None:
        self.monitor = monitor
        self.root = root

    def _rows(self) -> list[layout.Row]:
        return layout.rows(self.monitor.snapshot(), self.root)

    @staticmethod
    def _hidden(oid: tuple[int, ...], value: object, context: dict) -> bool:
        allowed = context.get("acFun")
        # VACM: True when outside the requester's view; raises when it has no access at all.
        return bool(allowed and allowed("read", (rfc1902.ObjectName(oid), value), **context))

    def read_variables(self, *var_binds, **context):
        found = dict(self._rows())
        answers = []
        for index, (name, _value) in enumerate(var_binds):
            context["idx"] = index
            oid = tuple(name)
            value = found[oid]() if oid in found else None
            if value is None or self._hidden(oid, value, context):
                value = rfc1905.noSuchObject
            answers.append((rfc1902.ObjectName(oid), value))
        return answers

    def read_next_variables(self, *var_binds, **context):
        rows = self._rows()
        oids = [oid for oid, _value in rows]
        answers = []
        for index, (name, _value) in enumerate(var_binds):
            context["idx"] = index
            answer = (rfc1902.ObjectName(tuple(name)), rfc1905.endOfMibView)
            for oid, make in rows[bisect.bisect_right(oids, tuple(name)) :]:
                value = make()
                if not self._hidden(oid, value, context):
                    answer = (rfc1902.ObjectName(oid), value)
                    break
            answers.append(answer)
        return answers


class Agent:
    """The command responder on its UDP socket."""

    def __init__(self, settings: SnmpConfig, monitor: Monitor) -> None:
        self.settings = settings
        self.monitor = monitor
        self.engine = engine.SnmpEngine()
        self.address: tuple[str, int] | None = None

    def start(self) -> tuple[str, int]:
        """Bind the socket and answer from now on; returns the address bound (port 0 picks)."""
        settings, snmp = self.settings, self.engine
        assert settings.listen is not None
        host, port = settings.listen
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_DGRAM)
        try:
            sock.bind((host, port))
        except OSError as error:
            sock.close()
            raise OSError(f"SNMP agent cannot listen on {host}:{port}: {error.strerror}") from None
        sock.setblocking(False)
        self.address = sock.getsockname()[:2]
        transport = udp.UdpAsyncioTransport().open_server_mode(sock=sock)
        snmp_config.add_transport(snmp, udp.DOMAIN_NAME, transport)
        root = settings.enterprise
        if settings.community:
            snmp_config.add_v1_system(snmp, COMMUNITY_NAME, settings.community)
            snmp_config.add_vacm_user(snmp, V2C, COMMUNITY_NAME, "noAuthNoPriv", readSubTree=root)
        if settings.v3_user is not None:
            user = settings.v3_user
            snmp_config.add_v3_user(
                snmp,
                user.name,
                snmp_config.USM_AUTH_HMAC96_SHA,
                user.auth_key,
                snmp_config.USM_PRIV_CFB128_AES,
                user.priv_key,
            )
            snmp_config.add_vacm_user(snmp, V3, user.name, "authPriv", readSubTree=root)
        snmp_context = context.SnmpContext(snmp)
        snmp_context.unregister_context_name(b"")
        snmp_context.register_context_name(b"", SnapshotInstrumentation(self.monitor, root))
        for responder in (
            cmdrsp.GetCommandResponder,
            cmdrsp.NextCommandResponder,
            cmdrsp.BulkCommandResponder,
        ):
            responder(snmp, snmp_context)
        log.info(
            "snmp agent host=%s port=%s enterprise=%s v2c=%s v3=%s",
            *self.address,
            ".".join(map(str, root)),
            "yes" if settings.community else "no",
            "authPriv" if settings.v3_user else "no",
        )
        return self.address

    def stop(self) -> None:
        self.engine.close_dispatcher()
