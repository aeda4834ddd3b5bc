"""The gateway's configuration: a TOML file (listeners, accounts, upstream, journal, offline
policy), secrets from the environment, and working defaults for a demo on the sandbox."""

from __future__ import annotations

import dataclasses
import ipaddress
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rfid_sip2.sip2.codec import CodecOptions
from rfid_sip2.sip2.connection import ErrorDetection

if TYPE_CHECKING:
    from rfid_sip2.snmp.config import MonitoringConfig

TERMINATORS = {"CR": b"\r", "CRLF": b"\r\n"}
# A device account may also answer as the device ends its frames (None: learned, per connection).
ACCOUNT_TERMINATORS: dict[str, bytes | None] = {"auto": None, **TERMINATORS}
# What the gateway answers, per transaction, while the upstream is unreachable.
OFFLINE_DEFAULTS = {
    "patron_status": "accept",  # 23/63: let the session go on; replay checks the patron
    "checkout": "accept",
    "checkin": "accept",
    "renew": "refuse",  # the due date cannot be known offline
    "fee_paid": "refuse",  # money is never taken on trust
    "hold": "refuse",
    "item_information": "accept",
    "end_session": "accept",
}
DEMO_LOGIN = "selfcheck"
DEMO_PASSWORD = "selfcheck-demo"


class ConfigError(ValueError):
    """The configuration is wrong; the message says where and what to write instead."""


@dataclass(frozen=True)
class Listener:
    host: str = "127.0.0.1"
    port: int = 6001
    certificate: Path | None = None  # TLS when set, with ``key``
    key: Path | None = None
    client_ca: Path | None = None  # when set, devices must present a certificate it signed

    @property
    def tls(self) -> bool:
        return self.certificate is not None


@dataclass(frozen=True)
class Account:
    """A device's login: what it may do, from where, and how it speaks."""

    login: str
    password: str = field(repr=False)
    institution_id: str
    location: str = ""
    encoding: str = "utf-8"
    terminator: bytes | None = None  # CR or CRLF; None: as the device ends its frames
    error_detection: ErrorDetection = ErrorDetection.AUTO
    strict: bool = False
    allowed_addresses: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()

    def codec_options(self) -> CodecOptions:
        return CodecOptions(
            encoding=self.encoding, terminator=self.terminator or b"\r", strict=self.strict
        )

    def allows(self, address: str) -> bool:
        if not self.allowed_addresses:
            return True
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in self.allowed_addresses)


@dataclass(frozen=True)
class KohaUpstream:
    """Koha's SIP2 server, reached through a pool of logged-in connections."""

    host: str
    port: int
    login: str
    password: str = field(repr=False)
    location: str = ""
    pool_size: int = 4
    timeout: float = 5.0
    retries: int = 2
    tls: bool = False  # to a TLS terminator (stunnel) in front of Koha's SIP2 server
    ca_file: Path | None = None  # the authority that signed its certificate (default: system's)
    certificate: Path | None = None  # the gateway's own, where the terminator asks for one
    key: Path | None = None
    terminator: bytes = b"\r"
    error_detection: bool = True
    encoding: str = "utf-8"
    institution_rewrite: Mapping[str, str] = field(default_factory=dict)
    location_rewrite: Mapping[str, str] = field(default_factory=dict)
    health_interval: float = 30.0
    replay_no_block: bool = False


@dataclass(frozen=True)
class SandboxUpstream:
    """SIP2 on the embedded sandbox ILS."""

    path: Path


@dataclass(frozen=True)
class GatewayConfig:
    listeners: tuple[Listener, ...]
    accounts: tuple[Account, ...]
    upstream: KohaUpstream | SandboxUpstream
    journal_path: Path
    institution_id: str = "CPL"
    library_name: str = ""
    max_connections: int = 500
    max_message_size: int = 8192
    login_timeout: float = 60.0  # for the login (Koha's "timeout")
    idle_timeout: float = 600.0  # once logged in (Koha's "client_timeout"; kiosks poll 99)
    failed_logins_before_close: int = 3
    # Per source address, across connections: this many failures within the window lock the
    # address out for the duration (seconds; 0 failures: no lockout).
    failed_logins_before_lockout: int = 10
    lockout_window: float = 600.0
    lockout_duration: float = 900.0
    status_before_login: bool = False
    shutdown_grace: float = 10.0
    # Every device request is answered within this many seconds: pool, connect, retries and
    # the upstream's answer included, then the offline answer (below the 5 s devices wait).
    answer_deadline: float = 4.0
    # A device's request sent again (same AY, AZ and date) within this many seconds gets the
    # first answer instead of a second transaction.
    repeat_window: float = 600.0
    offline: Mapping[str, str] = field(default_factory=lambda: dict(OFFLINE_DEFAULTS))
    # Processes accepting devices on the same listeners (``rfid-sip2 serve --workers``), as
    # Koha's own SIP server forks its children: one per core.
    workers: int = 1
    offline_loan_days: int = 21
    monitoring: MonitoringConfig | None = None  # [snmp], [prometheus]; None: off

    @property
    def lockout_path(self) -> Path:
        """Where failed logins are counted by address, for every worker: beside the journal
        (``journal.sqlite3`` -> ``journal.lockout.sqlite3``)."""
        path = self.journal_path
        return path.with_name(f"{path.stem}.lockout{path.suffix or '.sqlite3'}")

    @property
    def answered_path(self) -> Path:
        """Where devices' requests and their answers are kept for repeats: beside the journal
        (``journal.sqlite3`` -> ``journal.answered.sqlite3``)."""
        path = self.journal_path
        return path.with_name(f"{path.stem}.answered{path.suffix or '.sqlite3'}")

    @property
    def worker_counts_path(self) -> Path:
        """Where each worker leaves its counts for the one serving monitoring: beside the
        journal (``journal.sqlite3`` -> ``journal.workers/``)."""
        path = self.journal_path
        return path.with_name(f"{path.stem}.workers")

    @property
    def replay_no_block(self) -> bool:
        """Replay journaled transactions with SIP2's "no block", as the spec intends: the
        sandbox honours it; stock Koha's SIP2 server has no checkout_no_block/checkin_no_block
        in C4::SIP::ILS, so against Koha it is off unless the upstream says otherwise."""
        if isinstance(self.upstream, KohaUpstream):
            return self.upstream.replay_no_block
        return True

    def account(self, login: str) -> Account | None:
        return next((a for a in self.accounts if a.login == login), None)


def _path(value: Any, where: str, base: Path) -> Path:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}: expected a file path")
    path = Path(value)
    return path if path.is_absolute() else base / path


def _secret(table: Mapping[str, Any], where: str, env: Mapping[str, str]) -> str:
    """A password from the environment variable the file names (``password_env``)."""
    if "password" in table:
        raise ConfigError(
            f"{where}: passwords do not go in the file; set password_env to the name of an "
            "environment variable that holds it"
        )
    variable = table.get("password_env")
    if not variable:
        raise ConfigError(f"{where}: password_env is missing")
    value = env.get(variable)
    if not value:
        raise ConfigError(f"{where}: environment variable {variable} is not set")
    return value


def _choice(value: Any, choices: Mapping[str, Any], where: str) -> Any:
    if value not in choices:
        raise ConfigError(f"{where}: expected one of {', '.join(choices)}, got {value!r}")
    return choices[value]


def _account(
    table: Mapping[str, Any], index: int, env: Mapping[str, str], default_institution: str
) -> Account:
    where = f"accounts[{index}]"
    login = table.get("login")
    if not isinstance(login, str) or not login:
        raise ConfigError(f"{where}: login is missing")
    encoding = table.get("encoding", "utf-8")
    try:
        "".encode(encoding)
    except LookupError:
        raise ConfigError(f"{where}: unknown encoding {encoding!r}") from None
    try:
        networks = tuple(
            ipaddress.ip_network(item, strict=False) for item in table.get("allowed_addresses", ())
        )
    except ValueError as error:
        raise ConfigError(f"{where}: allowed_addresses: {error}") from None
    return Account(
        login=login,
        password=_secret(table, where, env),
        institution_id=str(table.get("institution_id", default_institution)),
        location=str(table.get("location", "")),
        encoding=encoding,
        terminator=_choice(
            table.get("terminator", "auto"), ACCOUNT_TERMINATORS, f"{where}.terminator"
        ),
        error_detection=_choice(
            table.get("error_detection", "auto"),
            {mode.value: mode for mode in ErrorDetection},
            f"{where}.error_detection",
        ),
        strict=bool(table.get("strict", False)),
        allowed_addresses=networks,
    )


def _upstream(
    table: Mapping[str, Any], env: Mapping[str, str], base: Path, default_sandbox: Path
) -> KohaUpstream | SandboxUpstream:
    kind = table.get("kind", "sandbox")
    if kind == "sandbox":
        path = table.get("sandbox_path")
        return SandboxUpstream(
            _path(path, "upstream.sandbox_path", base) if path else default_sandbox
        )
    if kind != "koha":
        raise ConfigError(f"upstream.kind: expected sandbox or koha, got {kind!r}")
    host, port = table.get("host"), table.get("port", 6001)
    if not isinstance(host, str) or not host:
        raise ConfigError("upstream.host: the host of Koha's SIP2 server is missing")
    if not isinstance(port, int) or not 0 < port < 65536:
        raise ConfigError("upstream.port: expected a port number")
    tls = bool(table.get("tls", False))
    files = {
        name: _file(table, name, "upstream", base) for name in ("ca_file", "certificate", "key")
    }
    if not tls and any(files.values()):
        raise ConfigError("upstream: ca_file, certificate and key are for TLS: set tls = true")
    if bool(files["certificate"]) != bool(files["key"]):
        raise ConfigError("upstream: a client certificate needs both certificate and key")
    return KohaUpstream(
        host=host,
        port=port,
        login=str(table.get("login", "")) or _missing("upstream.login"),
        password=_secret(table, "upstream", env),
        location=str(table.get("location", "")),
        pool_size=int(table.get("pool_size", 4)),
        timeout=float(table.get("timeout", 5.0)),
        retries=int(table.get("retries", 2)),
        tls=tls,
        **files,
        terminator=_choice(table.get("terminator", "CR"), TERMINATORS, "upstream.terminator"),
        error_detection=bool(table.get("error_detection", True)),
        encoding=str(table.get("encoding", "utf-8")),
        institution_rewrite=dict(table.get("institution_rewrite", {})),
        location_rewrite=dict(table.get("location_rewrite", {})),
        health_interval=float(table.get("health_interval", 30.0)),
        replay_no_block=bool(table.get("replay_no_block", False)),
    )


def _positive(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ConfigError(f"{where}: expected a number of seconds above 0, got {value!r}")
    return float(value)


def _missing(where: str):
    raise ConfigError(f"{where} is missing")


def _file(table: Mapping[str, Any], name: str, where: str, base: Path) -> Path | None:
    """An optional file the table names, which must exist."""
    if not table.get(name):
        return None
    path = _path(table[name], f"{where}.{name}", base)
    if not path.exists():
        raise ConfigError(f"{where}: {path} does not exist")
    return path


def _listener(table: Mapping[str, Any], index: int, base: Path) -> Listener:
    where = f"listeners[{index}]"
    port = table.get("port", 6001)
    if not isinstance(port, int) or not 0 <= port < 65536:
        raise ConfigError(f"{where}.port: expected a port number")
    if bool(table.get("certificate")) != bool(table.get("key")):
        raise ConfigError(f"{where}: TLS needs both certificate and key")
    return Listener(
        host=str(table.get("host", "127.0.0.1")),
        port=port,
        certificate=_file(table, "certificate", where, base),
        key=_file(table, "key", where, base),
        client_ca=_file(table, "client_ca", where, base),
    )


def listen_address(address: str, where: str) -> tuple[str, int]:
    """``host:port`` (``[::1]:6001`` for IPv6; no host: 127.0.0.1) as a host and a port."""
    host, colon, port = address.rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    if not colon or not port.isdigit() or int(port) > 65535:
        raise ConfigError(f"{where}: expected host:port, e.g. 0.0.0.0:6001, got {address!r}")
    return host or "127.0.0.1", int(port)


def listening_on(config: GatewayConfig, address: str, where: str) -> GatewayConfig:
    """The configuration with its first listener replaced by plain SIP2 on ``host:port``."""
    listener = Listener(*listen_address(address, where))
    return dataclasses.replace(config, listeners=(listener, *config.listeners[1:]))


def from_mapping(
    data: Mapping[str, Any],
    env: Mapping[str, str],
    base: Path = Path("."),
    var_dir: Path = Path("var"),
) -> GatewayConfig:
    """The configuration from parsed TOML; ``SIP2_LISTEN=host:port`` overrides the first
    listener."""
    gateway = data.get("gateway", {})
    institution = str(gateway.get("institution_id", "CPL"))
    from rfid_sip2.snmp.config import from_mapping as monitoring_from  # it imports this module

    listeners = tuple(_listener(t, i, base) for i, t in enumerate(data.get("listeners", [{}])))
    accounts = tuple(
        _account(t, i, env, institution) for i, t in enumerate(data.get("accounts", []))
    )
    if not accounts:
        raise ConfigError("accounts: at least one device account is needed")
    offline = dict(OFFLINE_DEFAULTS)
    for name, value in data.get("offline", {}).items():
        if name not in OFFLINE_DEFAULTS or value not in ("accept", "refuse"):
            raise ConfigError(f"offline.{name}: expected accept or refuse for a known transaction")
        offline[name] = value
    default_sandbox = Path(env.get("KOHA_SANDBOX_PATH") or var_dir / "koha-sandbox.sqlite3")
    journal = data.get("journal", {}).get("path")
    config = GatewayConfig(
        listeners=listeners,
        accounts=accounts,
        upstream=_upstream(data.get("upstream", {}), env, base, default_sandbox),
        journal_path=_path(journal, "journal.path", base)
        if journal
        else var_dir / "sip2-journal.sqlite3",
        institution_id=institution,
        library_name=str(gateway.get("library_name", "")),
        max_connections=int(gateway.get("max_connections", 500)),
        max_message_size=int(gateway.get("max_message_size", 8192)),
        login_timeout=float(gateway.get("login_timeout", 60)),
        idle_timeout=float(gateway.get("idle_timeout", 600)),
        failed_logins_before_close=int(gateway.get("failed_logins_before_close", 3)),
        failed_logins_before_lockout=int(gateway.get("failed_logins_before_lockout", 10)),
        lockout_window=float(gateway.get("lockout_window", 600)),
        lockout_duration=float(gateway.get("lockout_duration", 900)),
        status_before_login=bool(gateway.get("status_before_login", False)),
        shutdown_grace=float(gateway.get("shutdown_grace", 10)),
        answer_deadline=_positive(gateway.get("answer_deadline", 4.0), "gateway.answer_deadline"),
        repeat_window=_positive(gateway.get("repeat_window", 600), "gateway.repeat_window"),
        offline=offline,
        offline_loan_days=int(gateway.get("offline_loan_days", 21)),
        workers=_workers(gateway.get("workers", 1), "gateway.workers"),
        monitoring=monitoring_from(data, env),
    )
    if env.get("SIP2_LISTEN"):
        return listening_on(config, env["SIP2_LISTEN"], "SIP2_LISTEN")
    return config


def _workers(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 64:
        raise ConfigError(f"{where}: expected a whole number of processes from 1 to 64")
    return value


def load(path: Path | None, env: Mapping[str, str] = os.environ) -> GatewayConfig:
    """From a TOML file; without one, 127.0.0.1:6001 on the sandbox with a loopback demo login."""
    var_dir = Path(env.get("LIBRARY20_VAR_DIR", "var"))
    if path is None:
        demo = {
            "accounts": [
                {
                    "login": DEMO_LOGIN,
                    "password_env": "SIP2_DEMO_PASSWORD",
                    "allowed_addresses": ["127.0.0.1/32", "::1/128"],
                }
            ],
        }
        env = {"SIP2_DEMO_PASSWORD": DEMO_PASSWORD, **env}
        return from_mapping(demo, env, Path("."), var_dir)
    return from_mapping(read_toml(path), env, path.parent, var_dir)


def read_toml(path: Path) -> dict[str, Any]:
    """A configuration file's tables; ConfigError in one sentence if it cannot be read."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
