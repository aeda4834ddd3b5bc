"""Koha's checkout confirmation token: an HS256 JWT over who confirms which item and what."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import sqlite3


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _secret(db: sqlite3.Connection) -> bytes:
    row = db.execute("SELECT value FROM settings WHERE name = 'jwt_secret'").fetchone()
    if row is None:
        value = secrets.token_hex(32)
        db.execute(
            "INSERT OR IGNORE INTO settings (name, value) VALUES ('jwt_secret', ?)", (value,)
        )
        row = db.execute("SELECT value FROM settings WHERE name = 'jwt_secret'").fetchone()
    return row["value"].encode()


def confirmation_id(user_id: int | None, item_id: int, confirm_keys: list[str]) -> str:
    keys = sorted(confirm_keys)
    return ":".join(str(part) for part in ([user_id] if user_id else []) + [item_id] + keys)


def generate(db: sqlite3.Connection, claim_id: str) -> str:
    header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    payload = _b64(json.dumps({"id": claim_id}).encode())
    signature = hmac.new(_secret(db), f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{_b64(signature)}"


def check(db: sqlite3.Connection, token: str, claim_id: str) -> bool:
    return hmac.compare_digest(generate(db, claim_id), token)
