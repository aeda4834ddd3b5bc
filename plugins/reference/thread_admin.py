"""A question's page in the Wagtail admin (/admin/reference/<pk>/): the question, who asked it
(shown to librarians only), the whole thread with internal notes set apart, and the forms that
act on it through ``plugins.reference.threads``. Each form posts to its own address, which
redirects back with a message, or shows the page again with what was typed when it is wrong."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from plugins.opac.record_urls import record_url
from plugins.reference import threads
from plugins.reference.answer_forms import (
    ME,
    NOBODY,
    AnswerForm,
    AssignForm,
    NoteForm,
    TopicForm,
)
from plugins.reference.librarian_access import librarians_only
from plugins.reference.models import Message, Question, Topic
from plugins.reference.sla import level_at, with_waiting_since

Status = Question.Status


def _question(pk: int) -> Question:
    messages_in_order = Message.objects.select_related("author").prefetch_related("records")
    return get_object_or_404(
        with_waiting_since(Question.objects.all())
        .select_related("reader", "record", "topic", "assigned_to")
        .prefetch_related(Prefetch("messages", queryset=messages_in_order)),
        pk=pk,
    )


def _forms(request: HttpRequest, question: Question, **bound) -> dict:
    """Each form of the page: the one given bound (with its errors and text), the rest new."""
    assignee = question.assigned_to_id
    initial_assignee = (
        ME if assignee == request.user.pk else NOBODY if assignee is None else str(assignee)
    )
    topic = question.topic
    if topic is not None:  # the form lists topics in the librarians' language
        topic = (
            Topic.objects.filter(
                translation_key=topic.translation_key, locale__language_code=settings.LANGUAGE_CODE
            ).first()
            or topic
        )
    return {
        "answer_form": bound.get("answer") or AnswerForm(question),
        "note_form": bound.get("note") or NoteForm(),
        "assign_form": bound.get("assign")
        or AssignForm(request.user, initial={"librarian": initial_assignee}),
        "topic_form": bound.get("topic") or TopicForm(initial={"topic": topic}),
    }


def _page(request: HttpRequest, question: Question, status: int = 200, **bound) -> HttpResponse:
    record = question.record
    forms = _forms(request, question, **bound)
    return render(
        request,
        "reference/admin/question.html",
        {
            "question": question,
            "level": level_at(question, timezone.now()),
            "record_url": record and record_url(record.pk, record.title, question.language),
            "thread": [
                (message, [(r, record_url(r.pk, r.title, question.language)) for r in records])
                for message in question.messages.all()
                for records in [message.records.all()]
            ],
            **forms,
            "canned_texts": {str(c.pk): c.body for c in forms["answer_form"].canned_choices},
        },
        status=status,
    )


def _back(question: Question) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("reference_question", args=[question.pk]))


@librarians_only
def question_page(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, _question(pk))


def _posted(view: Callable[[HttpRequest, Question], HttpResponse]):
    """A POST-only action on one question, for librarians."""

    @wraps(view)
    @librarians_only
    def act(request: HttpRequest, pk: int) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return view(request, _question(pk))

    return act


@_posted
def answer(request: HttpRequest, question: Question) -> HttpResponse:
    """Send the answer; or, with "Use", put the chosen canned answer into the text first."""
    form = AnswerForm(question, request.POST)
    if "use_canned" in request.POST:
        return _page(request, question, answer=_with_canned(question, form))
    if not form.is_valid():
        return _page(request, question, status=400, answer=form)
    threads.answer(
        question,
        request.user,
        form.cleaned_data["body"],
        records=form.records(),
        status=form.status(),
    )
    if form.status() == Status.WAITING:
        messages.success(request, _("Your question was sent to the reader."))
    else:
        messages.success(request, _("Your answer was sent to the reader."))
    return _back(question)


def _with_canned(question: Question, form: AnswerForm) -> AnswerForm:
    """The form again, its text followed by the chosen canned answer's."""
    typed = {name: form.data.get(name, "") for name in form.fields}
    chosen = {str(canned.pk): canned for canned in form.canned_choices}.get(typed["canned"])
    if chosen is not None:
        typed["body"] = "\n\n".join(filter(None, [typed["body"].strip(), chosen.body]))
    return AnswerForm(question, initial={**typed, "record": typed["record"] or None})


@_posted
def note(request: HttpRequest, question: Question) -> HttpResponse:
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _page(request, question, status=400, note=form)
    threads.note(question, request.user, form.cleaned_data["body"])
    messages.success(request, _("Your note was added."))
    return _back(question)


@_posted
def assign(request: HttpRequest, question: Question) -> HttpResponse:
    form = AssignForm(request.user, request.POST)
    if not form.is_valid():
        return _page(request, question, status=400, assign=form)
    librarian = form.chosen()
    threads.assign(question, librarian, by=request.user)
    if librarian is None:
        messages.success(request, _("The question is for every librarian now."))
    else:
        messages.success(request, _("The question is assigned."))
    return _back(question)


@_posted
def topic(request: HttpRequest, question: Question) -> HttpResponse:
    form = TopicForm(request.POST)
    if not form.is_valid():
        return _page(request, question, status=400, topic=form)
    threads.set_topic(question, form.cleaned_data["topic"])
    messages.success(request, _("The topic is saved."))
    return _back(question)


@_posted
def status(request: HttpRequest, question: Question) -> HttpResponse:
    """Close the thread, or open it again (back to its librarian, or to everyone)."""
    if request.POST.get("status") == "close":
        threads.set_status(question, Status.CLOSED)
        messages.success(request, _("The question is closed."))
    elif request.POST.get("status") == "reopen":
        threads.set_status(question, Status.ASSIGNED if question.assigned_to_id else Status.NEW)
        messages.success(request, _("The question is open again."))
    else:
        messages.error(request, _("Choose whether to close or to reopen the question."))
    return _back(question)
