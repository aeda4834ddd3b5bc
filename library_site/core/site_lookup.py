"""The Wagtail site of a request from the cache: Wagtail looks it up with a query on every
request (and keeps it only on the request); sites change rarely, and any change of a site or a
page makes a new content version (core.page_cache), so the kept answer is never stale."""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from wagtail.models import Site

from library_site.core.page_cache import content_version

NO_SITE = "none"  # kept for hosts no site answers, so they cost no query either


def cached_site(request: HttpRequest) -> Site | None:
    key = f"site-for:{content_version()}:{request.get_host()}"
    found = cache.get(key)
    if found is None:
        found = Site._find_for_request(request) or NO_SITE
        cache.set(key, found, None)
    return None if found == NO_SITE else found


class CachedSiteMiddleware:
    """Give the request its Wagtail site from the cache, where ``Site.find_for_request`` looks."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request._wagtail_site = cached_site(request)
        return self.get_response(request)
