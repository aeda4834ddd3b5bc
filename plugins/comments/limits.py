"""Posting, flagging and liking comments are rate-limited by the limiter the site names in
``settings.COMMENTS_RATE_LIMITER`` (a module with ``take(request, action)`` and
``too_many_requests(request)``, as ``plugins.readers.ratelimits``), so that comments need not
know the plugin that counts readers' requests."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.module_loading import import_string

COMMENT = "comment"  # a comment or reply posted (its limit in the limiter's settings)
FEEDBACK = "comment_feedback"  # a like, dislike or flag


def limited(action: str) -> Callable:
    """The view, its POSTs counted against ``action``'s limit: over it, the limiter's 429."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            limiter = getattr(settings, "COMMENTS_RATE_LIMITER", "")
            if request.method == "POST" and limiter:
                module = import_string(limiter)
                if not module.take(request, action):
                    return module.too_many_requests(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
