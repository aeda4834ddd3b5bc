"""Whole pages for anonymous readers, from the cache after the first request.

A page is kept when a reader with no session asks for it with GET under a language prefix
(``/ru/...``: the language is in the address, so every language is kept apart) and it answers
200 without setting a cookie: a form's CSRF token, a message or a session all set one, so pages
with forms, and everything a signed-in reader sees, are rendered each time. A response marked
``Cache-Control: private``, ``no-cache`` or ``no-store`` is not kept; one with a shorter
``max-age`` is kept no longer than that.

Everything kept is forgotten at once (a new version in every key) when what pages show changes
(core.site_changes): the menu, language links and footer of every page may show it.
``PAGE_CACHE_SECONDS`` bounds what changes with time alone (upcoming events, the quote of the
week); 0 turns the cache off.

Record pages, blog posts and exhibitions are kept too: their comment and review form is fetched
when a reader opens it (plugins.comments), and a record's live availability is fetched into its
page from a route of its own (plugins.opac). Not kept, by design: a catalogue search that finds
nothing (counted for the librarians).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_max_age
from django.utils.translation import get_language_from_path

VERSION_KEY = "page-cache:version"
HIT_HEADER = "X-Page-Cache"
# Cookies that mean the reader is not anonymous, or has a message waiting.
READER_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
UNCACHEABLE = ("private", "no-cache", "no-store")


def content_version() -> str:
    """Changes whenever what pages show changes (core.site_changes)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def forget_pages() -> None:
    """Make every kept page stale at once."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def _key(request: HttpRequest) -> str:
    asked = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"page-cache:{content_version()}:{hashlib.sha256(asked.encode()).hexdigest()}"


def _may_be_cached(request: HttpRequest) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not any(name in request.COOKIES for name in READER_COOKIES)
        and get_language_from_path(request.path_info) is not None
    )


def _seconds_to_keep(response: HttpResponse) -> int:
    """How long ``response`` may be served to others; 0 when not at all."""
    if (
        response.status_code != 200
        or response.streaming
        or response.cookies
        or any(word in response.get("Cache-Control", "") for word in UNCACHEABLE)
    ):
        return 0
    seconds = settings.PAGE_CACHE_SECONDS
    max_age = get_max_age(response)
    return seconds if max_age is None else min(max_age, seconds)


class AnonymousPageCacheMiddleware:
    """Serve anonymous readers' pages from the cache; keep what may be kept."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _may_be_cached(request):
            return self.get_response(request)
        key = _key(request)
        kept = cache.get(key)
        if kept is not None:
            content, headers = kept
            response = HttpResponse(content, headers=headers)
            response[HIT_HEADER] = "hit"
            return response
        response = self.get_response(request)
        seconds = _seconds_to_keep(response)
        if request.method == "GET" and seconds:
            cache.set(key, (response.content, dict(response.headers)), seconds)
        return response
