"""Just enough HTTP for a WSGI application: the request as read, the response as Koha writes it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qsl, urlencode

MAX_BODY = 10 * 1024 * 1024


class InvalidBody(ValueError):
    """The body breaks the route's definition; Koha's OpenAPI validation answers 400."""

    def __init__(self, message: str, path: str = "/body") -> None:
        super().__init__(message)
        self.path = path


class QueryParams:
    """Query parameters in order, repeats kept (``q`` may be given several times)."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self.pairs = pairs

    def get(self, name: str, default: str | None = None) -> str | None:
        for key, value in self.pairs:
            if key == name:
                return value
        return default

    def getall(self, name: str) -> list[str]:
        return [value for key, value in self.pairs if key == name]

    def names(self) -> set[str]:
        return {key for key, _ in self.pairs}

    def without(self, *names: str) -> QueryParams:
        return QueryParams([(k, v) for k, v in self.pairs if k not in names])

    def with_values(self, **values: str) -> QueryParams:
        kept = [(k, v) for k, v in self.pairs if k not in values]
        return QueryParams(kept + list(values.items()))

    def encode(self) -> str:
        return urlencode(self.pairs)


@dataclass
class Request:
    method: str
    path: str
    query: QueryParams
    headers: dict[str, str]  # lower-case names
    body: bytes
    base_url: str  # scheme://host, for Link and Location headers
    user: Any = None  # the authenticated patron row, set by the app

    @classmethod
    def from_environ(cls, environ: dict) -> Request:
        headers = {
            key[5:].replace("_", "-").lower(): value
            for key, value in environ.items()
            if key.startswith("HTTP_")
        }
        for key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            if environ.get(key):
                headers[key.replace("_", "-").lower()] = environ[key]
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        body = environ["wsgi.input"].read(min(length, MAX_BODY + 1)) if length else b""
        host = environ.get("HTTP_HOST") or f"{environ['SERVER_NAME']}:{environ['SERVER_PORT']}"
        return cls(
            method=environ["REQUEST_METHOD"].upper(),
            path=environ.get("PATH_INFO", "/") or "/",
            query=QueryParams(parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True)),
            headers=headers,
            body=body,
            base_url=f"{environ.get('wsgi.url_scheme', 'http')}://{host}",
        )

    def json(self) -> Any:
        """The JSON body; ``ValueError`` when it is not JSON."""
        return json.loads(self.body.decode("utf-8"))

    def json_object(self, allowed: frozenset[str]) -> dict[str, Any]:
        """The body as a JSON object of these properties at most; InvalidBody otherwise."""
        try:
            body = self.json()
        except ValueError:
            raise InvalidBody("Expected object - got null.") from None
        if not isinstance(body, dict):
            raise InvalidBody("Expected object.")
        unknown = sorted(set(body) - allowed)
        if unknown:
            raise InvalidBody(f"Properties not allowed: {', '.join(unknown)}.")
        return body

    def form(self) -> dict[str, str]:
        return dict(parse_qsl(self.body.decode("utf-8"), keep_blank_values=True))

    def accepts(self) -> str:
        return self.headers.get("accept", "application/json") or "application/json"


@dataclass
class Response:
    status: int
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def json(cls, status: int, data: Any, headers: list[tuple[str, str]] | None = None) -> Response:
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        return cls(
            status, body, [("Content-Type", "application/json;charset=UTF-8"), *(headers or [])]
        )

    @classmethod
    def error(cls, status: int, message: str, code: str | None = None, **extra: Any) -> Response:
        payload: dict[str, Any] = {"error": message}
        if code:
            payload["error_code"] = code
        payload.update(extra)
        return cls.json(status, payload)

    @classmethod
    def invalid(cls, message: str, path: str) -> Response:
        """400 as Koha's OpenAPI validation answers a request that breaks the definition."""
        return cls.json(400, {"errors": [{"message": message, "path": path}], "status": 400})

    @classmethod
    def empty(cls, status: int = 204) -> Response:
        return cls(status, b"")

    def status_line(self) -> str:
        try:
            reason = HTTPStatus(self.status).phrase
        except ValueError:
            reason = "Unknown"
        return f"{self.status} {reason}"
