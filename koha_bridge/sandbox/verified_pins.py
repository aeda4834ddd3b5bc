"""PINs recently proved right, remembered briefly so a self-check session pays PBKDF2 once.

Koha checks a patron's password once and keeps the session; SIP2 devices send the PIN with every
request instead. Only a right PIN is remembered, as a keyed hash (never the PIN itself), next to
the stored password hash it was checked against: a changed PIN has a new hash, so the entry no
longer counts. Entries expire and the oldest make way when the cache is full.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

from koha_bridge.sandbox.passwords import verify_secret

TTL = 300.0  # seconds: about one self-check session
SIZE = 4096  # patrons remembered at once


class VerifiedPins:
    """``verify_secret`` for one patron, answering from memory what it proved lately."""

    def __init__(
        self, ttl: float = TTL, size: int = SIZE, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.ttl = ttl
        self.size = size
        self.clock = clock
        self._key = secrets.token_bytes(32)  # this process's only: the hashes mean nothing outside
        self._entries: OrderedDict[Hashable, tuple[str, bytes, float]] = OrderedDict()
        self._lock = threading.Lock()  # the upstream answers from several threads

    def verify(self, patron: Hashable, pin: str, stored: str | None) -> bool:
        """Whether ``pin`` is the patron's, ``stored`` being their password hash as it is now."""
        if not stored:
            return False
        proof = hmac.digest(self._key, pin.encode(), hashlib.sha256)
        now = self.clock()
        with self._lock:
            entry = self._entries.pop(patron, None)
            if entry is not None and entry[0] == stored and entry[2] > now:
                self._entries[patron] = entry  # still good: kept, as the most recent
                if hmac.compare_digest(entry[1], proof):
                    return True
            # else the PIN changed or the entry is too old: it is gone
        if not verify_secret(pin, stored):
            return False  # a wrong PIN is never remembered: each guess costs the full hash
        with self._lock:
            self._entries[patron] = (stored, proof, now + self.ttl)
            self._entries.move_to_end(patron)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return True

    def __len__(self) -> int:
        return len(self._entries)
