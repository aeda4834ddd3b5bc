"""One log line per transaction, key=value, with passwords and PINs masked (AC, AD, CO)."""

from __future__ import annotations

import dataclasses
import logging
import re

from rfid_sip2.sip2.codec import CodecOptions, encode
from rfid_sip2.sip2.fields import FIELD_NAMES, SECRET_FIELDS
from rfid_sip2.sip2.messages import Message

log = logging.getLogger("rfid_sip2.transactions")
MASK = "***"
_SECRET_NAMES = frozenset(FIELD_NAMES[code] for code in SECRET_FIELDS)
_WIRE = CodecOptions(terminator=b"")
# A declared secret field on the wire: none is its message's first tagged field, so each follows
# a delimiter (the codec keeps delimiters out of values).
_SECRET_ON_WIRE = re.compile("|".join(rf"(?<=\|{code})[^|]+" for code in sorted(SECRET_FIELDS)))


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
    if any(code in SECRET_FIELDS for code, _value in message.extra_fields):
        # Rare, and such a field may follow the fixed part with no delimiter before it.
        return encode(masked(message), options=_WIRE).decode("utf-8", errors="replace")
    # Masked in the text, as ``masked`` would: no copy of the message for every request.
    text = encode(message, options=_WIRE).decode("utf-8", errors="replace")
    return _SECRET_ON_WIRE.sub(MASK, text)


def _quoted(value: object) -> str:
    text = str(value)
    return (
        '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
        if " " in text or '"' in text or "=" in text or not text
        else text
    )


_IDENTIFIERS = (("patron_identifier", "patron"), ("item_identifier", "item"))


def transaction(
    *,
    peer: str,
    account: str,
    request: Message,
    response: Message | None,
    mode: str,
    elapsed_ms: float,
) -> None:
    """Log one request and its answer in a single line."""
    if not log.isEnabledFor(logging.INFO):
        return  # masking and encoding are not free; every request passes here
    parts = [
        f"peer={_quoted(peer)}",
        f"account={_quoted(account or '-')}",
        f"command={request.CODE}",
        f"mode={_quoted(mode)}",  # online, offline (journaled), gateway (answered here), refused
        f"ms={elapsed_ms:.1f}",
    ]
    for name, key in _IDENTIFIERS:
        value = getattr(request, name, None)
        if value:
            parts.append(f"{key}={_quoted(value)}")
    if response is not None:
        parts.append(f"response={response.CODE}")
        for name in ("payment_accepted", "ok"):
            if hasattr(response, name):
                parts.append(f"ok={'Y' if getattr(response, name) else 'N'}")
                break
    parts.append(f"request={_quoted(wire_text(request))}")
    # The record made here, not by log.info: that one walks the stack for the caller's file and
    # line, half the cost of a line, for a place every transaction line shares.
    log.handle(log.makeRecord(log.name, logging.INFO, __file__, 0, " ".join(parts), None, None))
