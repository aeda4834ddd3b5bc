"""Readers' suggestions about the services, newest first, for librarians to read and mark as
read (/admin/reference/suggestions/). Nothing here edits what a reader wrote."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from plugins.reference.librarian_access import librarians_only
from plugins.reference.models import ServiceSuggestion

PER_PAGE = 50


@librarians_only
def suggestions(request: HttpRequest) -> HttpResponse:
    listed = ServiceSuggestion.objects.select_related("reader").order_by("-created_at", "-pk")
    page = Paginator(listed, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "reference/admin/suggestions.html", {"page": page})


@librarians_only
def mark_read(request: HttpRequest, pk: int) -> HttpResponse:
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if ServiceSuggestion.objects.filter(pk=pk).update(handled=True):
        messages.success(request, _("The suggestion is marked as read."))
    else:
        messages.error(request, _("There is no such suggestion."))
    return HttpResponseRedirect(reverse("reference_suggestions"))
