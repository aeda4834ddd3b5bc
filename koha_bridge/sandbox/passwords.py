"""Patron PINs and API secrets, stored only as salted PBKDF2 hashes."""

import hashlib
import hmac
import secrets

ITERATIONS = 120_000


def hash_secret(secret: str, *, iterations: int = ITERATIONS) -> str:
    salt = secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", secret.encode(), salt.encode(), iterations).hex()
    return f"pbkdf2_sha256${iterations}${salt}${digest}"


def verify_secret(secret: str, stored: str | None) -> bool:
    if not stored:
        return False
    try:
        _algorithm, iterations, salt, digest = stored.split("$")
        candidate = hashlib.pbkdf2_hmac("sha256", secret.encode(), salt.encode(), int(iterations))
    except ValueError:
        return False
    return hmac.compare_digest(candidate.hex(), digest)
