"""The moderation queue in the Wagtail admin: every reader's contribution that every source
registers, filtered by kind, state, language, what it is about and date, approved, rejected or
deleted in bulk after a confirmation.

    /admin/moderation/           the queue (waiting contributions unless filtered otherwise)
    /admin/moderation/act/       approve, reject or delete the chosen ones (POST, confirmed)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import wraps
from math import ceil
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
    QueryDict,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from plugins.comments.contributions import (
    STATE_LABELS,
    Action,
    Contribution,
    QueueFilters,
    queued_sources,
    source_of,
)

PER_PAGE = 50
PERMISSION = "comments.moderate"
ALL_STATES = "all"
DATE = forms.DateInput({"type": "date"})
ACTION_LABELS = {
    Action.APPROVE: _("Approve"),
    Action.REJECT: _("Reject (hide)"),
    Action.DELETE: _("Delete"),
}


def moderators_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A 403 page for those without the permission (Wagtail would send them to its home page
    as if nothing was there)."""

    @wraps(view)
    def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm(PERMISSION):
            return render(request, "comments/admin/denied.html", status=403)
        return view(request, *args, **kwargs)

    return checked


class QueueFilterForm(forms.Form):
    """The queue's filters, from the address: what is wrong in it is ignored."""

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    state = forms.ChoiceField(label=_("State"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    about = forms.ChoiceField(label=_("About"), required=False)
    since = forms.DateField(label=_("From"), required=False, widget=DATE)
    until = forms.DateField(label=_("To"), required=False, widget=DATE)

    def __init__(self, data: QueryDict) -> None:
        super().__init__(data)
        everything = [("", _("all"))]
        sources = queued_sources()
        self.fields["kind"].choices = everything + [(s.kind, s.label) for s in sources]
        self.fields["state"].choices = [
            *((str(state), label) for state, label in STATE_LABELS.items()),
            (ALL_STATES, _("all")),
        ]
        self.fields["language"].choices = everything + list(settings.LANGUAGES)
        content_types = {c.pk: c for s in sources for c in s.content_types()}
        self.fields["about"].choices = everything + [
            (str(pk), str(c.model_class()._meta.verbose_name_plural).capitalize())
            for pk, c in sorted(content_types.items())
            if c.model_class() is not None
        ]

    def filters(self) -> QueueFilters:
        fields = {name: self.data.get(name, "") for name in self.fields}
        for name, field in self.fields.items():
            try:
                fields[name] = field.clean(fields[name])
            except forms.ValidationError:
                fields[name] = field.clean("")
        state = fields["state"] or QueueFilters.state
        return QueueFilters(
            kind=fields["kind"],
            state="" if state == ALL_STATES else state,
            language=fields["language"],
            content_type_id=int(fields["about"]) if fields["about"] else None,
            since=fields["since"],
            until=fields["until"],
        )


def queue_page(filters: QueueFilters, page: int) -> tuple[list[Contribution], int]:
    """The page's contributions, newest first across the sources, and how many match in all:
    two queries or so per source, whatever the number of contributions."""
    sources = [source_of(filters.kind)] if filters.kind else queued_sources()
    sources = [source for source in sources if source is not None]
    newest: list[Contribution] = []
    total = 0
    for source in sources:
        total += source.queue_count(filters)
        newest += source.queue(filters, page * PER_PAGE)
    newest.sort(key=lambda item: (item.created, item.kind, item.pk), reverse=True)
    return newest[(page - 1) * PER_PAGE : page * PER_PAGE], total


@moderators_only
def queue(request: HttpRequest) -> HttpResponse:
    form = QueueFilterForm(request.GET)
    filters = form.filters()
    page = int(request.GET["page"]) if request.GET.get("page", "").isdigit() else 1
    page = max(page, 1)
    rows, total = queue_page(filters, page)
    pages = max(ceil(total / PER_PAGE), 1)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "comments/admin/queue.html",
        {
            "form": form,
            "rows": rows,
            "total": total,
            "page": page,
            "pages": pages,
            "previous": _page_query(query, page - 1) if page > 1 else "",
            "next": _page_query(query, page + 1) if page < pages else "",
            "query": query.urlencode(),
            "actions": ACTION_LABELS.items(),
        },
    )


def _page_query(query: QueryDict, page: int) -> str:
    paged = query.copy()
    paged["page"] = str(page)
    return "?" + paged.urlencode()


@moderators_only
def act(request: HttpRequest) -> HttpResponse:
    """Approve, reject or delete the chosen contributions: first the confirmation, then done."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    back = _queue_url(request.POST.get("query", ""))
    try:
        action = Action(request.POST.get("action", ""))
    except ValueError:
        messages.error(request, _("Choose what to do with the contributions."))
        return HttpResponseRedirect(back)
    chosen = _chosen(request.POST.getlist("item"))
    if not chosen:
        messages.error(request, _("Choose at least one contribution first."))
        return HttpResponseRedirect(back)
    count = sum(len(pks) for pks in chosen.values())
    if request.POST.get("confirmed") != "yes":
        return render(
            request,
            "comments/admin/confirm.html",
            {
                "action": action,
                "action_label": ACTION_LABELS[action],
                "count": count,
                "items": [f"{kind}:{pk}" for kind, pks in chosen.items() for pk in pks],
                "query": request.POST.get("query", ""),
                "back": back,
            },
        )
    done = sum(source_of(kind).moderate(action, pks) for kind, pks in chosen.items())
    messages.success(request, _done_message(action, done))
    return HttpResponseRedirect(back)


def _chosen(keys: list[str]) -> dict[str, list[int]]:
    """The chosen contributions' ids by kind; unknown kinds and junk are left out."""
    chosen: dict[str, list[int]] = defaultdict(list)
    for key in keys:
        kind, _sep, pk = key.partition(":")
        if source_of(kind) is not None and pk.isdigit() and int(pk) not in chosen[kind]:
            chosen[kind].append(int(pk))
    return {kind: pks for kind, pks in chosen.items() if pks}


def _done_message(action: Action, count: int) -> str:
    if action == Action.APPROVE:
        text = ngettext(
            "%(count)s contribution approved.", "%(count)s contributions approved.", count
        )
    elif action == Action.REJECT:
        text = ngettext(
            "%(count)s contribution rejected and hidden.",
            "%(count)s contributions rejected and hidden.",
            count,
        )
    else:
        text = ngettext(
            "%(count)s contribution deleted.", "%(count)s contributions deleted.", count
        )
    return text % {"count": count}


def _queue_url(query: str) -> str:
    """The queue with the filters it had: only a query string is taken from the form."""
    filters = QueryDict(query.lstrip("?"))
    kept = {name: filters[name] for name in QueueFilterForm.base_fields if filters.get(name)}
    url = reverse("moderation_queue")
    return f"{url}?{urlencode(kept)}" if kept else url
