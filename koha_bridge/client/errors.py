"""Koha's failures as exceptions that say what happened and what to fix."""

from __future__ import annotations

import html
import re
from typing import Any

import requests

_TITLE = re.compile(rb"<title[^>]*>(.*?)</title", re.IGNORECASE | re.DOTALL)
_PAGE_START = (b"<!doctype html", b"<html")


class KohaError(Exception):
    """Koha answered with an error, or could not be understood."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        url: str = "",
        code: str = "",
        hint: str = "",
        body: Any = None,
    ) -> None:
        self.message, self.status, self.url = message, status, url
        self.code, self.hint, self.body = code, hint, body
        where = f"{status} from {url}" if status else url
        # Koha ends its messages with a full stop; ours follow as clauses, and whoever shows the
        # error may add a sentence after it: no closing punctuation, so none is ever doubled.
        text = "; ".join(clause for clause in (_clause(message), _clause(hint)) if clause)
        super().__init__(f"{where}: {text}" if where else text)


class KohaBadRequest(KohaError):
    """400/406/412: the request is wrong (Koha says how in ``message``)."""


class KohaAuthError(KohaError):
    """401/403: wrong or missing credentials, or a missing permission."""


class KohaRefused(KohaError):
    """403 without a missing permission: Koha refuses the action (renewal, hold...) itself."""


class KohaNotFound(KohaError):
    """404: no such record, item, patron..."""


class KohaConflict(KohaError):
    """409: the request conflicts with Koha's data (unknown item or patron on checkout...)."""


class KohaUnavailable(KohaError):
    """Koha could not be reached, timed out, or failed with 5xx."""


class KohaProtocolError(KohaError):
    """Koha's answer is not what its API promises (not JSON, wrong shape, unreadable MARC)."""


def error_detail(body: Any) -> tuple[str, str]:
    """Koha's message and code from any of the error bodies it sends."""
    if isinstance(body, dict):
        if "error" in body:
            return str(body["error"]), str(body.get("error_code") or "")
        if isinstance(body.get("errors"), list):  # OpenAPI validation errors
            return _joined(body["errors"]), "invalid_request"
    if isinstance(body, list):  # malformed query parameters, or 406's accepted types
        if all(isinstance(part, str) for part in body):
            return "acceptable types: " + ", ".join(body), "not_acceptable"
        return _joined(body), "invalid_request"
    if isinstance(body, str) and body:
        return body, ""
    return "", ""


def _clause(text: str) -> str:
    return text.strip().rstrip(".;:, ")


def _joined(errors: list) -> str:
    parts = []
    for error in errors:
        if isinstance(error, dict):
            path = error.get("path", "")
            parts.append(_clause(f"{path}: {_clause(str(error.get('message', '')))}").strip(": "))
        else:
            parts.append(_clause(str(error)))
    return "; ".join(parts)


def is_web_page(response: requests.Response) -> bool:
    """Whether the answer is an HTML page, which Koha's REST API never sends."""
    if "html" in response.headers.get("Content-Type", "").lower():
        return True
    return response.content[:512].lstrip().lower().startswith(_PAGE_START)


def not_kohas_api(response: requests.Response, koha_url: str) -> KohaError:
    """The error for a web page where Koha's REST API should have answered: a login page, a
    proxy's error page, the web server's default page. Its title says which; the page is
    not repeated."""
    found = _TITLE.search(response.content[:8192])
    title = html.unescape(found.group(1).decode("utf-8", "replace")) if found else ""
    title = " ".join(title.split())[:80]
    page = f'a web page ("{title}")' if title else "a web page"
    status = response.status_code
    kind = KohaUnavailable if status >= 500 else KohaProtocolError
    return kind(
        f"this is not Koha's REST API at {koha_url}: it answered with {page}",
        status=status,
        url=response.url.split("?")[0],
        hint="check KOHA_URL (Koha's address; its web server must pass /api/v1 on to Koha)",
    )


def from_response(response: requests.Response, credentials: str) -> KohaError:
    """The typed error for a non-2xx response from Koha's REST API."""
    try:
        body: Any = response.json()
    except ValueError:
        body = response.text[:200]
    message, code = error_detail(body)
    status, url = response.status_code, response.url.split("?")[0]
    message = message or response.reason or "no error message"
    kwargs = {"status": status, "url": url, "code": code, "body": body}
    if status == 401:
        return KohaAuthError(message, hint=f"check {credentials}", **kwargs)
    if status == 403:
        if isinstance(body, dict) and body.get("required_permissions"):
            hint = f"the API user needs the Koha permission {body['required_permissions']}"
            return KohaAuthError(message, hint=hint, **kwargs)
        return KohaRefused(message, **kwargs)
    if status == 404:
        return KohaNotFound(message, **kwargs)
    if status == 409:
        return KohaConflict(message, **kwargs)
    if status >= 500:
        return KohaUnavailable(message, hint="Koha failed; see its logs", **kwargs)
    return KohaBadRequest(message, **kwargs)


class CheckoutBlocked(KohaError):
    """Koha will not lend the item: ``blockers`` holds its reasons (DEBT, EXPIRED...)."""

    def __init__(self, blockers: dict[str, Any], url: str = "") -> None:
        self.blockers = blockers
        super().__init__(f"checkout blocked ({', '.join(sorted(blockers))})", url=url, status=403)


class ConfirmationNeeded(KohaError):
    """Koha wants staff to confirm (``confirms``: RESERVED, TOO_MANY...) before lending."""

    def __init__(self, confirms: dict[str, Any], token: str, url: str = "") -> None:
        self.confirms, self.token = confirms, token
        codes = ", ".join(sorted(k for k in confirms if k.isupper()))
        super().__init__(f"checkout needs confirmation ({codes})", url=url, status=412)
