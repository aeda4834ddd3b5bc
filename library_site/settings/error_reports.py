"""Errors reported to Sentry (or a service that speaks its protocol) when SENTRY_DSN is set."""

from __future__ import annotations

from collections.abc import Mapping


def start_sentry(env: Mapping[str, str]) -> bool:
    """Start sentry-sdk with its Django integration; nothing is sent when SENTRY_DSN is unset.

    No personal data: no user, cookies, headers or request bodies (``send_default_pii`` off).
    """
    dsn = env.get("SENTRY_DSN", "").strip()
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        environment=env.get("SENTRY_ENVIRONMENT", "").strip() or "production",
        release=env.get("SENTRY_RELEASE", "").strip() or None,
    )
    return True
