"""Who may work in the reference service's admin: librarians with ``reference.answer_question``
(Wagtail's Moderators and Editors have it); the rest get a plain 403 on every view and POST."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

ANSWER = "reference.answer_question"
REPORT = "reference.view_reference_report"


def refused(request: HttpRequest) -> HttpResponse:
    """A 403 page (not Wagtail's redirect to its home page, as if nothing were there)."""
    return TemplateResponse(request, "reference/admin/denied.html", status=403)


def librarians_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm(ANSWER):
            return refused(request)
        return view(request, *args, **kwargs)

    return checked
