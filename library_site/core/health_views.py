"""/healthz for load balancers and monitoring: "ok" (200) or 503, details only for staff.

The public answer says nothing else: no host names, errors or versions. Staff signed in to the
admin, or a request with ``Authorization: Bearer <HEALTHZ_TOKEN>``, get each check's result and
time as JSON. A probe without a session cookie never touches the session; none is ever created.
"""

from __future__ import annotations

import dataclasses
import hmac

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from library_site.core import health


def _may_see_details(request: HttpRequest) -> bool:
    token = settings.HEALTHZ_TOKEN
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if token and scheme.lower() == "bearer":
        return hmac.compare_digest(given.strip().encode(), token.encode())
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    return request.user.is_active and request.user.is_staff


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    results = health.run_checks()
    healthy = all(result.ok for result in results)
    status = 200 if healthy else 503
    if not _may_see_details(request):
        return HttpResponse(
            "ok" if healthy else "unavailable", status=status, content_type="text/plain"
        )
    return JsonResponse(
        {
            "status": "ok" if healthy else "unavailable",
            "checks": [dataclasses.asdict(result) for result in results],
        },
        status=status,
    )
