"""The reader's feedback pages: rating the answer to their question, and suggestions."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plugins.readers import ratelimits
from plugins.reference.feedback_forms import RatingForm, SuggestionForm
from plugins.reference.models import Question, ServiceRating
from plugins.reference.thread_access import may_be_rated
from plugins.reference.thread_views import reader_thread, thread_page

log = logging.getLogger(__name__)
ACTION = "service_feedback"


@require_POST
@reader_thread
def rate(request: HttpRequest, question: Question) -> HttpResponse:
    if not ratelimits.take(request, ACTION):
        return ratelimits.too_many_requests(request)
    form = RatingForm(request.POST)
    if not form.is_valid() or not may_be_rated(question):
        return thread_page(request, question, rating_form=form, status=400)
    ServiceRating.objects.update_or_create(question=question, defaults=form.cleaned_data)
    log.info("service rated question=%s score=%s", question.pk, form.cleaned_data["score"])
    messages.success(request, _("Thank you for rating our service."))
    return redirect("reference:thread", question.access_key)


def suggest(request: HttpRequest) -> HttpResponse:
    form = SuggestionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not ratelimits.take(request, ACTION):
            return ratelimits.too_many_requests(request)
        if form.is_valid():
            suggestion = form.save(commit=False)
            suggestion.language = get_language()
            suggestion.reader = request.user if request.user.is_authenticated else None
            suggestion.save()
            log.info("service suggestion=%s", suggestion.pk)
            return render(request, "reference/suggested.html")
    return render(request, "reference/suggest.html", {"form": form})
