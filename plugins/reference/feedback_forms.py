"""The reader's feedback: a rating of how their question was handled, and suggestions."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from plugins.reference.models import ServiceRating, ServiceSuggestion
from plugins.reference.models.feedback import FEEDBACK_MAX_LENGTH

COMMENT_ERRORS = {
    "max_length": _(
        "Please shorten your text to %(limit_value)d characters (it has %(show_value)d)."
    ),
}
SCORES = [
    (5, _("5 stars: excellent")),
    (4, _("4 stars: good")),
    (3, _("3 stars: fair")),
    (2, _("2 stars: poor")),
    (1, _("1 star: bad")),
]


class RatingForm(forms.ModelForm):
    """1 to 5 stars and a comment; given again, the new rating replaces the old."""

    score = forms.TypedChoiceField(
        label=_("How did we do?"),
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose from 1 to 5 stars.")},
    )
    comment = forms.CharField(
        label=_("Anything to tell us? (optional)"),
        max_length=FEEDBACK_MAX_LENGTH,
        required=False,
        error_messages=COMMENT_ERRORS,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    class Meta:
        model = ServiceRating
        fields = ["score", "comment"]


class SuggestionForm(forms.ModelForm):
    """A suggestion about the library's services, with an address if the reader wants an answer."""

    body = forms.CharField(
        label=_("Your suggestion"),
        max_length=FEEDBACK_MAX_LENGTH,
        error_messages={"required": _("Please write your suggestion."), **COMMENT_ERRORS},
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address, if you would like an answer (optional)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    class Meta:
        model = ServiceSuggestion
        fields = ["body", "email"]
