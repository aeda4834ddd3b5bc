"""Where Koha is and how to reach it, read from the environment (no Django here)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from urllib.parse import urlsplit

from koha_bridge.marc.record import Flavour
from koha_bridge.sandbox import demo_library

SANDBOX = "sandbox:"
MASK = "********"
_SECRETS = frozenset({"client_secret", "password"})


class KohaConfigError(ValueError):
    """A KOHA_* variable is wrong; the message names it and what to write instead."""

    def __init__(self, variable: str, problem: str) -> None:
        super().__init__(f"{variable}: {problem}")
        self.variable = variable


@dataclass(frozen=True)
class KohaConfig:
    """How to reach Koha's REST API, or the embedded sandbox standing in for it."""

    url: str = SANDBOX
    client_id: str = ""
    client_secret: str = ""
    user: str = ""
    password: str = ""
    timeout: float = 10.0
    marc_flavour: Flavour | None = None  # None: tell MARC21 from UNIMARC record by record
    sandbox_path: Path = Path("var/koha-sandbox.sqlite3")
    page_size: int = 100

    def __repr__(self) -> str:
        # Shown by logs, tracebacks and Django's debug page (which cleanses settings by name,
        # and "KOHA" is no secret's name): a secret is only said to be set.
        shown = []
        for each in fields(self):
            value = getattr(self, each.name)
            if each.name in _SECRETS and value:
                value = MASK
            shown.append(f"{each.name}={value!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    @property
    def is_sandbox(self) -> bool:
        return self.url == SANDBOX

    @property
    def credentials_named(self) -> str:
        """The variables to check when Koha refuses us."""
        if self.client_id:
            return "KOHA_CLIENT_ID and KOHA_CLIENT_SECRET"
        if self.user:
            return "KOHA_USER and KOHA_PASSWORD"
        return "KOHA_CLIENT_ID and KOHA_CLIENT_SECRET (none are set)"

    @classmethod
    def from_env(cls, env: Mapping[str, str], *, var_dir: Path | None = None) -> KohaConfig:
        url = env.get("KOHA_URL", "").strip() or SANDBOX
        if url != SANDBOX:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise KohaConfigError("KOHA_URL", "expected sandbox: or https://koha.example.org")
            url = url.rstrip("/")
        client_id = env.get("KOHA_CLIENT_ID", "").strip()
        client_secret = env.get("KOHA_CLIENT_SECRET", "")
        user, password = env.get("KOHA_USER", "").strip(), env.get("KOHA_PASSWORD", "")
        if client_id and not client_secret:
            raise KohaConfigError("KOHA_CLIENT_SECRET", "is empty but KOHA_CLIENT_ID is set")
        if user and not password:
            raise KohaConfigError("KOHA_PASSWORD", "is empty but KOHA_USER is set")
        if url == SANDBOX and not (client_id or user):
            client_id, client_secret = demo_library.CLIENT_ID, demo_library.CLIENT_SECRET
        try:
            timeout = float(env.get("KOHA_TIMEOUT", "") or 10)
        except ValueError:
            raise KohaConfigError("KOHA_TIMEOUT", "expected seconds, e.g. 10") from None
        if timeout <= 0:
            raise KohaConfigError("KOHA_TIMEOUT", "must be more than 0 seconds")
        flavour_name = env.get("KOHA_MARC_FLAVOUR", "").strip().upper()
        if flavour_name in ("", "AUTO"):
            flavour = None
        elif flavour_name in Flavour.__members__:
            flavour = Flavour(flavour_name)
        else:
            raise KohaConfigError("KOHA_MARC_FLAVOUR", "expected MARC21, UNIMARC or auto")
        default_sandbox = (var_dir or Path("var")) / "koha-sandbox.sqlite3"
        return cls(
            url=url,
            client_id=client_id,
            client_secret=client_secret,
            user=user,
            password=password,
            timeout=timeout,
            marc_flavour=flavour,
            sandbox_path=Path(env.get("KOHA_SANDBOX_PATH", "") or default_sandbox),
        )
