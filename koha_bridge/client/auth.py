"""OAuth2 client credentials for requests: a token cached until it expires, renewed once on 401."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import requests

# Renew a little early so a token never expires between our check and Koha's.
EXPIRY_MARGIN = 30.0


class OAuth2ClientCredentials(requests.auth.AuthBase):
    """Bearer tokens from ``POST {base}/oauth/token``; one fresh try when Koha says 401."""

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str,
        fetch: Callable[[str, dict[str, str]], dict],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token_url, self.client_id, self.client_secret = token_url, client_id, client_secret
        self._fetch, self._clock = fetch, clock
        self._token: str | None = None
        self._expires = 0.0
        self._lock = threading.Lock()

    def token(self, *, renew: bool = False) -> str:
        with self._lock:
            if renew or self._token is None or self._clock() >= self._expires:
                payload = self._fetch(
                    self.token_url,
                    {
                        "grant_type": "client_credentials",
                        "client_id": self.client_id,
                        "client_secret": self.client_secret,
                    },
                )
                self._token = payload["access_token"]
                lifetime = float(payload.get("expires_in", 3600))
                self._expires = self._clock() + max(lifetime - EXPIRY_MARGIN, 1.0)
            return self._token

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers["Authorization"] = f"Bearer {self.token()}"
        request.register_hook("response", self._renew_on_401)
        return request

    def _renew_on_401(self, response: requests.Response, **kwargs) -> requests.Response:
        if response.status_code != 401 or getattr(response.request, "_token_renewed", False):
            return response
        # The token was revoked or Koha restarted: one new token, one more try, no loop.
        retry = response.request.copy()
        retry.headers["Authorization"] = f"Bearer {self.token(renew=True)}"
        retry._token_renewed = True
        response.content  # noqa: B018 - read it all so the connection can be reused
        response.close()
        new = response.connection.send(retry, **kwargs)
        new.history.append(response)
        new.request = retry
        return new
