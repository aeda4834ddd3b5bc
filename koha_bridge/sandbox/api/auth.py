"""Who is calling: OAuth2 bearer tokens (client credentials) or HTTP Basic, as Koha checks them."""

from __future__ import annotations

import base64
import binascii
import secrets
import sqlite3
from datetime import datetime, timedelta

from koha_bridge.sandbox.clock import parse_api_datetime, to_api_datetime
from koha_bridge.sandbox.passwords import verify_secret
from koha_bridge.sandbox.rules import preference

TOKEN_LIFETIME = 3600  # seconds, as Koha's OAuth controller issues them


class AuthenticationFailure(Exception):
    """Koha answers 401 with this message."""


def issue_token(db: sqlite3.Connection, client_id: str, secret: str, now: datetime) -> str | None:
    row = db.execute("SELECT * FROM api_clients WHERE client_id = ?", (client_id,)).fetchone()
    if row is None or not verify_secret(secret, row["secret_hash"]):
        return None
    token = secrets.token_urlsafe(32)
    expires = to_api_datetime(now + timedelta(seconds=TOKEN_LIFETIME))
    db.execute("DELETE FROM access_tokens WHERE expires_at < ?", (to_api_datetime(now),))
    db.execute(
        "INSERT INTO access_tokens (token, client_id, expires_at) VALUES (?, ?, ?)",
        (token, client_id, expires),
    )
    return token


def authenticate(db: sqlite3.Connection, header: str, now: datetime) -> sqlite3.Row | None:
    """The patron behind the Authorization header; None when there is none."""
    if not header:
        return None
    scheme, _, credentials = header.partition(" ")
    if scheme == "Bearer":
        row = db.execute(
            "SELECT patrons.* FROM access_tokens JOIN api_clients USING (client_id) "
            "JOIN patrons USING (patron_id) WHERE token = ?",
            (credentials.strip(),),
        ).fetchone()
        token = db.execute(
            "SELECT expires_at FROM access_tokens WHERE token = ?", (credentials.strip(),)
        ).fetchone()
        if row is None or parse_api_datetime(token["expires_at"]) <= now:
            raise AuthenticationFailure("Authentication failure.")
        return row
    if scheme == "Basic":
        if preference(db, "RESTBasicAuth") != "1":
            raise AuthenticationFailure("Basic authentication disabled")
        try:
            userid, _, password = base64.b64decode(credentials).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            raise AuthenticationFailure("Authentication failure.") from None
        row = db.execute("SELECT * FROM patrons WHERE userid = ?", (userid,)).fetchone()
        if row is None or not verify_secret(password, row["password_hash"]):
            raise AuthenticationFailure("Authentication failure.")
        return row
    raise AuthenticationFailure("Authentication failure.")
