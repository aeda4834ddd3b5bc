"""Asking a question: the form, the "check your mail" and "thank you" pages, and the link
that confirms an anonymous asker's address."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from plugins.opac.jobs import later
from plugins.opac.models import CatalogueRecord
from plugins.readers import ratelimits
from plugins.reference import mail, threads
from plugins.reference.asking_forms import QuestionForm, biblio_id_in
from plugins.reference.models import Question
from plugins.reference.thread_access import may_see

log = logging.getLogger(__name__)
ACTION = "question"


def question_form(request: HttpRequest, data=None) -> QuestionForm:
    """The form for this reader; on a first view, about the record ``?record=`` names."""
    initial = {}
    if data is None and biblio_id_in(request.GET.get("record")) is not None:
        initial["record"] = request.GET["record"]
    return QuestionForm(
        data,
        initial=initial,
        signed_in=request.user.is_authenticated,
        language=get_language(),
    )


def asked_about(request: HttpRequest, form: QuestionForm) -> CatalogueRecord | None:
    """The record the form is about, to show its title; an unknown id is said and dropped."""
    biblio_id = biblio_id_in(form["record"].value())
    if biblio_id is None:
        return None
    record = CatalogueRecord.objects.filter(pk=biblio_id).only("pk", "title").first()
    if record is None and request.method == "GET":
        messages.info(
            request, _("The catalogue has no such record; you can ask your question all the same.")
        )
    return record


@never_cache
def ask_dialog(request: HttpRequest) -> HttpResponse:
    """The compact question form the frame's dialog fetches when it opens, with this reader's
    CSRF token (which is why it is not part of the cacheable page)."""
    return render(request, "reference/includes/ask_dialog_form.html")


def ask(request: HttpRequest) -> HttpResponse:
    form = question_form(request, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not ratelimits.take(request, ACTION):
            return ratelimits.too_many_requests(request)
        if form.is_valid() and form.filled_by_robot():
            log.info("question dropped reason=honeypot")
            return redirect("reference:check_mail")
        if form.is_valid():
            return _asked(request, form)
    context = {"form": form, "record": asked_about(request, form)}
    return render(request, "reference/ask.html", context)


def _asked(request: HttpRequest, form: QuestionForm) -> HttpResponse:
    details = form.cleaned_data
    reader = request.user if request.user.is_authenticated else None
    question = threads.ask(
        body=details["body"],
        language=details["language"],
        reader=reader,
        email=details.get("email", ""),
        name=details.get("name", ""),
        record=details["record"],
        consent_to_publish=details["consent_to_publish"],
    )
    log.info("question asked question=%s signed_in=%s", question.pk, reader is not None)
    if reader is not None:
        return redirect("reference:received", question.access_key)
    later(mail.confirmation_job, question.pk)
    return redirect("reference:check_mail")


def check_mail(request: HttpRequest) -> HttpResponse:
    return render(request, "reference/check_mail.html")


def confirm(request: HttpRequest, access_key: str) -> HttpResponse:
    """The link mailed to an anonymous asker: a button sends their question to the librarians.
    A button, not the link alone: mail scanners that open every link must not confirm a
    question someone else wrote with this address."""
    question = get_object_or_404(Question, access_key=access_key, reader__isnull=True)
    if request.method == "POST" or question.confirmed:
        threads.confirm(question)
        return render(request, "reference/received.html", {"question": question})
    return render(request, "reference/confirm.html", {"question": question})


def received(request: HttpRequest, access_key: str) -> HttpResponse:
    question = get_object_or_404(Question, access_key=access_key)
    if not may_see(request, question):
        raise Http404
    return render(request, "reference/received.html", {"question": question})
