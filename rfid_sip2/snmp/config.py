"""Monitoring settings: ``[snmp]`` and ``[prometheus]`` of the gateway's or the station's TOML,
with the environment over them. Off unless an address to listen on is given. Communities and
SNMPv3 keys come from the environment only, never from a file and never into a log."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from rfid_sip2.gateway.config import ConfigError, listen_address

# RFC 5612's enterprise number for documentation: replace it with your own (IANA PEN).
DEFAULT_ENTERPRISE = (1, 3, 6, 1, 4, 1, 32473, 20)
NOTIFICATION_KINDS = ("trap", "inform")


@dataclass(frozen=True)
class V3User:
    """An SNMPv3 user with authentication (HMAC-SHA) and privacy (AES-128)."""

    name: str
    auth_key: str = field(repr=False)
    priv_key: str = field(repr=False)


@dataclass(frozen=True)
class SnmpConfig:
    listen: tuple[str, int] | None = None  # None: no agent
    enterprise: tuple[int, ...] = DEFAULT_ENTERPRISE
    community: str = field(default="", repr=False)  # SNMPv2c read-only; empty: v2c off
    v3_user: V3User | None = None
    managers: tuple[tuple[str, int], ...] = ()  # where notifications go
    notification: str = "trap"
    trap_community: str = field(default="", repr=False)
    journal_backlog_threshold: int = 100


@dataclass(frozen=True)
class MonitoringConfig:
    snmp: SnmpConfig = field(default_factory=SnmpConfig)
    prometheus: tuple[str, int] | None = None  # None: no endpoint

    @property
    def active(self) -> bool:
        """An agent, notifications or an endpoint is asked for."""
        return bool(self.snmp.listen or self.snmp.managers or self.prometheus)


def _oid(text: Any) -> tuple[int, ...]:
    parts = str(text).strip(".").split(".")
    if len(parts) < 2 or not all(part.isdigit() for part in parts):
        raise ConfigError(
            f"snmp.enterprise: expected an OID such as 1.3.6.1.4.1.32473.20, got {text!r}"
        )
    return tuple(int(part) for part in parts)


def _v3_user(env: Mapping[str, str]) -> V3User | None:
    name = env.get("SNMP_V3_USER", "")
    if not name:
        return None
    auth, priv = env.get("SNMP_V3_AUTH_KEY", ""), env.get("SNMP_V3_PRIV_KEY", "")
    if len(auth) < 8 or len(priv) < 8:
        raise ConfigError(
            "SNMP_V3_USER is set: SNMP_V3_AUTH_KEY and SNMP_V3_PRIV_KEY must hold at least "
            "8 characters each (RFC 3414)"
        )
    return V3User(name, auth, priv)


def _snmp(table: Mapping[str, Any], env: Mapping[str, str]) -> SnmpConfig:
    address = env.get("SNMP_LISTEN") or table.get("listen")
    if not address:
        return SnmpConfig()
    community, user = env.get("SNMP_COMMUNITY", ""), _v3_user(env)
    if not community and user is None:
        raise ConfigError(
            "snmp.listen is set but no one may read: set SNMP_COMMUNITY (v2c) or SNMP_V3_USER, "
            "SNMP_V3_AUTH_KEY and SNMP_V3_PRIV_KEY (v3 authPriv) in the environment"
        )
    kind = str(table.get("notification", "trap"))
    if kind not in NOTIFICATION_KINDS:
        raise ConfigError("snmp.notification: expected trap or inform")
    managers = tuple(
        listen_address(str(item), "snmp.managers") for item in table.get("managers", ())
    )
    trap_community = env.get("SNMP_TRAP_COMMUNITY", "") or community
    if managers and not trap_community:
        raise ConfigError(
            "snmp.managers: notifications are SNMPv2c: set SNMP_TRAP_COMMUNITY (or SNMP_COMMUNITY)"
        )
    threshold = table.get("journal_backlog_threshold", 100)
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 0:
        raise ConfigError("snmp.journal_backlog_threshold: expected a number of entries (0: off)")
    return SnmpConfig(
        listen=listen_address(
            str(address), "SNMP_LISTEN" if env.get("SNMP_LISTEN") else "snmp.listen"
        ),
        enterprise=_oid(
            env.get("SNMP_ENTERPRISE_OID") or table.get("enterprise", "1.3.6.1.4.1.32473.20")
        ),
        community=community,
        v3_user=user,
        managers=managers,
        notification=kind,
        trap_community=trap_community,
        journal_backlog_threshold=threshold,
    )


def from_mapping(data: Mapping[str, Any], env: Mapping[str, str]) -> MonitoringConfig:
    """``[snmp]`` and ``[prometheus]`` of parsed TOML, with SNMP_* and PROMETHEUS_LISTEN."""
    snmp, prometheus = data.get("snmp", {}), data.get("prometheus", {})
    if not isinstance(snmp, Mapping) or not isinstance(prometheus, Mapping):
        raise ConfigError("snmp, prometheus: expected tables ([snmp], [prometheus])")
    address = env.get("PROMETHEUS_LISTEN") or prometheus.get("listen")
    where = "PROMETHEUS_LISTEN" if env.get("PROMETHEUS_LISTEN") else "prometheus.listen"
    return MonitoringConfig(
        snmp=_snmp(snmp, env),
        prometheus=listen_address(str(address), where) if address else None,
    )
