"""Read the site's configuration from the environment, with one clear error per bad variable."""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured

from koha_bridge.config import KohaConfig, KohaConfigError

SUPPORTED_DATABASE_SCHEMES = ("sqlite", "postgres", "postgresql", "pgsql")
REDIS_SCHEMES = ("redis", "rediss", "unix")
QUEUED_EMAIL_BACKEND = "library_site.core.queued_mail.QueuedEmailBackend"
# Wagtail's search engines a WAGTAILSEARCH_URL may name (wagtail.search.backends.<engine>).
SEARCH_ENGINES = (
    "elasticsearch7",
    "elasticsearch8",
    "elasticsearch9",
    "opensearch2",
    "opensearch3",
)
TRUE_WORDS, FALSE_WORDS = ("1", "true", "yes", "on"), ("0", "false", "no", "off")
HEADER_NAME = re.compile(r"[A-Za-z0-9]+(-[A-Za-z0-9]+)*")


class SettingError(ImproperlyConfigured):
    """A configuration variable is missing or malformed; the message names it and what to fix."""

    def __init__(self, variable: str, problem: str) -> None:
        self.variable = variable
        self.problem = problem
        super().__init__(f"{variable}: {problem}")


def database(env: Mapping[str, str], default_sqlite: Path) -> dict[str, Any]:
    """The default database from DATABASE_URL, or SQLite at ``default_sqlite``."""
    url = env.get("DATABASE_URL", "").strip()
    if not url:
        default_sqlite.parent.mkdir(parents=True, exist_ok=True)
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(default_sqlite)}
    scheme = url.partition("://")[0].lower() if "://" in url else ""
    if scheme not in SUPPORTED_DATABASE_SCHEMES:
        shown = f"'{scheme}'" if scheme else "none"
        raise SettingError(
            "DATABASE_URL",
            f"unsupported scheme {shown}; use sqlite:////absolute/path.sqlite3 "
            "or postgres://user:password@host:5432/name",
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except ValueError as error:
        # The URL may hold a password: name the problem, never echo the value.
        raise SettingError(
            "DATABASE_URL",
            f"cannot be parsed ({type(error).__name__}); "
            "quote special characters in the password with %XX",
        ) from None
    if not config.get("NAME"):
        raise SettingError("DATABASE_URL", "names no database (add /name or the SQLite file path)")
    return dict(config)


def redis_url(env: Mapping[str, str]) -> str:
    """REDIS_URL, checked; empty when Redis is not configured."""
    url = env.get("REDIS_URL", "").strip()
    parts = urlsplit(url)
    if url and (parts.scheme not in REDIS_SCHEMES or not (parts.hostname or parts.path)):
        raise SettingError(
            "REDIS_URL", "expected redis://host:6379/0, rediss://... or unix:///path/redis.sock"
        )
    return url


def cache(env: Mapping[str, str]) -> dict[str, Any]:
    """Redis when REDIS_URL is set, else a per-process memory cache."""
    url = redis_url(env)
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "library20",
        "TIMEOUT": 300,
    }


CHANNEL_READ_SECONDS = 15


def channel_layers(env: Mapping[str, str]) -> dict[str, Any]:
    """Django Channels' layer (the live chat's messages between processes): Redis when
    REDIS_URL is set; else in memory, which reaches only sockets served by the same process."""
    url = redis_url(env)
    if not url:
        return {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    # A socket waits up to 5 s (channels-redis' BZPOPMIN) for its next message; redis-py 8 times
    # reads out after 5 s by default, which would cut those waits off, so the read allows more.
    host = {"address": url, "socket_timeout": CHANNEL_READ_SECONDS}
    return {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [host], "prefix": "library20:channels"},
        }
    }


def email(env: Mapping[str, str], default: str) -> dict[str, Any]:
    """Django's EMAIL_* settings from EMAIL_URL (smtp://, submission://, console://, ...)."""
    url = env.get("EMAIL_URL", "").strip() or default
    try:
        parsed = dj_email_url.parse(url)
        backend = parsed["EMAIL_BACKEND"]
    except (KeyError, ValueError):
        raise SettingError(
            "EMAIL_URL",
            "expected smtp://user:password@host:25, submission://user:password@host:587 "
            "or console://",
        ) from None
    settings: dict[str, Any] = {
        # The site's backend queues each message when there is a job queue; this one sends it.
        "EMAIL_BACKEND": QUEUED_EMAIL_BACKEND,
        "EMAIL_DELIVERY_BACKEND": backend,
        "EMAIL_HOST": parsed["EMAIL_HOST"] or "localhost",
        "EMAIL_PORT": parsed["EMAIL_PORT"] or 25,
        "EMAIL_HOST_USER": parsed["EMAIL_HOST_USER"] or "",
        "EMAIL_HOST_PASSWORD": parsed["EMAIL_HOST_PASSWORD"] or "",
        "EMAIL_USE_TLS": parsed["EMAIL_USE_TLS"],
        "EMAIL_USE_SSL": parsed["EMAIL_USE_SSL"],
        "EMAIL_TIMEOUT": parsed["EMAIL_TIMEOUT"] or 10,
        "EMAIL_FILE_PATH": parsed["EMAIL_FILE_PATH"] or None,
    }
    return settings


def secret_key(env: Mapping[str, str], *, required: bool) -> str:
    """SECRET_KEY from the environment; outside production a throwaway key is made up."""
    key = env.get("SECRET_KEY", "").strip()
    if key:
        if required and len(key) < 32:
            raise SettingError(
                "SECRET_KEY", "is too short for production: use 50 random characters"
            )
        return key
    if required:
        raise SettingError(
            "SECRET_KEY",
            "is not set; production needs one, e.g. "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'",
        )
    return "dev-only-" + secrets.token_urlsafe(32)


def host_list(env: Mapping[str, str], variable: str, default: list[str]) -> list[str]:
    """A comma-separated list such as ALLOWED_HOSTS."""
    raw = env.get(variable)
    if raw is None or not raw.strip():
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def koha(env: Mapping[str, str], var_dir: Path) -> KohaConfig:
    """How to reach Koha (KOHA_URL, KOHA_CLIENT_ID...); the embedded sandbox by default."""
    try:
        return KohaConfig.from_env(env, var_dir=var_dir)
    except KohaConfigError as error:
        raise SettingError(error.variable, str(error).split(": ", 1)[1]) from None


def require_real_koha(env: Mapping[str, str], koha_config: KohaConfig) -> None:
    """Production serves a real Koha; the sandbox only when KOHA_ALLOW_SANDBOX says so."""
    if koha_config.is_sandbox and not flag(env, "KOHA_ALLOW_SANDBOX", False):
        raise SettingError(
            "KOHA_URL",
            "is the embedded sandbox ILS, not a real Koha; set KOHA_URL=https://koha.example.org, "
            "or KOHA_ALLOW_SANDBOX=true to serve the sandbox",
        )


def proxy_ssl_header(env: Mapping[str, str]) -> tuple[str, str] | None:
    """Django's SECURE_PROXY_SSL_HEADER from the header's name, e.g. X-Forwarded-Proto.

    Trusting a header the proxy does not overwrite lets any client claim HTTPS, so none is
    trusted unless the operator names it.
    """
    name = env.get("SECURE_PROXY_SSL_HEADER", "").strip()
    if not name:
        return None
    if not HEADER_NAME.fullmatch(name) or name.lower() in TRUE_WORDS + FALSE_WORDS:
        raise SettingError(
            "SECURE_PROXY_SSL_HEADER",
            f"expected a header name such as X-Forwarded-Proto, got {name!r}",
        )
    return "HTTP_" + name.upper().replace("-", "_"), "https"


def flag(env: Mapping[str, str], variable: str, default: bool) -> bool:
    """A yes/no variable: 1/true/yes/on or 0/false/no/off."""
    raw = env.get(variable, "").strip().lower()
    if not raw:
        return default
    if raw in TRUE_WORDS:
        return True
    if raw in FALSE_WORDS:
        return False
    raise SettingError(variable, f"expected true or false, got {raw!r}")


def integer(env: Mapping[str, str], variable: str, default: int) -> int:
    """A whole number such as SECURE_HSTS_SECONDS."""
    raw = env.get(variable, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise SettingError(variable, f"expected a whole number, got {raw!r}") from None


def seconds(env: Mapping[str, str], variable: str, default: float) -> float:
    """A duration in seconds, more than 0, such as 2.5."""
    raw = env.get(variable, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise SettingError(variable, f"expected seconds more than 0, e.g. 3, got {raw!r}")
    return value


COVER_PLACEHOLDER = re.compile(r"\{(\w*)\}")


def cover_url(env: Mapping[str, str]) -> str:
    """CATALOGUE_COVER_URL: a cover service's address for an ISBN-13, "" for none."""
    template = env.get("CATALOGUE_COVER_URL", "").strip()
    if not template:
        return ""
    variable = "CATALOGUE_COVER_URL"
    if urlsplit(template).scheme not in ("http", "https"):
        raise SettingError(variable, "expected an http:// or https:// address")
    names = set(COVER_PLACEHOLDER.findall(template))
    if names - {"isbn13"}:
        unknown = sorted(names - {"isbn13"})[0]
        raise SettingError(variable, f"unknown placeholder {{{unknown}}}; only {{isbn13}} is known")
    if "isbn13" not in names:
        raise SettingError(variable, "must contain {isbn13}, where the record's ISBN goes")
    return template


def job_queues(env: Mapping[str, str]) -> dict[str, Any]:
    """django-rq's queues on Redis when REDIS_URL is set (run ``library20 rqworker``); none
    without it, and jobs then run in the process that asks for them, after its transaction."""
    url = redis_url(env)
    return {"default": {"URL": url, "DEFAULT_TIMEOUT": 600}} if url else {}


def sessions(env: Mapping[str, str]) -> str:
    """Django's SESSION_ENGINE: read from the cache (Redis) and written through to the database
    when REDIS_URL is set, so a Redis restart signs nobody out; the database alone without it."""
    if redis_url(env):
        return "django.contrib.sessions.backends.cached_db"
    return "django.contrib.sessions.backends.db"


def wagtail_search(env: Mapping[str, str]) -> dict[str, Any]:
    """Wagtail's search backend (pages, images, documents, the admin's search): the database's
    by default; OpenSearch or Elasticsearch from WAGTAILSEARCH_URL, e.g.
    ``opensearch2+https://user:password@search.example:9200/library20``."""
    url = env.get("WAGTAILSEARCH_URL", "").strip()
    if not url:
        return {"BACKEND": "wagtail.search.backends.database"}
    expected = (
        "expected ENGINE://host:9200/index-prefix or ENGINE+https://user:password@host:9200/"
        f"index-prefix, ENGINE one of {', '.join(SEARCH_ENGINES)}"
    )
    parts = urlsplit(url)
    engine, _plus, transport = parts.scheme.partition("+")
    try:
        port = parts.port
    except ValueError:  # the message would show the URL, password and all
        raise SettingError("WAGTAILSEARCH_URL", expected) from None
    if engine not in SEARCH_ENGINES or transport not in ("", "http", "https") or not parts.hostname:
        raise SettingError("WAGTAILSEARCH_URL", expected)
    credentials = parts.netloc.rpartition("@")[0]
    host = f"{credentials}@{parts.hostname}" if credentials else parts.hostname
    prefix = parts.path.strip("/") or "library20"
    return {
        "BACKEND": f"wagtail.search.backends.{engine}",
        "URLS": [f"{transport or 'http'}://{host}:{port or 9200}"],
        "INDEX_PREFIX": f"{prefix}_",
        "TIMEOUT": 10,
        "OPTIONS": {},
    }


def schedule_minutes(env: Mapping[str, str], variable: str, default: int) -> int:
    """Minutes between runs of a scheduled job, 1 to 59 (a cron step), or 0 for never."""
    minutes = integer(env, variable, default)
    if not 0 <= minutes <= 59:
        raise SettingError(
            variable, f"expected minutes from 1 to 59, or 0 for never, got {minutes}"
        )
    return minutes
