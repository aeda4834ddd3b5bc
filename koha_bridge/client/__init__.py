"""Koha's REST API client: authentication, paging, typed errors and the calls library20 makes."""

from koha_bridge.client.client import KohaClient
from koha_bridge.client.errors import (
    CheckoutBlocked,
    ConfirmationNeeded,
    KohaAuthError,
    KohaBadRequest,
    KohaConflict,
    KohaError,
    KohaNotFound,
    KohaProtocolError,
    KohaRefused,
    KohaUnavailable,
)

__all__ = [
    "CheckoutBlocked",
    "ConfirmationNeeded",
    "KohaAuthError",
    "KohaBadRequest",
    "KohaClient",
    "KohaConflict",
    "KohaError",
    "KohaNotFound",
    "KohaProtocolError",
    "KohaRefused",
    "KohaUnavailable",
]
