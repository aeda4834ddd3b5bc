"""The reader's question form: what they ask, about which record, in which language, and
where the answer goes."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from plugins.opac.models import CatalogueRecord
from plugins.reference.models.questions import QUESTION_MAX_LENGTH

BODY_ERRORS = {
    "required": _("Please write your question."),
    "max_length": _(
        "Your question is %(show_value)d characters long; please shorten it to %(limit_value)d."
    ),
}


# Koha's biblionumbers as the catalogue's routes take them: what the database's bigint holds.
MAX_BIBLIO_ID = 10**18 - 1


def biblio_id_in(value: object) -> int | None:
    """A record id given in the address or the form, or None for anything else."""
    text = str(value if value is not None else "")
    if not (text.isascii() and text.isdigit()):  # "²" is a digit to str.isdigit, not to int
        return None
    return int(text) if 0 < int(text) <= MAX_BIBLIO_ID else None


def question_field(label: str) -> forms.CharField:
    """The text of a question or a reply: required, a page long at most."""
    return forms.CharField(
        label=label,
        max_length=QUESTION_MAX_LENGTH,
        error_messages=BODY_ERRORS,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class QuestionForm(forms.Form):
    """A question to the librarians. A signed-in reader is not asked for a name or an address:
    the answer goes to their account's."""

    body = question_field(_("Your question"))
    record = forms.CharField(required=False, widget=forms.HiddenInput)  # a biblio id
    language = forms.ChoiceField(label=_("Answer me in"), choices=settings.LANGUAGES)
    name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send the answer there, and first a link to confirm it is yours."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent_to_publish = forms.BooleanField(
        label=_(
            "The library may publish the answer in its knowledge base, without my name or address."
        ),
        required=False,
    )
    # Hidden from people by the page's style; robots fill it in.
    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, signed_in: bool, language: str, **kwargs) -> None:
        kwargs.setdefault("initial", {}).setdefault("language", language)
        super().__init__(*args, **kwargs)
        if signed_in:  # the account has both
            del self.fields["email"]
            del self.fields["name"]

    def clean_record(self) -> CatalogueRecord | None:
        """The record asked about; an id the catalogue does not know (or no id at all) is
        left out rather than refused: the reader cannot see or change this field."""
        biblio_id = biblio_id_in(self.cleaned_data.get("record"))
        if biblio_id is None:
            return None
        return CatalogueRecord.objects.filter(pk=biblio_id).only("pk", "title").first()

    def filled_by_robot(self) -> bool:
        return bool(self.cleaned_data.get("website"))
