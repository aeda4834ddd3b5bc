"""The queue's filters, read from the address: status (open by default), whose questions,
topic, language and source. What is wrong in the address is ignored, never an error."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plugins.reference.models import Question, Topic
from plugins.reference.sla import ON_THE_LIBRARY, limits, with_waiting_since
from plugins.reference.threads import OPEN

OPEN_STATUSES = "open"  # the default: new, assigned or waiting for the reader
ALL = "all"
MINE, NOBODY = "me", "nobody"
AMBER, RED = "amber", "red"


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)
    assigned = forms.ChoiceField(
        label=_("Assigned to"),
        required=False,
        choices=[("", _("anyone")), (MINE, _("me")), (NOBODY, _("nobody yet"))],
    )
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    source = forms.ChoiceField(label=_("Asked through"), required=False)
    late = forms.ChoiceField(label=_("Late"), required=False)

    def __init__(self, data: QueryDict) -> None:
        super().__init__(data)
        everything = [("", _("all"))]
        self.fields["status"].choices = [
            (OPEN_STATUSES, _("open (new, assigned, waiting for the reader)")),
            *Question.Status.choices,
            (ALL, _("all")),
        ]
        # Topics are translated snippets: the librarians' own language names each one once.
        topics = Topic.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        self.fields["topic"].choices = everything + [
            (str(topic.translation_key), topic.name) for topic in topics
        ]
        self.fields["language"].choices = everything + list(settings.LANGUAGES)
        self.fields["source"].choices = everything + list(Question.Source.choices)
        first, second = settings.REFERENCE_SLA_HOURS
        self.fields["late"].choices = [
            ("", _("all")),
            (AMBER, _("over %(hours)s h") % {"hours": first}),
            (RED, _("over %(hours)s h") % {"hours": second}),
        ]

    def chosen(self) -> dict[str, str]:
        """Each filter's value, or its default when the address gives nothing usable."""
        values = {}
        for name, field in self.fields.items():
            try:
                values[name] = field.clean(self.data.get(name, ""))
            except forms.ValidationError:
                values[name] = ""
        values["status"] = values["status"] or OPEN_STATUSES
        return values

    def apply(self, questions: QuerySet[Question], user) -> QuerySet[Question]:
        """The confirmed ``questions`` that pass the filters (``user`` is "me"), each with
        when its reader started waiting (``waiting_since``)."""
        values = self.chosen()
        questions = with_waiting_since(questions.filter(confirmed_at__isnull=False))
        if values["status"] == OPEN_STATUSES:
            questions = questions.filter(status__in=OPEN)
        elif values["status"] != ALL:
            questions = questions.filter(status=values["status"])
        if values["assigned"] == MINE:
            questions = questions.filter(assigned_to=user)
        elif values["assigned"] == NOBODY:
            questions = questions.filter(assigned_to__isnull=True)
        if values["topic"]:
            questions = questions.filter(topic__translation_key=values["topic"])
        if values["language"]:
            questions = questions.filter(language=values["language"])
        if values["source"]:
            questions = questions.filter(source=values["source"])
        if values["late"]:
            questions = _late(questions, values["late"])
        return questions


def _late(questions: QuerySet[Question], level: str) -> QuerySet[Question]:
    """Those waiting on the library past the first limit but not the second (amber), or past
    the second (red): as the dashboard counts them."""
    first, second = limits()
    now = timezone.now()
    questions = questions.filter(status__in=ON_THE_LIBRARY)
    if level == RED:
        return questions.filter(waiting_since__lt=now - second)
    return questions.filter(waiting_since__lt=now - first, waiting_since__gte=now - second)
