"""Mask passwords, PINs, tokens, session and CSRF values wherever a log line might carry them:
``key=value`` pairs, query strings, JSON and Python reprs, headers and URLs with a password."""

from __future__ import annotations

import logging
import re

MASK = "***"
# Names whose values are secrets: password1, client_secret, X-CSRFToken, sessionid, patron_pin...
# (a Cookie header is masked cookie by cookie: csrftoken, sessionid)
_NAME = (
    r"[\w-]*(?:password|passwd|secret|token|csrf|sessionid|session_key|api[_-]?key"
    r"|authorization)[\w-]*"
    r"|(?:[\w-]*_)?pin|session"
)
_PAIR = re.compile(
    rf"(?i)(?P<name>\b(?:{_NAME}))(?P<between>[\"']?\s*[:=]\s*)"
    r"(?P<value>\"[^\"]*\"|'[^']*'|[^\s\"'&,;}\]]+)"
)
_SCHEME_CREDENTIALS = re.compile(r"(?i)\b(?P<kind>bearer|basic|token)\s+[\w.~+/=-]+")
_URL_PASSWORD = re.compile(r"(?P<start>\b[a-z][\w+.-]*://[^:/@\s]*:)[^@\s/]+@")


def _masked_value(match: re.Match) -> str:
    value = match["value"]
    quote = value[0] if value[0] in "\"'" else ""
    return f"{match['name']}{match['between']}{quote}{MASK}{quote}"


def mask(text: str) -> str:
    """``text`` with every secret it appears to hold replaced by ***."""
    text = _URL_PASSWORD.sub(lambda m: f"{m['start']}{MASK}@", text)
    text = _SCHEME_CREDENTIALS.sub(lambda m: f"{m['kind']} {MASK}", text)
    return _PAIR.sub(_masked_value, text)


class MaskSecrets(logging.Filter):
    """On a handler: every record it writes, its message and its traceback, masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask(record.exc_text)
        return True
