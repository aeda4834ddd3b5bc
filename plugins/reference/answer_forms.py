"""The forms on a question's admin page: the answer (with a canned answer to start from and
catalogue records to point to), an internal note, the assignment, the topic, close or reopen."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from plugins.opac.models import CatalogueRecord
from plugins.opac.record_chooser import record_chooser_viewset
from plugins.opac.record_urls import CATALOGUE_PATH
from plugins.reference.librarians import librarians, name_of
from plugins.reference.models import CannedAnswer, Question, Topic
from plugins.reference.models.questions import MESSAGE_MAX_LENGTH

ANSWER, ASK_BACK = "answer", "ask"
RECORD_PATH = re.compile(rf"^/(?:[A-Za-z-]+/)?{CATALOGUE_PATH}/([0-9]{{1,18}})(?:/|$)")
ME, NOBODY = "me", ""


def canned_answers(question: Question) -> list[CannedAnswer]:
    """The canned answers in the question's language; those not translated into it in the
    site's default language."""
    default = Locale.get_default()
    wanted = CannedAnswer.objects.filter(
        locale__language_code__in={question.language, default.language_code}
    ).select_related("locale")
    chosen: dict = {}
    for canned in wanted:
        if canned.locale.language_code == question.language or canned.translation_key not in chosen:
            chosen[canned.translation_key] = canned
    return sorted(chosen.values(), key=lambda canned: canned.title.casefold())


def biblio_ids_in(text: str) -> tuple[list[int], list[str]]:
    """The biblio ids of the record page addresses in ``text`` (one a line), and the lines
    that are no record page's address."""
    ids, wrong = [], []
    for line in filter(None, (line.strip() for line in text.splitlines())):
        found = RECORD_PATH.match(urlsplit(line).path)
        if found:
            ids.append(int(found.group(1)))
        else:
            wrong.append(line)
    return ids, wrong


class AnswerForm(forms.Form):
    """A librarian's answer, or a question back to the reader."""

    canned = forms.ModelChoiceField(
        label=_("Canned answer"), queryset=CannedAnswer.objects.none(), required=False
    )
    body = forms.CharField(
        label=_("Text of the answer"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    record = forms.ModelChoiceField(
        label=_("Catalogue record"),
        queryset=CatalogueRecord.objects.all(),
        required=False,
        widget=record_chooser_viewset.widget_class(),
    )
    record_urls = forms.CharField(
        label=_("Record page addresses"),
        help_text=_("Paste the addresses of other records’ pages, one a line."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    intent = forms.ChoiceField(
        label=_("This is"),
        choices=[
            (ANSWER, _("the answer (the question is answered)")),
            (ASK_BACK, _("a question back to the reader (waiting for the reader)")),
        ],
        initial=ANSWER,
        widget=forms.RadioSelect,
    )

    def __init__(self, question: Question, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.canned_choices = canned_answers(question)
        self.fields["canned"].queryset = CannedAnswer.objects.filter(
            pk__in=[canned.pk for canned in self.canned_choices]
        )
        self.fields["canned"].choices = [("", _("— choose —"))] + [
            (canned.pk, canned.title) for canned in self.canned_choices
        ]

    def clean_record_urls(self) -> list[CatalogueRecord]:
        ids, wrong = biblio_ids_in(self.cleaned_data["record_urls"])
        found = {record.pk: record for record in CatalogueRecord.objects.filter(pk__in=ids)}
        wrong += [str(biblio_id) for biblio_id in ids if biblio_id not in found]
        if wrong:
            raise forms.ValidationError(
                _("These are no catalogue record’s page: %(lines)s") % {"lines": ", ".join(wrong)}
            )
        return list(found.values())

    def records(self) -> list[CatalogueRecord]:
        chosen = self.cleaned_data["record_urls"]
        record = self.cleaned_data.get("record")
        if record is not None and record not in chosen:
            chosen = [record, *chosen]
        return chosen

    def status(self) -> str:
        if self.cleaned_data["intent"] == ASK_BACK:
            return Question.Status.WAITING
        return Question.Status.ANSWERED


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("Text of the note"),
        help_text=_("Only librarians see it; the reader never does."),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs) -> None:
        # Beside the answer on one page: its own ids, the same field names.
        super().__init__(*args, auto_id="note_%s", **kwargs)


class AssignForm(forms.Form):
    librarian = forms.ChoiceField(label=_("Assign to"), required=False)

    def __init__(self, user, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.others = {str(each.pk): each for each in librarians().exclude(pk=user.pk)}
        self.fields["librarian"].choices = [
            (ME, _("me")),
            (NOBODY, _("nobody (every librarian)")),
            *((pk, name_of(each)) for pk, each in self.others.items()),
        ]

    def chosen(self):
        value = self.cleaned_data["librarian"]
        if value == ME:
            return self.user
        return self.others.get(value)


class TopicForm(forms.Form):
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.none(),
        required=False,
        empty_label=_("— none —"),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        )
