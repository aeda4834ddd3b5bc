"""The 500 page in the reader's language, whatever failed."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.views import defaults
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """Django's 500 view in the language of the address ("/uk/..."): a failure in a middleware
    that runs before the LocaleMiddleware (the site lookup) leaves no language active."""
    language = translation.get_language_from_path(request.path_info) or translation.get_language()
    with translation.override(language):
        return defaults.server_error(request)  # rendered here, not lazily
