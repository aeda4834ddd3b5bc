"""A websocket's handshake as a Django request, for what is written for requests (rate limits)."""

from __future__ import annotations

from django.http import HttpRequest


def request_of(scope: dict) -> HttpRequest:
    """The handshake's client address, headers and signed-in user as an HttpRequest."""
    request = HttpRequest()
    client = scope.get("client") or ("", 0)
    request.META["REMOTE_ADDR"] = client[0]
    for name, value in scope.get("headers", []):
        key = name.decode("latin-1").upper().replace("-", "_")
        if key not in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            key = "HTTP_" + key
        request.META[key] = value.decode("latin-1")
    request.path = scope.get("path", "")
    request.user = scope.get("user")
    return request
