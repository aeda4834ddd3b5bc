"""The station's log: one line per event, key=value; and the staff alerts others subscribe to.

Nothing secret is ever passed here: PINs and passwords stay out of every call.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

log = logging.getLogger("rfid_sip2.station")

Alert = Callable[[str, dict[str, str]], None]  # (kind, fields)


def _quoted(value: object) -> str:
    text = str(value)
    if not text or any(ch in text for ch in ' "='):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def line(event: str, **fields: object) -> str:
    return " ".join(f"{key}={_quoted(value)}" for key, value in {"event": event, **fields}.items())


def event(name: str, **fields: object) -> None:
    """One INFO line for ``name``."""
    if log.isEnabledFor(logging.INFO):
        log.info(line(name, **fields))


class Alerts:
    """Staff alerts: a WARNING line each, and every subscriber called (e.g. SNMP traps)."""

    def __init__(self) -> None:
        self._subscribers: list[Alert] = []

    def subscribe(self, callback: Alert) -> None:
        self._subscribers.append(callback)

    def raise_alert(self, kind: str, **fields: object) -> None:
        text = {key: str(value) for key, value in fields.items()}
        log.warning(line("alert", kind=kind, **text))
        for callback in self._subscribers:
            try:
                callback(kind, text)
            except Exception:  # a subscriber's fault must not stop circulation
                log.exception(line("alert_subscriber_failed", kind=kind))
