"""One log line per transaction, key=value, with passwords and PINs masked (AC, AD, CO)."""

from __future__ import annotations

import dataclasses
import logging

from rfid_sip2.sip2.codec import CodecOptions, encode
from rfid_sip2.sip2.fields import FIELD_NAMES, SECRET_FIELDS
from rfid_sip2.sip2.messages import Message

log = logging.getLogger("rfid_sip2.transactions")
MASK = "***"
_SECRET_NAMES = frozenset(FIELD_NAMES[code] for code in SECRET_FIELDS)
_WIRE = CodecOptions(terminator=b"")


def masked(message: Message) -> Message:
    """The message with every secret field's value replaced by ***."""
    changes = {
        f.name: MASK
        for f in dataclasses.fields(message)
        if f.name in _SECRET_NAMES and getattr(message, f.name)
    }
    extra = tuple(
        (code, MASK if code in SECRET_FIELDS else value) for code, value in message.extra_fields
    )
    return dataclasses.replace(message, extra_fields=extra, **changes)


def wire_text(message: Message) -> str:
    """The message as it goes on the wire, masked, for the log."""
    return encode(masked(message), options=_WIRE).decode("utf-8", errors="replace")


def _quoted(value: object) -> str:
    text = str(value)
    return (
        '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
        if " " in text or '"' in text or "=" in text or not text
        else text
    )


def transaction(
    *,
    peer: str,
    account: str,
    request: Message,
    response: Message | None,
    mode: str,
    elapsed_ms: float,
    **extra: object,
) -> None:
    """Log one request and its answer in a single line."""
    if not log.isEnabledFor(logging.INFO):
        return  # masking and encoding are not free; every request passes here
    fields: dict[str, object] = {
        "peer": peer,
        "account": account or "-",
        "command": request.CODE,
        "mode": mode,  # online, offline (journaled), gateway (answered here), refused
        "ms": f"{elapsed_ms:.1f}",
    }
    for name in ("patron_identifier", "item_identifier"):
        value = getattr(request, name, None)
        if value:
            fields[name.split("_")[0]] = value
    if response is not None:
        fields["response"] = response.CODE
        for name in ("ok", "payment_accepted"):
            if hasattr(response, name):
                fields["ok"] = "Y" if getattr(response, name) else "N"
    fields.update(extra)
    fields["request"] = wire_text(request)
    log.info(" ".join(f"{key}={_quoted(value)}" for key, value in fields.items()))
