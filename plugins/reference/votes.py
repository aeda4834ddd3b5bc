"""Readers' "Was this helpful?" on a knowledge base entry: one answer per entry per browser
session (kept in the session, so no account is needed), counted, rate-limited, thanked."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plugins.readers import ratelimits
from plugins.reference.models import FaqEntryPage, FaqVote

ACTION = "faq_vote"
SESSION_KEY = "reference_faq_votes"  # {entry id: helpful} of this browser session
ANSWERS = {"yes": True, "no": False}


def vote_of(request: HttpRequest, entry: FaqEntryPage) -> bool | None:
    """What this session answered for the entry: True, False, or None when it did not."""
    return request.session.get(SESSION_KEY, {}).get(str(entry.pk))


@require_POST
def vote(request: HttpRequest, page_id: int) -> HttpResponse:
    """Count the answer (``helpful`` = yes or no), then back to the entry, which thanks."""
    entry = get_object_or_404(FaqEntryPage.objects.live().public(), pk=page_id)
    helpful = ANSWERS.get(request.POST.get("helpful", ""))
    if helpful is None:
        return HttpResponseBadRequest(_("Answer “yes” or “no”."))
    back = redirect(f"{entry.get_url(request)}#helpful")
    if vote_of(request, entry) is not None:
        messages.info(request, _("You have already answered for this page; thank you."))
        return back
    if not ratelimits.take(request, ACTION):
        return ratelimits.too_many_requests(request)
    FaqVote.objects.create(entry=entry, helpful=helpful)
    request.session[SESSION_KEY] = {**request.session.get(SESSION_KEY, {}), str(entry.pk): helpful}
    messages.success(
        request,
        _("Thank you: we are glad it helped.")
        if helpful
        else _("Thank you. If your question is still open, ask us: a librarian will answer."),
    )
    return back
