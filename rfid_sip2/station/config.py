"""The station's configuration: a TOML file, command-line flags over it, secrets from the
environment (the SIP2 login password, the terminal password, the SMTP password)."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from rfid_sip2.gateway.config import (
    DEMO_LOGIN,
    DEMO_PASSWORD,
    ConfigError,
    listen_address,
    read_toml,
)
from rfid_sip2.rfid.security import PRESETS, Security
from rfid_sip2.rfid.tags import TagSettings
from rfid_sip2.snmp.config import MonitoringConfig
from rfid_sip2.snmp.config import from_mapping as monitoring_from

PROTOCOLS = ("3m", "feig")
SMTP_SCHEMES = ("smtp", "smtps", "smtp+starttls")


@dataclass(frozen=True)
class Smtp:
    """Where receipts go out: ``SMTP_URL`` (smtp://, smtps:// or smtp+starttls://user@host:port)."""

    host: str
    port: int
    scheme: str = "smtp"
    user: str = ""
    password: str = field(default="", repr=False)
    sender: str = "library@localhost"


@dataclass(frozen=True)
class StationConfig:
    reader_url: str
    sip2_host: str
    sip2_port: int
    protocol: str = "3m"
    sip2_login: str = ""
    sip2_password: str = field(default="", repr=False)
    terminal_password: str = field(default="", repr=False)
    institution_id: str = "CPL"
    location: str = ""  # SIP2 CP at login and AP at checkin: where the station stands
    sip2_timeout: float = 5.0
    security: Security = field(default_factory=Security)
    tag_settings: TagSettings = field(default_factory=TagSettings)
    # Blocks read first from each tag, from block 0: 9 (36 bytes) hold the ISO 28560-3 basic
    # block; a tag they do not decode is read again whole (ISO 28560-2 runs on).
    tag_blocks: int = 9
    owner_isils: tuple[str, ...] = ()  # empty: every owner is ours
    refuse_incomplete_sets: bool = True
    unsecure_offline_loans: bool = False
    pin_required: bool = True
    idle_seconds: float = 60.0
    poll_interval: float = 0.25
    reader_retry_seconds: float = 2.0  # between tries while the reader is down
    ils_retry_seconds: float = 5.0  # between connection tries while the ILS is unreachable
    retry_list_path: Path = Path("var/station-retry.json")
    smtp: Smtp | None = None
    languages: Mapping[str, str] = field(default_factory=dict)  # extra SIP2 codes -> en/ru/uk/ro
    monitoring: MonitoringConfig = field(default_factory=MonitoringConfig)  # [snmp], [prometheus]


def smtp_from_env(env: Mapping[str, str]) -> Smtp | None:
    """``SMTP_URL`` with ``SMTP_PASSWORD`` and ``SMTP_FROM``; None when SMTP_URL is unset."""
    url = env.get("SMTP_URL", "")
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in SMTP_SCHEMES or not parts.hostname:
        raise ConfigError(
            f"SMTP_URL: expected smtp://host:port (or smtps://, smtp+starttls://), got {url!r}"
        )
    try:
        port = parts.port
    except ValueError:
        raise ConfigError(f"SMTP_URL: the port in {url!r} is not a number") from None
    default_port = 465 if parts.scheme == "smtps" else 587 if "starttls" in parts.scheme else 25
    return Smtp(
        host=parts.hostname,
        port=port or default_port,
        scheme=parts.scheme,
        user=unquote(parts.username or ""),
        password=env.get("SMTP_PASSWORD", unquote(parts.password or "")),
        sender=env.get("SMTP_FROM", "library@localhost"),
    )


def from_mapping(
    data: Mapping[str, Any], env: Mapping[str, str], base: Path = Path(".")
) -> StationConfig:
    """The configuration from parsed TOML (``[station]``, ``[sip2]``, ``[security]``, ``[tags]``,
    ``[languages]``), with secrets from ``env``."""
    station = _table(data, "station")
    sip2 = _table(data, "sip2")
    security = _table(data, "security")
    tags = _table(data, "tags")
    languages = _table(data, "languages")
    host, port = listen_address(str(sip2.get("address", "127.0.0.1:6001")), "sip2.address")
    protocol = str(station.get("protocol", "3m"))
    if protocol not in PROTOCOLS:
        raise ConfigError(f"station.protocol: expected one of {', '.join(PROTOCOLS)}")
    password_env = str(sip2.get("password_env", "SIP2_PASSWORD"))
    login = str(sip2.get("login", DEMO_LOGIN))
    # As ``rfid-sip2 send``: the demo gateway's login works with no configuration at all.
    password = env.get(password_env, DEMO_PASSWORD if login == DEMO_LOGIN else "")
    terminal_env = str(sip2.get("terminal_password_env", "SIP2_TERMINAL_PASSWORD"))
    for code, language in languages.items():
        if language not in ("en", "ru", "uk", "ro"):
            raise ConfigError(f"languages.{code}: expected en, ru, uk or ro")
    var_dir = Path(env.get("LIBRARY20_VAR_DIR", "var"))
    retry = station.get("retry_list", str(var_dir / "station-retry.json"))
    return StationConfig(
        reader_url=str(station.get("reader", "")),
        protocol=protocol,
        sip2_host=host,
        sip2_port=port,
        sip2_login=login,
        sip2_password=password,
        terminal_password=env.get(terminal_env, ""),
        institution_id=str(sip2.get("institution_id", "CPL")),
        location=str(sip2.get("location", "")),
        sip2_timeout=_positive(sip2.get("timeout", 5.0), "sip2.timeout"),
        security=_security(security),
        tag_settings=_tag_settings(tags),
        tag_blocks=int(tags.get("blocks", 9)),
        owner_isils=tuple(str(isil) for isil in station.get("owner_isils", ())),
        refuse_incomplete_sets=_flag(
            station.get("refuse_incomplete_sets", True), "station.refuse_incomplete_sets"
        ),
        unsecure_offline_loans=_flag(
            station.get("unsecure_offline_loans", False), "station.unsecure_offline_loans"
        ),
        pin_required=_flag(station.get("pin_required", True), "station.pin_required"),
        idle_seconds=_positive(station.get("idle_seconds", 60), "station.idle_seconds"),
        poll_interval=_positive(station.get("poll_interval", 0.25), "station.poll_interval"),
        retry_list_path=base / str(retry) if "retry_list" in station else Path(retry),
        smtp=smtp_from_env(env),
        languages={str(code): str(language) for code, language in languages.items()},
        monitoring=monitoring_from(data, env),
    )


def load(path: Path | None, env: Mapping[str, str] = os.environ, **flags: Any) -> StationConfig:
    """From a TOML file (or none), with the command line's ``flags`` over it: ``reader``,
    ``protocol``, ``sip2`` (HOST:PORT). A reader and a SIP2 address are required in the end."""
    data: dict[str, Any] = {}
    base = Path(".")
    if path is not None:
        data = read_toml(path)
        base = path.parent
    station = dict(_table(data, "station"))
    sip2 = dict(_table(data, "sip2"))
    if flags.get("reader"):
        station["reader"] = flags["reader"]
    if flags.get("protocol"):
        station["protocol"] = flags["protocol"]
    if flags.get("sip2"):
        listen_address(flags["sip2"], "--sip2")
        sip2["address"] = flags["sip2"]
    if not station.get("reader"):
        raise ConfigError("no reader: give --reader URL (e.g. /dev/ttyUSB0) or station.reader")
    if not sip2.get("address"):
        raise ConfigError("no SIP2 server: give --sip2 HOST:PORT or sip2.address")
    return from_mapping({**data, "station": station, "sip2": sip2}, env, base)


def _tag_settings(table: Mapping[str, Any]) -> TagSettings:
    """``[tags]``: any field of ``TagSettings`` (block order and size, and whatever quirks the
    tag models know), lists as tuples; ``blocks`` is the station's own."""
    known = {item.name for item in dataclasses.fields(TagSettings)}
    values = {}
    for name, value in table.items():
        if name == "blocks":
            continue
        if name not in known:
            raise ConfigError(f"tags.{name}: not a tag setting (known: {', '.join(sorted(known))})")
        values[name] = tuple(value) if isinstance(value, list) else value
    try:
        return TagSettings(**values)
    except (TypeError, ValueError) as error:
        raise ConfigError(f"tags: {error}") from None


def _security(table: Mapping[str, Any]) -> Security:
    """``[security]``: a preset (iso, 3m), with any value of it overridden."""
    name = str(table.get("preset", "iso"))
    if name not in PRESETS:
        raise ConfigError(f"security.preset: expected one of {', '.join(PRESETS)}")
    preset = PRESETS[name]
    try:
        return Security(
            afi_on_loan=_byte(table.get("afi_on_loan", preset.afi_on_loan), "security.afi_on_loan"),
            afi_in_library=_byte(
                table.get("afi_in_library", preset.afi_in_library), "security.afi_in_library"
            ),
            use_afi=_flag(table.get("use_afi", preset.use_afi), "security.use_afi"),
            use_eas=_flag(table.get("use_eas", preset.use_eas), "security.use_eas"),
        )
    except ValueError as error:
        raise ConfigError(f"security: {error}") from None


def _table(data: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    table = data.get(name, {})
    if not isinstance(table, Mapping):
        raise ConfigError(f"{name}: expected a table ([{name}])")
    return table


def _byte(value: Any, where: str) -> int:
    if isinstance(value, str):
        try:
            value = int(value, 16)
        except ValueError:
            raise ConfigError(f'{where}: expected a byte, e.g. 0xC2 or "C2"') from None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 0xFF:
        raise ConfigError(f'{where}: expected a byte, e.g. 0xC2 or "C2"')
    return value


def _flag(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: expected true or false")
    return value


def _positive(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ConfigError(f"{where}: expected a positive number of seconds")
    return float(value)
