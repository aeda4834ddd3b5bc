"""Each request's id on every log line it causes, and one line per request.

The id comes from the proxy (``X-Request-ID``, nginx's ``$request_id``) when it is well formed,
else it is made here; the response carries it back. The request's line names the path of
Wagtail pages and of pages from the page cache (public pages), and the view's name for everything
else: paths such as a password reset link, an e-mail confirmation or a chat carry keys, and query
strings tokens, so neither is written. Static files (WhiteNoise, before this) get no line, nor
do the requests the site makes of itself (the feed warm-up), which no reader made.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

from library_site.core import page_cache

HEADER = "X-Request-ID"
WELL_FORMED = re.compile(r"[A-Za-z0-9._-]{8,64}")
PAGE_VIEW = "wagtail_serve"
# A key of the request's environment (never from a client: their headers are HTTP_*).
INTERNAL = "library20.internal"

current_id: ContextVar[str | None] = ContextVar("request_id", default=None)
logger = logging.getLogger("library_site.requests")


class RequestId(logging.Filter):
    """Adds ``request_id`` to every record: the id of the request being served, or None."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_id.get()
        return True


def _where(request: HttpRequest, response: HttpResponse) -> str:
    if response.get(page_cache.HIT_HEADER) == "hit":
        return request.path
    match = request.resolver_match
    if match is None:
        return "-"  # answered before any view: a redirect to a language, say
    if match.view_name.endswith(PAGE_VIEW):
        return request.path
    return match.view_name or "-"


class RequestLogMiddleware:
    """Sets the request id for the request's log lines, then writes the request's own line."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get(HEADER, "")
        request_id = given if WELL_FORMED.fullmatch(given) else uuid.uuid4().hex
        token = current_id.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[HEADER] = request_id
            if request.META.get(INTERNAL):
                return response
            logger.info(
                "event=request method=%s where=%s status=%s ms=%.0f",
                request.method,
                _where(request, response),
                response.status_code,
                (time.perf_counter() - started) * 1000,
            )
            return response
        finally:
            current_id.reset(token)
